import { isWhWord, splitAboutQuestion } from '../conversation/question-shape.js';
import { discourseOpeners, endingWords, negates, noOneWords, refusalVerbs, unchangedWords, wordAlternation } from '../language/lexicon.js';
import { antonymTermsOf } from '../language/antonyms.js';
import { isKindOf } from '../language/noun-kinds.js';
import { termKey, termsOf } from '../search/terms.js';
import { answerModel, linearScore, sigmoid, weightsFor, type AnswerModel } from './answer-model.js';
import { namesUnknownInAnyCase } from './answerable.js';
import type { QueryConcept, QueryPlan } from './query-plan.js';
import type { RankedPassage } from './rank.js';

/** What the yes/no model reads: the question, its plan and its best passages. */
export type YesNoEvidence = { question: string; plan: QueryPlan; ranked: readonly RankedPassage[] };

/** A named yes/no feature. */
export type YesNoFeature = { name: string; about: string; value: (evidence: YesNoEvidence) => number };

const flag = (value: boolean): number => (value ? 1 : 0);
const determiners = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those']);
// Degree and manner words a negation reaches over: "wasn't exactly the most efficient", "did not fully accept".
const degreeWords = new Set(['exactly', 'quite', 'very', 'really', 'so', 'too', 'most', 'more', 'as', 'fully', 'entirely', 'completely', 'always', 'necessarily', 'yet', 'ever', 'even', 'immediately', 'publicly', 'formally', 'officially', 'particularly', 'especially', 'much']);
const auxiliaryOpening = /^(?:is|are|was|were|am|do|does|did|has|have|had|can|could|will|would|shall|should|may|might|must|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|don['’]t|doesn['’]t|didn['’]t|hasn['’]t|haven['’]t|hadn['’]t|can['’]t|couldn['’]t|won['’]t|wouldn['’]t|shouldn['’]t)\b/i;

const confirmationFragment = /^(?:just|only|solely|merely)\s+[\p{L}\p{N}]/iu;

// Words that open a question without changing what it asks ("And did he win?", "Then was it worth it?").
const discourseOpening = new RegExp(String.raw`^\W*(?:${wordAlternation([...discourseOpeners, 'then', 'plus'])}\b[\s,]*)+`, 'i');
const holdsWhWord = (text: string): boolean => (text.toLowerCase().match(/\p{L}+/gu) ?? []).some(isWhWord);
// A phrase set before the auxiliary: "In 2010, did …", "After his death was he …", "According to Jacob, were …".
const frontedByComma = /^([^,?]{1,60}),\s*/;
const frontedPhrase =
  /^(?:after|before|during|in|on|at|according\s+to|since|until|by|for|with|without|from|like|unlike|besides)\s+(?:[\p{L}\p{N}'’.-]+\s+){0,4}?(?=(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\s+(?:(?:he|she|it|they|we|you|i|there|the|this|that|these|those|his|her|their|its|any|anyone|anybody)\b|(?<initial>\S)))/iu;

// The question from where its own clause begins, past an opening word, a phrase set before its auxiliary, or the
// phrase a follow-up asked about.
function clauseOf(question: string): string {
  const text = question.trim().replace(discourseOpening, '');
  // A follow-up read against a yes-or-no question: "The employers: did the union accept the offer?".
  const about = splitAboutQuestion(text);
  if (about !== null && !holdsWhWord(about.about) && !/\bor\b/i.test(about.about)) return clauseOf(about.question);
  const comma = frontedByComma.exec(text);
  if (comma !== null && !holdsWhWord(comma[1]!) && auxiliaryOpening.test(text.slice(comma[0].length))) return text.slice(comma[0].length);
  const fronted = frontedPhrase.exec(text);
  // A name after the auxiliary ("After death was Michael Jackson forgotten?") must be capitalised: the pattern
  // ignores case, so its initial is checked here.
  const initial = fronted?.groups?.['initial'];
  if (fronted !== null && !holdsWhWord(fronted[0]) && (initial === undefined || /^\p{Lu}$/u.test(initial))) return text.slice(fronted[0].length);
  return text;
}

// States something may have come to, asked of "anyone" like a participle: "anyone dead?", "any of them missing?".
const stateWords = new Set(['dead', 'alive', 'missing', 'safe', 'ill', 'sick', 'unhurt', 'homeless', 'aboard']);
const irregularParticiples = new Set(['hurt', 'found', 'caught', 'held', 'seen', 'left', 'lost', 'put', 'shut', 'hit', 'cut', 'said', 'told', 'come', 'gone', 'done', 'made', 'paid', 'got', 'kept', 'brought', 'sent', 'won', 'shot', 'struck', 'fled']);

// Chat drops the auxiliary of "Has anyone been hurt?": "anyone hurt?", "any of the paintings turned up yet?",
// "anyone else appealing?". Not "anyone else?" or "any other names?" (more of the last answer), nor "any word on
// the talks?" or "anything new?" (what there is to say).
function asksWhetherAny(text: string): boolean {
  const opening = /^\W*(any(?:one|body|thing)?(?:\s+(?:else|other))?|any\s+of\s+(?:the|them|those|these|their|its)(?:\s+[\p{L}-]+)?)\s+(.*)$/iu.exec(text.trim());
  if (opening === null || holdsWhWord(text)) return false;
  const rest = opening[2]!.replace(/[?!.\s]+$/u, '');
  if (/\bother$/i.test(opening[1]!) && !/\s/.test(rest)) return false;
  if (!/^\p{L}/u.test(rest) || /^(?:else|other|others|more|word|news|update|updates|idea|ideas|comment|comments|details?|info|information|new|further|luck|sign|signs)\b/i.test(rest)) return false;
  // Something must have happened to them: "any compensation for the families?" asks what there is, not whether.
  return (rest.match(/\p{L}+/gu) ?? []).some((word) => /\p{L}{2,}(?:ed|en|ing)$/iu.test(word) || irregularParticiples.has(word.toLowerCase()) || stateWords.has(word.toLowerCase()));
}

/**
 * Whether a question asks for yes or no ("Did the talks resume?", "And is he?", "In 2010, did it grow?", "Just
 * them?"), not for a choice ("Is it A or B?"); an auxiliary and one word ("had moved") is a fragment, not a question.
 */
export function isYesNoQuestion(question: string): boolean {
  // Chat stretches a word ("iiiiis that why?"); no English word holds a letter three times running.
  const text = clauseOf(question.replace(/(\p{L})\1{2,}/gu, '$1'));
  // "Is it A or B?" asks which; "were any staff or visitors hurt?" asks whether.
  if (/\bor\b/i.test(text) && !/\bany(?:one|body)?\b[^?]*\bor\b/i.test(text)) return false;
  // "Just them?", "Only in the prisons?": a fragment that checks the last answer's scope.
  if (confirmationFragment.test(text) && !holdsWhWord(text)) return true;
  if (asksWhetherAny(text)) return true;
  if (!auxiliaryOpening.test(text)) return false;
  const words = text.match(/[\p{L}\p{N}'’]+/gu) ?? [];
  return words.length >= 3 || /^\W*\p{L}+['’]?\p{L}*\s+(?:he|she|it|they|we|you|i|there|that|this)\b/iu.test(text);
}

/**
 * Every feature the yes/no model weighs, in one place. Negation on either side, the share of the question the best
 * sentence covers, topics or numbers it misses, and a wider denial (any negation or "refused" before any word of the
 * question) were tried too; none beat the model without them in cross-validation (docs/answering.md).
 */
export const yesNoFeatures: readonly YesNoFeature[] = [
  { name: 'unknownName', about: 'the question names something the story never mentions ("Is it in English?")', value: (e) => flag(namesUnknownInAnyCase(e.question, e.plan)) },
  {
    name: 'deniesQuestion',
    about: 'the best sentence denies a topic of the question: a negation or refusal right before it ("produced no compromise", "refusing to testify"), its opposite ("fast-paced" for "a slow read"; in the next sentence too, for a topic the best one does not say), or a change a still- or yet-question rules out ("order lifted", "remains in custody")',
    value: (e) => flag(deniesTopic(e) || saysOpposite(e) || saysNoChange(e)),
  },
];

const featureNames = yesNoFeatures.map((feature) => feature.name);

/** The features of a yes/no question, in the order of {@link yesNoFeatures}. */
export function yesNoFeatureValues(evidence: YesNoEvidence): number[] {
  return yesNoFeatures.map((feature) => feature.value(evidence));
}

/** The fitted probability that the answer is yes. */
export function yesProbability(values: readonly number[], model: AnswerModel = answerModel): number {
  return sigmoid(linearScore(weightsFor(model.yesNo, featureNames), values, model.yesNo.bias));
}

// Whether the best sentence negates one of the question's own topics, or a listed synonym of one, within the four
// words after a negation or a refusal, where the question itself is not negated: "produced no compromise" for "did
// the talks produce a compromise?", "is refusing to testify" for "did he testify?", "rejected the offer" for "did the
// union take the offer?", "no deaths" for "anyone killed?".
function deniesTopic(evidence: YesNoEvidence): boolean {
  if (negates(evidence.question)) return false;
  const [best, next] = evidence.ranked;
  if (best === undefined) return false;
  if (deniesIn(best, topicsOf(evidence.plan))) return true;
  // The next sentence speaks for the topics the best one does not hold ("If anyone could find shelter, it's him."
  // before "there had been no deaths"); a best sentence that says the topic is not overruled by a denial beside it
  // ("she accused …" before "she did not blame …").
  if (next === undefined) return false;
  const said = new Set(termsOf(best.passage.normalized));
  const unsaid = topicsOf(evidence.plan).filter((concept) => ![...concept.exact, ...concept.related].some((term) => said.has(term)));
  return deniesIn(next, unsaid);
}

const topicsOf = (plan: QueryPlan): QueryConcept[] => plan.concepts.filter((concept) => concept.nameGroup === null);

function deniesIn(entry: RankedPassage, concepts: readonly QueryConcept[]): boolean {
  // A word the story never prints counts in its listed synonyms: "not a cyberattack" for "was it a hack?".
  const topics = new Set(concepts.flatMap((concept) => (concept.unknown ? concept.related : concept.exact)));
  // Articles, possessives and degree words do not count towards the four words: "didn't list a lawyer" denies "lawyer".
  const words = (entry.passage.normalized.match(/[\p{L}\p{N}'’]+/gu) ?? []).filter((word) => !skippedByReach.has(word.toLowerCase()));
  // The story may say it in a listed synonym: "No one was killed" for "anyone dead?", "no deaths" for "anyone killed?".
  const said = new Set([...topics, ...concepts.flatMap((concept) => concept.related)]);
  if (words.some((word, i) => (negates(word) || refusalVerbs.has(word.toLowerCase())) && reachOf(words, i).some((next) => said.has(termKey(next) ?? '')))) return true;
  // "No one on the ground was hurt", "nobody was charged": a subject that is no one denies what the clause says of it.
  const lower = words.map((word) => word.toLowerCase());
  if (lower.some((word, i) => (noOneWords.has(word) || (word === 'no' && ['one', 'other', 'others'].includes(lower[i + 1] ?? ''))) && words.slice(i + 1, i + 7).some((next) => said.has(termKey(next) ?? '')))) return true;
  // "The night guard was unhurt", "the cubesat was uninsured": a negative prefix on the topic itself.
  // The question's word may be one the story never prints otherwise ("hurt" beside "unhurt").
  const asked = new Set(concepts.map((concept) => concept.term));
  return lower.some((word) => /^(?:un|non)\p{L}{3,}/u.test(word) && asked.has(termKey(word.replace(/^(?:un|non)-?/u, '')) ?? ''));
}

// The four words a negation reaches over, up to a word that opens another clause: "declined to say whether anyone
// had been identified" and "wouldn't say how many guns" leave the question open; "is not a signal that the virus is
// spreading" denies it.
function reachOf(words: readonly string[], at: number): readonly string[] {
  const reach = words.slice(at + 1, at + 5);
  const end = reach.findIndex((word) => clauseOpeners.has(word.toLowerCase()));
  return end < 0 ? reach : reach.slice(0, end);
}

const clauseOpeners = new Set(['whether', 'if', 'but', 'although', 'though', 'while', 'because', 'until', 'unless', 'how', 'what', 'who', 'which', 'when', 'where', 'why']);

// Articles, degree words and the words between a negation and its verb ("do not have to pay", "has not been charged").
const skippedByReach = new Set([...determiners, ...degreeWords, 'have', 'has', 'had', 'to', 'be', 'been', 'being', 'need', 'needs']);


// "Is the order still in force?" asks whether nothing has changed, and "is he out of hospital yet?" whether something
// has: the best sentence answers no when a word of ending stands beside a topic or name of a still-question ("Order
// Lifted", "grounded its nine jets"), or a word of staying beside one of a yet-question ("remains in custody").
function saysNoChange(evidence: YesNoEvidence): boolean {
  const best = evidence.ranked[0];
  if (best === undefined || negates(evidence.question)) return false;
  const question = evidence.question.toLowerCase();
  const changed = /\bstill\b/.test(question) ? endingWords : /\b(?:yet|again)\b/.test(question) ? unchangedWords : null;
  if (changed === null) return false;
  const asked = new Set(evidence.plan.concepts.flatMap((concept) => [concept.term, ...concept.exact, ...concept.related]));
  const wordsOf = (entry: RankedPassage) => entry.passage.normalized.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  const says = (words: readonly string[]) => words.some((word, i) => changed.has(word) && words.slice(Math.max(0, i - 4), i + 5).some((near, j) => j !== Math.min(i, 4) && asked.has(termKey(near) ?? '')));
  const bestWords = wordsOf(best);
  if (says(bestWords)) return true;
  // The next sentence speaks only when the best says nothing of a change either way: "Tomas Hollis was freed on bail"
  // answers "is he out on bail yet?", whatever the next sentence says of another Hollis.
  const next = evidence.ranked[1];
  return next !== undefined && !bestWords.some((word) => endingWords.has(word) || unchangedWords.has(word)) && says(wordsOf(next));
}

// Whether the best sentence, or the next one for a topic the best does not say, holds a WordNet antonym of a word of
// the question (not of a name, nor of a person) that it does not hold itself: "a white Cadillac pulled up" for "did a
// black Lincoln pull up?".
function saysOpposite(evidence: YesNoEvidence): boolean {
  const [best, next] = evidence.ranked;
  if (best === undefined) return false;
  const said = new Set(termsOf(best.passage.normalized));
  // A person's opposite is another person ("wife" for "husband"), not a denial.
  const unsaid = topicsOf(evidence.plan).filter((concept) => !concept.exact.some((term) => said.has(term)) && !said.has(concept.term) && !isKindOf(concept.term, 'person'));
  if (unsaid.some((concept) => [...antonymTermsOf(concept.term)].some((opposite) => said.has(opposite)))) return true;
  // As with a denial, the next sentence speaks for the topics the best one does not say ("continues to deny
  // wrongdoing" for "has he admitted anything?").
  if (next === undefined) return false;
  const saidNext = new Set(termsOf(next.passage.normalized));
  return unsaid.some((concept) => !concept.exact.some((term) => saidNext.has(term)) && !saidNext.has(concept.term) && [...antonymTermsOf(concept.term)].some((opposite) => saidNext.has(opposite)));
}
