import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { foldToken, termsOf, wordsAndTerms } from './terms.js';

/** The text of one passage as the index needs it. */
export type IndexablePassage = { id: string; normalized: string };

/** One passage found by a search, with the terms that matched. */
export type PassageHit = {
  id: string;
  /** MiniSearch's BM25+ score, summed over matched terms. */
  score: number;
  /** The query terms (already processed) that found this passage, fuzzy ones included. */
  queryTerms: string[];
  /** The passage's own terms that matched, which differ from the query's where fuzzy matching corrected a spelling. */
  matchedTerms: string[];
};

/** Options for {@link PassageIndex.search}. */
export type PassageSearchOptions = {
  /** Most hits returned, best first; defaults to 50. */
  limit?: number;
  /** Correct unknown terms by edit distance (1 for 4–5 letters, 2 for longer); defaults to true. */
  fuzzy?: boolean;
  /** Multiplies the score of each query term; defaults to 1 for every term. */
  termWeights?: ReadonlyMap<string, number>;
  /** Keeps only the passages it accepts, by id (one outlet's articles); every passage when absent. */
  accept?: (id: string) => boolean;
};

/** How many query terms are searched at most, so a huge question cannot stall the process. */
export const maxQueryTerms = 16;

type IndexedFields = { id: string; terms: string };

// Terms are computed once per passage by termsOf; MiniSearch then only splits the joined string back apart.
const miniSearchOptions: Options<IndexedFields> = {
  fields: ['terms'],
  idField: 'id',
  storeFields: [],
  tokenize: (text) => (text === '' ? [] : text.split(' ')),
  processTerm: (term) => term,
  searchOptions: { tokenize: (text) => (text === '' ? [] : text.split(' ')), processTerm: (term) => term },
};

// MiniSearch's default BM25+ parameters, which the index uses: the fast path below must score exactly as the engine.
const bm25 = { k: 1.2, b: 0.7, d: 0.5 };

/** One passage of a top-k search, by the engine's short id, with its score and the query terms it holds. */
type EngineHit = { shortId: number; score: number; terms: string[] };

/** What the engine keeps of one term: its field → short id → frequency map, as stored in MiniSearch's radix tree. */
type FieldTermData = Map<number, Map<number, number>>;

// Per term: the engine's own data for it, reached by a hash lookup rather than a walk down the radix tree, and a
// compact copy of its postings: each passage's short id, ascending as in the engine's map, followed by its term
// frequency negated when that is above 1 (most are 1, so the list is about one number a passage).
type TermEntry = { data: FieldTermData; postings: number[] };

const newFieldTermData = (): FieldTermData => new Map();

/**
 * A saved term's passage frequencies, the map MiniSearch keeps per term, filled from the flat postings the first time
 * anything reads or changes it: a saved story of 100,000 passages holds a million such entries, building them all
 * was a third of loading it, and a question reads only its own terms'. Every Map method fills it first, so MiniSearch
 * and this file see an ordinary map.
 */
class SavedFrequencies extends Map<number, number> {
  // The postings still to be read in, or null once filled. Appending to them is safe only after a fill, which every
  // change to a term's postings does first (addTerms sets the frequency before it pushes the posting).
  #flat: readonly number[] | null;
  readonly #count: number;

  constructor(flat: readonly number[], count: number) {
    super();
    this.#flat = flat;
    this.#count = count;
  }

  #fill(): void {
    const flat = this.#flat;
    if (flat === null) return;
    this.#flat = null;
    for (let i = 0; i < flat.length; ) {
      const shortId = flat[i++]!;
      super.set(shortId, i < flat.length && flat[i]! < 0 ? -flat[i++]! : 1);
    }
  }

  override get size(): number {
    return this.#flat === null ? super.size : this.#count;
  }

  override get(key: number): number | undefined {
    this.#fill();
    return super.get(key);
  }

  override has(key: number): boolean {
    this.#fill();
    return super.has(key);
  }

  override set(key: number, value: number): this {
    this.#fill();
    return super.set(key, value);
  }

  override delete(key: number): boolean {
    this.#fill();
    return super.delete(key);
  }

  override clear(): void {
    this.#flat = null;
    super.clear();
  }

  override forEach(callback: (value: number, key: number, map: Map<number, number>) => void, thisArg?: unknown): void {
    this.#fill();
    super.forEach(callback, thisArg);
  }

  override keys(): MapIterator<number> {
    this.#fill();
    return super.keys();
  }

  override values(): MapIterator<number> {
    this.#fill();
    return super.values();
  }

  override entries(): MapIterator<[number, number]> {
    this.#fill();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[number, number]> {
    this.#fill();
    return super[Symbol.iterator]();
  }
}

