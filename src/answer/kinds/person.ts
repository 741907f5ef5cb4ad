import { roleNouns } from '../../language/lexicon.js';
import type { KindRule } from './kind-rule.js';

/** "Who …", "whose …", "what is the name …", "which judge …": asks for a person. */
export const personRule: KindRule = {
  name: 'person',
  recognise: ({ lower }) =>
    /^(?:who|whom|whose)\b/.test(lower) || /^(?:what|which) (?:is|was) the name\b/.test(lower) || /^name the\b/.test(lower) || asksForRole(lower) ? { kind: 'person' } : null,
};

// "Which judge …", "what official …": a role asks for the person who holds it.
function asksForRole(lower: string): boolean {
  const match = /^(?:which|what)\s+(\p{L}+)(?:\s+(\p{L}+))?/u.exec(lower);
  if (match === null) return false;
  const isRole = (word: string | undefined) =>
    word !== undefined && (roleNouns.has(word) || roleNouns.has(word.replace(/s$/, '')) || /^(?:candidate|person|people|man|woman|politician|player|officer)s?$/.test(word));
  return isRole(match[1]) || (isRole(match[2]) && !/^(?:is|was|are|were|did|does|do|has|have|will)$/.test(match[1]!));
}
