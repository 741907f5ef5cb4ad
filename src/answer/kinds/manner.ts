import type { KindRule } from './kind-rule.js';

/** "How did they …": asks how something happened, once every "how much", "how many" and "how long" is read. */
export const mannerRule: KindRule = {
  name: 'manner',
  recognise: ({ lower }) => (/^how\b/.test(lower) ? { kind: 'manner' } : null),
};
