import { roleNouns } from '../language/lexicon.js';
import { isKindOf } from '../language/noun-kinds.js';
import { tagSentence, type TaggedWord } from '../language/tagger.js';
import { placedTermsOf, termKey, termsOf } from '../search/terms.js';
import type { QuestionKind } from '../types.js';
import { agePhrase, askedClasses, asksYear, type AskedClass } from './asked-class.js';
import type { QuestionAnalysis } from './question.js';
import { fitToQuestion } from './short-answer.js';
import type { AnswerSpan, SpanKind } from './spans.js';

/** What a question and its ranked passages bring to every span's features. */
export type SpanContext = {
  analysis: QuestionAnalysis;
  /** The question's processed terms. */
  questionTerms: ReadonlySet<string>;
  /** The best passage's ranking score. */
  bestScore: number;
  /** How many of the top passages hold each span text, folded. */
  votes: ReadonlyMap<string, number>;
  /** The folded text of the direct answer the hand-written readers chose, or null. */
  readerPick: string | null;
  /** The class of the noun a what- or which-question asks for, or null. */
  asked: AskedClass | null;
  /** For a question that leaves a preposition at its end, the text just before a span that follows it; else null. */
  strandedBefore: RegExp | null;
  /** The question's words around the gap its question word leaves, for lining a span up with them. */
  slot: QuestionSlot;
  /** The noun a what- or which-question names as the kind of its answer ("award" of "what award …?"), or null. */
  kindAsked: string | null;
};

/**
 * The words around the gap a question word leaves: the word just before an in-place question word ("in conflict
 * with what country" → conflict), the first word after the question phrase of a question about the doer ("who
 * ruled the duchy" → rule), and the last verb of a question about the one acted on ("what did they sign" → sign).
 */
export type QuestionSlot = { before: string | null; after: string | null; verb: string | null };

/** A named span feature: one small function of a span and its context. */
export type SpanFeature = { name: string; about: string; value: (span: AnswerSpan, context: SpanContext) => number };

type QuestionGroup = 'who' | 'whoIs' | 'where' | 'when' | 'figure' | 'what';

/** The broad group of a question kind, for the kind-of-answer features. */
export function questionGroup(kind: QuestionKind): QuestionGroup {
  switch (kind) {
    case 'person':
      return 'who';
    // "Who is Jane Doe?" is answered by what she is ("the harbour master"), not by another name.
    case 'identity':
      return 'whoIs';
    case 'place':
      return 'where';
    case 'time':
      return 'when';
    case 'number':
    case 'amount':
    case 'duration':
      return 'figure';
    default:
      return 'what';
  }
}

const flag = (value: boolean): number => (value ? 1 : 0);
const groups: readonly QuestionGroup[] = ['who', 'whoIs', 'where', 'when', 'figure', 'what'];
const spanKinds: readonly SpanKind[] = ['person', 'place', 'organisation', 'name', 'time', 'number', 'noun', 'verb', 'list', 'description'];

/** Folds a span's text for comparing and counting: lower case, single spaces, no article. */
export function spanKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s*\([^)]*\)$/, '')
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// A weight for each pairing of question group and span kind ("who" and a person).
const kindPairs: readonly SpanFeature[] = groups.flatMap((group) =>
  spanKinds.map((kind): SpanFeature => ({
    name: `${group}:${kind}`,
    about: `a ${group}-question and a span that is a ${kind}`,
    value: (span, context) => flag(questionGroup(context.analysis.kind) === group && span.kind === kind),
  })),
);

type SpanBucket = 'person' | 'place' | 'organisation' | 'name' | 'time' | 'number' | 'noun' | 'other' | 'role';
const spanBuckets: readonly SpanBucket[] = ['person', 'place', 'organisation', 'name', 'time', 'number', 'noun', 'other', 'role'];

function inBucket(span: AnswerSpan, bucket: SpanBucket): boolean {
  if (bucket === 'role') return span.words.some((word) => roleNouns.has(word.text.toLowerCase()) || roleNouns.has(word.lemma));
  if (bucket === 'other') return span.kind === 'verb' || span.kind === 'list' || span.kind === 'description';
  return span.kind === bucket;
}

