import { keyedValue, readKeyedLines, type KeyedLines } from './keyed-lines.js';

// WordNet's synonyms (vendor/wordnet/synonyms.txt, written by scripts/build-synonyms.ts, with WordNet's licence beside
// it), keyed by the index's stemmed terms and sorted; read on first use. The file is ASCII, so a byte is a character.
let loaded: KeyedLines | null = null;

function synonymFile(): KeyedLines {
  loaded ??= readKeyedLines(new URL('../../vendor/wordnet/synonyms.txt', import.meta.url), 'latin1');
  return loaded;
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
  return keyedValue(synonymFile(), term)?.split(' ') ?? [];
}
