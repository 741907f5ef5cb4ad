import { readFileSync } from 'node:fs';

// WordNet's noun hierarchy (noun-kinds.txt, written by scripts/build-noun-kinds.mjs; licence in noun-kinds.LICENSE),
// read on first use: it takes some ten megabytes once loaded, which a story that is never asked a "what kind"
// question does not need.
type NounKinds = { firstSense: Map<string, number>; senses: Map<string, number[]>; parents: number[][] };

let loaded: NounKinds | null = null;

function nounKinds(): NounKinds {
  if (loaded !== null) return loaded;
  const firstSense = new Map<string, number>();
  const senses = new Map<string, number[]>();
  const parents: number[][] = [];
  const lines = readFileSync(new URL('./noun-kinds.txt', import.meta.url), 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const bar = line.indexOf('|');
    for (const named of line.slice(0, bar).split(',')) {
      if (named === '') continue;
      const word = named.endsWith('*') ? named.slice(0, -1) : named;
      if (word === named) firstSense.set(word, i);
      const known = senses.get(word);
      if (known === undefined) senses.set(word, [i]);
      else known.push(i);
    }
    const after = line.slice(bar + 1);
    parents[i] = after === '' ? [] : after.split(',').map((parent) => parseInt(parent, 36));
  }
  loaded = { firstSense, senses, parents };
  return loaded;
}

// Kinds so broad that being one says nothing: everything is an "entity", most things an "object" or "abstraction".
const tooBroad = new Set(['entity', 'abstraction', 'object', 'whole', 'thing', 'attribute', 'matter', 'relation', 'measure', 'group', 'grouping']);

// The forms a plural may come from: "medals" → medal, "batteries" → battery, "boxes" → box.
function baseForms(word: string): string[] {
  const lower = word.toLowerCase();
  return [lower, lower.replace(/ies$/, 'y'), lower.replace(/es$/, ''), lower.replace(/s$/, '')];
}

/**
 * Whether a noun's most common sense is a kind of `kind` in any of its senses ("medal" of "award", "embroidery" of
 * "needlework", "pump" of "device"); a word is not a kind of itself, and nothing is a kind of "entity" or "object".
 */
export function isKindOf(word: string, kind: string): boolean {
  const data = nounKinds();
  const kindSenses = new Set(baseForms(kind).filter((form) => !tooBroad.has(form)).flatMap((form) => data.senses.get(form) ?? []));
  if (kindSenses.size === 0) return false;
  for (const form of baseForms(word)) {
    const start = data.firstSense.get(form);
    if (start === undefined) continue;
    // The hierarchy is a shallow graph (under 20 levels), so the walk is bounded by the synsets it holds.
    const seen = new Set<number>([start]);
    const pending = [...data.parents[start]!];
    while (pending.length > 0) {
      const synset = pending.pop()!;
      if (seen.has(synset)) continue;
      seen.add(synset);
      if (kindSenses.has(synset)) return true;
      pending.push(...data.parents[synset]!);
    }
  }
  return false;
}
