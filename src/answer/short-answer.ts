import { tenseOf } from '../language/dates.js';
import { listedText } from '../format.js';
import { speechVerbs } from '../language/lexicon.js';
import { wordsOf } from '../language/names.js';
import { termKey, termsOf } from '../search/terms.js';
import { countClauseBreaks } from '../text/clause-breaks.js';
import type { Candidate } from './candidates.js';
import { synonymsOf } from './query-plan.js';
import { asksNewestReport, type QuestionAnalysis } from './question.js';
import type { RankedPassage } from './rank.js';

// Passage scores are logits of the fitted ranking model, in which covering the whole question is worth about four;
// these readers' margins were first set in shares of the question covered.
const logitsPerCoverage = 4;

/** The direct answer chosen for a question and the passages that state it, best first. */
export type ShortAnswer = {
  text: string;
  support: RankedPassage[];
  /** The whole span the text was cut from, when shown less its edges ("more than 10 metres" for "more than 10"). */
  printed?: string;
};

/** The longest direct answer, in characters (the CLI contract's `short`). */
export const maxShortLength = 120;

/** A candidate answer with the evidence for it, summed over the passages that state it. */
export type ScoredCandidate = { candidate: Candidate; score: number; support: RankedPassage[] };

/** Picks the direct answer that the best passages agree on, weighing each by rank and closeness to the question's words. */
export function pickShortAnswer(ranked: readonly RankedPassage[], analysis: QuestionAnalysis): ShortAnswer | null {
  const pool = answerPool(ranked, analysis);
  if (pool.length === 0) return null;
  if (analysis.kind === 'person' || analysis.wantsSeveral) return namesAnswer(pool, analysis.wantsSeveral ? undefined : scoreCandidates(ranked, analysis)[0], subjectVerbOf(analysis), !analysis.wantsSeveral && asksForOnePerson(analysis.text));
  const winner = scoreCandidates(ranked, analysis)[0];
  if (winner === undefined) return null;
  // Worded as the sentence cited first words it, so that the short answer can be read there.
  const shown = winner.support[0]?.candidates.find((candidate) => candidate.key === winner.candidate.key) ?? winner.candidate;
  return { text: clip(shown.display), support: winner.support };
}

function answerPool(ranked: readonly RankedPassage[], analysis: QuestionAnalysis): RankedPassage[] {
  const best = ranked[0];
  if (best === undefined) return [];
  // The newest report of a changing figure may rank a little lower than an older one that words the question better
  // ("Death Toll Rises … 19" above "the death toll had reached 23"): for such a question the pool reaches further.
  const reach = (asksNewestReport(analysis) ? 0.5 : 0.3) * logitsPerCoverage;
  return ranked.slice(0, 12).filter((entry) => entry.candidates.length > 0 && entry.score >= best.score - reach && entry.coverage >= 0.4);
}

/** Scores every candidate of the best passages, best first: rank, closeness to the question's words and fit to what is asked. */
export function scoreCandidates(ranked: readonly RankedPassage[], analysis: QuestionAnalysis): ScoredCandidate[] {
  const best = ranked[0];
  if (best === undefined) return [];
  const totals = new Map<string, { best: number; others: number; candidate: Candidate; support: RankedPassage[] }>();
  const typedNames = namesOfAskedType(ranked, analysis);
  for (const entry of answerPool(ranked, analysis)) {
    const positions = matchedPositions(entry);
    // Rank matters more than agreement: a passage far below the best adds little, however many say the same.
    // A figure from background ("a decade ago") answers about another event than the story's.
    const rankWeight = Math.exp((2 * (entry.score - best.score)) / logitsPerCoverage) * (entry.background ? 0.4 : 1);
    // A candidate named twice in one sentence (a headline glued to its text) is still one passage's vote.
    const perPassage = new Map<string, { value: number; candidate: Candidate }>();
    for (const candidate of entry.candidates) {
      const value = rankWeight * proximity(candidate, positions, entry.passage.normalized) * kindFit(candidate, entry, analysis, typedNames);
      // "The Elm" and "the Elm River" are one answer to "which river".
      const key = typedNames.size > 0 ? withoutTypeNoun(candidate.display, analysis) : candidate.key;
      if (value > (perPassage.get(key)?.value ?? -1)) perPassage.set(key, { value, candidate });
    }
    for (const [key, { value, candidate }] of perPassage) {
      const total = totals.get(key) ?? { best: 0, others: 0, candidate, support: [] };
      if (value > total.best) {
        total.others += total.best;
        total.best = value;
        total.candidate = candidate;
      } else total.others += value;
      if (!total.support.includes(entry)) total.support.push(entry);
      totals.set(key, total);
    }
  }
  return [...totals.values()]
    // For the latest figure, agreement does not count: older reports repeat the older figure more often.
    .map((total) => ({ candidate: total.candidate, score: total.best + (asksNewestReport(analysis) ? 0 : 0.25) * total.others, support: total.support }))
    .sort((a, b) => b.score - a.score);
}