const engineSnapshotFormat = 'storybot-passage-engine-1';

/** A {@link PassageEngine} as plain data: passage ids by short id, and each term's postings as flat number lists. */
type EngineSnapshot = {
  format: typeof engineSnapshotFormat;
  documentCount: number;
  nextId: number;
  /** Null until a passage is added, as in MiniSearch. */
  averageFieldLength: number | null;
  dirtCount: number;
  /** Passage ids by short id; null where a passage was removed. */
  ids: Array<string | null>;
  terms: string[];
  /** Per term: short ids, each followed by its term frequency negated when that is above 1. */
  postings: number[][];
};

/**
 * MiniSearch with a faster add and a top-k search for the one query shape answers use (exact terms, any of them,
 * per-term boosts). The engine's own search builds a result object for every matching passage and sorts them all;
 * a question's common words touch most of a large story, so that costs hundreds of milliseconds. This one sums the
 * same BM25+ scores in the same order over compact postings into reused typed arrays and keeps only the best
 * `limit`, so its hits, scores and ties are the engine's own. MiniSearch's index fields are `protected`, for
 * subclasses such as this.
 */
class PassageEngine extends MiniSearch<IndexedFields> {
  #terms = new Map<string, TermEntry>();
  // Per short id: the passage's number of distinct terms (its BM25 field length), or -1 once it is removed.
  #lengths: number[] = [];
  // Per short id, for the current average field length: BM25's length normaliser k·(1 − b + b·length/average), and
  // the whole BM25+ factor of a term that occurs once, d + (k + 1)/(1 + normaliser), or -1 for a removed passage.
  // Both are the engine's own subexpressions, so using them leaves every score bit for bit as MiniSearch computes
  // it; they spare a division, and a look at the passage's length, for nearly every posting.
  #normalisers = new Float64Array(0);
  #singles = new Float64Array(0);
  #normalisedFor = { averageLength: Number.NaN, passages: -1 };
  #scores = new Float64Array(0);
  // Per short id, during one search: a bit for each query term the passage holds.
  #masks = new Uint32Array(0);
  #touched = new Int32Array(0);

  constructor() {
    super(miniSearchOptions);
  }

  /**
   * The engine's state as compact plain data: MiniSearch's own JSON keeps each term's postings as an object keyed by
   * short id, which took a second to load at 100,000 passages; flat number lists load several times faster.
   */
  toSnapshot(): EngineSnapshot {
    const fieldId = this._fieldIds.terms!;
    const terms: string[] = [];
    const postings: number[][] = [];
    // Terms in the order of their first use, the order they reached the radix tree, so a loaded tree has the same
    // shape (its order breaks ties between equally good fuzzy matches).
    for (const [term, { data }] of this.#terms) {
      const frequencies = data.get(fieldId);
      if (frequencies === undefined) continue;
      const flat: number[] = [];
      for (const [shortId, frequency] of frequencies) {
        flat.push(shortId);
        if (frequency > 1) flat.push(-frequency);
      }
      terms.push(term);
      postings.push(flat);
    }
    return {
      format: engineSnapshotFormat,
      documentCount: this._documentCount,
      nextId: this._nextId,
      averageFieldLength: this._avgFieldLength[fieldId] ?? null,
      dirtCount: this._dirtCount,
      ids: Array.from({ length: this._nextId }, (_, shortId) => (this._documentIds.get(shortId) as string | undefined) ?? null),
      terms,
      postings,
    };
  }

