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

/** A MiniSearch index over passages that knows each term's document frequency; the only module that imports MiniSearch. */
export class PassageIndex {
  readonly #engine: MiniSearch<IndexedFields>;
  readonly #documentFrequency = new Map<string, number>();
  // Every word as written (folded, unstemmed) with its term, so a misspelt name is corrected against the names as
  // printed: stems can differ more than the spellings do ("Vuković" stems to "vukov").
  readonly #words = new Map<string, string>();
  #wordTree: SearchableMap<string> | null = null;

  constructor() {
    this.#engine = new MiniSearch<IndexedFields>(miniSearchOptions);
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
      this.#engine.discard(passage.id);
      for (const term of new Set(termsOf(passage.normalized))) {
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
    const weights = options.termWeights;
    const searchOptions: SearchOptions = {
      combineWith: 'OR',
      prefix: false,
      // Only terms the corpus lacks are corrected: fuzzy lookups on known terms cost time and add noise.
      fuzzy: (term) => (useFuzzy && !this.#documentFrequency.has(term) && /^\p{L}+$/u.test(term) ? fuzzyDistance(term) : false),
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
