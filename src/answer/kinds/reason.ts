import type { KindRule } from './kind-rule.js';

/** "Why …", "what was the reason …", "what caused …": asks for a reason. */
export const reasonRule: KindRule = {
  name: 'reason',
  recognise: ({ lower }) =>
    /^why\b/.test(lower) || /^(?:what|which) (?:is |was |are |were )?(?:the )?(?:reason|cause|motive)/.test(lower) || /^what (?:caused|prompted|led to|triggered|drove)\b/.test(lower)
      ? { kind: 'reason' }
      : null,
};
