import type { KindRule } from './kind-rule.js';

/** "How much …", "what price …", "what is it worth": asks for an amount, of money most often. */
export const amountRule: KindRule = {
  name: 'amount',
  recognise: ({ lower }) =>
    /^how much\b/.test(lower) || /^(?:what|which)\s+(?:amount|sum|price|cost|figure|value)\b/.test(lower) || /\bworth\b|\bvalued? at\b/.test(lower) ? { kind: 'amount' } : null,
};
