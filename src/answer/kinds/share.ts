import type { KindRule } from './kind-rule.js';

/** "How much of X …", "what percentage …": asks for a share, not an amount of money. */
export const shareRule: KindRule = {
  name: 'share',
  recognise: ({ lower }) =>
    /^how much\s+of\b/.test(lower) || /^(?:what|which)\s+(?:percentage|percent|share|proportion|fraction)\b/.test(lower) ? { kind: 'number', wantsShare: true } : null,
};
