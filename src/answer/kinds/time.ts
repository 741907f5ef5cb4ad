import type { KindRule } from './kind-rule.js';

const timeNouns = /^(?:what|which)\s+(?:time|day|date|year|month|week|hour|weekday|night|morning|evening|decade|century|centuries|era|season)s?\b/i;

/** "When …", "how long ago …", "what day …": asks for a time. */
export const timeRule: KindRule = {
  name: 'time',
  recognise: ({ lower }) =>
    /^how long ago\b/.test(lower) || /^(?:when|by when|since when|until when|how soon)\b/.test(lower) || timeNouns.test(lower) ? { kind: 'time' } : null,
};
