import { wordsOf } from '../language/names.js';
import { findQuantities } from '../language/quantities.js';
import { termKey, termsOf } from '../search/terms.js';
import type { Story } from '../story.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { Answer, AskResult, Passage, QuestionKind } from '../types.js';
import { composeAnswer } from './compose.js';
import { planQuery, type QueryPlan } from './query-plan.js';
import { analyzeQuestion, type QuestionAnalysis } from './question.js';
import { needsCandidate, rankPassages, type RankedPassage } from './rank.js';
import { pickShortAnswer, type ShortAnswer } from './short-answer.js';

/** Longest question accepted, in characters; longer ones are refused with a message rather than searched. */
export const maxQuestionLength = 1000;

/** The least share of a question's weighted topics the best passage must cover for storybot to answer. */
export const minCoverage = 0.55;

/** The plain statement an abstention opens with; adapters add what the bot covers. */
export const notCoveredText = "The coverage of this story doesn't say.";

/** Answers a question from the story's passages, citing each sentence it uses, or abstains when the coverage does not say. */
export function answerQuestion(story: Story, rawQuestion: string): AskResult {
  // The cap holds for the question as sent, before it is normalised: padding of spaces, zero-width characters or
  // emoji counts, so a question of megabytes is refused without being read, and only its start is echoed.
  if (rawQuestion.length > maxQuestionLength) {
    return {
      ok: false,
      reason: 'too-long',
      message: `That question is ${rawQuestion.length} characters long; please keep it under ${maxQuestionLength}.`,
      question: `${cleanQuestion(rawQuestion.slice(0, 160)).slice(0, 80)}…`,
    };
  }
  const question = cleanQuestion(rawQuestion);
  if (question === '') return { ok: false, reason: 'empty-question', message: 'Please ask a question about the story.', question };
  if (!/[\p{L}\p{N}]/u.test(question)) {
    return { ok: false, reason: 'no-words', message: 'That question has no words in it; please ask about the story.', question };
  }
  let analysis = analyzeQuestion(question);
  if (asksForCatchUp(question, analysis)) return { ok: true, answer: catchUpAnswer(story, question) };
  const plan = planQuery(analysis, story.index);
  analysis = withStorySpelling(analysis, plan, story);
  if (!plan.concepts.some((concept) => concept.weight > 0 && (!concept.unknown || concept.related.length > 0)) || namesAnUnknown(plan)) {
    return { ok: true, answer: abstention(question, analysis.kind) };
  }
  const ranked = keepStatedNumbers(rankPassages(story, analysis, plan), analysis.terms.map((term) => term.term));
  // The engine's order and the coverage order differ a little; any of the first few passages may show the question
  // is covered.
  const bestCoverage = Math.max(0, ...ranked.slice(0, 5).map((entry) => entry.coverage));
  if (ranked.length === 0 || bestCoverage < minCoverage) {
    return { ok: true, answer: abstention(question, analysis.kind) };
  }
  const short = needsCandidate(analysis) ? pickShortAnswer(ranked, analysis) : null;
  if (needsCandidate(analysis) && !directlyAnswered(analysis, short, ranked, plan)) return { ok: true, answer: abstention(question, analysis.kind) };
  let chosen = chooseSupport(ranked, short?.support ?? [], needsCandidate(analysis));
  if (analysis.kind === 'statement') chosen = withQuotedWords(story, chosen, analysis.subject);
  const composed = composeAnswer(story, chosen);
  const answer: Answer = {
    question,
    answer: composed.answer,
    short: short?.text ?? null,
    abstained: false,
    kind: analysis.kind,
    citations: composed.citations,
  };
  return { ok: true, answer };
}

/**
 * Whether the coverage answers a question that asks for a name, place, time, number or amount. No direct answer
 * and no well-covered passage holding a thing of that kind means it does not. Nor does a direct answer whose
 * passages hold none of the question's topics besides its names: a sentence that merely names the same person
 * ("Smith first heard of the offer in January") does not say what the question asks about them ("Smith's severance").
 */