// A weight for each pairing of the asked noun's class and the span's kind: "what drug" and a person's name are a
// poor pair, "what is his occupation" and a role noun a good one, which the question kind alone ("what") cannot say.
const askedPairs: readonly SpanFeature[] = askedClasses.flatMap((asked) =>
  spanBuckets.map((bucket): SpanFeature => ({
    name: `asks-${asked}:${bucket}`,
    about: `the question asks for a ${asked} and the span is ${bucket === 'role' ? 'or holds a role noun' : `a ${bucket}`}`,
    value: (span, context) => flag(context.asked === asked && inBucket(span, bucket)),
  })),
);

// Features of the span's place and words, weighed alike for every question.
const placeFeatures: readonly SpanFeature[] = [
  { name: 'passageScore', about: "the span's passage score below the best passage's", value: (span, context) => Math.max(-6, span.entry.score - context.bestScore) },
  { name: 'bestPassage', about: 'the span stands in the best passage', value: (span) => flag(span.rank === 0) },
  { name: 'inQuestion', about: "share of the span's words that the question uses", value: (span, context) => inQuestionShare(span, context) },
  { name: 'allInQuestion', about: 'every word of the span is in the question', value: (span, context) => flag(inQuestionShare(span, context) === 1) },
  { name: 'nearness', about: "closeness to the question's words in the sentence, weighted by their rarity", value: (span) => nearness(span) },
  { name: 'localBefore', about: "share of the sentence's matched question weight within six words before the span", value: (span) => localShare(span, 'before') },
  { name: 'localAfter', about: "share of the sentence's matched question weight within six words after the span", value: (span) => localShare(span, 'after') },
  { name: 'subjectAsked', about: '"Who ruled X?" asks for the doer: the span stands before the question words', value: (span, context) => flag(asksForSubject(context.analysis.text) && beforeAllMatches(span)) },
  { name: 'objectAsked', about: '"Whom did X fight?" asks for the one acted on: the span stands after the question words', value: (span, context) => flag(!asksForSubject(context.analysis.text) && afterFirstMatch(span)) },
  { name: 'wordBeforeAsked', about: 'the word just before the span is a word the question uses', value: (span, context) => flag(neighbourAsked(span, context, -1)) },
  { name: 'wordAfterAsked', about: 'the word just after the span is a word the question uses', value: (span, context) => flag(neighbourAsked(span, context, 1)) },
  { name: 'nextToMatch', about: 'a word the question uses stands right before or after the span', value: (span) => flag(besideMatch(span)) },
  { name: 'afterMatch', about: 'the span comes after the first of the question words the sentence holds', value: (span) => flag(afterFirstMatch(span)) },
  { name: 'words', about: 'log of the number of words in the span', value: (span) => Math.log1p(wordCount(span)) },
  { name: 'oneWord', about: 'a single word', value: (span) => flag(wordCount(span) === 1) },
  { name: 'longSpan', about: 'more than five words', value: (span) => flag(wordCount(span) > 5) },
  { name: 'votes', about: 'how many of the top passages hold the same text', value: (span, context) => Math.log1p(context.votes.get(spanKey(span.text)) ?? 0) },
  { name: 'typeNoun', about: '"which treaty": the span holds the noun the question names as the kind of answer', value: (span, context) => flag(holdsTypeNoun(span, context.analysis)) },
  { name: 'besideFocus', about: '"what century": the sentence names the asked kind of thing right beside the span', value: (span, context) => flag(besideFocusNoun(span, context.analysis)) },
  { name: 'proper', about: 'the span holds a name', value: (span) => flag(span.words.some((word) => word.pos === 'PROPN')) },
  { name: 'digit', about: 'the span holds a figure', value: (span) => flag(/\d/.test(span.text)) },
  { name: 'pronoun', about: 'the span is or begins with a pronoun', value: (span) => flag(span.words[0]?.pos === 'PRON') },
  { name: 'afterPlacePreposition', about: 'the span follows "in", "at", "near", "from" or "to"', value: (span) => flag(/\b(?:in|at|near|from|to|into|outside|inside)\s+(?:the\s+)?$/i.test(before(span, 14))) },
  { name: 'afterTimePreposition', about: 'the span follows "in", "on", "since", "until", "by" or "during"', value: (span) => flag(/\b(?:in|on|since|until|by|during|from|before|after)\s+(?:the\s+)?$/i.test(before(span, 14))) },
  { name: 'slotBefore', about: '"in conflict with what country?": the word just before the question word stands just before the span', value: (span, context) => flag(context.slot.before !== null && termsBefore(span, 2).includes(context.slot.before)) },
  { name: 'slotAfter', about: '"who ruled the duchy?": the first word after the question phrase stands just after the span, or after the first name of a list', value: (span, context) => flag(context.slot.after !== null && (termsAfter(span, 2).includes(context.slot.after) || termsAfterFirstItem(span).includes(context.slot.after))) },
  { name: 'objectOfVerb', about: '"what did they sign?": the question\'s last verb stands just before the span', value: (span, context) => flag(context.slot.verb !== null && termsBefore(span, 3).includes(context.slot.verb)) },
  { name: 'afterStrandedPreposition', about: '"What is he charged with?": the span follows the preposition the question leaves at its end', value: (span, context) => flag(context.strandedBefore !== null && context.strandedBefore.test(before(span, 24))) },
  { name: 'kindOfAsked', about: '"what award": the span\'s last word names a kind of the asked noun ("Rumford medal")', value: (span, context) => flag(context.kindAsked !== null && isKindOf(span.words.at(-1)?.text ?? '', context.kindAsked)) },
  { name: 'besideKindOfAsked', about: '"what drug": a word just before or after the span names a kind of the asked noun ("an anesthetic called Propofol")', value: (span, context) => flag(context.kindAsked !== null && besideKindOf(span, context.kindAsked)) },
  { name: 'appositive', about: 'the span is set off by a comma next to a word the question uses', value: (span) => flag(appositive(span)) },
  { name: 'typed', about: "the question's own reader found the span as a name, time or figure", value: (span) => flag(span.candidate !== null) },
  { name: 'questionName', about: 'the span repeats a word of a name the question gives', value: (span, context) => flag(repeatsQuestionName(span, context.analysis)) },
  { name: 'readerList', about: 'the hand-written readers chose several names, and this is that list', value: (span, context) => flag(span.kind === 'list' && context.readerPick !== null && spanKey(span.text) === context.readerPick) },
  { name: 'readerFit', about: 'how the hand-written readers judge a typed candidate\'s fit (count of the asked noun, share, tense, newest report), as a log factor', value: (span, context) => (span.candidate === null ? 0 : Math.log(fitToQuestion(span.candidate, span.entry, context.analysis))) },
  { name: 'readerPick', about: 'the direct answer the hand-written readers chose', value: (span, context) => flag(context.readerPick !== null && spanKey(span.text) === context.readerPick) },
];

