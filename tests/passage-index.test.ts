// MiniSearch is imported here only as an oracle: the index's fast paths must leave and read the engine exactly as
// MiniSearch's own add and search do.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/generate-corpus.js';
import { createRandom } from '../bench/prng.js';
import { join } from 'node:path';
import { answerQuestion } from '../src/answer/answer-question.js';
import { parseArticle, readCorpus } from '../src/ingest/read-corpus.js';
import { PassageIndex, type PassageIndexSnapshot, type PassageSearchOptions } from '../src/search/passage-index.js';
import { stemWord, termsOf } from '../src/search/terms.js';
import { Story } from '../src/story.js';
import type { Article } from '../src/types.js';

function storyOf(sentences: number, seed: number): { story: Story; articles: Article[] } {
  const articles = generateCorpus({ sentences, seed }).articles.map((file) => {
    const parsed = parseArticle(file.name, Buffer.from(file.text, 'utf8'));
    if ('reason' in parsed) throw new Error(`generated article ${file.name} was skipped: ${parsed.reason}`);
    return parsed;
  });
  return { story: new Story(articles), articles };
}

// Queries as answers make them: a sentence's terms, or a few of them, with or without per-term boosts.
function queries(articles: readonly Article[], count: number, seed: number): Array<{ terms: string[]; options: PassageSearchOptions }> {
  const random = createRandom(seed);
  const passages = articles.flatMap((article) => article.passages);
  return Array.from({ length: count }, () => {
    let terms = termsOf(random.pick(passages).normalized);
    if (random.chance(0.5)) terms = terms.slice(0, random.int(1, 5));
    if (random.chance(0.2)) terms.push('zzunknownterm');
    const termWeights = random.chance(0.5) ? new Map(terms.map((term) => [term, random.pick([1, 0.45, 0.15, 0.0675])])) : undefined;
    return { terms, options: { limit: random.pick([1, 5, 20, 60, 500]), fuzzy: false, termWeights } };
  });
}

describe('PassageIndex.search', () => {
  it('returns exactly the hits, scores and order of MiniSearch’s own search', () => {
    const { story, articles } = storyOf(3000, 21);
    for (const { terms, options } of queries(articles, 300, 1)) {
      expect(story.index.search(terms, options)).toEqual(story.index.rawSearch(terms, options));
    }
  });

  it('still does after articles are replaced and removed', () => {
    const { story, articles } = storyOf(3000, 22);
    story.put(articles[3]!);
    story.delete(articles[5]!.document);
    story.put({ ...articles[8]!, passages: articles[8]!.passages.slice(0, 4) });
    for (const { terms, options } of queries(articles, 300, 2)) {
      expect(story.index.search(terms, options)).toEqual(story.index.rawSearch(terms, options));
    }
  });

  it('indexes passages as MiniSearch’s own add would, so its search scores them the same', () => {
    const { story, articles } = storyOf(1500, 23);
    const split = (text: string) => (text === '' ? [] : text.split(' '));
    const reference = new MiniSearch<{ id: string; terms: string }>({ fields: ['terms'], storeFields: [], tokenize: split, processTerm: (term) => term });
    for (const article of articles) for (const passage of article.passages) reference.add({ id: passage.id, terms: termsOf(passage.normalized).join(' ') });
    for (const { terms, options } of queries(articles, 200, 3)) {
      const expected = reference
        .search([...new Set(terms)].slice(0, 16).join(' '), {
          combineWith: 'OR',
          prefix: false,
          boostTerm: (term) => options.termWeights?.get(term) ?? 1,
          tokenize: split,
          processTerm: (term) => term,
        })
        .slice(0, options.limit)
        .map((result) => ({ id: result.id as string, score: result.score }));
      expect(story.index.search(terms, options).map((hit) => ({ id: hit.id, score: hit.score }))).toEqual(expected);
    }
  });
});

