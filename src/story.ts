import { statedWeekdayDates } from './language/dates.js';
import { collectNameEvidence, NameRegistry, type NameRegistrySnapshot } from './language/names.js';
import { PassageIndex, type PassageIndexSnapshot } from './search/passage-index.js';
import type { Article, Passage, PassageRole, SourceSummary, StoryOverview } from './types.js';

/** A passage as saved: its id, document and position follow from its article and place. */
export type SavedPassage = [text: string, normalized: string | null, heading: string | null, eventDate: string | null, role: PassageRole, gluedHeading?: number];

/** An article as saved, its passages compacted. */
export type SavedArticle = Omit<Article, 'passages'> & { passages: SavedPassage[] };

/** A story as plain data, to start from without reading and indexing its articles again. */
export type StorySnapshot = { articles: SavedArticle[]; index: PassageIndexSnapshot; names: NameRegistrySnapshot };

/** The story's articles and their passage index; changes are synchronous so a reader never sees half an update. */
export class Story {
  readonly index: PassageIndex;
  /** What the story's own usage says about its names: who is a person, what is a place. */
  readonly names: NameRegistry;
  readonly #articles = new Map<string, Article>();
  readonly #passages = new Map<string, Passage>();
  // The story's known dates as times, by the year they state, sorted: a date without a year is read against them.
  #knownDates: Map<number, number[]> | null = null;
  readonly #inferredDates = new Map<number, string | null>();
  readonly #statedWeekdays = new Map<string, ReadonlyMap<number, string>>();
  #overview: StoryOverview | null = null;
  #sortedArticles: Article[] | null = null;

  constructor(articles: readonly Article[] = [], restored?: { index: PassageIndex; names: NameRegistry }) {
    this.index = restored?.index ?? new PassageIndex();
    this.names = restored?.names ?? new NameRegistry();
    for (const article of articles) this.put(article);
  }

  /** Restores a story saved with {@link Story.toSnapshot}; throws on data of another shape. */
  static fromSnapshot(snapshot: StorySnapshot): Story {
    const story = new Story([], { index: PassageIndex.fromJSON(snapshot.index), names: NameRegistry.fromJSON(snapshot.names) });
    if (!Array.isArray(snapshot.articles)) throw new Error('Story: the saved articles are not a list');
    for (const saved of snapshot.articles) {
      if (typeof saved?.document !== 'string' || !Array.isArray(saved.passages)) throw new Error('Story: a saved article has no document or passages');
      const document = saved.document;
      const passages = saved.passages.map(([text, normalized, heading, eventDate, role, gluedHeading], position): Passage => {
        if (typeof text !== 'string') throw new Error(`Story: a saved passage of ${document} has no text`);
        if (gluedHeading !== undefined && !Number.isInteger(gluedHeading)) throw new Error(`Story: a saved passage of ${document} has a glued heading that is not a length`);
        return { id: `${document}#${position}`, document, position, text, normalized: normalized ?? text, heading, eventDate, role, ...(gluedHeading === undefined ? {} : { gluedHeading }) };
      });
      const article: Article = { ...saved, passages };
      story.#articles.set(document, article);
      for (const passage of passages) story.#passages.set(passage.id, passage);
    }
    if (story.#passages.size !== story.index.size) {
      throw new Error(`Story: the saved index holds ${story.index.size} passages but the saved articles ${story.#passages.size}`);
    }
    return story;
  }

