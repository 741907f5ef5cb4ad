import { parseIsoDate } from '../language/dates.js';
import { attributionWords, wordAlternation } from '../language/lexicon.js';
import { findNamePhrases } from '../language/names.js';
import { findQuantities } from '../language/quantities.js';
import { termsOf } from '../search/terms.js';
import type { Story } from '../story.js';
import type { Article, Passage } from '../types.js';

/** A passage considered for a digest, with what its salience is judged from. */
export type FactCandidate = {
  passage: Passage;
  article: Article;
  /** The passage's terms, as the index has them. */
  terms: ReadonlySet<string>;
  /** Salience from the passage and its article alone (role, lead position, content, length, recency), 0–1. */
  quality: number;
};

/** A passage of another article that reports the same thing as a candidate, and how alike the two are (0–1). */
export type Carrier = { passage: Passage; article: Article; similarity: number };

/** How alike two passages must be (weighted Jaccard) for the second to count as carrying the first's fact. */
export const carriesSimilarity = 0.3;
/** How alike two passages must be for one digest item to cite both as the same sentence. */
export const sameSentenceSimilarity = 0.42;
/** How alike two items may be before the second is dropped as saying the same thing. */
export const repeatSimilarity = 0.3;

/** Term weights of a story: rare terms (names, numbers) weigh more than common ones when sentences are compared. */
export class TermWeights {
  readonly #story: Story;
  readonly #cache = new Map<string, number>();
  readonly #terms = new Map<string, Set<string>>();

  constructor(story: Story) {
    this.#story = story;
  }

