import type { KindRule } from './kind-rule.js';

/** "How long …", "for how long …": asks for a span of time. */
export const durationRule: KindRule = {
  name: 'duration',
  recognise: ({ lower }) => (/^how long\b/.test(lower) || /^for how long\b/.test(lower) ? { kind: 'duration' } : null),
};

/**
 * "What's the maximum prison term he faces?", "what sentence did she get": the answer is a span of time; "another
 * term for X" asks for a word.
 */
export const termRule: KindRule = {
  name: 'term',
  recognise: ({ lower }) => {
    const rest = /^(?:what|which)(?:'s|\s+(?:is|was|are|were|will be|has been))?\s+(?:the\s+|a\s+|an\s+)?(.*)$/u.exec(lower)?.[1];
    const asksForSpan = rest !== undefined && rest.split(/\s+/).slice(0, 3).some((word) => /^(?:term|sentence|tenure|stint)s?$/.test(word.replace(/[?.!,]+$/, '')));
    // "What is another term for the pivot mounting?", "what is the term that means …": a term that is a word.
    const termForWord = /\b(?:another|other|technical|scientific|common|general|legal|medical)\s+terms?\b|\bterms?\s+(?:for|that|used|meaning|which|describing|to)\b/.test(rest ?? '');
    return asksForSpan && !termForWord ? { kind: 'duration' } : null;
  },
};