// Each place feature again for what-questions alone: a what-question's answer is marked by its place in the
// sentence differently from a name, time or figure, which the kind pairs above already pick out. Cross-validated span
// F1 (npm run train -- --spans-only): SQuAD 44.3 → 45.4, CoQA 33.7 → 34.1, newsroom stories 62.4 → 61.9; a copy for
// every question group reached SQuAD 45.9 but lost the newsroom stories (57.9).
const whatPlaceFeatures: readonly SpanFeature[] = placeFeatures.map((feature) => ({
  name: `what|${feature.name}`,
  about: `${feature.about}, for a what-question`,
  value: (span, context) => (questionGroup(context.analysis.kind) === 'what' ? feature.value(span, context) : 0),
}));

const clockTime = /\b\d{1,2}[:.]\d{2}\b|\b(?:a\.m\.|p\.m\.|am|pm|o'clock|noon|midnight)\b/i;

// A when-question says more than its group: "what time" wants a clock time and "what year" a year alone, where a day
// or a full date is only part of the answer; "how old" wants an age, not any figure.
const timeFeatures: readonly SpanFeature[] = [
  { name: 'clockAsked', about: '"what time …?" and the span holds a clock time', value: (span, context) => flag(context.analysis.wantsClock && clockTime.test(span.text)) },
  { name: 'ageAsked', about: '"how old …?" and the span is an age ("50-year-old", "aged 50", "Jane Doe, 50,")', value: (span, context) => flag(context.analysis.wantsAge && isAge(span)) },
  { name: 'yearAsked', about: '"what year …?" and the span is a year alone', value: (span, context) => flag(asksYear(context.analysis.text) && /^(?:the )?\d{3,4}$/i.test(span.text)) },
];

/**
 * Every feature the span model weighs, in one place: question group and span kind together, the asked noun's class
 * and span kind together, the span's place and words, the same place features once more for what-questions, and what
 * a when- or how-old question asks for exactly.
 */
export const spanFeatures: readonly SpanFeature[] = [...kindPairs, ...askedPairs, ...placeFeatures, ...whatPlaceFeatures, ...timeFeatures];

function wordCount(span: AnswerSpan): number {
  return Math.max(1, span.text.split(/\s+/).filter(Boolean).length);
}

function inQuestionShare(span: AnswerSpan, context: SpanContext): number {
  const terms = termsOf(span.text);
  if (terms.length === 0) return 1;
  return terms.filter((term) => context.questionTerms.has(term)).length / terms.length;
}

type Match = { start: number; end: number; weight: number };

// The question's words as they stand in the span's sentence, with their weights.
function matchesOf(span: AnswerSpan): Match[] {
  const cached = matchCache.get(span.entry);
  if (cached !== undefined) return cached;
  const matches: Match[] = [];
  const sentence = span.entry.passage.normalized;
  for (const word of sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)) {
    const term = termKey(word[0]);
    const weight = term === null ? undefined : span.entry.matched.get(term);
    if (weight !== undefined) matches.push({ start: word.index, end: word.index + word[0].length, weight });
  }
  matchCache.set(span.entry, matches);
  return matches;
}

