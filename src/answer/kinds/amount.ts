import { moneyNouns, wordAlternation } from '../../language/lexicon.js';
import type { KindRule } from './kind-rule.js';

/** "How much …", "what price …", "what is it worth", "what's the ministry offering now", "what's the bill": asks for an amount, of money most often. */
export const amountRule: KindRule = {
  name: 'amount',
  recognise: ({ lower }) =>
    /^how much\b/.test(lower) || /^(?:what|which)\s+(?:amount|sum|price|cost|figure|value)\b/.test(lower) || asksSumOf.test(lower) || /\bworth\b|\bvalued? at\b/.test(lower) || offersAmount.test(lower) || namesSum.test(lower)
      ? { kind: 'amount' }
      : null,
};

// "What dividend does it pay?", "what fine did he get?": a sum named right after "what" ("what bill" asks for a law).
const asksSumOf = new RegExp(String.raw`^what\s+${wordAlternation([...moneyNouns].filter((noun) => noun !== 'bill'))}\s+(?:does|do|did|will|would|is|was|are|were|has|have|had)\b`, 'u');

// "What's the Danish group offering now?", "what is the club paying him?": a question whose verb deals in money
// ("what are they charging him with" asks for a crime).
const offersAmount = /^what(?:'s|’s|\s+(?:is|are|was|were))\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}'’-]+\s+){0,4}?(?:offering|paying|bidding|charging(?![^?]*\bwith\b))\b/u;

// "What's the damage bill now?", "what was the fine?", "what's the cost of the repairs": the thing asked is a sum.
const namesSum = new RegExp(
  String.raw`^what(?:'s|’s|\s+(?:is|are|was|were|will be))\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\p{L}'’-]+\s+){0,4}?${wordAlternation([...moneyNouns, 'valuation'])}(?:\s+(?:now|so far|to date|then|last year|this year|in \d{4}))?(?:\s+(?:of|for)\s+[^?]+)?\W*$`,
  'u',
);
