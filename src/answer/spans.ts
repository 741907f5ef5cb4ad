import { findTimeMentions } from '../language/dates.js';
import { listedText } from '../format.js';
import { months, weekdays } from '../language/lexicon.js';
import { findNamePhrases, isTitleCase, type NameRegistry } from '../language/names.js';
import { isKindOf } from '../language/noun-kinds.js';
import { termKey } from '../search/terms.js';
import { tagSentence, type TaggedWord } from '../language/tagger.js';
import { textAfterGluedHeading } from '../ingest/glued-headings.js';
import type { Candidate } from './candidates.js';
import type { RankedPassage } from './rank.js';

/** What sort of phrase a candidate answer span is. */
export type SpanKind = 'person' | 'place' | 'organisation' | 'name' | 'time' | 'number' | 'noun' | 'verb' | 'list' | 'description';

/** A phrase of a ranked passage that may be the direct answer. */
export type AnswerSpan = {
  /** The text to show: the phrase as printed, or a typed candidate's display ("Thursday (Dec 4)"). */
  text: string;
  /** Offsets in the passage's normalised text. */
  start: number;
  end: number;
  kind: SpanKind;
  /** The ranked passage it stands in, and that passage's place in the ranking (0 for the best). */
  entry: RankedPassage;
  rank: number;
  /** Its words, as tagged. */
  words: readonly TaggedWord[];
  /** The typed candidate it came from, when the question's own reader found it (a name, time or figure). */
  candidate: Candidate | null;
};

// A year, a decade or a century ("1066", "the 1050s", "10th century") is a time, not a count.
const timeLike = /^(?:1\d{3}|20\d{2}|\d{1,4}0s|\d{1,2}(?:st|nd|rd|th)|centur(?:y|ies)|decades?)$/i;
const nounTags = new Set(['NOUN', 'PROPN', 'NUM']);
const modifierTags = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'SYM']);
const percentSign = /^[%‰]$/;
const possessives = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
// A longest noun phrase: a run of more words is a list or a clause, not one answer.
const maxPhraseWords = 10;

/**
 * The candidate answer spans of one ranked passage: its noun phrases (with and without their article, and joined
 * by "of" to the next), the names in them, lists of them, a verb with its object, and the typed candidates
 * (names, times, figures, descriptions) the question's reader already found.
 */