describe('PassageIndex snapshots', () => {
  it('restore an index that searches and corrects spellings exactly as the original', () => {
    const { story, articles } = storyOf(2000, 24);
    story.delete(articles[2]!.document);
    const restored = PassageIndex.fromJSON(JSON.parse(JSON.stringify(story.index.toJSON())) as PassageIndexSnapshot);
    expect(restored.size).toBe(story.index.size);
    expect(restored.toJSON()).toEqual(story.index.toJSON());
    for (const { terms, options } of queries(articles, 100, 4)) expect(restored.search(terms, options)).toEqual(story.index.search(terms, options));
    for (const word of ['Vukovic', 'Witkof', 'Rotterdma', 'negotiatons', 'Shevchenko']) expect(restored.correct(word)).toBe(story.index.correct(word));
  });

  it('restore a story that, changed before anything reads the whole index, still searches as MiniSearch and as the original changed alike', () => {
    const { story, articles } = storyOf(2000, 25);
    const restored = Story.fromSnapshot(JSON.parse(JSON.stringify(story.toSnapshot())) as ReturnType<Story['toSnapshot']>);
    const probes = queries(articles, 100, 5);
    // The restored engine reads a term's saved postings in only when a search or a change first touches it, so
    // searching first leaves most terms unread while the changes below reach read and unread ones alike.
    for (const { terms, options } of probes.slice(0, 20)) expect(restored.index.search(terms, options)).toEqual(story.index.search(terms, options));
    const late = generateCorpus({ sentences: 60, seed: 99 }).articles[0]!;
    const added = parseArticle('zz-late.txt', Buffer.from(late.text, 'utf8'));
    if ('reason' in added) throw new Error(`generated article was skipped: ${added.reason}`);
    for (const changed of [story, restored]) {
      changed.put(added);
      changed.put({ ...articles[8]!, passages: articles[8]!.passages.slice(0, 4) });
      changed.delete(articles[5]!.document);
      changed.put(articles[5]!);
    }
    for (const { terms, options } of probes) {
      expect(restored.index.search(terms, options)).toEqual(restored.index.rawSearch(terms, options));
      expect(restored.index.search(terms, options)).toEqual(story.index.search(terms, options));
      expect(restored.index.search(terms, { ...options, fuzzy: true })).toEqual(story.index.search(terms, { ...options, fuzzy: true }));
    }
    expect(restored.toSnapshot()).toEqual(story.toSnapshot());
  });

  it('restore a story whose headings are glued to their paragraphs exactly, so it answers as the story it was saved from', async () => {
    const corpus = await readCorpus(join(import.meta.dirname, 'fixtures/stories/bank-hack'));
    if (!corpus.ok) throw new Error(corpus.message);
    const story = new Story(corpus.articles);
    const glued = story.articles().flatMap((article) => article.passages).filter((passage) => passage.gluedHeading !== undefined);
    expect(glued.length).toBeGreaterThan(0);
    const restored = Story.fromSnapshot(JSON.parse(JSON.stringify(story.toSnapshot())) as ReturnType<Story['toSnapshot']>);
    for (const passage of glued) expect(restored.passage(passage.id)).toEqual(passage);
    expect(restored.toSnapshot()).toEqual(story.toSnapshot());
    // The count the glued heading's paragraph gives ("Arrests And ChargesTwo men arrested …") is read in both alike.
    const question = 'How many people have been arrested so far?';
    expect(answerQuestion(restored, question)).toEqual(answerQuestion(story, question));
  });

  it('refuse data of another shape with an error naming the index', () => {
    const snapshot = new PassageIndex().toJSON();
    expect(() => PassageIndex.fromJSON({ ...snapshot, engine: { format: 'something else' } })).toThrow('PassageIndex: the saved engine is not a passage index');
    expect(() => PassageIndex.fromJSON({ ...snapshot, words: 'nope' as unknown as [] })).toThrow('PassageIndex: saved words are not a list');
  });
});

describe('stemWord', () => {
  it('keeps words that name Object.prototype members as words', () => {
    expect(stemWord('constructor')).toBe('constructor');
    expect(termsOf('The constructor said the __proto__ was fine').every((term) => typeof term === 'string')).toBe(true);
  });
});

describe('PassageIndex.correct', () => {
  const index = new PassageIndex();
  index.add(
    ['The talks in Miami were intended to narrow the gaps, said envoy Okafor.', 'Negotiations resumed on Saturday.'].map((text, position) => ({
      id: `a.txt#${position}`,
      normalized: text,
    })),
  );

  it('respells a misspelt word as the story prints it', () => {
    expect(index.correct('maimi')).toBe(stemWord('miami'));
    expect(index.correct('Okafur')).toBe(stemWord('okafor'));
    expect(index.correct('negotations')).toBe(stemWord('negotiations'));
  });

  it('leaves a real word alone when the nearest word of the story starts with another letter', () => {
    expect(index.correct('attended')).toBeNull();
  });
});