const matchCache = new WeakMap<object, Match[]>();

// 0–1: each matched word pulls by its weight, halving about every three words away; words inside the span do not.
function nearness(span: AnswerSpan): number {
  const matches = matchesOf(span).filter((match) => match.end <= span.start || match.start >= span.end);
  if (matches.length === 0) return 0;
  let pull = 0;
  let total = 0;
  for (const match of matches) {
    const distance = match.end <= span.start ? span.start - match.end : match.start - span.end;
    pull += match.weight / (1 + distance / 18);
    total += match.weight;
  }
  return pull / total;
}

// About six characters a word: the question words within six words on one side, by weight, over all matched weight.
function localShare(span: AnswerSpan, side: 'before' | 'after'): number {
  const matches = matchesOf(span);
  const total = matches.reduce((sum, match) => sum + match.weight, 0);
  if (total === 0) return 0;
  const near = matches.filter((match) => (side === 'before' ? match.end <= span.start && span.start - match.end <= 40 : match.start >= span.end && match.start - span.end <= 40));
  return near.reduce((sum, match) => sum + match.weight, 0) / total;
}

// "Who ruled …", "what caused …": the wh-word is the subject when a verb, not an auxiliary and a subject, follows it.
function asksForSubject(question: string): boolean {
  return !/^\W*(?:who|whom|what|which(?:\s+\S+)?)\s+(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could|should)\b/i.test(question) && /^\W*(?:who|what|which)\b/i.test(question);
}

function beforeAllMatches(span: AnswerSpan): boolean {
  const outside = matchesOf(span).filter((match) => match.end <= span.start || match.start >= span.end);
  return outside.length > 0 && outside.every((match) => match.start >= span.end);
}

// The nearest content word on one side of the span, processed, is one of the question's terms.
function neighbourAsked(span: AnswerSpan, context: SpanContext, side: -1 | 1): boolean {
  const sentence = span.entry.passage.normalized;
  const text = side < 0 ? sentence.slice(Math.max(0, span.start - 40), span.start) : sentence.slice(span.end, span.end + 40);
  const terms = termsOf(text);
  const term = side < 0 ? terms.at(-1) : terms[0];
  return term !== undefined && context.questionTerms.has(term);
}

function besideMatch(span: AnswerSpan): boolean {
  return matchesOf(span).some((match) => (match.end <= span.start && span.start - match.end <= 2) || (match.start >= span.end && match.start - span.end <= 2));
}

function afterFirstMatch(span: AnswerSpan): boolean {
  const first = matchesOf(span).find((match) => match.end <= span.start || match.start >= span.end);
  return first !== undefined && first.end <= span.start;
}

