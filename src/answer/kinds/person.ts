import { roleNouns } from '../../language/lexicon.js';
import { isKindOf } from '../../language/noun-kinds.js';
import type { KindRule } from './kind-rule.js';

/** "Who …", "whose …", "what is the name …", "which judge …": asks for a person. */
export const personRule: KindRule = {
  name: 'person',
  recognise: ({ lower }) =>
    /^(?:who|whom|whose)\b/.test(lower) || asksPersonsName(lower) || /^name the\b/.test(lower) || asksForRole(lower) ? { kind: 'person' } : null,
};

// "What is the name of the new captain?", "whats the gunman's name", "name of the skipper?" ask for a person; "what is
// the name of the union?" for the union's name.
function asksPersonsName(lower: string): boolean {
  const owned = /^(?:(?:what|which)(?:['’]?s| is| was)\s+)?(?:the\s+)?((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)['’]s?\s+(?:full\s+|real\s+|first\s+|last\s+)?name[?.!\s]*$/u.exec(lower);
  if (owned !== null) return isPersonNoun(owned[1]!.split(/\s+/).at(-1)!);
  const named = /^(?:(?:what|which)(?:['’]?s| is| was) )?the name\b(?:\s+of\s+(.+?))?[?.!]*$/.exec(lower) ?? /^name of (.+?)[?.!]*$/.exec(lower);
  if (named === null) return false;
  if (named[1] === undefined) return true;
  // The owner ends its noun phrase, before any clause about it: "the woman they arrested", "the officer who fired",
  // "the IT guy charged".
  // A word typed in lower case may be an acronym ("the it guy", "the who country rep"): it opens a clause only when no
  // person's noun follows it.
  const all = named[1].split(/\s+/);
  const end = all.findIndex((word, i) => i > 0 && clauseWords.test(word) && !isPersonNoun(all[i + 1] ?? '') && !isPersonNoun(all[i + 2] ?? ''));
  const words = end < 0 ? all : all.slice(0, end);
  const participle = words.findIndex((word, i) => i > 0 && /^\p{L}{3,}ed$/u.test(word) && isPersonNoun(words[i - 1]!));
  return isPersonNoun(words.at(-1)!) || participle > 0;
}

const clauseWords = /^(?:who|whom|that|which|whose|they|he|she|we|you|i|it|in|at|on|from|with|of|by|for|to|was|is|were|are|had|has|did)$/;

function isPersonNoun(word: string): boolean {
  return roleNouns.has(word) || roleNouns.has(word.replace(/s$/, '')) || isKindOf(word, 'person');
}

// "Which judge …", "what official …": a role asks for the person who holds it.
function asksForRole(lower: string): boolean {
  const match = /^(?:which|what)\s+(\p{L}+)(?:\s+(\p{L}+))?/u.exec(lower);
  if (match === null) return false;
  const isRole = (word: string | undefined) =>
    word !== undefined && (roleNouns.has(word) || roleNouns.has(word.replace(/s$/, '')) || /^(?:candidate|person|people|man|woman|politician|player|officer)s?$/.test(word));
  return isRole(match[1]) || (isRole(match[2]) && !/^(?:is|was|are|were|did|does|do|has|have|will)$/.test(match[1]!));
}
