import type { KindRule } from './kind-rule.js';

/** "Who is Jane Doe?": asks who someone is, not for a person. */
export const identityRule: KindRule = {
  name: 'identity',
  recognise: ({ core, lower }) => {
    const identity = /^(?:who|what)(?:'s| is| was| are| were)\s+(.+?)\s*[?.!]*$/i.exec(core);
    if (identity === null || !/^who/i.test(lower) || !isBareName(identity[1]!) || namesRelation(identity[1]!)) return null;
    return { kind: 'identity', subject: identity[1]!.replace(/^(?:the|a|an)\s+/i, '') };
  },
};

// "Who is Jane Doe?" asks who someone is; "Who is leading the talks?" asks for a person.
function isBareName(rest: string): boolean {
  const words = rest.replace(/[?.!]+$/, '').trim().split(/\s+/);
  if (words.length === 0 || words.length > 5) return false;
  if (/^(?:the|a|an)$/i.test(words[0]!) && words.length > 1 && words.slice(1).every((word) => /^\p{Lu}/u.test(word))) return true;
  if (words.some((word) => /ing$|ed$/i.test(word) && !/^\p{Lu}/u.test(word))) return false;
  // "Who's from Luxembourg?", "who is behind it?": a preposition or an adverb opens what the person is, not a name.
  if (/^(?:the|a|an|in|on|at|to|for|from|with|by|of|into|over|under|near|about|against|among|between|after|before|since|until|out|off|not|there|here|behind|responsible|going|leading|running|heading|meeting|now|still|also|being)$/i.test(words[0]!)) return false;
  return true;
}

// "Who was Jane Doe's son?", "who is the wife of John Roe?": a relation of someone asks for a person, not a description.
function namesRelation(rest: string): boolean {
  return /['’]s?\s+\p{Ll}+[?.!]*$/u.test(rest) || /^(?:the\s+)?\p{Ll}+\s+of\s+\p{Lu}/u.test(rest);
}
