import { termKey, termsOf } from '../search/terms.js';
import type { AnswerSpan } from './spans.js';

// "Along with mills and mines, …", "besides the mayor who …", "apart from car crashes what …": the opening names
// things the answer stands beside, up to the question word.
const besideOpening = /^\W*(?:along\s+with|alongside|besides|aside\s+from|apart\s+from|other\s+than|in\s+addition\s+to)\s+(.+?)\s*,?\s+(?:(?:in|on|at|from|for|by|with|to|of)\s+)?(?:what|which|who|whom|whose|where|when|how|why)\b/i;

/**
 * The terms of the things a question sets its answer beside ("mill", "mine" of "Along with mills and mines, in what
 * industrial locations …?"); empty for a question that names none.
 */
export function besideTermsOf(question: string): ReadonlySet<string> {
  const named = besideOpening.exec(question)?.[1];
  return new Set(named === undefined ? [] : termsOf(named));
}

// A list joins its items with commas, "and" and "or"; a list item is a few words at most.
const maxItemWords = 5;
const maxHops = 6;
const joiners = new Set([',', 'and', 'or']);
// A clause mark ends a list, and so does a word that opens another list or clause ("the world, including solar …").
const breakers = new Set([';', ':', '(', ')', '"', '“', '”', '.', '?', '!', 'including', 'such', 'like', 'especially', 'notably', 'particularly', 'namely', 'which', 'that', 'who', 'where', 'when']);

type Token = { text: string; start: number; end: number };

function tokensOf(sentence: string): Token[] {
  return [...sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]|[,;:()"“”.?!]/gu)].map((match) => ({ text: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length }));
}

/**
 * Whether a span stands in one list with a thing the question sets its answer beside: "factories" in "in
 * factories, mills and mines" for "Along with mills and mines, …?". The span itself names none of those things.
 */
export function standsBeside(span: AnswerSpan, beside: ReadonlySet<string>): boolean {
  if (beside.size === 0 || termsOf(span.text).some((term) => beside.has(term))) return false;
  const tokens = tokensOf(span.entry.passage.normalized);
  const after = tokens.findIndex((token) => token.start >= span.end);
  let before = -1;
  for (let i = 0; i < tokens.length && tokens[i]!.end <= span.start; i++) before = i;
  return (after >= 0 && reachesBeside(tokens, after, 1, beside)) || (before >= 0 && reachesBeside(tokens, before, -1, beside));
}

// Walks from the token next to the span along the list, joiner by joiner, and says whether an item names a beside thing.
function reachesBeside(tokens: readonly Token[], from: number, step: 1 | -1, beside: ReadonlySet<string>): boolean {
  let i = from;
  let hops = 0;
  while (hops < maxHops && i >= 0 && i < tokens.length) {
    // The item must be joined to what came before it: one or more joiners ("," and ", and").
    if (!joiners.has(tokens[i]!.text)) return false;
    while (i >= 0 && i < tokens.length && joiners.has(tokens[i]!.text)) i += step;
    let words = 0;
    while (i >= 0 && i < tokens.length && !joiners.has(tokens[i]!.text)) {
      const text = tokens[i]!.text;
      if (breakers.has(text) || words >= maxItemWords) return false;
      if (beside.has(termKey(text) ?? '')) return true;
      words++;
      i += step;
    }
    hops++;
  }
  return false;
}
