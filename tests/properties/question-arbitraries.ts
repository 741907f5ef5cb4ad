// Question generators for the property tests and `npm run fuzz`: questions built from a story's own sentences and
// names, in the shapes that have broken answerers before (repeated names in a list, wh-words swapped onto any
// phrase, questions at the length cap, odd Unicode, names alone).
import fc from 'fast-check';
import { maxQuestionLength } from '../../src/answer/answer-question.js';
import { findNamePhrases } from '../../src/language/names.js';
import type { Story } from '../../src/story.js';

/** What questions about a story are made from: its sentences, the names they print, their words, and its outlets. */
export type StoryMaterial = { sentences: string[]; names: string[]; words: string[]; outlets: string[] };

/** Collects a story's sentences, names and words (at most a few thousand of each, for a large story). */
export function materialOf(story: Story): StoryMaterial {
  const sentences: string[] = [];
  const names = new Set<string>();
  const words = new Set<string>();
  const outlets = new Set<string>();
  for (const article of story.articles()) {
    for (const outlet of [article.source, ...article.credits]) if (outlet !== null && outlets.size < 200) outlets.add(outlet);
    for (const passage of article.passages) {
      if (sentences.length < 4000) sentences.push(passage.normalized);
      if (names.size < 2000) for (const phrase of findNamePhrases(passage.normalized)) names.add(phrase.text);
      if (words.size < 4000) for (const word of passage.normalized.split(/\s+/)) if (/^\p{L}{3,}$/u.test(word)) words.add(word.toLowerCase());
    }
  }
  if (sentences.length === 0) throw new Error('materialOf: the story has no passages');
  return { sentences, names: names.size > 0 ? [...names] : ['Nobody'], words: words.size > 0 ? [...words] : ['story'], outlets: [...outlets, 'The Nowhere Times'] };
}

/** The question words and phrases swapped onto the story's phrases. */
export const questionWords = ['who', 'what', 'when', 'where', 'which city', 'which country', 'how many', 'how much', 'why', 'who is', 'what did', 'how long', 'which'];

// Characters that have tripped text handling: zero-width and bidi controls, the Arabic letter mark, emoji with
// joiners and skin tones, combining marks, other scripts, a lone surrogate, ligatures, ping syntax, control codes.
const oddCharacters = [
  '\u200B', '\u200D', '\u202E', '\u2066', '\u2069', '\u061C', '\uFEFF', '\u00AD', '😀', '👩‍👩‍👧', '👍🏽', '\u0301', '中文', 'العربية', 'עברית',
  '\uD800', 'ﬁ', 'İ', 'ß', '＠everyone', '@everyone', '@here', '<!channel>', '<@U123>', '<!subteam^S1|@team>', '\t', '\u0007', '\u2028', '…', '"', '“', '’',
];

function windowOf(sentence: string, minWords: number, maxWords: number): fc.Arbitrary<string> {
  const words = sentence.split(/\s+/).filter((word) => word !== '');
  const most = Math.max(1, Math.min(maxWords, words.length));
  return fc
    .tuple(fc.nat({ max: Math.max(0, words.length - 1) }), fc.integer({ min: Math.min(minWords, most), max: most }))
    .map(([start, length]) => words.slice(start, start + length).join(' '));
}

/** A phrase of the story's words: a window of one of its sentences. */
function phrase(material: StoryMaterial, minWords: number, maxWords: number): fc.Arbitrary<string> {
  return fc.constantFrom(...material.sentences).chain((sentence) => windowOf(sentence, minWords, maxWords));
}

/** "which country … ?" over a window of a sentence. */
export function whSwapped(material: StoryMaterial): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...questionWords), phrase(material, 1, 10), fc.boolean()).map(([wh, rest, mark]) => `${wh} ${rest}${mark ? '?' : ''}`);
}

/** A window of a sentence as it stands, asked as a question or not. */
export function sentenceWindow(material: StoryMaterial): fc.Arbitrary<string> {
  return fc.tuple(phrase(material, 1, 30), fc.boolean()).map(([text, mark]) => (mark ? `${text}?` : text));
}