  /** Restores an engine saved with {@link PassageEngine.toSnapshot}; throws on data of another shape. */
  static fromSnapshot(snapshot: EngineSnapshot): PassageEngine {
    const engine = new PassageEngine();
    const fieldId = engine._fieldIds.terms!;
    engine._documentCount = snapshot.documentCount;
    engine._nextId = snapshot.nextId;
    if (snapshot.averageFieldLength !== null) engine._avgFieldLength[fieldId] = snapshot.averageFieldLength;
    engine._dirtCount = snapshot.dirtCount;
    // Pushed one by one: an array made at its full length is a slow dictionary beyond some 100,000 elements.
    const lengths: number[] = [];
    for (let shortId = 0; shortId < snapshot.nextId; shortId++) lengths.push(-1);
    snapshot.ids.forEach((id, shortId) => {
      if (id === null) return;
      if (typeof id !== 'string') throw new Error('PassageIndex: a saved passage id is not a string');
      engine._documentIds.set(shortId, id);
      engine._idToShortId.set(id, shortId);
      lengths[shortId] = 0;
    });
    snapshot.terms.forEach((term, t) => {
      const flat = snapshot.postings[t];
      if (typeof term !== 'string' || !Array.isArray(flat)) throw new Error('PassageIndex: a saved term has no postings');
      let count = 0;
      for (let i = 0; i < flat.length; ) {
        const shortId = flat[i++]!;
        const frequency = i < flat.length && flat[i]! < 0 ? -flat[i++]! : 1;
        if (!Number.isInteger(shortId) || shortId < 0 || shortId >= snapshot.nextId || !Number.isInteger(frequency)) {
          throw new Error(`PassageIndex: a saved posting of "${term}" is not a passage and a count`);
        }
        count++;
        // A passage's field length is its number of distinct terms, one posting each.
        if (lengths[shortId]! >= 0) lengths[shortId]!++;
      }
      const data: FieldTermData = new Map([[fieldId, new SavedFrequencies(flat, count)]]);
      engine._index.set(term, data);
      engine.#terms.set(term, { data, postings: flat });
    });
    for (const shortId of engine._documentIds.keys()) {
      const fieldLengths: number[] = [];
      fieldLengths[fieldId] = lengths[shortId]!;
      engine._fieldLength.set(shortId, fieldLengths);
    }
    engine.#lengths = lengths;
    return engine;
  }

  override add(document: IndexedFields): void {
    this.addTerms(document.id, miniSearchOptions.tokenize!(document.terms, 'terms'));
  }

  /**
   * Adds a passage by its processed terms. This is MiniSearch's `add` step by step
   * (a new short id, the field length and its running average, each term's frequency), leaving the engine in the
   * same state, but it reaches a known term's postings through a hash map: walking the radix tree for every word of
   * every sentence was a third of the indexing time.
   */
  addTerms(id: string, terms: readonly string[]): void {
    if (this._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
    const shortId = this._nextId;
    this._idToShortId.set(id, shortId);
    this._documentIds.set(shortId, id);
    this._documentCount += 1;
    this._nextId += 1;
    const frequencies = new Map<string, number>();
    for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    const fieldId = this._fieldIds.terms!;
    const count = this._documentCount - 1;
    const fieldLengths: number[] = [];
    fieldLengths[fieldId] = frequencies.size;
    this._fieldLength.set(shortId, fieldLengths);
    const averageFieldLength = this._avgFieldLength[fieldId] || 0;
    const totalFieldLength = averageFieldLength * count + frequencies.size;
    this._avgFieldLength[fieldId] = totalFieldLength / (count + 1);
    while (this.#lengths.length < shortId) this.#lengths.push(-1);
    this.#lengths[shortId] = frequencies.size;
    // Terms reach the radix tree in the order of their first use, as in MiniSearch, so the tree has the same shape.
    for (const [term, frequency] of frequencies) {
      const entry = this.#entryOf(term);
      let fieldIndex = entry.data.get(fieldId);
      if (fieldIndex === undefined) {
        fieldIndex = new Map();
        entry.data.set(fieldId, fieldIndex);
      }
      fieldIndex.set(shortId, frequency);
      entry.postings.push(shortId);
      if (frequency > 1) entry.postings.push(-frequency);
    }
  }

  /** How many passages hold a term: the size of its postings in the engine. */
  documentFrequency(term: string): number {
    return this.#terms.get(term)?.data.get(this._fieldIds.terms!)?.size ?? 0;
  }

  override discard(id: string): void {
    const shortId = this._idToShortId.get(id);
    super.discard(id);
    if (shortId !== undefined) this.#forget(shortId);
  }

  override remove(document: IndexedFields): void {
    const shortId = this._idToShortId.get(document.id);
    super.remove(document);
    if (shortId !== undefined) this.#forget(shortId);
  }

  #forget(shortId: number): void {
    this.#lengths[shortId] = -1;
    this.#normalisedFor = { averageLength: Number.NaN, passages: -1 };
  }

  // The engine drops a term from its tree when its last passage goes, leaving the old map empty and detached.
  #entryOf(term: string): TermEntry {
    let entry = this.#terms.get(term);
    if (entry === undefined) {
      entry = { data: this._index.fetch(term, newFieldTermData), postings: [] };
      this.#terms.set(term, entry);
    } else if (entry.data.size === 0) entry.data = this._index.fetch(term, newFieldTermData);
    return entry;
  }

