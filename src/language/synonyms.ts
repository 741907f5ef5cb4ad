import { readFileSync } from 'node:fs';

// WordNet's synonyms (vendor/wordnet/synonyms.txt, written by scripts/build-synonyms.ts, with WordNet's licence beside
// it), keyed by the index's stemmed terms and sorted. Read on first use and kept as the file's bytes with the offset
// of each line, searched by halving: a table of its 44,000 lines as strings would cost several megabytes more for a
// story that needs a few dozen of them. The file is ASCII, so a byte is a character.
type SynonymFile = { bytes: Buffer; starts: Int32Array };
let loaded: SynonymFile | null = null;
const newline = 10;
const space = 32;

function synonymFile(): SynonymFile {
  if (loaded !== null) return loaded;
  const bytes = readFileSync(new URL('../../vendor/wordnet/synonyms.txt', import.meta.url));
  const starts: number[] = [];
  for (let at = 0; at < bytes.length; ) {
    const end = bytes.indexOf(newline, at);
    if (end !== at) starts.push(at);
    if (end < 0) break;
    at = end + 1;
  }
  loaded = { bytes, starts: Int32Array.from(starts) };
  return loaded;
}

function keyAt(file: SynonymFile, line: number): string {
  const start = file.starts[line]!;
  return file.bytes.toString('latin1', start, file.bytes.indexOf(space, start));
}

/** Reads the synonym file now rather than on first use, so a question's deadline does not pay for it. */
export function loadSynonyms(): void {
  synonymFile();
}

/** Whether WordNet knows the term as a word of the language (it has synonyms there): "told" does, "Prantl" does not. */
export function isWordNetWord(term: string): boolean {
  return wordnetSynonymsOf(term).length > 0;
}

/** The terms of a term's WordNet synonyms in its two commonest senses, and a noun's broader kind ("guard" for "watchman"). */
export function wordnetSynonymsOf(term: string): readonly string[] {
  const file = synonymFile();
  let low = 0;
  let high = file.starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const key = keyAt(file, middle);
    if (key === term) {
      const start = file.starts[middle]! + key.length + 1;
      const end = file.bytes.indexOf(newline, start);
      return file.bytes.toString('latin1', start, end < 0 ? file.bytes.length : end).split(' ');
    }
    if (key < term) low = middle + 1;
    else high = middle - 1;
  }
  return [];
}
