import { readFileSync } from 'node:fs';

// WordNet's noun hierarchy (vendor/wordnet/noun-kinds.txt, written by scripts/build-noun-kinds.mjs, with WordNet's
// licence beside it), read on first use into compact tables (a few megabytes), which a story never asked a "what
// kind" question does not need: each word's first sense, the other synsets that list it, and every synset's parents
// as offsets into one flat array.
type NounKinds = { firstSense: Map<string, number>; otherSenses: Map<string, number[]>; parentStart: Int32Array; parentList: Int32Array };

let loaded: NounKinds | null = null;

function nounKinds(): NounKinds {
  if (loaded !== null) return loaded;
  const text = readFileSync(new URL('../../vendor/wordnet/noun-kinds.txt', import.meta.url), 'utf8');
  const firstSense = new Map<string, number>();
  const otherSenses = new Map<string, number[]>();
  const starts: number[] = [0];
  const parents: number[] = [];
  for (let at = 0, line = 0; at < text.length; line++) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    const bar = text.indexOf('|', at);
    for (const named of text.slice(at, bar).split(',')) {
      if (named === '') continue;
      if (!named.endsWith('*')) firstSense.set(named, line);
      else {
        const word = named.slice(0, -1);
        const known = otherSenses.get(word);
        if (known === undefined) otherSenses.set(word, [line]);
        else known.push(line);
      }
    }
    if (end > bar + 1) for (const parent of text.slice(bar + 1, end).split(',')) parents.push(parseInt(parent, 36));
    starts.push(parents.length);
    at = end + 1;
  }
  loaded = { firstSense, otherSenses, parentStart: Int32Array.from(starts), parentList: Int32Array.from(parents) };
  return loaded;
}

function parentsOf(data: NounKinds, synset: number): Int32Array {
  return data.parentList.subarray(data.parentStart[synset]!, data.parentStart[synset + 1]!);
}

function sensesOf(data: NounKinds, word: string): number[] {
  const first = data.firstSense.get(word);
  return [...(first === undefined ? [] : [first]), ...(data.otherSenses.get(word) ?? [])];
}

// Kinds so broad that being one says nothing: everything is an "entity", most things an "object" or "abstraction".
const tooBroad = new Set(['entity', 'abstraction', 'object', 'whole', 'thing', 'attribute', 'matter', 'relation', 'measure', 'group', 'grouping']);

// The forms a plural may come from: "medals" → medal, "batteries" → battery, "boxes" → box.
function baseForms(word: string): string[] {
  const lower = word.toLowerCase();
  return [lower, lower.replace(/ies$/, 'y'), lower.replace(/es$/, ''), lower.replace(/s$/, '')];
}

/** Reads the noun hierarchy now rather than on first use, so a question's deadline does not pay for it. */
export function loadNounKinds(): void {
  nounKinds();
}

/**
 * Whether a noun's most common sense is a kind of `kind` in any of its senses ("medal" of "award", "embroidery" of
 * "needlework", "pump" of "device"); a word is not a kind of itself, and nothing is a kind of "entity" or "object".
 */
export function isKindOf(word: string, kind: string): boolean {
  const data = nounKinds();
  return baseForms(word).some((form) => {
    const first = data.firstSense.get(form);
    return first !== undefined && reachesKind(data, [first], kind);
  });
}

/** Whether any sense of a noun is a kind of `kind` ("star" of "person", as an actor; "ace", as an expert). */
export function hasSenseKindOf(word: string, kind: string): boolean {
  const data = nounKinds();
  return baseForms(word).some((form) => reachesKind(data, sensesOf(data, form), kind));
}

// Whether a walk up the hierarchy from the given senses meets a sense of `kind`, the senses themselves aside.
function reachesKind(data: NounKinds, senses: readonly number[], kind: string): boolean {
  const kindSenses = new Set(baseForms(kind).filter((form) => !tooBroad.has(form)).flatMap((form) => sensesOf(data, form)));
  if (kindSenses.size === 0 || senses.length === 0) return false;
  // The hierarchy is a shallow graph (under 20 levels), so the walk is bounded by the synsets it holds.
  const seen = new Set<number>(senses);
  const pending = senses.flatMap((sense) => [...parentsOf(data, sense)]);
  while (pending.length > 0) {
    const synset = pending.pop()!;
    if (seen.has(synset)) continue;
    seen.add(synset);
    if (kindSenses.has(synset)) return true;
    pending.push(...parentsOf(data, synset));
  }
  return false;
}