  /** The inverse document frequency of a term over the story's passages (at least 0.1). */
  weight(term: string): number {
    let weight = this.#cache.get(term);
    if (weight === undefined) {
      const total = Math.max(1, this.#story.passageCount);
      const frequency = Math.max(1, this.#story.index.documentFrequency(term));
      weight = Math.max(0.1, Math.log(1 + total / frequency));
      this.#cache.set(term, weight);
    }
    return weight;
  }

  /** Weighted Jaccard similarity of two term sets, 0–1. */
  similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
    if (a.size === 0 || b.size === 0) return 0;
    let shared = 0;
    let all = 0;
    for (const term of a) {
      const weight = this.weight(term);
      all += weight;
      if (b.has(term)) shared += weight;
    }
    for (const term of b) if (!a.has(term)) all += this.weight(term);
    return all === 0 ? 0 : shared / all;
  }

  /** The term set of a passage, computed once per passage. */
  termsOf(passage: Passage): ReadonlySet<string> {
    let terms = this.#terms.get(passage.id);
    if (terms === undefined) {
      terms = termSetOf(passage);
      this.#terms.set(passage.id, terms);
    }
    return terms;
  }

  /** The terms of a set, heaviest first. */
  heaviest(terms: ReadonlySet<string>, count: number): string[] {
    return [...terms].sort((x, y) => this.weight(y) - this.weight(x)).slice(0, count);
  }
}

/** The term set of a passage. */
export function termSetOf(passage: Passage): Set<string> {
  return new Set(termsOf(passage.normalized));
}

/**
 * The passages of other articles that report what `candidate` reports, best match per article, found through the
 * index by the candidate's heaviest terms and kept when their weighted similarity reaches `threshold`.
 */
export function findCarriers(
  story: Story,
  weights: TermWeights,
  candidate: { passage: Passage; terms: ReadonlySet<string> },
  options: { threshold?: number; within?: (document: string) => boolean } = {},
): Carrier[] {
  const threshold = options.threshold ?? carriesSimilarity;
  const best = new Map<string, Carrier>();
  const query = weights.heaviest(candidate.terms, 8);
  for (const hit of story.index.search(query, { limit: 50, fuzzy: false })) {
    const other = story.passage(hit.id);
    if (other === undefined || other.document === candidate.passage.document) continue;
    if (options.within !== undefined && !options.within(other.document)) continue;
    const article = story.article(other.document);
    if (article === undefined) continue;
    const similarity = weights.similarity(candidate.terms, weights.termsOf(other));
    if (similarity < threshold) continue;
    const known = best.get(other.document);
    if (known === undefined || similarity > known.similarity) best.set(other.document, { passage: other, article, similarity });
  }
  return [...best.values()].sort((a, b) => b.similarity - a.similarity);
}

const roleWeight: Record<Passage['role'], number> = { sentence: 1, timeline: 0.55, 'list-item': 0.45, headline: 0.5 };
const speechVerb = new RegExp(String.raw`\b${wordAlternation(attributionWords)}\b`, 'i');
const openingPronoun = /^(?:he|she|it|they|this|that|these|those|we|i)\b/i;

/**
 * Judges how much a passage would matter in a digest from itself and its article: running text over headlines and
 * lists, lead sentences over late ones, names, numbers and dates over generalities, whole sentences over quote
 * fragments, and recent articles over old ones (`recency`, 0–1, from the caller).
 */
export function passageQuality(passage: Passage, leadRank: number, recency: number): number {
  const text = passage.text;
  const words = text.split(/\s+/).filter(Boolean).length;
  const lengthFactor = words < 7 ? 0.3 : words < 11 ? 0.75 : words <= 42 ? 1 : words <= 60 ? 0.85 : 0.65;
  const names = findNamePhrases(text).filter((phrase) => !phrase.sentenceInitial || phrase.text.includes(' ')).length;
  const quantities = findQuantities(text).length;
  const content = Math.min(3, names) + Math.min(2, quantities);
  const contentFactor = 0.55 + 0.45 * Math.min(1, content / 4);
  const leadFactor = passage.role === 'sentence' ? 1 / (1 + 0.08 * leadRank) : 0.7;
  let form = 1;
  if (/^["“‘'«]/.test(text)) form *= speechVerb.test(text.replace(/^["“‘'«][^"”’'»]*["”’'»]/, '')) ? 0.7 : 0.35;
  if (/\?\s*["”’']?$/.test(text)) form *= 0.3;
  if (openingPronoun.test(text)) form *= 0.7;
  if (/^[\p{Ll}]/u.test(text)) form *= 0.6;
  if (/:$/.test(text.trim())) form *= 0.3;
  if (headlineOpener(text)) form *= 0.6;
  return roleWeight[passage.role] * lengthFactor * contentFactor * leadFactor * form * (0.55 + 0.45 * recency);
}

// Four or more capitalised words in a row at the start, beyond a label that ends in a colon, are most likely a
// heading glued to its paragraph by a scraper ("Recount Confirms Okafor Victory A hand recount…").
function headlineOpener(text: string): boolean {
  const words = text.replace(/^[^:]{1,40}:\s/, '').split(/\s+/).slice(0, 6);
  let run = 0;
  for (const word of words) {
    if (/^[\p{Lu}\d]/u.test(word) || /^(?:of|and|for|to|in|on|at|the|a|as|by|with)$/.test(word)) run += 1;
    else break;
  }
  return run >= 5;
}

/** How recent an article is against the newest in the story, 0–1 (half-life three days); 0.6 when undated. */
export function recencyOf(when: Date | null, newest: Date | null): number {
  if (when === null || newest === null) return 0.6;
  const ageDays = Math.max(0, (newest.getTime() - when.getTime()) / 86_400_000);
  return 0.5 ** (ageDays / 3);
}

/** When an article is from: its date (YYYY-MM-DD, read as noon UTC) where known, else when it was first seen, else null. */
export function articleTime(date: string | null, firstSeen: Date | null): Date | null {
  const dated = parseIsoDate(date);
  if (dated !== null) return new Date(dated.getTime() + 12 * 3_600_000);
  return firstSeen;
}

/** How many articles, newest first, and how many passages of each, from the top, a digest considers. */
export const candidateLimits = { articles: 300, passagesPerArticle: 24 };

/**
 * The candidates of a set of articles, each passage with its quality; lead rank counts running-text passages only.
 * Only the newest articles and the opening passages of each are considered, which keeps a digest of a story of
 * thousands of articles fast and loses little: salience falls with age and with distance from the lead.
 */
export function candidatesOf(
  weights: TermWeights,
  articles: readonly Article[],
  timeOf: (article: Article) => Date | null,
  newest: Date | null,
): FactCandidate[] {
  const candidates: FactCandidate[] = [];
  const timed = articles.map((article) => ({ article, time: timeOf(article) }));
  timed.sort((a, b) => (b.time?.getTime() ?? 0) - (a.time?.getTime() ?? 0) || a.article.document.localeCompare(b.article.document));
  for (const { article, time } of timed.slice(0, candidateLimits.articles)) {
    const recency = recencyOf(time, newest);
    let leadRank = 0;
    for (const passage of article.passages.slice(0, candidateLimits.passagesPerArticle)) {
      const terms = weights.termsOf(passage);
      const rank = leadRank;
      if (passage.role === 'sentence') leadRank += 1;
      if (terms.size < 4) continue;
      candidates.push({ passage, article, terms, quality: passageQuality(passage, rank, recency) });
    }
  }
  return candidates;
}
