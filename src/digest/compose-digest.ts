import type { Story } from '../story.js';
import type { Article, Passage } from '../types.js';
import {
  articleTime,
  candidatesOf,
  carriesSimilarity,
  findCarriers,
  repeatSimilarity,
  sameSentenceSimilarity,
  TermWeights,
  type Carrier,
  type FactCandidate,
} from './facts.js';
import { formatDay, formatInstant, localDay, renderDigestText } from './render-text.js';
import { bulletText, cleanSentence, excerptAround } from './sentence-text.js';
import type { Digest, DigestCitation, DigestItem, DigestSection } from './types.js';
import { findUpcomingEvents, type UpcomingEvent } from './upcoming.js';

/** Options for {@link composeDigest}. */
export type ComposeDigestOptions = {
  /** The digest's instant: its header, "today" for coming events, and recency. */
  now: Date;
  /**
   * When the previous digest (to the same channel) was composed: articles first seen after it are "new". Null or
   * absent when there was none, and nothing is called new.
   */
  since?: Date | null;
  /** When each document was first seen, or null when unknown (an unknown article counts as not new). */
  firstSeen: (document: string) => Date | null;
  /** IANA time zone for the header and for what "today" is; defaults to UTC. */
  timeZone?: string;
  /** Most key developments; defaults to 5 (at least 3 are kept when the text must shrink). */
  maxKeyItems?: number;
  /** Most new facts; defaults to 3. */
  maxNewItems?: number;
  /** Most coming events; defaults to 3. */
  maxUpcomingItems?: number;
  /** Longest plain text, in characters; defaults to 3,500 (inside one Discord embed and one Slack message). */
  maxLength?: number;
};

/** A digest item before numbering: its text and the passages it cites, the first being the one it quotes. */
type DraftItem = { text: string; cites: Array<{ passage: Passage; article: Article }>; terms: ReadonlySet<string>[] };

type DraftSection = { kind: DigestSection['kind']; title: string; items: DraftItem[]; note: string | null; min: number };

// Candidates whose carriers are looked up through the index, per section: enough for a good pick, few enough that a
// story of thousands of articles composes in well under a second.
const keyPoolSize = 150;
const newPoolSize = 80;

/**
 * Composes a digest of a story: the few key developments (each a sentence from the coverage, cited with every
 * article that carries it, no two alike), what is new since the last digest (facts of articles first seen after
 * `since` that earlier articles did not report), and events still coming up; then renders it as plain text.
 * General methods only: salience comes from how many articles carry a fact, lead position, running text, names
 * and numbers, and recency, never from knowledge of a particular story.
 */
export function composeDigest(story: Story, options: ComposeDigestOptions): Digest {
  const timeZone = options.timeZone ?? 'UTC';
  const since = options.since ?? null;
  const articles = story.articles();
  const weights = new TermWeights(story);
  const firstSeen = options.firstSeen;
  const isNew = (document: string): boolean => {
    if (since === null) return false;
    const seen = firstSeen(document);
    return seen !== null && seen.getTime() > since.getTime();
  };
  const newDocuments = new Set(articles.filter((article) => isNew(article.document)).map((article) => article.document));
  const oldArticles = articles.filter((article) => !newDocuments.has(article.document));
  const newArticles = articles.filter((article) => newDocuments.has(article.document));
  // Story.dateOf looks through the other articles' dates on each call: one look per article is enough here.
  const dates = new Map(articles.map((article) => [article.document, story.dateOf(article.document)]));
  const dateOf = (document: string): string | null => dates.get(document) ?? null;
  const timeOf = (article: Article) => articleTime(dateOf(article.document), firstSeen(article.document));
  // Dated articles set the story's "now" when there are any: a first-seen time says when storybot met an article,
  // which for a corpus loaded at start is long after the newest of them was published.
  const dated = articles.filter((article) => dateOf(article.document) !== null);
  const newest = latest((dated.length > 0 ? dated : articles).map(timeOf));
  const taken: DraftItem[] = [];

  const upcomingEvents = findUpcomingEvents(story, { today: localDay(options.now, timeZone), firstSeen, dateOf, now: options.now });
  const upcoming = upcomingItems(upcomingEvents, weights, options.maxUpcomingItems ?? 3);
  taken.push(...upcoming);

  // Key developments are the story as it stood before the new articles, which "what's new" covers on its own; when
  // every article is new (or there is no earlier digest), they come from all of them.
  const keyArticles = oldArticles.length > 0 ? oldArticles : articles;
  const keyDocuments = new Set(keyArticles.map((article) => article.document));
  const keyCandidates = candidatesOf(weights, keyArticles, timeOf, newest);
  const key = pickFacts(story, weights, keyCandidates, {
    pool: keyPoolSize,
    max: options.maxKeyItems ?? 5,
    within: (document) => keyDocuments.has(document),
    taken,
    dateOf,
  });
  taken.push(...key);

  let fresh: DraftItem[] = [];
  let newNote: string | null = null;
  const sinceText = since === null ? null : formatInstant(since, timeZone);
  if (since === null) {
    newNote = 'This is the first digest: there is no earlier one to compare with.';
  } else if (newArticles.length === 0) {
    newNote = `Nothing new since ${sinceText}.`;
  } else if (oldArticles.length === 0) {
    newNote = `All ${countOf(newArticles.length, 'article')} arrived since ${sinceText}; the key developments above are theirs.`;
  } else {
    const oldDocuments = new Set(oldArticles.map((article) => article.document));
    const candidates = candidatesOf(weights, newArticles, timeOf, newest);
    const unreported = topByQuality(candidates, newPoolSize).filter(
      // What an earlier article already reported is not news, however the new article words it.
      (candidate) => findCarriers(story, weights, candidate, { threshold: carriesSimilarity, within: (document) => oldDocuments.has(document) }).length === 0,
    );
    fresh = pickFacts(story, weights, unreported, {
      pool: newPoolSize,
      max: options.maxNewItems ?? 3,
      within: (document) => newDocuments.has(document),
      taken,
      dateOf,
    });
    if (fresh.length === 0) {
      newNote = `${countOf(newArticles.length, 'new article')} since ${sinceText}, but nothing in ${newArticles.length === 1 ? 'it' : 'them'} that earlier coverage had not reported.`;
    }
  }

  const drafts: DraftSection[] = [
    { kind: 'key', title: 'Key developments', items: key, note: key.length === 0 ? 'The coverage has no developments to list yet.' : null, min: 3 },
    { kind: 'new', title: sinceText === null ? "What's new" : `What's new since ${sinceText}`, items: fresh, note: newNote, min: 1 },
    { kind: 'upcoming', title: 'Coming up', items: upcoming, note: upcoming.length === 0 ? 'Nothing scheduled that the coverage mentions.' : null, min: 1 },
  ];
  const overview = story.overview();
  const outlets = overview.outlets.length;
  const header = `Story digest · ${formatInstant(options.now, timeZone)} · ${countOf(overview.articles, 'article')}${outlets > 0 ? ` from ${countOf(outlets, 'outlet')}` : ''}`;
  return fitDigest(dateOf, header, drafts, options.maxLength ?? 3500);
}

