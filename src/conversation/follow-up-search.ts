import type { QueryPlan } from '../answer/query-plan.js';
import type { PassageIndex } from '../search/passage-index.js';
import { termsOf } from '../search/terms.js';
import type { FollowUp } from './turn.js';

/** How much a carried word boosts the search, against 1 for the question's own words. */
const carryBoost = 0.6;
/** How much a word borrowed from earlier turns counts toward coverage, against 1 for the question's own words. */
const borrowedWeight = 0.4;

/**
 * Adapts a search plan to a follow-up: its carried words join the search at a low boost, and the words it borrowed
 * from earlier turns count for less in a passage's coverage, which still rests on the question's own words.
 */
export function withCarriedTerms(plan: QueryPlan, followUp: FollowUp | null, index: PassageIndex): QueryPlan {
  if (followUp === null) return plan;
  const searchWeights = new Map(plan.searchWeights);
  for (const term of carriedTerms(followUp)) if (!searchWeights.has(term) && index.hasTerm(term)) searchWeights.set(term, carryBoost);
  const borrowed = new Set(followUp.borrowed.flatMap((word) => termsOf(word)));
  for (const concept of plan.concepts) {
    if (!borrowed.has(concept.term)) continue;
    for (const term of [...concept.exact, ...concept.related]) {
      const boost = searchWeights.get(term);
      if (boost !== undefined) searchWeights.set(term, boost * borrowedWeight);
    }
  }
  const concepts = plan.concepts.map((concept) => (borrowed.has(concept.term) ? { ...concept, weight: concept.weight * borrowedWeight } : concept));
  return { concepts, searchWeights };
}

function carriedTerms(followUp: FollowUp): string[] {
  return termsOf(followUp.carry);
}
