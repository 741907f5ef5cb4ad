import { readFileSync } from 'node:fs';

// First names and their usual gender (vendor/first-names/first-names.txt, written by scripts/build-first-names.mjs
// from the gender-detection-from-name package, its licence beside it), one "name m" or "name f" a line, sorted. Kept
// as the file's bytes with the offset of each line and searched by halving: the package's own tables cost a process
// about 28 MB and 170 ms to load.
type NameFile = { bytes: Buffer; starts: Int32Array };
let loaded: NameFile | null = null;
const newline = 10;
const space = 32;

function nameFile(): NameFile {
  if (loaded !== null) return loaded;
  const bytes = readFileSync(new URL('../../vendor/first-names/first-names.txt', import.meta.url));
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

/** Reads the first-name table now, so that the first follow-up that needs it does not wait for it. */
export function loadFirstNames(): void {
  nameFile();
}

/** The gender a given first name usually has ("Sandra": female), or null for a word that is not a known first name. */
export function firstNameGender(firstName: string): 'male' | 'female' | null {
  if (!/^\p{Lu}\p{Ll}+$/u.test(firstName)) return null;
  const name = firstName.toLowerCase();
  const file = nameFile();
  let low = 0;
  let high = file.starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = file.starts[middle]!;
    const gap = file.bytes.indexOf(space, start);
    const key = file.bytes.toString('utf8', start, gap);
    if (key === name) return file.bytes[gap + 1] === 0x6d ? 'male' : 'female';
    if (key < name) low = middle + 1;
    else high = middle - 1;
  }
  return null;
}
