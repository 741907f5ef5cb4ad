import type { RankedPassage } from '../answer/rank.js';
import type { QueryPlan } from '../answer/query-plan.js';
import type { PassageIndex } from '../search/passage-index.js';
import { termsOf } from '../search/terms.js';
import type { Story } from '../story.js';
import type { FollowUp } from './turn.js';

/** How much a carried word boosts the search, against 1 for the question's own words. */
const carryBoost = 0.3;
/** How much a word borrowed from earlier turns counts toward coverage, against 1 for the question's own words. */
const borrowedWeight = 0.4;
/** Most score a passage gains from holding every carried word. */
const carryBonus = 0.06;
/** Most score a passage gains from standing at an anchor; it falls off with the distance in sentences. */
const anchorBonus = 0.08;

/**
 * Adapts a search plan to a follow-up: its carried words join the search at a low boost, and the words it borrowed
 * from earlier turns count for less in a passage's coverage, which still rests on the question's own words.
 */
export function withCarriedTerms(plan: QueryPlan, followUp: FollowUp | null, index: PassageIndex): QueryPlan {
  if (followUp === null) return plan;
  const searchWeights = new Map(plan.searchWeights);
  for (const term of carriedTerms(followUp)) if (!searchWeights.has(term) && index.hasTerm(term)) searchWeights.set(term, carryBoost);
  const borrowed = new Set(followUp.borrowed.flatMap((word) => termsOf(word)));
  const concepts = plan.concepts.map((concept) => (borrowed.has(concept.term) ? { ...concept, weight: concept.weight * borrowedWeight } : concept));
  return { concepts, searchWeights };
}

/**
 * Re-scores passages for a follow-up: drops the excluded ones ("what else?"), and prefers a little those holding the
 * carried words and those near a passage the recent answers cited (a conversation tends to walk through a story).
 */
export function rerankForFollowUp(ranked: readonly RankedPassage[], followUp: FollowUp | null, story: Story): RankedPassage[] {
  if (followUp === null) return [...ranked];
  const excluded = new Set(followUp.exclude);
  const carried = [...new Set(carriedTerms(followUp))];
  const anchors = followUp.anchors.map((id) => story.passage(id)).filter((passage) => passage !== undefined);
  const forward = followUp.reading === 'next';
  return ranked
    .filter((entry) => !excluded.has(entry.passage.id))
    .map((entry) => {
      let bonus = 0;
      if (carried.length > 0) {
        const own = new Set(termsOf(entry.passage.normalized));
        bonus += carryBonus * (carried.filter((term) => own.has(term)).length / carried.length);
      }
      let nearest = Number.POSITIVE_INFINITY;
      anchors.forEach((anchor, rank) => {
        if (anchor.document !== entry.passage.document) return;
        const offset = entry.passage.position - anchor.position;
        // "And then?" looks ahead of the last answer; other follow-ups look around it.
        const distance = forward && offset < 0 ? 2 * -offset + 1 : Math.abs(offset);
        nearest = Math.min(nearest, distance + rank * 0.5);
      });
      if (Number.isFinite(nearest)) bonus += anchorBonus * 0.7 ** nearest;
      return bonus === 0 ? entry : { ...entry, score: entry.score + bonus };
    })
    .sort((a, b) => b.score - a.score);
}

function carriedTerms(followUp: FollowUp): string[] {
  return termsOf(followUp.carry);
}
