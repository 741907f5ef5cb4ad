import { answerQuestion } from './answer/answer-question.js';
import { readCorpus } from './ingest/read-corpus.js';
import { silentLog, type Log } from './log.js';
import { loadCachedStory, saveCachedStory, type CorpusKey } from './search/index-cache.js';
import type { StoryReader, StoryService } from './service.js';
import { Story } from './story.js';

/** A reader of a corpus folder's story, or why the folder could not be opened. */
export type OpenStoryResult =
  | { ok: true; service: StoryReader; story: Story }
  | { ok: false; reason: 'missing-folder' | 'no-articles'; message: string };

/** Reads a story in this thread: answers, sources and overview, each at once. */
export function createStoryReader(story: Story): StoryReader {
  return {
    ask: (question, options) => answerQuestion(story, question, { conversation: options?.conversation }),
    sources: () => story.sources(),
    overview: () => story.overview(),
  };
}

/**
 * Serves a reader to adapters in this thread, without a deadline: for tools and tests that need no supervision.
 * A running bot serves its story from the supervised engine instead (src/engine/story-engine.ts).
 */
export function serveInThread(reader: StoryReader): StoryService {
  return {
    ask: async (question, options) => reader.ask(question, options),
    sources: async () => reader.sources(),
    overview: async () => reader.overview(),
  };
}

/** Options for {@link openStory}. */
export type OpenStoryOptions = {
  /** The corpus folder of .txt and .md articles. */
  dir: string;
  log?: Log;
  /**
   * A folder for the saved index (DATA_DIR): when set, a story whose article files, format and indexing code are
   * unchanged starts from its saved index instead of being read and indexed again, and a rebuilt one is saved.
   */
  cacheDir?: string;
};

/** Reads a corpus folder, indexes it (or loads its saved index) and returns the reader that answers from it. */
export async function openStory(options: OpenStoryOptions): Promise<OpenStoryResult> {
  const log = options.log ?? silentLog;
  const cache = options.cacheDir === undefined ? null : { cacheDir: options.cacheDir, log };
  let saveUnder: CorpusKey | null = null;
  if (cache !== null) {
    const lookup = await loadCachedStory(options.dir, cache);
    if (lookup.story !== null) {
      for (const file of lookup.skipped) log.warn({ document: file.document, reason: file.reason }, 'skipped an article file');
      log.debug({ passages: lookup.story.passageCount }, 'story loaded from its saved index');
      return { ok: true, service: createStoryReader(lookup.story), story: lookup.story };
    }
    saveUnder = lookup.corpus;
  }
  const corpus = await readCorpus(options.dir, { log });
  if (!corpus.ok) return corpus;
  const story = new Story(corpus.articles);
  log.debug({ articles: corpus.articles.length, passages: story.passageCount, skipped: corpus.skipped.length }, 'story indexed');
  if (cache !== null && saveUnder !== null) await saveCachedStory(options.dir, saveUnder, story, corpus.skipped, cache);
  return { ok: true, service: createStoryReader(story), story };
}