  /**
   * The best `limit` passages for exact terms combined with OR, as `search()` would rank them, or null when a
   * discarded passage still sits in the engine's postings of a term: its search cleans those up as it scores, which
   * changes the scores of the passages after it, so it must run instead.
   */
  topHits(terms: readonly string[], boosts: ReadonlyMap<string, number> | undefined, limit: number): EngineHit[] | null {
    if (terms.length > 32) return null;
    const fieldId = this._fieldIds.terms!;
    const averageLength = this._avgFieldLength[fieldId]!;
    const documentCount = this._documentCount;
    const lengths = this.#lengths;
    this.#reserve(this._nextId);
    this.#normalise(averageLength);
    const normalisers = this.#normalisers;
    const singles = this.#singles;
    const scores = this.#scores;
    const masks = this.#masks;
    const touched = this.#touched;
    const scan: Scan = { touched: 0, removed: 0 };
    const arrays: SearchArrays = { lengths, singles, normalisers, scores, masks, touched };
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      const entry = this.#terms.get(term);
      const engineFrequencies = entry?.data.get(fieldId);
      if (entry === undefined || engineFrequencies === undefined) continue;
      const postings = entry.postings;
      const matching = engineFrequencies.size;
      const inverseFrequency = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
      const weights: TermWeights = { inverseFrequency, termBoost: boosts?.get(term) ?? 1, bit: 1 << t };
      if (!accumulate(postings, weights, engineFrequencies, arrays, scan)) {
        clearMasks(masks, touched, scan.touched);
        return null;
      }
      // The engine has already dropped these passages from the term; drop them here too once they are a good share
      // of its list, rather than copying a common term's whole list on the first question after every change.
      if (scan.removed > 0 && scan.removed * 4 > postings.length) entry.postings = compact(postings, lengths);
    }
    const touchedCount = scan.touched;
    // The engine multiplies by the number of query terms matched, then sorts stably: ties keep first-seen order.
    const hits: EngineHit[] = selectBest(touched, touchedCount, scores, masks, limit).map(({ i, score }) => {
      const shortId = touched[i]!;
      return { shortId, score, terms: terms.filter((_, t) => (masks[shortId]! & (1 << t)) !== 0) };
    });
    clearMasks(masks, touched, touchedCount);
    return hits;
  }

  /** The id a short id stands for. */
  idOf(shortId: number): string {
    return String(this._documentIds.get(shortId));
  }

  #normalise(averageLength: number): void {
    const passages = this._nextId;
    if (this.#normalisedFor.averageLength === averageLength && this.#normalisedFor.passages === passages) return;
    if (this.#normalisers.length < passages) {
      this.#normalisers = new Float64Array(this.#scores.length);
      this.#singles = new Float64Array(this.#scores.length);
    }
    for (let shortId = 0; shortId < passages; shortId++) {
      const fieldLength = this.#lengths[shortId]!;
      if (fieldLength < 0) {
        this.#singles[shortId] = -1;
        continue;
      }
      const normaliser = bm25.k * (1 - bm25.b + bm25.b * fieldLength / averageLength);
      this.#normalisers[shortId] = normaliser;
      this.#singles[shortId] = bm25.d + 1 * (bm25.k + 1) / (1 + normaliser);
    }
    this.#normalisedFor = { averageLength, passages };
  }

  #reserve(size: number): void {
    if (this.#scores.length >= size) return;
    const capacity = Math.max(size, Math.ceil(this.#scores.length * 1.5), 1024);
    this.#scores = new Float64Array(capacity);
    this.#masks = new Uint32Array(capacity);
    this.#touched = new Int32Array(capacity);
  }
}

function listOf(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`PassageIndex: saved ${what} are not a list`);
  return value;
}

