import { speechVerbs, wordAlternation } from '../language/lexicon.js';
import type { RankedPassage } from './rank.js';
import type { ShortAnswer } from './short-answer.js';

// "Who said that?", "and who reported it?": a question for the source of what was just answered.
const asksSource = new RegExp(String.raw`^\W*(?:(?:and|so|but|ok|okay)\W+)?who\s+(?:${wordAlternation([...speechVerbs, 'report', 'reported', 'reports', 'tweeted', 'posted'])})\s+(?:that|this|it|so)\W*$`, 'i');

const speech = wordAlternation([...speechVerbs, 'report', 'reported', 'reports']);
// The words a source may take: a name or a description, up to ten words, no clause mark inside.
const source = String.raw`((?:[\p{L}\p{N}'’.&-]+\s+){0,9}?[\p{L}\p{N}'’.&-]+)`;
// "…, the state-run news agency said." and "…," Giants skipper Bruce Bochy said.
const sourceBeforeVerbAtEnd = new RegExp(String.raw`[,"”]\s*${source}\s+(?:${speech})(?:\s+(?:on|in|at|late|early|this|last)\b[^,"“”]*)?\s*[.!]?\s*$`, 'iu');
// "…," said Jane Doe, the mayor.
const verbBeforeSource = new RegExp(String.raw`[,"”]\s*(?:${speech})\s+${source}\s*(?:[,.!]|$)`, 'iu');
// "His manager said Sandoval has been …"
const sourceOpening = new RegExp(String.raw`^\s*${source}\s+(?:${speech})\b`, 'iu');
const accordingTo = /\baccording\s+to\s+((?:[\p{L}\p{N}'’.&-]+\s+){0,9}?[\p{L}\p{N}'’.&-]+)\s*(?:[,.;:]|$)/iu;

const maxRead = 600;

// A pronoun alone names no one the reader can check; a clause word means the match ran over a clause.
const noSource = /^(?:he|she|it|they|we|i|you|this|that|there|which|who|what|and|but|or|as|if|when)\b/i;

/** The source a passage attributes what it says to, as printed ("His manager", "the state-run IRNA news agency"), or null. */
export function sourceOf(sentence: string): string | null {
  // A run-on passage is read at its ends only: an attribution closes or opens a sentence, and the patterns stay linear.
  const head = sentence.slice(0, maxRead);
  const tail = sentence.slice(-maxRead);
  for (const [pattern, text] of [[sourceBeforeVerbAtEnd, tail], [verbBeforeSource, head], [accordingTo, head], [sourceOpening, head]] as const) {
    // A stop that ends the sentence is not the source's ("according to the harbour authority.").
    const found = pattern.exec(text)?.[1]?.trim().replace(/(\p{L}{4,})\.$/u, '$1');
    if (found !== undefined && !noSource.test(found)) return found;
  }
  return null;
}

/**
 * For "who said that?" after an answer, the source the last answer's first cited passage gives for it, as the direct
 * answer with that passage as support; null for any other question, or when the passage names no source.
 */
export function sourceAsked(question: string, lastCited: string | undefined, ranked: readonly RankedPassage[]): ShortAnswer | null {
  if (lastCited === undefined || !asksSource.test(question)) return null;
  const entry = ranked.find((candidate) => candidate.passage.id === lastCited);
  if (entry === undefined) return null;
  const found = sourceOf(entry.passage.normalized);
  return found === null ? null : { text: found, support: [entry] };
}
