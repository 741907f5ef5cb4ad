import { readFileSync } from 'node:fs';

// The words WordNet writes capitalised in their commonest sense as a noun (vendor/wordnet/proper-nouns.txt, written by
// scripts/build-proper-nouns.mjs, with WordNet's licence beside it): "china", "chicago", "english". Read on first use.
let loaded: ReadonlySet<string> | null = null;

function properNouns(): ReadonlySet<string> {
  loaded ??= new Set(readFileSync(new URL('../../vendor/wordnet/proper-nouns.txt', import.meta.url), 'utf8').split('\n').filter(Boolean));
  return loaded;
}

/** Reads the list now rather than on first use, so a question's deadline does not pay for it. */
export function loadProperNouns(): void {
  properNouns();
}

/** Whether a word, in any case, is most commonly a name: a place, a people, a language, a month ("china", "english"). */
export function isProperNounWord(word: string): boolean {
  return properNouns().has(word.toLowerCase());
}
