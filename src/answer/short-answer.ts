import { tenseOf } from '../language/dates.js';
import { wordsOf } from '../language/names.js';
import { termKey } from '../search/terms.js';
import type { Candidate } from './candidates.js';
import type { QuestionAnalysis } from './question.js';
import type { RankedPassage } from './rank.js';

/** The direct answer chosen for a question and the passages that state it, best first. */
export type ShortAnswer = { text: string; support: RankedPassage[] };

const maxShortLength = 120;

/** Picks the direct answer that the best passages agree on, weighing each by rank and closeness to the question's words. */
export function pickShortAnswer(ranked: readonly RankedPassage[], analysis: QuestionAnalysis): ShortAnswer | null {
  const best = ranked[0];
  if (best === undefined) return null;
  const pool = ranked.slice(0, 12).filter((entry) => entry.candidates.length > 0 && entry.score >= best.score - 0.3 && entry.coverage >= 0.4);
  if (pool.length === 0) return null;
  if (analysis.kind === 'person') return personAnswer(pool);
  const totals = new Map<string, { best: number; others: number; candidate: Candidate; support: RankedPassage[] }>();
  for (const entry of pool) {
    const positions = matchedPositions(entry);
    // Rank matters more than agreement: a passage far below the best adds little, however many say the same.
    const rankWeight = (entry.score / best.score) ** 2;
    for (const candidate of entry.candidates) {
      const value = rankWeight * proximity(candidate, positions) * kindFit(candidate, entry, analysis);
      const total = totals.get(candidate.key) ?? { best: 0, others: 0, candidate, support: [] };
      if (value > total.best) {
        total.others += total.best;
        total.best = value;
      } else total.others += value;
      if (!total.support.includes(entry)) total.support.push(entry);
      totals.set(candidate.key, total);
    }
  }
  const score = (total: { best: number; others: number }) => total.best + 0.25 * total.others;
  const winner = [...totals.values()].sort((a, b) => score(b) - score(a))[0];
  if (winner === undefined) return null;
  return { text: clip(winner.candidate.display), support: winner.support };
}

// "Who met in X" wants every person the best sentence names, in the sentence's order.
function personAnswer(pool: RankedPassage[]): ShortAnswer {
  const entry = pool[0]!;
  const names: string[] = [];
  for (const candidate of entry.candidates) if (!names.includes(candidate.display)) names.push(candidate.display);
  const shown = names.slice(0, 4);
  const text = shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  return { text: clip(text), support: [entry] };
}

function matchedPositions(entry: RankedPassage): number[] {
  const positions: number[] = [];
  for (const word of wordsOf(entry.passage.normalized)) {
    const term = termKey(word.text);
    if (term !== null && entry.matched.has(term)) positions.push(word.start, word.end);
  }
  return positions;
}

function proximity(candidate: Candidate, positions: number[]): number {
  if (positions.length === 0) return 0.5;
  let nearest = Infinity;
  for (const position of positions) {
    const distance = position < candidate.start ? candidate.start - position : position > candidate.end ? position - candidate.end : 0;
    nearest = Math.min(nearest, distance);
  }
  // About six characters a word: the weight halves some five words away.
  return 1 / (1 + nearest / 30);
}

function kindFit(candidate: Candidate, entry: RankedPassage, analysis: QuestionAnalysis): number {
  let fit = 1;
  if (analysis.kind === 'number' && analysis.countNoun !== null) {
    fit *= candidate.noun === analysis.countNoun ? 2.5 : candidate.noun === null ? 0.6 : 0.8;
  }
  if (analysis.kind === 'number' || analysis.kind === 'amount') {
    // Kinds were listed in the order the question prefers them; the key starts with that rank.
    fit *= candidate.key.startsWith('0:') ? 1.5 : 1;
  }
  if (analysis.kind === 'time' && analysis.tense !== 'unknown') {
    const window = entry.passage.normalized.slice(Math.max(0, candidate.start - 60), candidate.start);
    const local = tenseOf(window);
    if (local === analysis.tense) fit *= 1.5;
    else if (local !== 'unknown') fit *= 0.6;
  }
  return fit;
}

function clip(text: string): string {
  return text.length <= maxShortLength ? text : `${text.slice(0, maxShortLength - 1).trimEnd()}…`;
}