// "Who met in X" and "which countries sent teams" want every name the best sentence gives near the question's words,
// in the sentence's order; the sentences that name them support the answer.
// "Who called the talks good?" asks who spoke, the subject of "called", not whom they spoke of; "who met" is
// answered by both sides of the meeting, so only verbs of speech count.
function subjectVerbOf(analysis: QuestionAnalysis): string | null {
  const verb = /^who\s+(\p{L}+)/iu.exec(analysis.text)?.[1]?.toLowerCase();
  return verb !== undefined && speechVerbs.has(verb) ? termKey(verb) : null;
}

// "Who is the outgoing mayor?", "who was the firefighter who died?": one person, named by the role the question gives.
function asksForOnePerson(question: string): boolean {
  return /^\W*who(?:\s+(?:is|was)|\s*['’]s)\s+(?:the|a|an)\s+(?:\p{L}+[\s-]+){0,2}?\p{L}*[^s\W]\b(?!\s+and\b)/iu.test(question);
}

function namesAnswer(pool: RankedPassage[], agreed: ScoredCandidate | undefined, subjectVerb: string | null = null, one = false): ShortAnswer {
  // Among sentences ranked nearly as high, the one naming the person most passages agree on gives the names.
  const entry = pool.find((other) => other.score >= pool[0]!.score - 0.15 * logitsPerCoverage && agreed !== undefined && other.candidates.some((candidate) => candidate.key === agreed.candidate.key)) ?? pool[0]!;
  const positions = matchedPositions(entry);
  const values = new Map<string, { candidate: Candidate; value: number }>();
  for (const candidate of entry.candidates) {
    const value = proximity(candidate, positions, entry.passage.normalized);
    if (value > (values.get(candidate.key)?.value ?? -1)) values.set(candidate.key, { candidate, value });
  }
  // The people before the question's verb are who did it: the rest of the sentence names whom they did it to.
  // The sentence may report the speech in another verb ("described as" / "said").
  const verbAt =
    subjectVerb === null
      ? -1
      : (positions.find((position) => position.term === subjectVerb)?.position ?? wordsOf(entry.passage.normalized).find((word) => speechVerbs.has(word.text.toLowerCase()))?.start ?? -1);
  if (verbAt > 0 && [...values.values()].some((value) => value.candidate.end <= verbAt)) {
    for (const [key, value] of values) if (value.candidate.start >= verbAt) values.delete(key);
  }
  const top = Math.max(...[...values.values()].map((entry) => entry.value));
  const inOrder = [...values.values()].sort((a, b) => a.candidate.start - b.candidate.start);
  const keep = new Set(inOrder.filter((value) => value.value >= 0.6 * top));
  // A list goes whole: "Chile, Peru, Ghana and Kenya" is one answer, however far its end is from the question's words.
  for (let i = 1; i < inOrder.length; i++) {
    const [before, after] = [inOrder[i - 1]!, inOrder[i]!];
    if (/^\s*(?:,\s*(?:and\s+)?|\s+and\s+)$/.test(entry.passage.normalized.slice(before.candidate.end, after.candidate.start)) && (keep.has(before) || keep.has(after))) {
      keep.add(before);
      keep.add(after);
    }
  }
  const listed = inOrder.filter((value) => keep.has(value));
  // Asked for one, the name nearest the question's words answers.
  const kept = (one ? [listed.reduce((best, value) => (value.value > best.value ? value : best), listed[0]!)] : listed).filter(Boolean).slice(0, 6);
  const names = kept.map((entry) => entry.candidate.display);
  const keys = new Set(kept.map((entry) => entry.candidate.key));
  const text = listedText(names);
  const named = (other: RankedPassage) => new Set(other.candidates.filter((candidate) => keys.has(candidate.key)).map((candidate) => candidate.key)).size;
  // Sentences naming more of the people come first: they state the answer, not a part of it.
  const support = pool.filter((other) => named(other) > 0).sort((a, b) => named(b) - named(a) || b.score - a.score);
  return { text: clip(text), support: support.length > 0 ? support : [entry] };
}

// "Which river …": the names that the ranked passages print with the asked-for noun ("Elm" of "the Elm River"),
// lower-cased and without the noun.
function namesOfAskedType(ranked: readonly RankedPassage[], analysis: QuestionAnalysis): Set<string> {
  const names = new Set<string>();
  if (analysis.typeNoun === null) return names;
  for (const entry of ranked) {
    for (const candidate of entry.candidates) {
      const bare = withoutTypeNoun(candidate.display, analysis);
      if (bare !== '' && bare !== candidate.display.toLowerCase()) names.add(bare);
    }
  }
  return names;
}

function withoutTypeNoun(name: string, analysis: QuestionAnalysis): string {
  return wordsOf(name)
    .filter((word) => termKey(word.text) !== analysis.typeNoun)
    .map((word) => word.text.toLowerCase())
    .join(' ');
}

type MatchedPosition = { term: string; position: number; weight: number };

function matchedPositions(entry: RankedPassage): MatchedPosition[] {
  const positions: MatchedPosition[] = [];
  for (const word of wordsOf(entry.passage.normalized)) {
    const term = termKey(word.text);
    const weight = term === null ? undefined : entry.matched.get(term);
    if (term !== null && weight !== undefined) positions.push({ term, position: word.start, weight }, { term, position: word.end, weight });
  }
  return positions;
}

// Closeness to the question's words, each counted by its weight: a rare word next to the candidate ("LNG contracts
// from January") says more than a common one.
function proximity(candidate: Candidate, positions: MatchedPosition[], sentence: string): number {
  if (positions.length === 0) return 0.5;
  const nearest = new Map<string, { weight: number; pull: number }>();
  for (const { term, position, weight } of positions) {
    const before = position < candidate.start;
    const distance = before ? candidate.start - position : position > candidate.end ? position - candidate.end : 0;
    // About six characters a word: the pull halves some three words away; words after the candidate pull half as
    // hard, since a time or figure usually follows what it is about ("LNG contracts from January"); and each clause
    // break between them halves it again ("pipelines from September and LNG from January").
    const breaks = before ? countClauseBreaks(sentence, position, candidate.start) : countClauseBreaks(sentence, candidate.end, position);
    const pull = (weight / (1 + distance / 15)) * (before || distance === 0 ? 1 : 0.5) * 0.5 ** Math.min(breaks, 3);
    if (pull > (nearest.get(term)?.pull ?? -1)) nearest.set(term, { weight, pull });
  }
  let total = 0;
  let weights = 0;
  for (const { weight, pull } of nearest.values()) {
    total += pull;
    weights += weight;
  }
  return 0.3 + 0.7 * (weights > 0 ? total / weights : 0);
}

// A figure reached by a change: "rose to", "has climbed to", "stood at", "reached", right before the figure.
const changedTo = /\b(?:ris(?:es|en|ing)|rose|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|grow(?:s|n|ing)?|grew|increas(?:es|ed|ing)|fell|fall(?:s|en|ing)?|drop(?:s|ped|ping)?|reach(?:es|ed|ing)?|hit|hits|stood|stands|was|is)\s+(?:to|at)?\s*(?:about|around|nearly|almost|at least|more than|over)?\s*$/i;

/** "How many children": whether a figure counts the asked noun, named with it, just before it or, for a share or amount, just after. */
export function countsAskedNoun(candidate: Candidate, sentence: string, analysis: QuestionAnalysis): boolean {
  if (analysis.countNoun === null) return false;
  const nouns = new Set([analysis.countNoun, ...synonymsOf(analysis.countNoun)]);
  if (candidate.noun !== null && nouns.has(candidate.noun)) return true;
  // The counted noun may stand before the number too: "students killed rose to 11".
  if (termsOf(sentence.slice(Math.max(0, candidate.start - 40), candidate.start)).some((term) => nouns.has(term))) return true;
  // Or as the subject of the change that reached it, however long: "The death toll from the capsizing of a ferry off
  // the island has climbed to 34", with no clause break between them.
  const clause = sentence.slice(0, candidate.start).split(/[;:]|,\s+(?:and|but|while|as)\s|\.\s/).at(-1) ?? '';
  if (changedTo.test(clause) && termsOf(clause.replace(changedTo, '')).some((term) => nouns.has(term))) return true;
  // A share or an amount names what it measures right after it: "an 11% pay rise", "a $560 million fee".
  return candidate.kind !== 'count' && termsOf(sentence.slice(candidate.end, candidate.end + 24)).slice(0, 2).some((term) => nouns.has(term));
}

/** Whether a sentence names a noun (a term) within four words after an offset: the weapons of "$5 billion in American-made weapons". */
export function namesNounAfter(sentence: string, end: number, noun: string): boolean {
  return termsOf(sentence.slice(end, end + 48)).slice(0, 4).includes(noun);
}

/**
 * How well a typed candidate fits what the question asks, as a factor around 1: a count of the asked noun, a share
 * for "what share", a clock time for "what time", the question's tense, the newest report for "latest".
 */
export function fitToQuestion(candidate: Candidate, entry: RankedPassage, analysis: QuestionAnalysis): number {
  return kindFit(candidate, entry, analysis, new Set());
}

function kindFit(candidate: Candidate, entry: RankedPassage, analysis: QuestionAnalysis, typedNames: ReadonlySet<string>): number {
  let fit = candidate.vague ? 0.3 : 1;
  // Who someone is: a fuller description ("chief executive of the terminal operator") says more than a bare title.
  if (candidate.kind === 'description') fit *= Math.min(candidate.display.split(/\s+/).length, 6) / 6;
  if (analysis.kind === 'number' && analysis.countNoun !== null) {
    fit *= countsAskedNoun(candidate, entry.passage.normalized, analysis) ? 2.5 : candidate.noun === null ? 0.7 : 0.5;
  }
  // "What share of the vote": a count of votes is not a share, whatever the words around it.
  if (analysis.wantsShare && candidate.kind !== 'percent') fit *= 0.4;
  // "Where": a place the sentence puts something in ("the hearing in Springfield") rather than one it merely names.
  if (analysis.kind === 'place' && /\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$/i.test(entry.passage.normalized.slice(Math.max(0, candidate.start - 12), candidate.start))) fit *= 1.5;
  // A place that owns something ("Portugal's security chief") is said of someone, not where it happened.
  if (analysis.kind === 'place' && /\p{L}['’]s?(?=[\s,.;]|$)/u.test(entry.passage.normalized.slice(Math.max(candidate.start, candidate.end - 3), candidate.end + 2))) fit *= 0.6;
  // "Which river": a name the story gives as one ("the Elm River") is the likelier answer.
  if (typedNames.has(withoutTypeNoun(candidate.display, analysis))) fit *= 2;
  if (analysis.prefersFirstKind && analysis.quantityKinds.length > 1 && candidate.kind === analysis.quantityKinds[0]) fit *= 1.5;
  if (analysis.kind === 'time') {
    if (analysis.wantsClock) fit *= candidate.kind === 'clock' ? 2 : 0.7;
    if (analysis.tense !== 'unknown') {
      const window = entry.passage.normalized.slice(Math.max(0, candidate.start - 60), candidate.start);
      const local = tenseOf(window);
      if (local === analysis.tense) fit *= 1.5;
      else if (local !== 'unknown') fit *= 0.6;
    }
  }
  if (asksNewestReport(analysis)) {
    fit *= 0.3 + 1.4 * entry.freshness;
    // "The toll rose to seven", "cuts grow to 2,300": a figure reported as an update is the newer one.
    const lead = entry.passage.normalized.slice(Math.max(0, candidate.start - 40), candidate.start);
    if (/\b(?:ris(?:es|en|ing)|rose|grow(?:s|n|ing)?|grew|climb(?:s|ed|ing)?|increas(?:es|ed|ing)|jump(?:s|ed)|rais(?:es|ed)|now|reach(?:es|ed)|swell(?:s|ed)|fell|fall(?:s|en)|drop(?:s|ped)|revised)\b[^.;]{0,25}$/i.test(lead)) fit *= 1.4;
  }
  return fit;
}

function clip(text: string): string {
  return text.length <= maxShortLength ? text : `${text.slice(0, maxShortLength - 1).trimEnd()}…`;
}
