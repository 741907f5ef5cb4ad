import { isCountedDurationUnit, looksPlural, quantityNouns } from '../../language/lexicon.js';
import { termKey } from '../../search/terms.js';
import type { KindRule } from './kind-rule.js';

/** "How high …", "how old …": asks for a measure. */
export const measureRule: KindRule = {
  name: 'measure',
  recognise: ({ lower }) => (/^how (?:high|tall|deep|far|big|large|heavy|fast|old|wide|strong|hot|cold|low|severe)\b/.test(lower) ? { kind: 'number' } : null),
};

/** "How many X …": asks for a count of X, or for a span of time when X is a unit of time ("how many hours"). */
export const countRule: KindRule = {
  name: 'count',
  recognise: ({ lower }) => {
    if (!/^how many\b/.test(lower)) return null;
    const noun = countedNoun(lower);
    const countNoun = noun === null ? null : termKey(noun);
    // "How many hours" asks how long.
    if (noun !== null && isCountedDurationUnit(noun)) return { kind: 'duration', countNoun };
    return { kind: 'number', countNoun };
  },
};

/** "Death toll?", "what was turnout", "what is the final margin": the answer is the figure the question names. */
export const quantityRule: KindRule = {
  name: 'quantity',
  recognise: ({ lower }) => {
    if (!asksForQuantity(lower)) return null;
    // A list ends the counted noun's phrase as "and" does: "the number of professors, instructors and lecturers".
    const words = lower.replace(/,/g, ' and ').split(/[^\p{L}-]+/u).filter((word) => word !== '');
    const at = words.findIndex((word) => quantityNouns.has(word));
    return { kind: 'number', countNoun: at < 0 ? null : termKey(countedBy(words, at)) };
  },
};

// "Debris count?", "the number of hospital admissions", "the total number of votes": a word that only says "how
// many" counts the noun beside it: the last of the words after its "of", or else the word before it.
function countedBy(words: readonly string[], at: number): string {
  const countWord = /^(?:count|number|total|tally|figure|figures)$/;
  let index = at;
  while (countWord.test(words[index]!) && countWord.test(words[index + 1] ?? '')) index++;
  const word = words[index]!;
  if (!countWord.test(word)) return word;
  if (words[index + 1] === 'of') {
    const phrase: string[] = [];
    for (const next of words.slice(index + 2)) {
      if (/^(?:and|or|in|on|at|for|from|by|who|that|which|is|was|are|were|has|have|had|did|does|so|now|since|after)$/.test(next)) break;
      if (!/^(?:the|a|an)$/.test(next)) phrase.push(next);
      if (phrase.length === 2) break;
    }
    if (phrase.length > 0) return phrase.at(-1)!;
  }
  const before = words[at - 1];
  if (before !== undefined && !/^(?:the|a|an|what|whats|what's|is|was|latest|total|final|current|new|official|overall|updated|s)$/.test(before)) return before;
  // "latest number hospitalised …": with nothing before it, the word after the count word says what is counted.
  const after = words[index + 1];
  return after !== undefined && /^\p{L}{3,}$/u.test(after) && !/^(?:is|was|are|were|has|have|had|did|does|now|so|in|on|at|for|from|by|to|with)$/.test(after) ? after : word;
}

// "How many Kenyan children were…" counts children: the counted noun is the first plural among the words after
// "how many", past any adjective, or else the first word.
function countedNoun(lower: string): string | null {
  const words = /^how many\s+(?:more\s+|other\s+)?([\p{L}-]+)(?:\s+([\p{L}-]+))?(?:\s+([\p{L}-]+))?/u.exec(lower);
  if (words === null) return null;
  const candidates = [words[1], words[2], words[3]];
  const plural = candidates.findIndex((word) => word !== undefined && looksPlural(word));
  return plural > 0 ? candidates[plural]! : words[1]!;
}

function asksForQuantity(lower: string): boolean {
  // "What award was given to Corliss?" asks for a prize; a pay award is named as one ("what pay award …").
  if (/^(?:what|which)\s+awards?\b/.test(lower)) return false;
  const words = lower.replace(/[?.!]+$/, '').split(/\s+/);
  if (words.length <= 3 && words.some((word) => quantityNouns.has(word))) return true;
  // Chat's fragments: "latest number hospitalised with breathing problems", "total count of flights axed".
  if (/^(?:(?:the|latest|current|new|updated|total|final|official)\s+){0,2}(?:number|count|tally)\s+\p{L}/u.test(lower)) return true;
  const focus = /^(?:what|which)(?:'s| is| was| are| were| will be)?\s+(?:the\s+)?(?:\p{L}+\s+){0,2}?(\p{L}+)(?:\s+(?:of|in|for|after|at|on|from|to|by)\b|[?.!]*$)/u.exec(lower);
  if (focus !== null && quantityNouns.has(focus[1]!)) return true;
  // "What pay rise is …", "what's the death toll now", "which offer did …": the thing asked about comes within the
  // first few words after the question word and any verb or article.
  const rest = /^(?:what|which)(?:'s|\s+(?:is|was|are|were|will be|has been))?\s+(?:the\s+|a\s+|an\s+)?(.*)$/u.exec(lower)?.[1];
  if (rest === undefined) return false;
  const head = rest.split(/\s+/).slice(0, 3);
  const stop = head.findIndex((word) => /^(?:is|was|are|were|did|does|do|has|have|will|would|can|of|in|for|to|from|by|on|at)$/.test(word));
  return (stop < 0 ? head : head.slice(0, stop)).some((word) => quantityNouns.has(word.replace(/[?.!,]+$/, '')));
}
