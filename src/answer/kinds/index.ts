import { amountRule } from './amount.js';
import { durationRule, termRule } from './duration.js';
import { identityRule } from './identity.js';
import type { KindInput, KindMatch, KindRule } from './kind-rule.js';
import { mannerRule } from './manner.js';
import { countRule, measureRule, quantityRule } from './number.js';
import { personRule } from './person.js';
import { placeRule } from './place.js';
import { reasonRule } from './reason.js';
import { shareRule } from './share.js';
import { statementRule } from './statement.js';
import { timeRule } from './time.js';

export type { KindInput, KindMatch, KindRule } from './kind-rule.js';

/**
 * Every way a question's kind is recognised, in the order they are tried. Order is precedence: "who is Jane Doe"
 * is an identity before it is a who-question; "how long ago" is a time before "how long" is a duration; "how much
 * of" is a share before "how much" is an amount; "how" alone is a manner only once every "how much/many/long" has
 * had its turn; and the looser readings of a "what" question (a term of years, a named figure) come last.
 */
export const kindRules: readonly KindRule[] = [
  identityRule,
  personRule,
  timeRule,
  placeRule,
  durationRule,
  measureRule,
  countRule,
  shareRule,
  amountRule,
  reasonRule,
  statementRule,
  mannerRule,
  termRule,
  quantityRule,
];

/** The kind of the first rule that recognises the question, or `other`. */
export function recogniseKind(question: KindInput): KindMatch {
  for (const rule of kindRules) {
    const match = rule.recognise(question);
    if (match !== null) return match;
  }
  return { kind: 'other' };
}
