import type { Passage } from '../types.js';
import type { Candidate } from './candidates.js';
import type { QueryPlan } from './query-plan.js';
import type { QuestionAnalysis } from './question.js';

/** What ranking found out about one retrieved passage, from which every passage feature is read. */
export type PassageEvidence = {
  passage: Passage;
  /** The engine's BM25 score divided by the best hit's, 0–1. */
  engine: number;
  /** Share of the question's weighted topics the sentence itself covers, 0–1. */
  ownCoverage: number;
  /** The same share with its headline, heading and neighbours helping, 0–1. */
  coverage: number;
  /** Share of the question's weight that lies in names the sentence does not give, 0–1. */
  missingNames: number;
  /** The weight of the heaviest topic the sentence and its context miss, over the heaviest topic's, 0–1. */
  rarestMissing: number;
  /** Share of the question's weight in common words the sentence misses but says in a WordNet synonym, 0–1. */
  paraphrased: number;
  /** Share of the question's neighbouring topic pairs that stand near each other, in order, in the sentence, 0–1. */
  pairs: number;
  /** Matched topics over the words spanned from the first to the last of them, 0–1 (1 for one match). */
  density: number;
  /** Words in the sentence. */
  words: number;
  /** Things of the kind the question asks for that the question does not already name. */
  candidates: Candidate[];
  /** For "how many X": whether a figure in the sentence counts X. */
  countsAskedNoun: boolean;
  /** The statement question's speaker speaks in the sentence (or the quote follows a sentence naming them). */
  speakerSpeaks: boolean;
  /** The sentence quotes or reports speech. */
  speech: boolean;
  /** Background about an earlier event ("a decade ago") the question did not ask about. */
  background: boolean;
  /** How recent the passage's report is within the story, 0 (oldest) to 1 (newest). */
  freshness: number;
  /** For "What is X?": the sentence says what X is ("X was a …", "X, a …"). */
  defines: boolean;
  /** The sentence gives a cause ("because", "due to"). */
  causal: boolean;
  /** For a yes-or-no question: the sentence holds a negation, refusal or denial. */
  denies: boolean;
  /** Closeness to a passage cited earlier in the conversation, 0 (none) to 1 (that passage). */
  anchor: number;
  /** Share of the words carried from earlier turns of the conversation that the sentence holds, 0–1. */
  carried: number;
};

/** What a question brings to every passage's features. */
export type QuestionEvidence = { analysis: QuestionAnalysis; plan: QueryPlan; wantsCandidate: boolean };

/** A named passage feature: one small function of the evidence. */
export type PassageFeature = { name: string; about: string; value: (passage: PassageEvidence, question: QuestionEvidence) => number };

const flag = (value: boolean): number => (value ? 1 : 0);

/**
 * Every feature the passage ranker weighs, in one place. The weights are fitted by `npm run train` and kept in
 * answer-model.json; a feature whose weight is missing there counts for nothing.
 */
export const passageFeatures: readonly PassageFeature[] = [
  { name: 'engine', about: "the search engine's BM25 score, relative to the best hit", value: (p) => p.engine },
  { name: 'coverage', about: "share of the question's weighted topics the sentence covers", value: (p) => p.ownCoverage },
  { name: 'context', about: 'topics covered only with the headline and neighbouring sentences', value: (p) => p.coverage - p.ownCoverage },
  { name: 'missingNames', about: 'weight of names in the question that the sentence does not give', value: (p) => p.missingNames },
  { name: 'rarestMissing', about: 'the heaviest topic the sentence misses, relative to the heaviest topic', value: (p) => p.rarestMissing },
  { name: 'paraphrase', about: "question words the sentence says only in a WordNet synonym (\"began\" for \"start\")", value: (p) => p.paraphrased },
  { name: 'pairs', about: "neighbouring question topics that stand together in the sentence", value: (p) => p.pairs },
  { name: 'density', about: 'how close together the matched topics stand', value: (p) => p.density },
  { name: 'length', about: 'log of the sentence length in words', value: (p) => Math.log1p(p.words) },
  { name: 'answerKind', about: 'holds a thing of the asked kind (person, place, time, number) not in the question', value: (p, q) => flag(q.wantsCandidate && holdsAskedKind(p, q)) },
  { name: 'noAnswerKind', about: 'the question asks for a kind of thing the sentence does not hold', value: (p, q) => flag(q.wantsCandidate && !holdsAskedKind(p, q)) },
  { name: 'countsNoun', about: '"how many X": a figure in the sentence counts X', value: (p) => flag(p.countsAskedNoun) },
  { name: 'lead', about: "the article's first sentence", value: (p) => flag(p.passage.position === 0) },
  { name: 'position', about: 'nearness to the top of the article, 1/(1 + position)', value: (p) => 1 / (1 + p.passage.position) },
  { name: 'headline', about: 'a headline or heading', value: (p) => flag(p.passage.role === 'headline') },
  { name: 'listItem', about: 'a list item or timeline line', value: (p) => flag(p.passage.role === 'list-item' || p.passage.role === 'timeline') },
  { name: 'asks', about: 'the sentence is itself a question', value: (p) => flag(/\?["”’)]*$/.test(p.passage.normalized)) },
  { name: 'speaker', about: 'a statement question whose speaker speaks in the sentence', value: (p, q) => flag(q.analysis.kind === 'statement' && p.speakerSpeaks) },
  { name: 'speech', about: 'a statement question and a sentence that quotes or reports speech', value: (p, q) => flag(q.analysis.kind === 'statement' && p.speech) },
  { name: 'background', about: 'background about an earlier event the question does not ask about', value: (p) => flag(p.background) },
  { name: 'latest', about: 'how recent the report is, for a question about the latest figure', value: (p, q) => (q.analysis.wantsLatest ? p.freshness : 0) },
  { name: 'defines', about: '"What is X?" and a sentence that says what X is ("X was a …", "X, a …")', value: (p) => flag(p.defines) },
  { name: 'cause', about: 'a why-question and a sentence that gives a cause', value: (p, q) => flag(q.analysis.kind === 'reason' && p.causal) },
  { name: 'denies', about: 'a yes-or-no question and a sentence that denies, refuses or negates something', value: (p) => flag(p.denies) },
  { name: 'anchor', about: 'nearness to a passage cited earlier in the conversation', value: (p) => p.anchor },
  { name: 'carried', about: 'share of the words carried from earlier turns of the conversation the sentence holds', value: (p) => p.carried },
];

/** The features of one passage, in the order of {@link passageFeatures}. */
export function passageFeatureValues(passage: PassageEvidence, question: QuestionEvidence): number[] {
  return passageFeatures.map((feature) => feature.value(passage, question));
}

// "What time …?" asks for a clock time: a day or a date is a time, but not the one asked for.
function holdsAskedKind(passage: PassageEvidence, question: QuestionEvidence): boolean {
  return question.analysis.wantsClock ? passage.candidates.some((candidate) => candidate.kind === 'clock') : passage.candidates.length > 0;
}
