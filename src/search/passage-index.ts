import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
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

/**
 * MiniSearch with a top-k search for the one query shape answers use (exact terms, any of them, per-term boosts).
 * The engine's own search builds a result object for every matching passage and sorts them all; a question's common
 * words touch most of a large story, so that costs hundreds of milliseconds. This one keeps a compact copy of the
 * postings (short id and term frequency side by side in one array per term, in the engine's order), sums the same
 * BM25+ scores in the same order into reused typed arrays and keeps only the best `limit`, so its hits, scores and
 * ties are the engine's own. MiniSearch's index fields are `protected`, for subclasses such as this.
 */
class PassageEngine extends MiniSearch<IndexedFields> {
  // Per term: [shortId, termFrequency, shortId, termFrequency, …], short ids ascending as in the engine's postings.
  #postings = new Map<string, number[]>();
  // Per short id: the passage's number of distinct terms (its BM25 field length), or -1 once it is discarded.
  #lengths: number[] = [];
  #scores = new Float64Array(0);
  // Per short id, during one search: a bit for each query term the passage holds.
  #masks = new Uint32Array(0);
  #touched = new Int32Array(0);

  constructor() {
    super(miniSearchOptions);
  }

  /** Loads an index saved with `toJSON()`; MiniSearch's own loader always makes a plain MiniSearch. */
  static fromJS(js: AsPlainObject): PassageEngine {
    if (js.serializationVersion !== 2) throw new Error(`PassageIndex: cannot load an index of serialization version ${String(js.serializationVersion)}`);
    const engine = new PassageEngine();
    engine._documentCount = js.documentCount;
    engine._nextId = js.nextId;
    engine._fieldIds = js.fieldIds;
    engine._avgFieldLength = js.averageFieldLength;
    engine._dirtCount = js.dirtCount ?? 0;
    engine._documentIds = numericMap(js.documentIds);
    engine._fieldLength = numericMap(js.fieldLength);
    engine._storedFields = numericMap(js.storedFields);
    for (const [shortId, id] of engine._documentIds) engine._idToShortId.set(id, shortId);
    const fieldId = engine._fieldIds.terms!;
    for (const [term, data] of js.index) {
      const fields = new Map<number, Map<number, number>>();
      for (const key in data) {
        const entries = data[key]!;
        const frequencies = new Map<number, number>();
        const postings: number[] = [];
        // Integer keys enumerate in ascending order, the order the engine's own postings keep.
        for (const shortId in entries) {
          const frequency = entries[shortId]!;
          frequencies.set(Number(shortId), frequency);
          if (Number(key) === fieldId) postings.push(Number(shortId), frequency);
        }
        fields.set(Number(key), frequencies);
        if (Number(key) === fieldId) engine.#postings.set(term, postings);
      }
      engine._index.set(term, fields);
    }
    engine.#lengths = Array.from({ length: engine._nextId }, (_, shortId) => engine._fieldLength.get(shortId)?.[fieldId] ?? -1);
    return engine;
  }

  override add(document: IndexedFields): void {
    super.add(document);
    const shortId = this._idToShortId.get(document.id)!;
    const fieldId = this._fieldIds.terms!;
    while (this.#lengths.length < shortId) this.#lengths.push(-1);
    this.#lengths[shortId] = this._fieldLength.get(shortId)![fieldId]!;
    const frequencies = new Map<string, number>();
    for (const term of miniSearchOptions.tokenize!(document.terms, 'terms')) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    for (const [term, frequency] of frequencies) {
      const postings = this.#postings.get(term);
      if (postings === undefined) this.#postings.set(term, [shortId, frequency]);
      else postings.push(shortId, frequency);
    }
  }

  override discard(id: string): void {
    const shortId = this._idToShortId.get(id);
    super.discard(id);
    if (shortId !== undefined) this.#lengths[shortId] = -1;
  }

  override remove(document: IndexedFields): void {
    const shortId = this._idToShortId.get(document.id);
    super.remove(document);
    if (shortId !== undefined) this.#lengths[shortId] = -1;
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
    const scores = this.#scores;
    const masks = this.#masks;
    const touched = this.#touched;
    let touchedCount = 0;
    const clear = () => {
      for (let i = 0; i < touchedCount; i++) masks[touched[i]!] = 0;
    };
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      const postings = this.#postings.get(term);
      const engineFrequencies = this._index.get(term)?.get(fieldId);
      if (postings === undefined || engineFrequencies === undefined) continue;
      const termBoost = boosts?.get(term) ?? 1;
      const bit = 1 << t;
      const matching = engineFrequencies.size;
      const inverseFrequency = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
      let discarded = 0;
      for (let i = 0; i < postings.length; i += 2) {
        const shortId = postings[i]!;
        const fieldLength = lengths[shortId]!;
        if (fieldLength < 0) {
          if (engineFrequencies.has(shortId)) {
            clear();
            return null;
          }
          discarded++;
          continue;
        }
        const termFrequency = postings[i + 1]!;
        // The same expression, in the same order, as MiniSearch's calcBM25Score, so sums agree to the last bit.
        const rawScore = inverseFrequency * (bm25.d + termFrequency * (bm25.k + 1) / (termFrequency + bm25.k * (1 - bm25.b + bm25.b * fieldLength / averageLength)));
        const weighted = termBoost * rawScore;
        if (masks[shortId] === 0) {
          scores[shortId] = weighted;
          touched[touchedCount++] = shortId;
        } else scores[shortId] += weighted;
        masks[shortId]! |= bit;
      }
      // The engine has already dropped these passages from the term; drop them here too.
      if (discarded > 0) this.#postings.set(term, compact(postings, lengths));
    }
    // The engine multiplies by the number of query terms matched, then sorts stably: ties keep first-seen order.
    for (let i = 0; i < touchedCount; i++) scores[touched[i]!] *= bitCount(masks[touched[i]!]!);
    const hits: EngineHit[] = selectBest(touched, touchedCount, scores, limit).map((i) => {
      const shortId = touched[i]!;
      return { shortId, score: scores[shortId]!, terms: terms.filter((_, t) => (masks[shortId]! & (1 << t)) !== 0) };
    });
    clear();
    return hits;
  }