// A saved engine is checked for its shape before it is trusted; its postings are checked as they load.
function engineSnapshot(value: unknown): EngineSnapshot {
  const snapshot = value as Partial<Record<keyof EngineSnapshot, unknown>> | null;
  if (
    typeof snapshot !== 'object' ||
    snapshot === null ||
    snapshot.format !== engineSnapshotFormat ||
    typeof snapshot.documentCount !== 'number' ||
    typeof snapshot.nextId !== 'number' ||
    (typeof snapshot.averageFieldLength !== 'number' && snapshot.averageFieldLength !== null) ||
    typeof snapshot.dirtCount !== 'number' ||
    !Array.isArray(snapshot.ids) ||
    snapshot.ids.length !== snapshot.nextId ||
    !Array.isArray(snapshot.terms) ||
    !Array.isArray(snapshot.postings) ||
    snapshot.terms.length !== snapshot.postings.length
  ) {
    throw new Error('PassageIndex: the saved engine is not a passage index');
  }
  return snapshot as EngineSnapshot;
}

function compact(postings: readonly number[], lengths: readonly number[]): number[] {
  const kept: number[] = [];
  for (let i = 0; i < postings.length; ) {
    const shortId = postings[i++]!;
    const frequency = i < postings.length && postings[i]! < 0 ? postings[i++]! : null;
    if (lengths[shortId]! < 0) continue;
    kept.push(shortId);
    if (frequency !== null) kept.push(frequency);
  }
  return kept;
}