function pickFacts(
  story: Story,
  weights: TermWeights,
  candidates: FactCandidate[],
  options: { pool: number; max: number; within: (document: string) => boolean; taken: readonly DraftItem[]; dateOf: (document: string) => string | null },
): DraftItem[] {
  const quality = new Map(candidates.map((candidate) => [candidate.passage.id, candidate.quality]));
  const pool = topByQuality(candidates, options.pool);
  const scored = pool.map((candidate) => {
    const carriers = findCarriers(story, weights, candidate, { within: options.within });
    const outlets = new Set([candidate.article.source, ...carriers.map((carrier) => carrier.article.source)].filter((source) => source !== null));
    // Cross-article support weighs most: a fact several articles carry is one the story turns on.
    const support = 1 + 0.5 * Math.min(carriers.length, 6) + 0.2 * Math.max(0, outlets.size - 1);
    return { candidate, carriers, score: candidate.quality * support };
  });
  scored.sort((a, b) => b.score - a.score || a.candidate.passage.id.localeCompare(b.candidate.passage.id));
  const picked: DraftItem[] = [];
  const remaining = [...scored];
  // Greedy, with each pick discounted by its likeness to what is already in: a digest should span the story,
  // not give two items to one remark.
  while (picked.length < options.max && remaining.length > 0) {
    const earlier = [...options.taken, ...picked];
    const likeness = (terms: ReadonlySet<string>) => Math.max(0, ...earlier.flatMap((item) => item.terms.map((other) => weights.similarity(other, terms))));
    let bestIndex = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < remaining.length; i++) {
      const similar = likeness(remaining[i]!.candidate.terms);
      if (similar >= repeatSimilarity) continue;
      const value = remaining[i]!.score * (1 - 0.6 * similar);
      if (value > bestValue) {
        bestValue = value;
        bestIndex = i;
      }
    }
    if (bestIndex < 0) break;
    const [{ candidate, carriers }] = remaining.splice(bestIndex, 1) as [(typeof remaining)[number]];
    picked.push(itemOf(options.dateOf, weights, candidate, carriers, quality));
  }
  return picked;
}

// The item quotes the best-written of the copies (running text, no glued heading, a readable length) and cites all.
function itemOf(dateOf: (document: string) => string | null, weights: TermWeights, candidate: FactCandidate, carriers: readonly Carrier[], quality: ReadonlyMap<string, number>): DraftItem {
  const copies = citedCopies(dateOf, candidate, carriers.filter((carrier) => carrier.similarity >= sameSentenceSimilarity));
  const cites = [{ passage: candidate.passage, article: candidate.article }, ...copies.map(({ passage, article }) => ({ passage, article }))];
  const best = cites.reduce((a, b) => ((quality.get(b.passage.id) ?? 0) > (quality.get(a.passage.id) ?? 0) ? b : a));
  return {
    text: bulletText(best.passage.text),
    cites: [best, ...cites.filter((cite) => cite !== best)],
    terms: cites.map((cite) => weights.termsOf(cite.passage)),
  };
}