  /** The id a short id stands for. */
  idOf(shortId: number): string {
    return String(this._documentIds.get(shortId));
  }

  #reserve(size: number): void {
    if (this.#scores.length >= size) return;
    const capacity = Math.max(size, Math.ceil(this.#scores.length * 1.5), 1024);
    this.#scores = new Float64Array(capacity);
    this.#masks = new Uint32Array(capacity);
    this.#touched = new Int32Array(capacity);
  }
}

function compact(postings: readonly number[], lengths: readonly number[]): number[] {
  const kept: number[] = [];
  for (let i = 0; i < postings.length; i += 2) if (lengths[postings[i]!]! >= 0) kept.push(postings[i]!, postings[i + 1]!);
  return kept;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

// Indices into `touched` of the best `limit` entries, best first: higher score, then earlier first sight. A heap of
// the worst kept entry on top makes this n·log(limit) rather than a sort of every match.
function selectBest(touched: Int32Array, count: number, scores: Float64Array, limit: number): number[] {
  const worse = (a: number, b: number) => {
    const scoreA = scores[touched[a]!]!;
    const scoreB = scores[touched[b]!]!;
    return scoreA < scoreB || (scoreA === scoreB && a > b);
  };
  const heap: number[] = [];
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (let i = 0; i < count && limit > 0; i++) {
    if (heap.length < limit) {
      heap.push(i);
      let child = heap.length - 1;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (!worse(heap[child]!, heap[parent]!)) break;
        [heap[child], heap[parent]] = [heap[parent]!, heap[child]!];
        child = parent;
      }
    } else if (worse(heap[0]!, i)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

function numericMap<T>(object: Record<string, T>): Map<number, T> {
  const map = new Map<number, T>();
  for (const key in object) map.set(Number(key), object[key]!);
  return map;
}

// MiniSearch reports matched terms as the keys of an object, where keys that look like array indices ("2025")
// come first in numeric order; hits keep that order so the fast path returns exactly what the engine does.
function objectKeyOrder(terms: readonly string[]): string[] {
  const indices = terms.filter((term) => /^(?:0|[1-9]\d*)$/.test(term) && Number(term) < 4294967295).sort((a, b) => Number(a) - Number(b));
  return indices.length === 0 ? [...terms] : [...indices, ...terms.filter((term) => !indices.includes(term))];
}

/** A MiniSearch index over passages that knows each term's document frequency; the only module that imports MiniSearch. */
export class PassageIndex {
  readonly #engine: PassageEngine;
  readonly #documentFrequency = new Map<string, number>();
  // Every word as written (folded, unstemmed) with its term, so a misspelt name is corrected against the names as
  // printed: stems can differ more than the spellings do ("Vuković" stems to "vukov").
  readonly #words = new Map<string, string>();
  #wordTree: SearchableMap<string> | null = null;

  constructor(engine = new PassageEngine()) {
    this.#engine = engine;
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
      this.#engine.add({ id: passage.id, terms: terms.join(' ') });
      for (const term of new Set(terms)) this.#documentFrequency.set(term, (this.#documentFrequency.get(term) ?? 0) + 1);
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
      for (const term of new Set(terms)) {
        const count = (this.#documentFrequency.get(term) ?? 1) - 1;
        if (count <= 0) this.#documentFrequency.delete(term);
        else this.#documentFrequency.set(term, count);
      }
    }
  }

  /** How many passages hold a processed term (0 when none does). */
  documentFrequency(term: string): number {
    return this.#documentFrequency.get(term) ?? 0;
  }

  /** The indexed term of a word as printed (folded, unstemmed), if the story uses that word. */
  termOfWord(word: string): string | undefined {
    return this.#words.get(word);
  }

  /** Whether a processed term occurs anywhere in the index. */
  hasTerm(term: string): boolean {
    return this.#documentFrequency.has(term);
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
      if (!this.#documentFrequency.has(term) || !isLikelyMisspelling(word, candidate)) continue;
      const frequency = this.#documentFrequency.get(term) ?? 0;
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
    const top = exact ? this.#engine.topHits(terms, options.termWeights, options.limit ?? 50) : null;
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
    return !this.#documentFrequency.has(term) && /^\p{L}+$/u.test(term) ? fuzzyDistance(term) : false;
  }
}

function fuzzyDistance(term: string): number | false {
  if (term.length < 4) return false;
  return term.length <= 4 ? 1 : 2;
}

function isLikelyMisspelling(typed: string, known: string): boolean {
  const distance = editDistance(typed, known);
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