export function findAnswerSpans(entry: RankedPassage, rank: number, names: NameRegistry): AnswerSpan[] {
  // A heading glued to the sentence's start ("First Painting Recovered Belgian police …") answers nothing itself.
  const sentence = textAfterGluedHeading(entry.passage);
  const words = tagSentence(sentence);
  const spans: AnswerSpan[] = [];
  const seen = new Set<string>();
  const phrases = findNamePhrases(sentence);
  const times = findTimeMentions(sentence);
  // An article's headline capitalises every word ("Acme Is Quitting Porto, Who Wants To Buy It"): there a run of
  // capitals is a name only when each of its words is one the story prints as a name in running text.
  const headline = entry.passage.role === 'headline' && isTitleCase(sentence);
  const kindAt = (start: number, end: number, inner: readonly TaggedWord[]): SpanKind => {
    if (times.some((time) => time.start < end && start < time.end) || inner.some((word) => timeLike.test(word.text))) return 'time';
    if (inner.some((word) => word.pos === 'NUM')) return 'number';
    // A sentence's first word is capitalised whatever it is: "Odd castings include …" names nobody, unless the story
    // also writes that word capitalised mid-sentence.
    if (headline && inner.some((word) => /^\p{Lu}/u.test(word.text) && !names.isKnownName(word.text))) return 'noun';
    if (inner.some((word) => word.pos === 'PROPN' && (word.start > 0 || names.isKnownName(word.text)))) {
      const phrase = phrases.find((candidate) => candidate.start < end && start < candidate.end);
      const kind = phrase === undefined ? 'unknown' : names.kindOf(phrase);
      return kind === 'unknown' ? 'name' : kind;
    }
    return 'noun';
  };
  // An aggregator's reference markers ("[2]") are not figures of the story.
  const markers = [...sentence.matchAll(/\[\d{1,3}\]/g)].map((match) => [match.index, match.index + match[0].length] as const);
  const inMarker = (start: number, end: number) => markers.some(([from, to]) => start < to && from < end);
  const add = (from: number, to: number, kind?: SpanKind) => {
    if (to <= from || to - from > maxPhraseWords + 4) return;
    const inner = words.slice(from, to);
    const start = inner[0]!.start;
    const end = inner.at(-1)!.end;
    if (end <= start || seen.has(`${start}:${end}`) || inMarker(start, end)) return;
    // The tagger may cut inside a word ("H-190s" as "H-1" and "90s"): a span begins and ends where words do.
    if (/[\p{L}\p{N}]/u.test(sentence[end] ?? '') || /[\p{L}\p{N}]/u.test(sentence[start - 1] ?? '')) return;
    // A word masked with asterisks ("F**k") or cut to one letter by the mask answers nothing.
    if (/\*/.test(sentence.slice(start, end + 1)) || /^\p{L}$/u.test(sentence.slice(start, end))) return;
    seen.add(`${start}:${end}`);
    spans.push({ text: sentence.slice(start, end), start, end, kind: kind ?? kindAt(start, end, inner), entry, rank, words: inner, candidate: null });
  };

  const chunks = nounChunks(words);
  for (const [from, to] of chunks) {
    add(from, to);
    // Without its article or possessive: "the treaty" and "treaty" score alike, but "his men" is not "men".
    let bare = from;
    while (bare < to - 1 && (words[bare]!.pos === 'DET' || possessives.has(words[bare]!.text.toLowerCase()))) bare++;
    if (bare > from) add(bare, to);
    // The name inside a longer phrase: "the famed Viking ruler Rollo" holds "Rollo".
    let i = bare;
    while (i < to) {
      if (words[i]!.pos !== 'PROPN') {
        i++;
        continue;
      }
      let j = i;
      while (j < to && (words[j]!.pos === 'PROPN' || joinedByHyphen(words, j))) j++;
      if (i > bare || j < to) add(i, j);
      i = j;
    }
  }
  // "the treaty of Saint-Clair-sur-Epte", "the Duchy of Normandy": a phrase and the one "of" joins to it.
  for (let k = 0; k + 1 < chunks.length; k++) {
    const [from, to] = chunks[k]!;
    const [nextFrom, nextTo] = chunks[k + 1]!;
    if (nextFrom !== to + 1 || !/^(?:of|per)$/i.test(words[to]!.text)) continue;
    add(from, nextTo);
    // The names alone, without the words around them: "Ohio Department of Law Enforcement" of "The Ohio Department of
    // Law Enforcement", "Conrad of Montferrat" of "his rival Conrad of Montferrat".
    let nameFrom = to;
    while (nameFrom > from && words[nameFrom - 1]!.pos === 'PROPN') nameFrom--;
    let nameTo = nextFrom;
    while (nameTo < nextTo && words[nameTo]!.pos === 'PROPN') nameTo++;
    if (nameFrom < to && nameTo > nextFrom && (nameFrom > from || nameTo < nextTo)) add(nameFrom, nameTo);
  }
  // "Denmark, Iceland and Norway": a list of phrases goes whole.
  for (let k = 0; k < chunks.length; k++) {
    let last = k;
    while (last + 1 < chunks.length && listGap(words, chunks[last]![1], chunks[last + 1]![0]) && sameItemKind(words, chunks[last]!, chunks[last + 1]!)) last++;
    if (last > k) add(chunks[k]![0], chunks[last]![1], 'list');
  }
  // "what did they do": a verb and its object ("replaced the Norse religion").
  for (let k = 0; k < words.length; k++) {
    if (words[k]!.pos !== 'VERB') continue;
    const object = chunks.find(([from]) => from > k && from <= k + 2);
    if (object !== undefined && words.slice(k + 1, object[0]).every((word) => word.pos === 'ADP' || word.pos === 'PART' || word.pos === 'ADV' || word.pos === 'DET')) {
      add(k, object[1], 'verb');
    }
  }
  // Candidates past the words the tagger read (a run-on "sentence" of thousands of words) are left out with them.
  const byOffsets = new Map(spans.map((span) => [`${span.start}:${span.end}`, span]));
  const tagged = words.at(-1)?.end ?? 0;
  for (const candidate of entry.candidates) {
    if (candidate.end > tagged) continue;
    const key = `${candidate.start}:${candidate.end}`;
    const kind = candidateKind(candidate);
    const existing = byOffsets.get(key);
    if (existing !== undefined) {
      existing.candidate = candidate;
      existing.text = candidate.display;
      existing.kind = kind;
      continue;
    }
    const covered = words.filter((word) => word.start >= candidate.start && word.end <= candidate.end);
    const span: AnswerSpan = { text: candidate.display, start: candidate.start, end: candidate.end, kind, entry, rank, words: covered, candidate };
    byOffsets.set(key, span);
    spans.push(span);
  }
  addRanges(sentence, spans);
  return spans;
}