// A fact that dozens of articles carry cannot cite them all in one message: up to four copies are cited, other
// outlets first, then the newest, so the item still shows how widely it was reported.
const maxCopiesCited = 4;

function citedCopies(dateOf: (document: string) => string | null, candidate: FactCandidate, copies: readonly Carrier[]): Carrier[] {
  if (copies.length <= maxCopiesCited) return [...copies];
  const outlets = new Set([candidate.article.source]);
  const chosen: Carrier[] = [];
  const day = (carrier: Carrier) => dateOf(carrier.article.document) ?? '';
  const byDate = [...copies].sort((a, b) => day(b).localeCompare(day(a)) || b.similarity - a.similarity);
  for (const copy of byDate) {
    if (chosen.length >= maxCopiesCited) break;
    if (outlets.has(copy.article.source)) continue;
    outlets.add(copy.article.source);
    chosen.push(copy);
  }
  for (const copy of byDate) {
    if (chosen.length >= maxCopiesCited) break;
    if (!chosen.includes(copy)) chosen.push(copy);
  }
  return chosen;
}

function upcomingItems(events: readonly UpcomingEvent[], weights: TermWeights, max: number): DraftItem[] {
  const items: Array<DraftItem & { day: string }> = [];
  for (const event of events) {
    const terms = weights.termsOf(event.passage);
    const day = event.date ?? event.when.toLowerCase();
    // The same event reported by several articles is one item citing them all.
    const same = items.find((item) => item.day === day && item.terms.some((other) => weights.similarity(other, terms) >= repeatSimilarity));
    if (same !== undefined) {
      if (same.cites.length <= maxCopiesCited && !same.cites.some((cite) => cite.article.document === event.article.document)) {
        same.cites.push({ passage: event.passage, article: event.article });
        same.terms.push(terms);
      }
      continue;
    }
    if (items.length >= max) continue;
    const when = event.date !== null ? formatDay(event.date) : `${capitalise(event.when)} (day not certain: the article is undated)`;
    items.push({ day, text: `${when}: ${excerptAround(cleanSentence(event.passage.text), event.when, 200)}`, cites: [{ passage: event.passage, article: event.article }], terms: [terms] });
  }
  return items.map(({ text, cites, terms }) => ({ text, cites, terms }));
}

// Numbers citations in reading order (one number per sentence, reused where two items cite the same one), renders,
// and drops the least important items while the text is over its limit.
function fitDigest(dateOf: (document: string) => string | null, header: string, drafts: DraftSection[], maxLength: number): Digest {
  for (;;) {
    const sections = numbered(dateOf, drafts);
    const text = renderDigestText(header, sections);
    if (text.length <= maxLength) return { text, header, sections };
    const trimmable = drafts.filter((draft) => draft.items.length > draft.min).sort((a, b) => b.items.length - a.items.length)[0];
    if (trimmable !== undefined) {
      trimmable.items.pop();
      continue;
    }
    const longest = drafts.flatMap((draft) => draft.items).sort((a, b) => b.text.length - a.text.length)[0];
    if (longest !== undefined && longest.text.length > 100) {
      longest.text = bulletText(longest.text, Math.max(100, Math.floor(longest.text.length * 0.8)));
      continue;
    }
    const last = drafts.filter((draft) => draft.items.length > 0).at(-1);
    if (last === undefined) return { text: text.slice(0, maxLength), header, sections };
    last.items.pop();
  }
}

function numbered(dateOf: (document: string) => string | null, drafts: readonly DraftSection[]): DigestSection[] {
  const numbers = new Map<string, number>();
  const citation = (passage: Passage, article: Article): DigestCitation => {
    let n = numbers.get(passage.id);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(passage.id, n);
    }
    return { n, document: passage.document, source: article.source, passage: passage.text, date: dateOf(article.document), title: article.title };
  };
  return drafts.map((draft) => ({
    kind: draft.kind,
    title: draft.title,
    items: draft.items.map((item): DigestItem => ({ text: item.text, citations: item.cites.map((cite) => citation(cite.passage, cite.article)) })),
    note: draft.items.length === 0 ? draft.note : null,
  }));
}

function topByQuality(candidates: readonly FactCandidate[], count: number): FactCandidate[] {
  return [...candidates].sort((a, b) => b.quality - a.quality || a.passage.id.localeCompare(b.passage.id)).slice(0, count);
}

function latest(dates: ReadonlyArray<Date | null>): Date | null {
  let best: Date | null = null;
  for (const date of dates) if (date !== null && (best === null || date > best)) best = date;
  return best;
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
