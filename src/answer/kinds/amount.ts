import type { KindRule } from './kind-rule.js';

/** "How much …", "what price …", "what is it worth", "what's the ministry offering now": asks for an amount, of money most often. */
export const amountRule: KindRule = {
  name: 'amount',
  recognise: ({ lower }) =>
    /^how much\b/.test(lower) || /^(?:what|which)\s+(?:amount|sum|price|cost|figure|value)\b/.test(lower) || /\bworth\b|\bvalued? at\b/.test(lower) || offersAmount.test(lower) ? { kind: 'amount' } : null,
};

// "What's the Danish group offering now?", "what is the club paying him?": a question whose verb deals in money.
const offersAmount = /^what(?:'s|’s|\s+(?:is|are|was|were))\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}'’-]+\s+){0,4}?(?:offering|paying|bidding|charging)\b/u;