  /** The story as plain data; {@link Story.fromSnapshot} restores one that answers exactly as this one does. */
  toSnapshot(): StorySnapshot {
    const articles = [...this.#articles.values()].map((article): SavedArticle => ({
      ...article,
      passages: article.passages.map((passage, position): SavedPassage => {
        if (passage.id !== `${article.document}#${position}` || passage.document !== article.document || passage.position !== position) {
          throw new Error(`Story: passage ${passage.id} does not follow its article's numbering`);
        }
        const saved: SavedPassage = [passage.text, passage.normalized === passage.text ? null : passage.normalized, passage.heading, passage.eventDate, passage.role];
        // A heading glued to its paragraph is set off again at answer time, so a restored story must know where it ends.
        if (passage.gluedHeading !== undefined) saved.push(passage.gluedHeading);
        return saved;
      }),
    }));
    return { articles, index: this.index.toJSON(), names: this.names.toJSON() };
  }

  /** Adds an article, replacing any earlier version of the same document. */
  put(article: Article): void {
    this.delete(article.document);
    this.#knownDates = null;
    this.#inferredDates.clear();
    this.#statedWeekdays.clear();
    this.#overview = null;
    // The sorted list is kept in step rather than sorted again: on a story of tens of thousands of articles a
    // fresh sort after every change held up the next answer.
    if (this.#sortedArticles !== null) this.#sortedArticles.splice(this.#sortedIndexOf(article.document), 0, article);
    this.#articles.set(article.document, article);
    for (const passage of article.passages) this.#passages.set(passage.id, passage);
    this.index.add(article.passages);
    this.names.apply(collectNameEvidence(article.passages.map((passage) => passage.normalized)), 1);
  }

  /** Removes an article and its passages; unknown documents are ignored. */
  delete(document: string): void {
    const article = this.#articles.get(document);
    if (article === undefined) return;
    this.#knownDates = null;
    this.#inferredDates.clear();
    this.#overview = null;
    if (this.#sortedArticles !== null) this.#sortedArticles.splice(this.#sortedIndexOf(document), 1);
    this.index.remove(article.passages);
    for (const passage of article.passages) this.#passages.delete(passage.id);
    // An article's name evidence is worked out again rather than kept: the same passages give the same evidence,
    // and keeping every article's took more memory than the index.
    this.names.apply(collectNameEvidence(article.passages.map((passage) => passage.normalized)), -1);
    this.#articles.delete(document);
  }

  /** The article of a document name, if it is in the story. */
  article(document: string): Article | undefined {
    return this.#articles.get(document);
  }

  /** Every article, in document-name order. */
  articles(): Article[] {
    this.#sortedArticles ??= [...this.#articles.values()].sort((a, b) => byName(a.document, b.document));
    return [...this.#sortedArticles];
  }

  // Where a document name stands, or would stand, in the sorted list.
  #sortedIndexOf(document: string): number {
    const sorted = this.#sortedArticles!;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (byName(sorted[middle]!.document, document) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The days an article names with weekday and date ("Monday, March 27"), by weekday, read once per article. */
  statedWeekdaysOf(document: string): ReadonlyMap<number, string> {
    let stated = this.#statedWeekdays.get(document);
    if (stated === undefined) {
      const article = this.#articles.get(document);
      stated = article === undefined ? new Map() : statedWeekdayDates(article.passages.map((passage) => passage.normalized), this.dateOf(document));
      this.#statedWeekdays.set(document, stated);
    }
    return stated;
  }

  /**
   * The article's publication date, YYYY-MM-DD: its own, or, when it states only a month and day, the year that puts
   * that day within a month of another article's full date in this story; null when neither is known.
   */
  dateOf(document: string): string | null {
    const article = this.#articles.get(document);
    if (article === undefined) return null;
    if (article.date !== null || article.monthDay === null) return article.date;
    // Every ranked and cited passage asks for its article's date, and many articles share a day, so the year found
    // for a month and day is kept until the story changes.
    const day = article.monthDay.month * 100 + article.monthDay.day;
    let inferred = this.#inferredDates.get(day);
    if (inferred === undefined) {
      inferred = this.#inferDate(article.monthDay);
      this.#inferredDates.set(day, inferred);
    }
    return inferred;
  }

  #inferDate({ month, day }: { month: number; day: number }): string | null {
    this.#knownDates ??= knownDatesByYear([...this.#articles.values()].map((other) => other.date).filter((date): date is string => date !== null));
    const knownDates = this.#knownDates;
    const years = new Set<number>();
    // A candidate year counts when a known date of that year or the one either side lies within a month of it.
    for (const year of knownDates.keys()) {
      for (const candidate of [year - 1, year, year + 1]) {
        const time = Date.UTC(candidate, month - 1, day);
        const near = (times: readonly number[] | undefined) => times !== undefined && hasWithin(times, time - 31 * 86_400_000, time + 31 * 86_400_000);
        if (near(knownDates.get(candidate - 1)) || near(knownDates.get(candidate)) || near(knownDates.get(candidate + 1))) years.add(candidate);
      }
    }
    // Only an unambiguous year is used: two stories' worth of dates a year apart leave the date unknown.
    if (years.size !== 1) return null;
    const [year] = years;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  /** The passage of an id, if it is in the story. */
  passage(id: string): Passage | undefined {
    return this.#passages.get(id);
  }

  /** The passage `offset` places away in the same article (−1 before, +1 after), if any. */
  neighbour(passage: Passage, offset: number): Passage | undefined {
    return this.#articles.get(passage.document)?.passages[passage.position + offset];
  }

  /** Number of passages indexed. */
  get passageCount(): number {
    return this.#passages.size;
  }

  /** The articles for a source list, newest first, undated last. */
  sources(): SourceSummary[] {
    return this.articles()
      .map((article) => ({
        document: article.document,
        title: article.title,
        source: article.source,
        credits: article.credits,
        date: this.dateOf(article.document),
        url: article.url,
        passages: article.passages.length,
      }))
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.document.localeCompare(b.document));
  }

  /** The story's title, size, outlets and date range; computed once per change of the story. */
  overview(): StoryOverview {
    this.#overview ??= this.#computeOverview();
    return this.#overview;
  }

  #computeOverview(): StoryOverview {
    const articles = this.articles();
    const outletCounts = new Map<string, number>();
    for (const article of articles) {
      if (article.source !== null) outletCounts.set(article.source, (outletCounts.get(article.source) ?? 0) + 1);
    }
    const outlets = [...outletCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
    // One pass finds the date range and the earliest article (the first of the earliest date, undated last): two
    // sorts did, and on tens of thousands of articles they held up the first answer after every change.
    let earliest: Article | undefined;
    let earliestKey = '';
    let firstDate: string | null = null;
    let lastDate: string | null = null;
    for (const article of articles) {
      const date = this.dateOf(article.document);
      const key = date ?? '9999';
      if (earliest === undefined || key < earliestKey) {
        earliest = article;
        earliestKey = key;
      }
      if (date !== null) {
        if (firstDate === null || date < firstDate) firstDate = date;
        if (lastDate === null || date > lastDate) lastDate = date;
      }
    }
    return { title: earliest?.title ?? 'this story', articles: articles.length, outlets, firstDate, lastDate };
  }
}

// One collator for every name comparison: String.localeCompare builds one per call, which made sorting the
// articles of a large story the slowest part of the first answer after a change.
const byName = new Intl.Collator().compare;

function knownDatesByYear(dates: readonly string[]): Map<number, number[]> {
  const byYear = new Map<number, number[]>();
  for (const date of dates) {
    const time = Date.parse(date);
    const year = Number(date.slice(0, 4));
    if (Number.isNaN(time) || Number.isNaN(year)) continue;
    const times = byYear.get(year) ?? [];
    times.push(time);
    byYear.set(year, times);
  }
  for (const times of byYear.values()) times.sort((a, b) => a - b);
  return byYear;
}

// Whether a sorted list holds a value in [from, to].
function hasWithin(sorted: readonly number[], from: number, to: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low]! <= to;
}
