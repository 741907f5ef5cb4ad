import { keyedValue, readKeyedLines, type KeyedLines } from './keyed-lines.js';

// First names and their usual gender (vendor/first-names/first-names.txt, written by scripts/build-first-names.mjs
// from the gender-detection-from-name package, its licence beside it), one "name m" or "name f" a line, sorted: the
// package's own tables cost a process about 28 MB and 170 ms to load.
let loaded: KeyedLines | null = null;

function nameFile(): KeyedLines {
  loaded ??= readKeyedLines(new URL('../../vendor/first-names/first-names.txt', import.meta.url), 'utf8');
  return loaded;
}

/** Reads the first-name table now, so that the first follow-up that needs it does not wait for it. */
export function loadFirstNames(): void {
  nameFile();
}

/** The gender a given first name usually has ("Sandra": female), or null for a word that is not a known first name. */
export function firstNameGender(firstName: string): 'male' | 'female' | null {
  if (!/^\p{Lu}\p{Ll}+$/u.test(firstName)) return null;
  const gender = keyedValue(nameFile(), firstName.toLowerCase());
  return gender === 'm' ? 'male' : gender === 'f' ? 'female' : null;
}