/** A list of the story's names with at least one repeated: "Where did A, B and A meet?". */
export function nameListWithRepeats(material: StoryMaterial): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fc.constantFrom(...material.names), { minLength: 1, maxLength: 5 }), fc.nat(), fc.constantFrom(...questionWords), phrase(material, 0, 4))
    .map(([names, at, wh, tail]) => {
      const list = [...names];
      list.splice(at % (list.length + 1), 0, list[at % list.length]!);
      return `${wh} ${list.slice(0, -1).join(', ')} and ${list.at(-1)} ${tail}?`.replace(/\s+/g, ' ');
    });
}

/** A question padded with the story's words to exactly the length cap, or one character past it. */
export function atLengthCap(material: StoryMaterial): fc.Arbitrary<string> {
  return fc
    .tuple(whSwapped(material), fc.array(fc.constantFrom(...material.words), { minLength: 200, maxLength: 260 }), fc.constantFrom(0, 1))
    .map(([start, padding, over]) => `${start} ${padding.join(' ')}`.padEnd(maxQuestionLength + over, ' x').slice(0, maxQuestionLength + over));
}

/** A question with odd characters put in at random places. */
export function withOddUnicode(material: StoryMaterial): fc.Arbitrary<string> {
  return fc
    .tuple(fc.oneof(whSwapped(material), nameListWithRepeats(material)), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...oddCharacters)), { minLength: 1, maxLength: 8 }))
    .map(([question, inserts]) => {
      let text = question;
      for (const [at, character] of inserts) {
        const where = at % (text.length + 1);
        text = `${text.slice(0, where)}${character}${text.slice(where)}`;
      }
      return text;
    });
}

/** One to three of the story's names and nothing else. */
export function namesOnly(material: StoryMaterial): fc.Arbitrary<string> {
  return fc.tuple(fc.array(fc.constantFrom(...material.names), { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', ', ', ' and '), fc.boolean()).map(([names, joiner, mark]) => `${names.join(joiner)}${mark ? '?' : ''}`);
}

/** A question asked of one outlet, or of a name in an outlet's place ("…, according to X?", "and X?"), or of the outlets. */
export function askedOfOutlet(material: StoryMaterial): fc.Arbitrary<string> {
  const outlet = fc.oneof(fc.constantFrom(...material.outlets), fc.constantFrom(...material.names), fc.constantFrom(...material.outlets).map((name) => name.toUpperCase()));
  return fc.tuple(outlet, whSwapped(material), phrase(material, 0, 6), fc.nat({ max: 5 })).map(([name, question, topic, form]) => {
    const bare = question.replace(/\?$/, '');
    return [`${bare}, according to the ${name}?`, `According to ${name}, ${bare}?`, `what does ${name} say about ${topic}?`, `and ${name}?`, `what's the latest from ${name}`, `which outlets reported ${topic}?`][form]!;
  });
}

/** A question about what comes next: "what's next for …?", "when is the next …?", "any upcoming …?". */
export function whatComesNext(material: StoryMaterial): fc.Arbitrary<string> {
  return fc.tuple(phrase(material, 0, 5), fc.constantFrom(...material.words), fc.nat({ max: 3 })).map(([topic, word, form]) =>
    [`what's next for ${topic}?`, `when is the next ${word}?`, `any upcoming ${word}s?`, `what happens next ${topic}`][form]!,
  );
}

/** Every kind of generated question about a story, mixed. */
export function storyQuestion(material: StoryMaterial): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: whSwapped(material), weight: 4 },
    { arbitrary: sentenceWindow(material), weight: 3 },
    { arbitrary: nameListWithRepeats(material), weight: 3 },
    { arbitrary: atLengthCap(material), weight: 1 },
    { arbitrary: withOddUnicode(material), weight: 2 },
    { arbitrary: namesOnly(material), weight: 1 },
    { arbitrary: askedOfOutlet(material), weight: 2 },
    { arbitrary: whatComesNext(material), weight: 1 },
  );
}