// Between two figures of one range: "1% to 3%", "27 - 30", "between 5,000 and 10,000", "two or three".
const rangeGap = /^\s*(?:to|-|–|—|or|and)\s*$/i;

// A range of figures answers as one: "1% to 3%" for "how much …?", not "1%".
function addRanges(sentence: string, spans: AnswerSpan[]): void {
  const figures = spans.filter((span) => span.kind === 'number').sort((a, b) => a.start - b.start || b.end - a.end);
  const seen = new Set(spans.map((span) => `${span.start}:${span.end}`));
  for (const first of figures) {
    for (const second of figures) {
      if (second.start <= first.end) continue;
      const gap = sentence.slice(first.end, second.start);
      if (!rangeGap.test(gap)) continue;
      if (/and/i.test(gap) && !/\bbetween\s+$/i.test(sentence.slice(0, first.start))) continue;
      const key = `${first.start}:${second.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      spans.push({ ...first, text: sentence.slice(first.start, second.end), end: second.end, words: [...first.words, ...second.words], candidate: null });
    }
  }
}

function candidateKind(candidate: Candidate): SpanKind {
  switch (candidate.kind) {
    case 'person':
    case 'place':
      return candidate.kind;
    case 'name':
      return 'organisation';
    case 'date':
    case 'clock':
      return 'time';
    case 'duration':
    case 'money':
    case 'percent':
    case 'count':
      return 'number';
    case 'description':
      return 'description';
  }
}

// Maximal noun phrases as word ranges [from, to): an optional article or possessive, modifiers, and a noun, name
// or number at the end; hyphenated words ("Saint-Clair-sur-Epte") stay whole.
function nounChunks(words: readonly TaggedWord[]): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let i = 0;
  while (i < words.length) {
    const from = i;
    // A phrase does not open inside a hyphened word: "out-of-control social life" gives no "-of-control …".
    if (joinedByHyphen(words, i)) {
      i++;
      continue;
    }
    // "After that Neroy …", "the fact that Acme …": a "that" before a name ends what came before; no one's name
    // takes it as an article.
    if (/^(?:that|which)$/i.test(words[i]!.text) && words[i + 1]?.pos === 'PROPN') {
      i++;
      continue;
    }
    // "on Twitter, bragging about her wife": a lone "-ing" word after a comma that goes on with a preposition or an
    // object opens a clause about the subject, whatever the tagger calls it; it is no thing and no list item.
    if (participleAfterComma(words, i)) {
      i++;
      continue;
    }
    if (words[i]!.pos === 'DET' || possessives.has(words[i]!.text.toLowerCase())) i++;
    let lastNoun = -1;
    let j = i;
    while (j < words.length && j - from < maxPhraseWords) {
      const word = words[j]!;
      if (modifierTags.has(word.pos) || joinedByHyphen(words, j) || (word.pos === 'PART' && /^['’]s$/.test(word.text) && j > i)) {
        // "14%": the sign belongs to its figure.
        if (nounTags.has(word.pos) || (percentSign.test(word.text) && words[j - 1]?.pos === 'NUM')) lastNoun = j;
        j++;
        continue;
      }
      // "a 14% raise", "a 5% cut": after a percentage the tagger reads the noun as a verb.
      if (word.pos === 'VERB' && percentSign.test(words[j - 1]?.text ?? '') && !/(?:ed|ing)$/i.test(word.text)) {
        lastNoun = j;
        j++;
        continue;
      }
      break;
    }
    // "a 9-year-old male": a phrase does not end inside a hyphened word either.
    if (lastNoun >= 0 && joinedByHyphen(words, lastNoun + 1)) {
      while (lastNoun >= i && (joinedByHyphen(words, lastNoun + 1) || !nounTags.has(words[lastNoun]!.pos))) lastNoun--;
      if (lastNoun < i) lastNoun = -1;
    }
    if (lastNoun >= 0) {
      chunks.push([from, lastNoun + 1]);
      i = lastNoun + 1;
    } else i = Math.max(j, from + 1);
  }
  return chunks;
}

function participleAfterComma(words: readonly TaggedWord[], i: number): boolean {
  const word = words[i]!;
  return words[i - 1]?.text === ',' && /^\p{Ll}+ing$/u.test(word.text) && word.text.length > 5 && clauseGoesOn.has(words[i + 1]?.pos ?? '');
}
const clauseGoesOn = new Set(['ADP', 'DET', 'PRON', 'SCONJ']);

// A hyphen or a word glued to the one before it by a hyphen belongs to that word.
function joinedByHyphen(words: readonly TaggedWord[], i: number): boolean {
  const word = words[i];
  const previous = words[i - 1];
  if (word === undefined || previous === undefined) return false;
  return (word.text === '-' && word.start === previous.end) || (previous.text === '-' && previous.start !== previous.end && word.start === previous.end && i >= 2);
}

// Items of one list are alike: a bare figure beside a name is a phrase set before a clause ("In 2005, Democrat Tim
// Kaine won"), not a list.
function sameItemKind(words: readonly TaggedWord[], [from, to]: readonly [number, number], [nextFrom, nextTo]: readonly [number, number]): boolean {
  const bareFigure = (start: number, end: number) => words.slice(start, end).every((word) => word.pos === 'NUM' || word.pos === 'DET');
  // Nor is a day beside a place ("in Ghent, Belgium, Wednesday, April 14"): a time lists only with times.
  const time = (start: number, end: number) => words.slice(start, end).some((word) => weekdays.has(word.text.toLowerCase()) || months.has(word.text.toLowerCase().replace(/\.$/, '')));
  return bareFigure(from, to) === bareFigure(nextFrom, nextTo) && time(from, to) === time(nextFrom, nextTo);
}

// Between two phrases of a list: a comma, "and", "or", or a comma and "and".
function listGap(words: readonly TaggedWord[], end: number, next: number): boolean {
  const gap = words.slice(end, next).map((word) => word.text.toLowerCase());
  return gap.length >= 1 && gap.length <= 2 && gap.every((word) => word === ',' || word === 'and' || word === 'or') && (gap.length === 1 || gap[0] === ',');
}

// Words that only join a phrase to what it leaves out once an edge is cut: "the conquest of Jerusalem" less
// "conquest" is "Jerusalem", not "of Jerusalem"; articles go too, as the answer's scorers drop them anyway.
const edgeTags = new Set(['DET', 'ADP', 'PUNCT', 'PART']);
const articles = new Set(['the', 'a', 'an']);

/**
 * The span less the words at its edges that the question asks with ("What culture …?" and "Irish culture" give
 * "Irish"; "How many customaries …?" and "two customaries" give "two"; "What major conquest …?" and "the conquest of
 * Jerusalem" give "Jerusalem"), with the articles and prepositions left dangling; null when nothing would be cut or
 * what is left would not be a phrase. A word the question uses elsewhere is cut only where a preposition or article
 * follows it ("supplanted by the Internet Protocol"): "the steam engine design" keeps "steam engine". Names and
 * figures are never cut.
 */
export function cutAskedWords(span: AnswerSpan, asked: { phrase: ReadonlySet<string>; question: ReadonlySet<string> }): AnswerSpan | null {
  const words = span.words;
  // A typed candidate is cut only when it is a count shown as printed ("two customaries"), not a date or a name.
  if (words.length < 2 || (span.candidate !== null && (span.candidate.kind !== 'count' || span.text !== span.entry.passage.normalized.slice(span.start, span.end)))) return null;
  // A name is cut only after a word of the question next to it was: "how many Dutch ships" and "12 Dutch
  // ships", but not "which school" and "Saraswati Secondary School".
  // The tagger reads the capitalised noun that ends a name as a common one ("Bellahouston Park"): it is still the name's.
  const inName = (i: number) => words[i]!.pos === 'PROPN' || (i > 0 && words[i - 1]!.pos === 'PROPN' && /^\p{Lu}/u.test(words[i]!.text));
  const termIn = (i: number, terms: ReadonlySet<string>, afterCut: boolean) =>
    words[i]!.pos !== 'NUM' && (!inName(i) || afterCut) && terms.has(termKey(words[i]!.text) ?? '');
  const cuttable = (i: number, side: 'first' | 'last', afterCut: boolean) => {
    if (termIn(i, afterCut ? asked.question : asked.phrase, afterCut)) return true;
    const next = words[i + 1];
    return side === 'first' && termIn(i, asked.question, afterCut) && next !== undefined && edgeTags.has(next.pos);
  };
  let from = 0;
  let to = words.length;
  let cutFront = false;
  let cutBack = false;
  // An article goes from the front; a preposition only with the asked words before it ("the conquest of Ardmore"),
  // so "at least 40" and "over 9,000" keep theirs.
  while (from < to - 1) {
    if (cuttable(from, 'first', cutFront)) cutFront = true;
    else if (!articles.has(words[from]!.text.toLowerCase()) && !(cutFront && edgeTags.has(words[from]!.pos))) break;
    from++;
  }
  while (to > from + 1) {
    if (cuttable(to - 1, 'last', cutBack)) cutBack = true;
    else if (!(cutBack && edgeTags.has(words[to - 1]!.pos))) break;
    to--;
  }
  const left = words.slice(from, to);
  // Nothing to cut, or nothing left but a joining word or the question's own words: the span stays as it is.
  if (!(cutFront || cutBack) || left.every((word) => edgeTags.has(word.pos) || asked.question.has(termKey(word.text) ?? ''))) return null;
  // What is left must still be a phrase: not a verb or modifier stranded by the cut ("provided", "allow greater"),
  // not half a coordination ("agencies and large"), not a word torn from its hyphen ("dial" of "dial-up").
  // A lone participle the tagger reads as a verb still describes the asked noun cut after it: "guarded condition" for
  // "what condition …?" gives "guarded".
  const describesCut = cutBack && !cutFront && left.length === 1 && /\p{L}{3,}ed$/u.test(left[0]!.text) && words[to]?.pos === 'NOUN';
  if (!describesCut && (left.at(-1)!.pos === 'VERB' || left[0]!.pos === 'VERB')) return null;
  if (left.some((word) => word.pos === 'CCONJ')) return null;
  if (joinedByHyphen(words, from) || (to < words.length && joinedByHyphen(words, to))) return null;
  const start = left[0]!.start;
  const end = left.at(-1)!.end;
  return { ...span, text: span.entry.passage.normalized.slice(start, end), start, end, words: left };
}

/**
 * A list less the items the question already names ("Along with toys, where …?" and "toys and models" give
 * "models"; "Who met Ana Silva?" and "Ana Silva and Tom Reyes" give "Tom Reyes"); null when the span is not a list,
 * or the question names none of its items or all of them.
 */
export function listLessAsked(span: AnswerSpan, questionWords: ReadonlySet<string>): AnswerSpan | null {
  const items: TaggedWord[][] = [[]];
  for (const word of span.words) {
    if (word.pos === 'CCONJ' || word.text === ',') {
      if (items.at(-1)!.length > 0) items.push([]);
    } else items.at(-1)!.push(word);
  }
  const whole = items.filter((item) => item.length > 0);
  if (whole.length < 2) return null;
  const named = (item: readonly TaggedWord[]) => item.some((word) => questionWords.has(termKey(word.text) ?? ''));
  const kept = whole.filter((item) => !named(item));
  if (kept.length === 0 || kept.length === whole.length) return null;
  const sentence = span.entry.passage.normalized;
  const texts = kept.map((item) => sentence.slice(item[0]!.start, item.at(-1)!.end));
  const text = listedText(texts);
  const words = kept.flat();
  return { ...span, text, start: words[0]!.start, end: words.at(-1)!.end, words, kind: kept.length === 1 ? 'noun' : 'list' };
}

/**
 * The single words of a passage whose most common sense WordNet names as a kind of the asked noun ("football" of
 * "what sport" inside "football greatness", "Louisville" of "what city"), which a noun phrase holds only as a modifier.
 */
export function askedKindWords(entry: RankedPassage, rank: number, kind: string): AnswerSpan[] {
  const sentence = textAfterGluedHeading(entry.passage);
  const words = tagSentence(sentence);
  // A word inside a longer name is no answer of its own: "League" of "Major League Baseball" for "what organization".
  const insideName = (i: number) => words[i]!.pos === 'PROPN' && (words[i - 1]?.pos === 'PROPN' || words[i + 1]?.pos === 'PROPN');
  return words
    .filter((word, i) => (word.pos === 'NOUN' || word.pos === 'PROPN') && /^\p{L}+$/u.test(word.text) && !insideName(i) && isKindOf(word.text, kind))
    .map((word) => ({ text: word.text, start: word.start, end: word.end, kind: word.pos === 'PROPN' ? 'name' : 'noun', entry, rank, words: [word], candidate: null }));
}

/**
 * "What type of steam engine …?" and "oscillating cylinder steam engines": the words a sentence puts before the noun a
 * type-question asks about, less the question's own ("oscillating cylinder"); null when the question asks no type, or
 * the sentence gives the noun no such words.
 */
export function typeOfAsked(entry: RankedPassage, rank: number, askedPhrase: readonly string[], questionTerms: ReadonlySet<string>): AnswerSpan | null {
  if (!typeNoun.test(askedPhrase[0] ?? '') || askedPhrase.length < 2) return null;
  const head = termKey(askedPhrase.at(-1)!);
  if (head === null) return null;
  // The question's own words straight before the noun ("steam" of "steam engines", "safety" of "safety valves") are
  // not the type.
  const asked = new Set([...questionTerms, ...askedPhrase.map((word) => termKey(word))]);
  const sentence = textAfterGluedHeading(entry.passage);
  const words = tagSentence(sentence);
  for (let at = 1; at < words.length; at++) {
    if (termKey(words[at]!.text) !== head || !['NOUN', 'PROPN'].includes(words[at]!.pos)) continue;
    let to = at;
    while (to > 0 && asked.has(termKey(words[to - 1]!.text))) to--;
    let from = to;
    while (from > 0 && from > to - maxPhraseWords && typeWord(words, from - 1)) from--;
    // Nor are the question's words that open the run: "the end of the 19th century compound engines" for "what type of
    // engines … around the end of the 19th century?" gives "compound".
    while (from < to && asked.has(termKey(words[from]!.text))) from++;
    if (from === to) continue;
    const inner = words.slice(from, to);
    return { text: sentence.slice(inner[0]!.start, inner.at(-1)!.end), start: inner[0]!.start, end: inner.at(-1)!.end, kind: 'noun', entry, rank, words: inner, candidate: null };
  }
  return null;
}

// A word that can tell a kind of thing: an adjective, a noun, a name or an "-ing" word before it ("rounded arches",
// "twin-cylinder locomotive", "multi-stage centrifugal pumps"), or the hyphen that joins two of them.
function typeWord(words: readonly TaggedWord[], i: number): boolean {
  const word = words[i]!;
  if (joinedByHyphen(words, i) || (word.text === '-' && i > 0)) return true;
  // "oscillating cylinder"; "produced" of "produced continuous rotary motion" is the sentence's verb.
  if (word.pos === 'VERB') return /ing$/i.test(word.text);
  // "piston type steam engines": a type word ends the run.
  return ['ADJ', 'NOUN', 'PROPN'].includes(word.pos) && /^[\p{L}\p{N}]/u.test(word.text) && !typeNoun.test(word.text);
}

const typeNoun = /^(?:kind|type|sort|form)s?$/i;
