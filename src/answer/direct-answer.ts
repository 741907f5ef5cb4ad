import type { NameRegistry } from '../language/names.js';
import { termsOf } from '../search/terms.js';
import { answerModel, linearScore, weightsFor, type AnswerModel } from './answer-model.js';
import type { QuestionAnalysis } from './question.js';
import type { RankedPassage } from './rank.js';
import type { ShortAnswer } from './short-answer.js';
import { spanFeatures, spanFeatureValues, spanKey, type SpanContext } from './span-features.js';
import { findAnswerSpans, type AnswerSpan } from './spans.js';

/** A candidate span with its features and the span model's score. */
export type ScoredSpan = { span: AnswerSpan; features: number[]; score: number };

/** The direct answer: its text, its score, and the passages that state it, best first. */
export type DirectAnswer = ShortAnswer & { score: number };

/** How many of the best passages are searched for answer spans. */
const spanDepth = 5;
const maxShortLength = 120;
const featureNames = spanFeatures.map((feature) => feature.name);

/** Scores every candidate span of the best passages with the span model, best first. */
export function scoreSpans(ranked: readonly RankedPassage[], analysis: QuestionAnalysis, names: NameRegistry, readerPick: ShortAnswer | null, model: AnswerModel = answerModel): ScoredSpan[] {
  const spanWeights = weightsFor(model.span, featureNames);
  const top = ranked.slice(0, spanDepth);
  if (top.length === 0) return [];
  const spans = top.flatMap((entry, rank) => findAnswerSpans(entry, rank, names));
  const pick = readerPick === null ? null : readerSpan(readerPick, ranked);
  if (pick !== null && !spans.some((span) => span.start === pick.start && span.end === pick.end && span.entry === pick.entry)) spans.push(pick);
  const votes = new Map<string, number>();
  for (const entry of top) {
    const text = entry.passage.normalized.toLowerCase();
    for (const key of new Set(spans.map((span) => spanKey(span.text)))) if (key !== '' && text.includes(key)) votes.set(key, (votes.get(key) ?? 0) + 1);
  }
  const context: SpanContext = {
    analysis,
    questionTerms: new Set(analysis.terms.map((term) => term.term)),
    bestScore: top[0]!.score,
    votes,
    readerPick: readerPick === null ? null : spanKey(readerPick.text),
  };
  return spans
    .map((span) => {
      const features = spanFeatureValues(span, context);
      return { span, features, score: linearScore(spanWeights, features, model.span.bias) };
    })
    .sort((a, b) => b.score - a.score);
}

/** The best-scoring span as the direct answer, with the top passages that state it; null when there is none. */
export function directAnswerOf(scored: readonly ScoredSpan[], ranked: readonly RankedPassage[]): DirectAnswer | null {
  const best = scored.find((candidate) => termsOf(candidate.span.text).length > 0 || /\d/.test(candidate.span.text));
  if (best === undefined) return null;
  const key = spanKey(best.span.text);
  const others = ranked.slice(0, spanDepth).filter((entry) => entry !== best.span.entry && entry.passage.normalized.toLowerCase().includes(key));
  return { text: clip(best.span.text), support: [best.span.entry, ...others], score: best.score };
}

// The hand-written readers' answer as a span of its first supporting passage: where it stands whole, or from its
// first name to its last when it joins several ("Jane Doe and John Roe").
function readerSpan(pick: ShortAnswer, ranked: readonly RankedPassage[]): AnswerSpan | null {
  const entry = pick.support[0];
  if (entry === undefined) return null;
  const rank = ranked.indexOf(entry);
  const sentence = entry.passage.normalized;
  const parts = pick.text.split(/,\s*|\s+and\s+/).map((part) => part.replace(/\s*\(.*\)$/, '').trim()).filter(Boolean);
  const at = parts.map((part) => ({ start: sentence.indexOf(part), length: part.length })).filter((found) => found.start >= 0);
  const start = at.length > 0 ? Math.min(...at.map((found) => found.start)) : 0;
  const end = at.length > 0 ? Math.max(...at.map((found) => found.start + found.length)) : 0;
  const kind = parts.length > 1 ? 'list' : 'noun';
  return { text: pick.text, start, end, kind, entry, rank: rank < 0 ? spanDepth : rank, words: [], candidate: null };
}

function clip(text: string): string {
  return text.length <= maxShortLength ? text : `${text.slice(0, maxShortLength - 1).trimEnd()}…`;
}