function directlyAnswered(analysis: QuestionAnalysis, short: ShortAnswer | null, ranked: readonly RankedPassage[], plan: QueryPlan): boolean {
  if (short === null) {
    // A figure of another sort than asked ("how many weapons": "$5 billion in weapons") still answers.
    const figures = (entry: RankedPassage) => ['number', 'amount', 'duration'].includes(analysis.kind) && findQuantities(entry.passage.normalized).length > 0;
    // Ranked passages already hold any year the question names (keepStatedNumbers).
    return ranked.slice(0, 5).some((entry) => entry.coverage >= minCoverage && (entry.candidates.length > 0 || figures(entry)));
  }
  const topics = plan.concepts.filter((concept) => concept.nameGroup === null && concept.weight >= 1 && concept.exact.length + concept.related.length > 0);
  if (topics.length === 0) return true;
  return short.support.some((entry) => topics.some((concept) => [...concept.exact, ...concept.related].some((term) => entry.matched.has(term))));
}

/** Normalises a question and drops what chat platforms add around it: mention syntax and emoji. */
export function cleanQuestion(rawQuestion: string): string {
  return normalizeForMatch(
    normalizeForMatch(rawQuestion)
      .replace(/<[@#!][^<>\s]{0,80}>/g, ' ')
      .replace(/(?<![\p{L}\p{N}])@(?:everyone|here|channel)\b/giu, ' ')
      .replace(/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]/gu, ' '),
  );
}

/**
 * Respells the misspelt names of a question as the story prints them ("Smyth" as "Smith"): the search finds them
 * by their correction, but telling who speaks or who is described needs the printed name.
 */
export function withStorySpelling(analysis: QuestionAnalysis, plan: QueryPlan, story: Story): QuestionAnalysis {
  const corrections = new Map<string, string>();
  for (const concept of plan.concepts) {
    const corrected = concept.exact[0];
    if (corrected === undefined || corrected === concept.term) continue;
    const printed = printedWordOf(corrected, story);
    if (printed !== null) corrections.set(concept.term, printed);
  }
  if (corrections.size === 0) return analysis;
  const respell = (text: string) => text.replace(/[\p{L}\p{M}'’-]+/gu, (word) => corrections.get(termKey(word) ?? '') ?? word);
  return { ...analysis, subject: analysis.subject === null ? null : respell(analysis.subject), names: analysis.names.map(respell) };
}

// A word of the story whose indexed term is the given one, as a passage that holds it prints it.
function printedWordOf(term: string, story: Story): string | null {
  const [hit] = story.index.search([term], { limit: 1, fuzzy: false });
  const passage = hit === undefined ? undefined : story.passage(hit.id);
  if (passage === undefined) return null;
  const word = wordsOf(passage.normalized).find((candidate) => termKey(candidate.text) === term);
  return word === undefined ? null : word.text.replace(/['’]s$/u, '');
}

// A number the question states ("the 2014 floods", "the $44.75 bid") pins down which event it means: only passages
// that state it too can answer.
function keepStatedNumbers(ranked: RankedPassage[], questionTerms: readonly string[]): RankedPassage[] {
  const numbers = questionTerms.filter((term) => /^\d[\d.]*$/.test(term) && !/^\d$/.test(term));
  if (numbers.length === 0) return ranked;
  return ranked.filter((entry) => {
    const own = new Set(termsOf(entry.passage.normalized));
    return numbers.every((number) => own.has(number));
  });
}

const catchUpWords =
  /^(?:latest|update|updates|summary|summarize|summarise|overview|recap|happened|happening|news|new|developments?|going|catch|brief|story|far|state|play|things|stand|key|main|tl|dr|tldr)$/;

// "What's the latest?", "catch me up", "what happened?": a question about the story as a whole, with no topic of its own.
function asksForCatchUp(question: string, analysis: ReturnType<typeof analyzeQuestion>): boolean {
  if (!/\b(?:latest|update|summar|overview|recap|happen|news|new|developments?|catch me up|brief me|tl;?dr|state of play|stand|so far)/i.test(question)) return false;
  return analysis.terms.every((term) => term.frame || term.generic || catchUpWords.test(term.word.toLowerCase()));
}

// The newest articles' lead sentences, one fact each: what a colleague would say when asked what the story is now.
function catchUpAnswer(story: Story, question: string): Answer {
  const articles = story
    .articles()
    .map((article, order) => ({ article, date: story.dateOf(article.document) ?? '', order }))
    .sort((a, b) => b.date.localeCompare(a.date) || b.order - a.order);
  const chosen: RankedPassage[] = [];
  for (const { article } of articles) {
    const lead = article.passages.find((passage) => passage.role === 'sentence' && passage.normalized.split(/\s+/).length >= 8);
    if (lead !== undefined) chosen.push({ passage: lead, coverage: 1, ownCoverage: 1, score: 1, candidates: [], matched: new Map(), freshness: 1, background: false });
    if (chosen.length >= 4) break;
  }
  const composed = composeAnswer(story, chosen);
  return { question, answer: composed.answer, short: null, abstained: composed.citations.length === 0, kind: 'other', citations: composed.citations };
}

function abstention(question: string, kind: QuestionKind): Answer {
  return { question, answer: notCoveredText, short: null, abstained: true, kind, citations: [] };
}

// A name the story never uses ("What did <unknown person> say?") cannot be answered from it, however well the
// rest of the question matches.
function namesAnUnknown(plan: QueryPlan): boolean {
  const groups = new Set(plan.concepts.map((concept) => concept.nameGroup).filter((group) => group !== null));
  // Numbers in a name ("Ward 3") say nothing about whether the story knows the name.
  return [...groups].some((group) => plan.concepts.filter((concept) => concept.nameGroup === group && /\p{L}/u.test(concept.term)).every((concept) => concept.unknown));
}

// The passages that state the short answer come first; then others that cover the question nearly as well.
function chooseSupport(ranked: readonly RankedPassage[], support: readonly RankedPassage[], factoid: boolean): RankedPassage[] {
  const best = ranked[0]!;
  const chosen: RankedPassage[] = [...support.slice(0, 2)];
  // With a direct answer, every quoted sentence states it: a sentence that does not support the answer is not cited.
  const candidates = support.length > 0 ? support : ranked;
  for (const entry of candidates) {
    if (chosen.length >= 4) break;
    if (chosen.includes(entry)) continue;
    if (entry.score < best.score - 0.25 || entry.coverage < Math.max(minCoverage, best.coverage * 0.75)) continue;
    // Further sentences for a factual question must state a fact of the kind asked; and a second sentence from an
    // article already quoted must be nearly as good as the best, so an answer draws on several outlets.
    if (factoid && chosen.length > 0 && entry.candidates.length === 0) continue;
    if (chosen.some((other) => other.passage.document === entry.passage.document) && entry.score < best.score - 0.1) continue;
    chosen.push(entry);
  }
  return chosen.length > 0 ? chosen : [best];
}

const pronounAttribution = /["”’]\s*,?\s*(?:he|she|they|it|the \w+)\s+(?:said|says|added|adds|told|continued|warned|wrote|insisted|noted)\b|^\s*["“]/i;

// What someone said often runs over two sentences: "Jane Doe praised the crews." then "“They saved lives,” she said."
// Quote the sentence beside the chosen one when it carries the words and the chosen one the speaker, or the reverse.
function withQuotedWords(story: Story, chosen: readonly RankedPassage[], subject: string | null): RankedPassage[] {
  const speaker = subject?.split(/\s+/).at(-1)?.toLowerCase() ?? null;
  const names = (passage: Passage) => speaker !== null && passage.normalized.toLowerCase().includes(speaker);
  const result: RankedPassage[] = [];
  const seen = new Set<string>();
  const push = (entry: RankedPassage) => {
    if (seen.has(entry.passage.id)) return;
    seen.add(entry.passage.id);
    result.push(entry);
  };
  chosen.forEach((entry, i) => {
    if (i < 2) {
      const previous = story.neighbour(entry.passage, -1);
      if (previous !== undefined && pronounAttribution.test(entry.passage.normalized) && !names(entry.passage) && names(previous)) push(neighbourEntry(previous));
    }
    push(entry);
    if (i < 2) {
      const next = story.neighbour(entry.passage, 1);
      if (next !== undefined && pronounAttribution.test(next.normalized) && !names(next) && (names(entry.passage) || speaker === null)) push(neighbourEntry(next));
    }
  });
  return result;
}

function neighbourEntry(passage: Passage): RankedPassage {
  return { passage, coverage: 0, ownCoverage: 0, score: 0, candidates: [], matched: new Map(), freshness: 0.5, background: false };
}
