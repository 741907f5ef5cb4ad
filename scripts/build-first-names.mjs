// Writes vendor/first-names/first-names.txt, every first name the gender-detection-from-name package (MIT, its
// licence beside the file) knows, with the gender its getGender(name, 'en') gives: English first, then Italian,
// Spanish, French, German and Turkish. src/language/first-names.ts reads it: the package's own tables are 2 MB of
// JavaScript that cost a process about 28 MB and 170 ms to load, where this file is read as bytes.
// Run it again only to change what the file holds:
//
//   node scripts/build-first-names.mjs
//
// One "name m" or "name f" a line, sorted by JavaScript's string order.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { getGender } = require('gender-detection-from-name');
const out = fileURLToPath(new URL('../vendor/first-names/first-names.txt', import.meta.url));

const names = new Set();
for (const language of ['en', 'it', 'es', 'fr', 'de', 'tr']) for (const name of require(`gender-detection-from-name/names/${language}`).keys()) names.add(name);
const lines = [...names]
  .filter((name) => /^\p{Ll}+$/u.test(name))
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  .map((name) => [name, getGender(name, 'en')])
  .filter(([, gender]) => gender === 'male' || gender === 'female')
  .map(([name, gender]) => `${name} ${gender === 'male' ? 'm' : 'f'}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} first names written to ${out}`);
