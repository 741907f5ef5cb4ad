import { measureUnits, negates } from '../language/lexicon.js';
import { findQuantities, holdsFigure, type QuantityMention } from '../language/quantities.js';
import { termKey, termsOf } from '../search/terms.js';
import { pronounClassOf } from '../conversation/resolve-follow-up.js';
import type { QuestionKind } from '../types.js';
import { answerModel, linearScore, sigmoid, weightsFor, type AnswerModel } from './answer-model.js';
import { passageFeatures } from './passage-features.js';
import type { QueryConcept, QueryPlan } from './query-plan.js';
import type { QuestionAnalysis } from './question.js';
import { needsCandidate, type RankedPassage } from './rank.js';
import { askedNounOf } from './asked-class.js';
import { isProperNounWord } from '../language/proper-nouns.js';
import { namesNounAfter, type ShortAnswer } from './short-answer.js';

/** Everything the answerable model reads: the question, its ranked passages and the direct answer found. */
export type AnswerableEvidence = {
  analysis: QuestionAnalysis;
  plan: QueryPlan;
  ranked: readonly RankedPassage[];
  short: ShortAnswer | null;
  /** The fitted span score of the direct answer, or null when none was sought or found. */
  shortScore: number | null;
};

/** A named question-level feature. */
export type AnswerableFeature = { name: string; about: string; value: (evidence: AnswerableEvidence) => number };

const flag = (value: boolean): number => (value ? 1 : 0);
const kindIs = (...kinds: QuestionKind[]) => (evidence: AnswerableEvidence) => flag(kinds.includes(evidence.analysis.kind));
const top = (evidence: AnswerableEvidence, count: number) => evidence.ranked.slice(0, count);

