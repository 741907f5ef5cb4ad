import { readFileSync } from 'node:fs';

// The words WordNet writes capitalised in their commonest sense as a noun (vendor/wordnet/proper-nouns.txt, written by
// scripts/build-proper-nouns.mjs, with WordNet's licence beside it): "china", "chicago", "english". Read on first use.
let loaded: ReadonlySet<string> | null = null;

/** Whether a word, in any case, is most commonly a name: a place, a people, a language, a month ("china", "english"). */
export function isProperNounWord(word: string): boolean {
  loaded ??= new Set(readFileSync(new URL('../../vendor/wordnet/proper-nouns.txt', import.meta.url), 'utf8').split('\n').filter(Boolean));
  return loaded.has(word.toLowerCase());
}
