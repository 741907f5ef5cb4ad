import { readFileSync } from 'node:fs';

// WordNet's synonyms (vendor/wordnet/synonyms.txt, written by scripts/build-synonyms.ts, with WordNet's licence beside
// it), keyed by the index's stemmed terms. Read on first use and kept as each term's line, split only when asked: a
// story rarely needs more than a few dozen of its 44,000 lines.
let loaded: Map<string, string> | null = null;

function synonymLines(): Map<string, string> {
  if (loaded !== null) return loaded;
  const table = new Map<string, string>();
  for (const line of readFileSync(new URL('../../vendor/wordnet/synonyms.txt', import.meta.url), 'utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) table.set(line.slice(0, space), line.slice(space + 1));
  }
  loaded = table;
  return table;
}

/** The terms of a term's WordNet synonyms in its two commonest senses, and a noun's broader kind ("guard" for "watchman"). */
export function wordnetSynonymsOf(term: string): readonly string[] {
  return synonymLines().get(term)?.split(' ') ?? [];
}