function holdsTypeNoun(span: AnswerSpan, analysis: QuestionAnalysis): boolean {
  const noun = analysis.focusNoun ?? analysis.typeNoun;
  if (noun === null) return false;
  // Inside a hyphened compound the noun names something else: "year" in "50-year-old" is an age, not a year.
  return termsOf(span.text.split(/\s+/).filter((word) => !/\p{L}-\p{L}|\p{N}-\p{L}/u.test(word)).join(' ')).includes(noun);
}

// The noun a name is set beside: "an anesthetic called Propofol", "the automaker Ford", "Propofol, a sedative".
function besideKindOf(span: AnswerSpan, kind: string): boolean {
  const sentence = span.entry.passage.normalized;
  const preceding = sentence.slice(Math.max(0, span.start - 40), span.start).match(/\p{L}+/gu) ?? [];
  while (preceding.length > 0 && /^(?:called|named|known|as|dubbed|the|a|an)$/i.test(preceding.at(-1)!)) preceding.pop();
  const previous = preceding.at(-1);
  if (previous !== undefined && isKindOf(previous, kind)) return true;
  const appositive = /^\s*,\s*(?:a|an|the)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/iu.exec(sentence.slice(span.end, span.end + 50));
  return appositive !== null && appositive[1]!.split(/\s+/).some((word) => isKindOf(word, kind));
}

/** Whether a span is an age as news gives it: "50-year-old", "aged 50", or a figure set off by commas ("Doe, 50, said"). */
export function isAge(span: AnswerSpan): boolean {
  if (agePhrase.test(span.text)) return true;
  if (!/^\d{1,3}$/.test(span.text)) return false;
  const sentence = span.entry.passage.normalized;
  return /\b(?:age|aged|ages)\s+(?:of\s+)?$/i.test(before(span, 12)) || (/,\s*$/.test(before(span, 3)) && /^\s*,/.test(sentence.slice(span.end, span.end + 3)));
}


// "What century …": the sentence names the asked kind right beside the span ("the river Seine", "911 as a fiefdom").
function besideFocusNoun(span: AnswerSpan, analysis: QuestionAnalysis): boolean {
  const noun = analysis.focusNoun ?? analysis.typeNoun;
  if (noun === null) return false;
  const sentence = span.entry.passage.normalized;
  const before = termsOf(sentence.slice(Math.max(0, span.start - 30), span.start)).slice(-2);
  const after = termsOf(sentence.slice(span.end, span.end + 30)).slice(0, 2);
  return before.includes(noun) || after.includes(noun);
}

/**
 * For a question that leaves a preposition without its object ("charged with?", "off the coast of?", "at war with in
 * 1050?"), a pattern for the text just before a span that is that object; null for other questions.
 */
export function strandedPrepositionBefore(question: string): RegExp | null {
  if (!/^\W*(?:what|which|who|whom)\b/i.test(question)) return null;
  const preposition = /\b(with|on|for|about|to|of|from|at|by|into|against|in|over)\s*(?:\b(?:in|on|at|during|by)\b[^?]*)?\s*[?.!]?\s*$/i.exec(question)?.[1];
  return preposition === undefined ? null : new RegExp(`\\b${preposition.toLowerCase()}\\s+(?:(?:the|a|an|his|her|their|its)\\s+)?$`, 'i');
}

