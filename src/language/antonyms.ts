import { readFileSync } from 'node:fs';
import { termKey } from '../search/terms.js';

// WordNet's direct antonyms (vendor/wordnet/antonyms.txt, written by scripts/build-antonyms.mjs, with WordNet's
// licence beside it), read on first use and keyed by the index's stemmed terms, so "refused" finds "accept" as
// "refuse" does.
let loaded: Map<string, Set<string>> | null = null;

function antonymTable(): Map<string, Set<string>> {
  if (loaded !== null) return loaded;
  const table = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    const known = table.get(from);
    if (known === undefined) table.set(from, new Set([to]));
    else known.add(to);
  };
  for (const line of readFileSync(new URL('../../vendor/wordnet/antonyms.txt', import.meta.url), 'utf8').split('\n')) {
    const [word, antonym] = line.split(' ');
    if (word === undefined || antonym === undefined) continue;
    const a = termKey(word);
    const b = termKey(antonym);
    // A pair whose words share a stem says nothing about a sentence that holds either.
    if (a === null || b === null || a === b) continue;
    add(a, b);
    add(b, a);
  }
  loaded = table;
  return table;
}

/** Reads the antonyms now rather than on first use, so a question's deadline does not pay for them. */
export function loadAntonyms(): void {
  antonymTable();
}

/** The terms of a term's WordNet antonyms ("fast" for "slow", "innocent" for "guilty"); empty when it has none. */
export function antonymTermsOf(term: string): ReadonlySet<string> {
  return antonymTable().get(term) ?? new Set();
}