/** Every feature the answerable model weighs, in one place. */
export const answerableFeatures: readonly AnswerableFeature[] = [
  { name: 'bestScore', about: "the best passage's ranking score", value: (e) => e.ranked[0]?.score ?? -5 },
  { name: 'margin', about: 'how far the best passage stands above the second', value: (e) => (e.ranked.length > 1 ? e.ranked[0]!.score - e.ranked[1]!.score : 1) },
  { name: 'bestCoverage', about: 'the most of the question a single sentence among the top five covers', value: (e) => Math.max(0, ...top(e, 5).map((entry) => entry.ownCoverage)) },
  { name: 'contextCoverage', about: 'the most of the question a top-five sentence covers with its context', value: (e) => Math.max(0, ...top(e, 5).map((entry) => entry.coverage)) },
  { name: 'bestMissesKnown', about: 'share of the weight of topics the story knows that the best sentence and its context miss', value: (e) => missedKnown(e) },
  { name: 'bestRarestMissing', about: 'the heaviest topic the best sentence misses', value: (e) => bestFeature(e, 'rarestMissing') },
  { name: 'bestMissingNames', about: 'names of the question the best sentence does not give', value: (e) => bestFeature(e, 'missingNames') },
  { name: 'bestPairs', about: 'question topic pairs that stand together in the best sentence', value: (e) => bestFeature(e, 'pairs') },
  { name: 'numberMissing', about: 'the question states a number, year or ordinal the best three sentences do not', value: (e) => flag(numberMissing(e)) },
  { name: 'negationMismatch', about: 'one of the question and the best sentence is negated and the other is not', value: (e) => flag(e.ranked[0] !== undefined && negates(e.analysis.text) !== negates(e.ranked[0].passage.normalized)) },
  { name: 'unknownWeight', about: "share of the question's weight in words the story never uses", value: (e) => weightShare(e.plan, unheard, 1) },
  { name: 'paraphrasedWeight', about: 'share of the question\'s weight in words the story never uses but a top-three sentence says in a WordNet synonym ("cops" for "police")', value: (e) => paraphrasedShare(e) },
  { name: 'unknownName', about: 'the question names someone or something the story never does, capitalised or not ("in hyderabad")', value: (e) => flag(namesAnUnknown(e.plan) || namesUnknownInAnyCase(e.analysis.text, e.plan)) },
  { name: 'askedNounUnknown', about: 'the noun the question names as what it asks for ("population" of "what is the population of X?") is a word the story never uses', value: (e) => flag(askedNounUnknown(e)) },
  { name: 'noTopic', about: 'the question has no topic word the story uses', value: (e) => flag(!e.plan.concepts.some((concept) => concept.weight > 0 && (!concept.unknown || concept.related.length > 0))) },
  { name: 'topics', about: 'log of the number of topic words', value: (e) => Math.log1p(e.plan.concepts.filter((concept) => concept.weight > 0).length) },
  { name: 'kindMissing', about: 'the question asks for a kind of thing no top-five sentence holds', value: (e) => flag(needsCandidate(e.analysis) && !top(e, 5).some((entry) => entry.candidates.length > 0 || figureFor(e.analysis, entry))) },
  { name: 'noShort', about: 'the question asks for a direct answer and none was found', value: (e) => flag(needsCandidate(e.analysis) && e.short === null) },
  { name: 'shortScore', about: 'the fitted score of the direct answer', value: (e) => e.shortScore ?? 0 },
  { name: 'shortOffTopic', about: "the direct answer's sentences hold none of the question's topics besides its names", value: (e) => flag(e.short !== null && !shortOnTopic(e.short, e.plan)) },
  { name: 'shortCoverage', about: "the most of the question the direct answer's own sentence covers (0 with no direct answer)", value: (e) => e.short?.support[0]?.ownCoverage ?? 0 },
  { name: 'shortOffKind', about: 'the direct answer is not the kind of figure asked: no sum of money for a price, no count for "how many"', value: (e) => flag(shortOffKind(e)) },
  { name: 'supportArticles', about: 'how many articles have a top-ten sentence covering half the question or more', value: (e) => Math.log1p(new Set(top(e, 10).filter((entry) => entry.ownCoverage >= 0.5).map((entry) => entry.passage.document)).size) },
  { name: 'pointsBack', about: 'the question points back with he, she, they or it to someone it does not name', value: (e) => flag(pointsBack(e.analysis.text)) },
  { name: 'askPerson', about: 'a who-question', value: kindIs('person', 'identity') },
  { name: 'askPlace', about: 'a where-question', value: kindIs('place') },
  { name: 'askTime', about: 'a when-question', value: kindIs('time') },
  { name: 'askFigure', about: 'a how-many, how-much or how-long question', value: kindIs('number', 'amount', 'duration') },
  { name: 'askOther', about: 'a what-, why- or how-question', value: kindIs('other', 'reason', 'manner', 'statement', 'name') },
];

const featureNames = answerableFeatures.map((feature) => feature.name);

/** The features of a question's evidence, in the order of {@link answerableFeatures}. */
export function answerableFeatureValues(evidence: AnswerableEvidence): number[] {
  return answerableFeatures.map((feature) => feature.value(evidence));
}

/** The fitted model that judges answerability for a story of this many articles. */
export function answerableModelFor(articles: number, model: AnswerModel = answerModel): AnswerModel['answerable'] {
  return articles > 1 ? model.answerableWide : model.answerable;
}

/** The fitted probability that the coverage answers the question, and the threshold it must reach. */
export function answerableProbability(values: readonly number[], articles: number, model: AnswerModel = answerModel): { probability: number; threshold: number } {
  const fitted = answerableModelFor(articles, model);
  return { probability: sigmoid(linearScore(weightsFor(fitted, featureNames), values, fitted.bias)), threshold: fitted.threshold };
}

const featureIndex = new Map(passageFeatures.map((feature, i) => [feature.name, i]));

function bestFeature(evidence: AnswerableEvidence, name: string): number {
  return evidence.ranked[0]?.features[featureIndex.get(name)!] ?? 0;
}

function missedKnown(evidence: AnswerableEvidence): number {
  const best = evidence.ranked[0];
  const known = evidence.plan.concepts.filter((concept) => concept.weight > 0 && (!concept.unknown || concept.related.length > 0));
  const total = known.reduce((sum, concept) => sum + concept.weight, 0);
  if (best === undefined || total === 0) return 1;
  const own = new Set(termsOf(best.passage.normalized));
  const missed = known.filter((concept) => ![...concept.exact, ...concept.related].some((term) => own.has(term)));
  return missed.reduce((sum, concept) => sum + concept.weight, 0) / total;
}

