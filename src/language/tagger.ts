import { createRequire } from 'node:module';
import type winkNLPType from 'wink-nlp';

/** One word of a sentence with its part of speech (Universal POS tags: NOUN, PROPN, VERB, ADP, …) and offsets. */
export type TaggedWord = { text: string; start: number; end: number; pos: string; lemma: string };

type Tagger = ReturnType<typeof winkNLPType>;

// The model is loaded when first needed or by loadTagger, not when this module is: a thread that never tags does not
// pay for it. Only the tagger is needed: no entities, sentiment or negation pass, which would slow every call.
let nlp: Tagger | null = null;

/** Loads the part-of-speech model now, so that the first question does not wait for it. */
export function loadTagger(): void {
  tagger();
}

function tagger(): Tagger {
  if (nlp === null) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as typeof winkNLPType;
    nlp = winkNLP(require('wink-eng-lite-web-model'), ['pos']);
  }
  return nlp;
}

// The same top passages are tagged for question after question; a bounded cache keeps them.
const cache = new Map<string, TaggedWord[]>();
const cacheLimit = 20_000;
// Tagging cost grows with length; a run-on "sentence" of thousands of words is cut, never tagged whole.
const maxTaggedLength = 2_000;

/** Tags a sentence's words with their part of speech and lemma; only its first 2,000 characters are read. */
export function tagSentence(sentence: string): readonly TaggedWord[] {
  const cached = cache.get(sentence);
  if (cached !== undefined) return cached;
  const text = sentence.length > maxTaggedLength ? sentence.slice(0, maxTaggedLength) : sentence;
  const nlp = tagger();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // The lite model's lemma accessor is typed for the full model's add-ons; it returns strings all the same.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
  const words: TaggedWord[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // The tagger expands contractions ("didn't" → "did" "not"); a token not found as printed keeps the last offset.
    const at = text.indexOf(value, offset);
    const start = at >= 0 && at - offset < 40 ? at : offset;
    const end = at >= 0 && at - offset < 40 ? at + value.length : offset;
    const previous = words.at(-1);
    // The tagger cuts words at letters outside ASCII ("Peri" "ć", "Cheł" "m." at a sentence's end); pieces that
    // touch are one word again, and a full stop the piece carried is a stop of its own.
    const piece = /^([\p{L}\p{M}]+)(\.?)$/u.exec(value);
    if (previous !== undefined && piece !== null && start === previous.end && start > previous.start && /[\p{L}\p{M}]$/u.test(previous.text)) {
      const letters = piece[1]!;
      previous.text += letters;
      previous.end = start + letters.length;
      if (previous.pos === 'X') previous.pos = tags[i] ?? 'X';
      previous.lemma = previous.text.toLowerCase();
      if (piece[2] === '.') words.push({ text: '.', start: previous.end, end: end, pos: 'PUNCT', lemma: '.' });
    } else {
      words.push({ text: value, start, end, pos: tags[i] ?? 'X', lemma: lemmas[i] ?? value.toLowerCase() });
    }
    offset = end;
  }
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(sentence, words);
  return words;
}
