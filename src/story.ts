import { collectNameEvidence, NameRegistry, type NameEvidence } from './language/names.js';
import { PassageIndex } from './search/passage-index.js';
import type { Article, Passage, SourceSummary, StoryOverview } from './types.js';

/** The story's articles and their passage index; changes are synchronous so a reader never sees half an update. */
export class Story {
  readonly index = new PassageIndex();
  /** What the story's own usage says about its names: who is a person, what is a place. */
  readonly names = new NameRegistry();
  readonly #articles = new Map<string, Article>();
  readonly #passages = new Map<string, Passage>();
  readonly #nameEvidence = new Map<string, NameEvidence>();
  #knownDates: string[] | null = null;
  #overview: StoryOverview | null = null;

  constructor(articles: readonly Article[] = []) {
    for (const article of articles) this.put(article);
  }

  /** Adds an article, replacing any earlier version of the same document. */
  put(article: Article): void {
    this.delete(article.document);
    this.#knownDates = null;
    this.#overview = null;
    this.#articles.set(article.document, article);
    for (const passage of article.passages) this.#passages.set(passage.id, passage);
    this.index.add(article.passages);
    const evidence = collectNameEvidence(article.passages.map((passage) => passage.normalized));
    this.#nameEvidence.set(article.document, evidence);
    this.names.apply(evidence, 1);
  }

  /** Removes an article and its passages; unknown documents are ignored. */
  delete(document: string): void {
    const article = this.#articles.get(document);
    if (article === undefined) return;
    this.#knownDates = null;
    this.#overview = null;
    this.index.remove(article.passages);
    for (const passage of article.passages) this.#passages.delete(passage.id);
    const evidence = this.#nameEvidence.get(document);
    if (evidence !== undefined) this.names.apply(evidence, -1);
    this.#nameEvidence.delete(document);
    this.#articles.delete(document);
  }

  /** The article of a document name, if it is in the story. */
  article(document: string): Article | undefined {
    return this.#articles.get(document);
  }

  /** Every article, in document-name order. */
  articles(): Article[] {
    return [...this.#articles.values()].sort((a, b) => a.document.localeCompare(b.document));
  }

  /**
   * The article's publication date, YYYY-MM-DD: its own, or, when it states only a month and day, the year that puts
   * that day within a month of another article's full date in this story; null when neither is known.
   */
  dateOf(document: string): string | null {
    const article = this.#articles.get(document);
    if (article === undefined) return null;
    if (article.date !== null || article.monthDay === null) return article.date;
    this.#knownDates ??= [...this.#articles.values()].map((other) => other.date).filter((date): date is string => date !== null);
    const { month, day } = article.monthDay;
    const years = new Set<number>();
    for (const known of this.#knownDates) {
      const knownTime = Date.parse(known);
      const year = Number(known.slice(0, 4));
      for (const candidate of [year - 1, year, year + 1]) {
        if (Math.abs(Date.UTC(candidate, month - 1, day) - knownTime) <= 31 * 86_400_000) years.add(candidate);
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
    const dateOf = new Map(articles.map((article) => [article.document, this.dateOf(article.document)]));
    const dates = [...dateOf.values()].filter((date): date is string => date !== null).sort();
    const earliest = [...articles].sort((a, b) => (dateOf.get(a.document) ?? '9999').localeCompare(dateOf.get(b.document) ?? '9999'))[0];
    return {
      title: earliest?.title ?? 'this story',
      articles: articles.length,
      outlets,
      firstDate: dates[0] ?? null,
      lastDate: dates.at(-1) ?? null,
    };
  }
}