function repeatsQuestionName(span: AnswerSpan, analysis: QuestionAnalysis): boolean {
  // Only a name's own words: the "of" of "War of Barbastro" is no sign that "William of Montreuil" repeats it.
  const nameWords = new Set(analysis.names.flatMap((name) => name.split(/\s+/).filter((word) => !/^\p{Ll}/u.test(word)).map((word) => word.toLowerCase())));
  return span.text.toLowerCase().split(/[\s,]+/).some((word) => nameWords.has(word.replace(/['’]s$/, '')));
}

type PlacedTerm = { term: string; start: number; end: number };

// Every term of a sentence with its offsets, read once per sentence rather than once per span.
function sentenceTerms(span: AnswerSpan): readonly PlacedTerm[] {
  const passage = span.entry.passage;
  const cached = sentenceTermCache.get(passage);
  if (cached !== undefined) return cached;
  const terms = placedTermsOf(passage.normalized);
  sentenceTermCache.set(passage, terms);
  return terms;
}

const sentenceTermCache = new WeakMap<object, readonly PlacedTerm[]>();
// How near a word must stand to a span to line up with the question's gap: about ten words.
const nearChars = 60;

function termsBefore(span: AnswerSpan, count: number): string[] {
  const terms = sentenceTerms(span);
  let i = 0;
  while (i < terms.length && terms[i]!.end <= span.start) i++;
  return terms.slice(Math.max(0, i - count), i).filter((placed) => placed.start >= span.start - nearChars).map((placed) => placed.term);
}

function termsAfter(span: AnswerSpan, count: number, end = span.end): string[] {
  const terms = sentenceTerms(span);
  const from = terms.findIndex((placed) => placed.start >= end);
  return from < 0 ? [] : terms.slice(from, from + count).filter((placed) => placed.end <= end + nearChars).map((placed) => placed.term);
}

// A list the readers joined across its sentence ("Jane Doe meets … John Roe" as "Jane Doe and John Roe") stands where
// its first name does: "who met in Porto?" lines up with the verb after that name.
function termsAfterFirstItem(span: AnswerSpan): string[] {
  if (span.kind !== 'list') return [];
  const first = span.text.split(/,\s*|\s+(?:and|or)\s+/)[0] ?? '';
  if (first === '' || !span.entry.passage.normalized.startsWith(first, span.start)) return [];
  return termsAfter(span, 2, span.start + first.length);
}

/** The words around the gap the question's question word leaves ({@link QuestionSlot}). */
export function questionSlotOf(question: string, askedPhrase: readonly string[]): QuestionSlot {
  const words = tagSentence(question);
  const at = words.findIndex((word) => /^(?:what|which|who|whom|whose|when|where|how)$/i.test(word.text));
  if (at < 0) return { before: null, after: null, verb: null };
  const termOf = (word: TaggedWord) => (/[\p{L}\p{N}]/u.test(word.text) ? termKey(word.text) : null);
  const before = words.slice(0, at).map(termOf).filter((term) => term !== null).at(-1) ?? null;
  // Past the question word and the phrase it asks with ("what major conquest", "how many", "what kind of").
  let next = at + 1;
  while (next < words.length && (askedPhrase.includes(words[next]!.text) || /^(?:many|much|long|old|far|of)$/i.test(words[next]!.text))) next++;
  const auxiliary = words[next]?.pos === 'AUX';
  if (!auxiliary) {
    const after = words.slice(next).map(termOf).find((term) => term !== null) ?? null;
    return { before, after, verb: null };
  }
  // The tagger reads a question's bare verb after "did" and its subject as a noun ("did the Normans sign"): after do,
  // the verb is the last word of the run that follows it.
  let verb = words.slice(next + 1).filter((word) => word.pos === 'VERB').at(-1);
  if (verb === undefined && /^(?:do|does|did)$/i.test(words[next]!.text)) {
    let end = next + 1;
    if (words[end]?.pos === 'DET') end++;
    while (end < words.length && ['PROPN', 'NOUN', 'ADJ', 'PART', 'VERB', 'AUX'].includes(words[end]!.pos)) end++;
    if (end > next + 1) verb = words[end - 1];
  }
  return { before, after: null, verb: verb === undefined ? null : termKey(verb.text) };
}

function before(span: AnswerSpan, length: number): string {
  return span.entry.passage.normalized.slice(Math.max(0, span.start - length), span.start);
}

function appositive(span: AnswerSpan): boolean {
  const sentence = span.entry.passage.normalized;
  return matchesOf(span).some(
    (match) => (match.end <= span.start && /^\s*,\s*$/.test(sentence.slice(match.end, span.start))) || (match.start >= span.end && /^\s*,\s*$/.test(sentence.slice(span.end, match.start))),
  );
}

/** The features of one span, in the order of {@link spanFeatures}. */
export function spanFeatureValues(span: AnswerSpan, context: SpanContext): number[] {
  const place = placeFeatures.map((feature) => feature.value(span, context));
  // The what-question copies repeat the place values, without computing them again.
  const copies = questionGroup(context.analysis.kind) === 'what' ? place : place.map(() => 0);
  return [
    ...kindPairs.map((feature) => feature.value(span, context)),
    ...askedPairs.map((feature) => feature.value(span, context)),
    ...place,
    ...copies,
    ...timeFeatures.map((feature) => feature.value(span, context)),
  ];
}