function bitCount(mask: number): number {
  const pairs = mask - ((mask >>> 1) & 0x55555555);
  const nibbles = (pairs & 0x33333333) + ((pairs >>> 2) & 0x33333333);
  return Math.imul((nibbles + (nibbles >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The per-passage arrays one search reads and writes, indexed by short id (`touched` by order of first sight). */
type SearchArrays = {
  lengths: readonly number[];
  singles: Float64Array;
  normalisers: Float64Array;
  scores: Float64Array;
  masks: Uint32Array;
  touched: Int32Array;
};

/** How one query term weighs: its inverse document frequency, its boost and its bit in the passages' masks. */
type TermWeights = { inverseFrequency: number; termBoost: number; bit: number };

/** Counts carried from term to term of one search: passages touched so far, and removed ones met in the last term. */
type Scan = { touched: number; removed: number };

// Adds one term's weighted BM25+ score to every passage on its list; false when a removed passage is still in the
// engine's own postings (then the engine's search must run). A plain function over plain arrays: the hot loop of
// every answer, kept free of closures and private-field reads.
function accumulate(postings: readonly number[], weights: TermWeights, engineFrequencies: ReadonlyMap<number, number>, arrays: SearchArrays, scan: Scan): boolean {
  const { singles, normalisers, scores, masks, touched } = arrays;
  const { inverseFrequency, termBoost, bit } = weights;
  let touchedCount = scan.touched;
  let removed = 0;
  const length = postings.length;
  for (let i = 0; i < length; ) {
    const shortId = postings[i++]!;
    const termFrequency = i < length && postings[i]! < 0 ? -postings[i++]! : 1;
    const single = singles[shortId]!;
    if (single < 0) {
      if (engineFrequencies.has(shortId)) {
        scan.touched = touchedCount;
        return false;
      }
      removed++;
      continue;
    }
    // MiniSearch's calcBM25Score, its operations in the same order, so sums agree to the last bit.
    const rawScore =
      termFrequency === 1 ? inverseFrequency * single : inverseFrequency * (bm25.d + termFrequency * (bm25.k + 1) / (termFrequency + normalisers[shortId]!));
    const weighted = termBoost * rawScore;
    if (masks[shortId] === 0) {
      scores[shortId] = weighted;
      touched[touchedCount++] = shortId;
    } else scores[shortId] += weighted;
    masks[shortId]! |= bit;
  }
  scan.touched = touchedCount;
  scan.removed = removed;
  return true;
}

function clearMasks(masks: Uint32Array, touched: Int32Array, count: number): void {
  for (let i = 0; i < count; i++) masks[touched[i]!] = 0;
}

// The best `limit` entries of `touched`, best first, with their final scores (the summed score times the number of
// query terms matched): higher score, then earlier first sight. A heap with the worst kept entry on top makes this
// n·log(limit) rather than a sort of every match, and most entries cost one comparison.
function selectBest(touched: Int32Array, count: number, scores: Float64Array, masks: Uint32Array, limit: number): Array<{ i: number; score: number }> {
  const heap: Array<{ i: number; score: number }> = [];
  const worse = (a: { i: number; score: number }, b: { i: number; score: number }) => a.score < b.score || (a.score === b.score && a.i > b.i);
  const siftDown = () => {
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  let worstScore = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const shortId = touched[i]!;
    const score = scores[shortId]! * bitCount(masks[shortId]!);
    if (heap.length < limit) {
      heap.push({ i, score });
      let child = heap.length - 1;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (!worse(heap[child]!, heap[parent]!)) break;
        [heap[child], heap[parent]] = [heap[parent]!, heap[child]!];
        child = parent;
      }
      if (heap.length === limit) worstScore = heap[0]!.score;
      continue;
    }
    // An entry seen later must score strictly higher than the worst kept one to displace it.
    if (score <= worstScore) continue;
    heap[0] = { i, score };
    siftDown();
    worstScore = heap[0]!.score;
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

// MiniSearch reports matched terms as the keys of an object, where keys that look like array indices ("2025")
// come first in numeric order; hits keep that order so the fast path returns exactly what the engine does.
function objectKeyOrder(terms: readonly string[]): string[] {
  const indices = terms.filter((term) => /^(?:0|[1-9]\d*)$/.test(term) && Number(term) < 4294967295).sort((a, b) => Number(a) - Number(b));
  return indices.length === 0 ? [...terms] : [...indices, ...terms.filter((term) => !indices.includes(term))];
}

/**
 * A {@link PassageIndex} as plain data: the engine's state (its passages and postings), whose postings give each
 * term's document frequency, and the index's words in their order (the order decides ties when a misspelling is
 * corrected).
 */
export type PassageIndexSnapshot = { engine: unknown; words: Array<[string, string]> };

/** A MiniSearch index over passages that knows each term's document frequency; the only module that imports MiniSearch. */
export class PassageIndex {
  #engine: PassageEngine;
  // Every word as written (folded, unstemmed) with its term, so a misspelt name is corrected against the names as
  // printed: stems can differ more than the spellings do ("Vuković" stems to "vukov").
  readonly #words = new Map<string, string>();
  #wordTree: SearchableMap<string> | null = null;

  constructor() {
    this.#engine = new PassageEngine();
  }

  /** Restores an index saved with {@link PassageIndex.toJSON}; throws on data of another shape. */
  static fromJSON(snapshot: PassageIndexSnapshot): PassageIndex {
    const index = new PassageIndex();
    index.#engine = PassageEngine.fromSnapshot(engineSnapshot(snapshot.engine));
    for (const entry of listOf(snapshot.words, 'words')) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') throw new Error('PassageIndex: a saved word is not [word, term]');
      index.#words.set(entry[0], entry[1]);
    }
    return index;
  }

  /** The index as plain data, MiniSearch's JSON included; {@link PassageIndex.fromJSON} restores it exactly. */
  toJSON(): PassageIndexSnapshot {
    return { engine: this.#engine.toSnapshot(), words: [...this.#words] };
  }

  /** Number of passages in the index. */
  get size(): number {
    return this.#engine.documentCount;
  }

  /** Adds passages whose ids are not yet indexed (MiniSearch throws on a duplicate id). */
  add(passages: readonly IndexablePassage[]): void {
    for (const passage of passages) {
      const pairs = wordsAndTerms(passage.normalized);
      const terms = pairs.map((pair) => pair.term);
      for (const pair of pairs) {
        if (this.#words.has(pair.word)) continue;
        this.#words.set(pair.word, pair.term);
        this.#wordTree?.set(pair.word, pair.term);
      }
      this.#engine.addTerms(passage.id, terms);
    }
  }

  /** Removes passages that were added with exactly this text; ids not in the index are ignored. */
  remove(passages: readonly IndexablePassage[]): void {
    for (const passage of passages) {
      if (!this.#engine.has(passage.id)) continue;
      const terms = termsOf(passage.normalized);
      // Removed from the postings at once, rather than discarded for a later vacuum: a discarded passage stays in
      // the postings until a search meets it, and every such search scores and sorts the whole result set again.
      this.#engine.remove({ id: passage.id, terms: terms.join(' ') });
    }
  }

  /** How many passages hold a processed term (0 when none does). */
  documentFrequency(term: string): number {
    return this.#engine.documentFrequency(term);
  }

  /** Whether a processed term occurs anywhere in the index. */
  hasTerm(term: string): boolean {
    return this.#engine.documentFrequency(term) > 0;
  }

  /**
   * The indexed term that a word the story never uses is most likely a misspelling of, or null: one swap or
   * substitution for five letters, one edit for six or seven, two for longer words (a swap of neighbours is one edit).
   */
  correct(rawWord: string): string | null {
    const word = foldToken(rawWord);
    if (word === null || !/^\p{L}{5,}$/u.test(word) || this.#words.has(word)) return null;
    if (this.#wordTree === null) this.#wordTree = SearchableMap.from(this.#words);
    let best: { term: string; distance: number; frequency: number } | null = null;
    for (const [candidate, [term, distance]] of this.#wordTree.fuzzyGet(word, 2)) {
      const frequency = this.documentFrequency(term);
      if (frequency === 0 || !isLikelyMisspelling(word, candidate)) continue;
      if (best === null || distance < best.distance || (distance === best.distance && frequency > best.frequency)) {
        best = { term, distance, frequency };
      }
    }
    return best?.term ?? null;
  }

  /** Searches processed query terms with BM25, any term matching, and returns typed hits best first. */
  search(queryTerms: readonly string[], options: PassageSearchOptions = {}): PassageHit[] {
    const terms = [...new Set(queryTerms)].slice(0, maxQueryTerms);
    if (terms.length === 0 || this.size === 0) return [];
    const useFuzzy = options.fuzzy ?? true;
    // The fast path serves exact searches; fuzzy ones, and terms MiniSearch would split again, go to the engine.
    const exact = !terms.some((term) => term === '' || term.includes(' ') || (useFuzzy && this.#fuzzyDistanceOf(term) !== false));
    // A search kept to some passages goes through the engine, which filters before it ranks.
    const top = exact && options.accept === undefined ? this.#engine.topHits(terms, options.termWeights, options.limit ?? 50) : null;
    if (top === null) return this.rawSearch(queryTerms, options);
    return top.map((hit) => ({ id: this.#engine.idOf(hit.shortId), score: hit.score, queryTerms: hit.terms, matchedTerms: objectKeyOrder(hit.terms) }));
  }

  /**
   * The same search through MiniSearch's own `search`, which scores and sorts every matching passage: what the
   * engine costs without the fast path, for the benchmark, and the path for fuzzy searches.
   */
  rawSearch(queryTerms: readonly string[], options: PassageSearchOptions = {}): PassageHit[] {
    const terms = [...new Set(queryTerms)].slice(0, maxQueryTerms);
    if (terms.length === 0 || this.size === 0) return [];
    const useFuzzy = options.fuzzy ?? true;
    const weights = options.termWeights;
    const searchOptions: SearchOptions = {
      combineWith: 'OR',
      prefix: false,
      fuzzy: (term) => (useFuzzy ? this.#fuzzyDistanceOf(term) : false),
      maxFuzzy: 2,
      weights: { fuzzy: 0.6, prefix: 0.3 },
      ...(weights ? { boostTerm: (term: string) => weights.get(term) ?? 1 } : {}),
      ...(options.accept ? { filter: (result: { id: unknown }) => options.accept!(String(result.id)) } : {}),
    };
    const results = this.#engine.search(terms.join(' '), searchOptions);
    const limit = options.limit ?? 50;
    const hits: PassageHit[] = [];
    for (const result of results.slice(0, limit)) {
      hits.push({ id: String(result.id), score: result.score, queryTerms: result.queryTerms, matchedTerms: result.terms });
    }
    return hits;
  }

  // Only terms the corpus lacks are corrected: fuzzy lookups on known terms cost time and add noise.
  #fuzzyDistanceOf(term: string): number | false {
    return !this.hasTerm(term) && /^\p{L}+$/u.test(term) ? fuzzyDistance(term) : false;
  }
}

function fuzzyDistance(term: string): number | false {
  if (term.length < 4) return false;
  return term.length <= 4 ? 1 : 2;
}

function isLikelyMisspelling(typed: string, known: string): boolean {
  const distance = editDistance(typed, known);
  // Typists seldom get a word's first letter wrong, while real words two edits apart often differ there
  // ("attended", "intended"); a swap of the first two letters is still a typo.
  if (typed[0] !== known[0] && !(typed[0] === known[1] && typed[1] === known[0])) return false;
  if (typed.length <= 5) return distance === 1 && typed.length === known.length;
  if (typed.length <= 7) return distance === 1;
  return distance <= 2;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