function numberMissing(evidence: AnswerableEvidence): boolean {
  const numbers = evidence.analysis.terms.map((term) => term.term).filter((term) => /^\d/.test(term));
  if (numbers.length === 0) return false;
  const held = new Set(evidence.ranked.slice(0, 3).flatMap((entry) => termsOf(entry.passage.normalized)));
  return numbers.some((number) => !held.has(number));
}

// "How old was she?" asked without its conversation: in a story of one article the pronoun most likely means the
// article's subject, so such a question is not unanswerable for want of a name.
function pointsBack(question: string): boolean {
  return (question.toLowerCase().match(/[\p{L}']+/gu) ?? []).some((word) => {
    const pronoun = pronounClassOf(word);
    return pronoun === 'he' || pronoun === 'she' || pronoun === 'they' || pronoun === 'it';
  });
}


// A question word the story never prints and has no listed synonym of.
const unheard = (concept: QueryConcept): boolean => concept.unknown && concept.related.length === 0;

// The share of the question's weight in the concepts that pass `test`; `empty` for a question with no weight.
function weightShare(plan: QueryPlan, test: (concept: QueryConcept) => boolean, empty: number): number {
  const total = plan.concepts.reduce((sum, concept) => sum + concept.weight, 0);
  if (total === 0) return empty;
  return plan.concepts.filter(test).reduce((sum, concept) => sum + concept.weight, 0) / total;
}

function askedNounUnknown(evidence: AnswerableEvidence): boolean {
  const noun = askedNounOf(evidence.analysis.text);
  const term = noun === null ? null : termKey(noun);
  if (term === null) return false;
  return evidence.plan.concepts.some((concept) => concept.term === term && unheard(concept) && concept.nameGroup === null);
}

// A synonym somewhere in the story says little: "coalition" finds "alliance" in a story that never speaks of a
// coalition. One in the sentences that answer says the question is worded apart from them.
function paraphrasedShare(evidence: AnswerableEvidence): number {
  const said = new Set(top(evidence, 3).flatMap((entry) => termsOf(entry.passage.normalized)));
  return weightShare(evidence.plan, (concept) => unheard(concept) && concept.paraphrases.some((term) => said.has(term)), 0);
}

/**
 * Whether a word of the question past its first names something the story never mentions in any spelling: a
 * capitalised word, or one typed in lower case that is most commonly a name ("is he due to visit china?", "in
 * chicago?").
 */
export function namesUnknownInAnyCase(question: string, plan: QueryPlan): boolean {
  const unknown = new Set(plan.concepts.filter(unheard).map((concept) => concept.term));
  const words = question.match(/[\p{L}\p{N}'’]+/gu) ?? [];
  return words.slice(1).some((word) => word !== 'I' && unknown.has(termKey(word) ?? '') && (/^\p{Lu}/u.test(word) || isProperNounWord(word)));
}

/**
 * Whether the question names someone the story never does ("What did <unknown person> say?"); with `among`, only a
 * name holding one of those terms counts (the speaker of "What did Jane Roe say about Acme?").
 */
export function namesAnUnknown(plan: QueryPlan, among?: ReadonlySet<string>): boolean {
  const named = among === undefined ? plan.concepts : plan.concepts.filter((concept) => among.has(concept.term));
  const groups = new Set(named.map((concept) => concept.nameGroup).filter((group) => group !== null));
  // Numbers in a name ("Ward 3") say nothing about whether the story knows the name. Its last word names it: a story
  // that says "world" but never "Cup" does not name the World Cup, where one that knows "Halvorsen" knows "Rick
  // Halvorsen" by another first name.
  return [...groups].some((group) => {
    const words = plan.concepts.filter((concept) => concept.nameGroup === group && /\p{L}/u.test(concept.term));
    return words.length > 0 && (words.every((concept) => concept.unknown) || words.at(-1)!.unknown);
  });
}

// A figure of another sort than asked ("how many weapons": "$5 billion in weapons") still answers a figure question.
function figureFor(analysis: QuestionAnalysis, entry: RankedPassage): boolean {
  return ['number', 'amount', 'duration'].includes(analysis.kind) && findQuantities(entry.passage.normalized).length > 0;
}

// A sentence that merely names the same person ("Smith first heard of the offer in January") does not say what the
// question asks about them ("Smith's severance").
function shortOnTopic(short: ShortAnswer, plan: QueryPlan): boolean {
  const topics = plan.concepts.filter((concept) => concept.nameGroup === null && concept.weight >= 1 && concept.exact.length + concept.related.length > 0);
  if (topics.length === 0) return true;
  return short.support.some((entry) => topics.some((concept) => [...concept.exact, ...concept.related].some((term) => entry.matched.has(term))));
}

// "How much did it cost?" answered "62 cm", "how many died in 2008?" answered "2008": a figure of the wrong sort says
// the passages found hold something else than what is asked.
const measureUnitTerms = new Set(Object.values(measureUnits).flatMap((units) => [...units].map((unit) => termKey(unit) ?? unit)));

function isMeasureUnit(word: string): boolean {
  return word !== '' && measureUnitTerms.has(termKey(word) ?? word);
}

function shortOffKind(evidence: AnswerableEvidence): boolean {
  const { short, analysis } = evidence;
  if (short === null) return false;
  // The figure as printed: "how many people?" is not answered by "more than 10" cut from "more than 10 metres".
  const printed = short.printed ?? short.text;
  // "How much was taken?" is not answered by "an armed robbery" or by "2014": a figure question's answer gives a figure.
  const figureAsked = analysis.kind === 'amount' || (analysis.kind === 'number' && /^\W*how\s+(?:many|much)\b/i.test(analysis.text));
  if (figureAsked && (!holdsFigure(printed) || yearsOnly.test(printed.trim()))) return true;
  // A year is not a count: "how many birds were culled in 2016-17?" is not answered by "the winter of 2016-17".
  const quantities = findQuantities(printed).filter((quantity) => !(quantity.kind === 'count' && isYear(printed, quantity)));
  const kinds = quantities.map((quantity) => quantity.kind);
  if (analysis.wantsMoney) return !kinds.includes('money');
  if (analysis.kind === 'number' && analysis.countNoun !== null && /^\W*how many\b/i.test(analysis.text)) {
    // "$5 billion in American-made weapons" answers "how many weapons …?" with what they are worth.
    if (kinds.includes('money') && sumOfAskedNoun(printed, short.support[0]?.passage.normalized ?? '', analysis.countNoun)) return false;
    // "How many people …?" is not answered by a length or a weight ("more than 10 metres"), unless units are asked.
    if (isMeasureUnit(analysis.countNoun)) return !kinds.includes('count');
    return !quantities.some((quantity) => quantity.kind === 'count' && !isMeasureUnit(quantity.noun.split(/\s+/)[0] ?? ''));
  }
  return false;
}

// Whether the sentence names the asked noun just after the printed sum: "$5 billion in American-made weapons".
function sumOfAskedNoun(printed: string, sentence: string, countNoun: string): boolean {
  const at = sentence.indexOf(printed);
  return at >= 0 && namesNounAfter(sentence, at + printed.length, countNoun);
}

// A year as news prints one, 1500 to 2099: alone, as a span of years ("2016-17"), or just before the span's end.
const yearText = String.raw`(?:1[5-9]|20)\d\d`;
const yearsOnly = new RegExp(String.raw`^${yearText}(?:[-–/]\d{2,4})?$`);
const yearAlone = new RegExp(`^${yearText}$`);
const yearBeforeSpanEnd = new RegExp(`${yearText}[-–/]$`);

// A year, or the end of a span of years ("17" of "2016-17").
function isYear(text: string, quantity: QuantityMention): boolean {
  return yearAlone.test(quantity.text) || yearBeforeSpanEnd.test(text.slice(0, quantity.start));
}
