// "What is X?" and "who was X?" ask what X is: the sentence that answers them most often opens a clause with X and a
// copula ("AppleTalk was a proprietary suite …", "The National Science Foundation Network (NSFNET) was …") or sets a
// description beside it ("DECnet, a suite of …").

const definitionQuestion = /^\W*(?:what|who)(?:\s+(?:is|was|are|were)|['’]s)\s+(?:the\s+|a\s+|an\s+)?(.+?)[\s?.!]*$/iu;
const maxTermWords = 5;

/** The pattern of a sentence that says what the question's term is, for "What is X?"; null for any other question. */
export function definitionPatternOf(question: string): RegExp | null {
  const term = definitionQuestion.exec(question)?.[1];
  if (term === undefined) return null;
  const words = term.match(/[\p{L}\p{N}][\p{L}\p{N}.'’&-]*/gu) ?? [];
  // "What is the name of …", "who was Jane's son": a relation of the term, not the term, is asked about.
  if (words.length === 0 || words.length > maxTermWords || /['’]s?$/.test(term) || /['’]s\s/.test(term) || words.some((word) => /^(?:of|for|in|on|at|to|by|with|from|that|which|who|doing|going|happening|said|saying)$/i.test(word))) return null;
  // The words may be printed run together ("Apple Talk" as "AppleTalk") or with a bracketed short form after them.
  const joined = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s-]*');
  // The match ends where the description starts: after the copula, or at the article of a description set beside it.
  return new RegExp(String.raw`(?:^|[^\p{L}\p{N}])${joined}(?:\s*\([^)]{1,60}\))?\)?\s*(?:,\s*(?=(?:a|an|the|one)\s)|(?:is|was|are|were|refers\s+to|means|stands\s+for)\s+)`, 'iu');
}

// A description ends at the first clause mark: "a suite of network protocols created by Digital, originally …". A
// stop inside the sentence is an abbreviation's ("Apple Inc. in 1985").
const descriptionEnd = /[,;:()[\]"“”]|\s[-–—]+\s|[.!?]\s*$/u;
// Where a description ends: at its first clause mark, but not at a comma between two words that describe the same
// noun ("a program of coordinated, evolving projects"); null when nothing ends it.
function descriptionEndIn(tail: string): number | null {
  let from = 0;
  for (let marks = 0; marks < 4; marks++) {
    const end = descriptionEnd.exec(tail.slice(from));
    if (end === null) return null;
    const at = from + end.index;
    if (end[0] !== ',' || !joinsModifiers(tail.slice(0, at), tail.slice(at + 1))) return at;
    from = at + 1;
  }
  return from - 1;
}

// "coordinated, evolving projects", "a small, independent firm": a describing word on each side of the comma, and a
// noun right after the second.
function joinsModifiers(before: string, after: string): boolean {
  const last = /([\p{L}-]+)\s*$/u.exec(before)?.[1];
  const next = /^\s*([\p{L}-]+)\s+([\p{L}-]+)/u.exec(after);
  if (last === undefined || next === null) return false;
  const describing = (word: string) => /^\p{Ll}[\p{L}-]*(?:ed|ing|al|ive|ous|ful|less|able|ible|ic|ent|ant|ary)$/u.test(word);
  return describing(last) && describing(next[1]!) && /^\p{Ll}+s?$/u.test(next[2]!) && !describing(next[2]!);
}

// A description names a kind of thing, with an article: "was a program", not "was incorporated in 1973".
const describes = /^(?:a|an|the|one)\s/iu;
const maxDescriptionWords = 20;

/**
 * What a "What is X?" question's best sentence says X is, as a short answer ("a surgical anesthetic" of "Propofol, a
 * surgical anesthetic, …"); null for another question, or when the best sentence does not say what X is.
 */
export function definitionOf(question: string, best: string): { text: string } | null {
  if (!/^\W*what\b/iu.test(question)) return null;
  const match = definitionPatternOf(question)?.exec(best);
  if (match === null || match === undefined) return null;
  const tail = best.slice(match.index + match[0].length);
  if (!describes.test(tail)) return null;
  const end = descriptionEndIn(tail);
  const words = (end === null ? tail : tail.slice(0, end)).trim().split(/\s+/u).filter((word) => word !== '');
  if (words.length === 0 || words.length > maxDescriptionWords || !words.some((word) => /\p{L}{2,}/u.test(word))) return null;
  return { text: words.join(' ') };
}
