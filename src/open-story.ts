import { answerQuestion } from './answer/answer-question.js';
import { readCorpus } from './ingest/read-corpus.js';
import { silentLog, type Log } from './log.js';
import { loadCachedStory, saveCachedStory, type CorpusKey } from './search/index-cache.js';
import type { StoryService } from './service.js';
import { Story } from './story.js';

/** A story service over a corpus folder, or why the folder could not be opened. */
export type OpenStoryResult =
  | { ok: true; service: StoryService; story: Story }
  | { ok: false; reason: 'missing-folder' | 'no-articles'; message: string };

/** Wraps a story in the service every adapter talks to. */
export function createStoryService(story: Story): StoryService {
  return {
    ask: (question, conversation) => answerQuestion(story, question, { conversation }),
    sources: () => story.sources(),
    overview: () => story.overview(),
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

/** Reads a corpus folder, indexes it (or loads its saved index) and returns the service that answers from it. */
export async function openStory(options: OpenStoryOptions): Promise<OpenStoryResult> {
  const log = options.log ?? silentLog;
  const cache = options.cacheDir === undefined ? null : { cacheDir: options.cacheDir, log };
  let saveUnder: CorpusKey | null = null;
  if (cache !== null) {
    const lookup = await loadCachedStory(options.dir, cache);
    if (lookup.story !== null) {
      for (const file of lookup.skipped) log.warn({ document: file.document, reason: file.reason }, 'skipped an article file');
      log.debug({ passages: lookup.story.passageCount }, 'story loaded from its saved index');
      return { ok: true, service: createStoryService(lookup.story), story: lookup.story };
    }
    saveUnder = lookup.corpus;
  }
  const corpus = await readCorpus(options.dir, { log });
  if (!corpus.ok) return corpus;
  const story = new Story(corpus.articles);
  log.debug({ articles: corpus.articles.length, passages: story.passageCount, skipped: corpus.skipped.length }, 'story indexed');
  if (cache !== null && saveUnder !== null) await saveCachedStory(options.dir, saveUnder, story, corpus.skipped, cache);
  return { ok: true, service: createStoryService(story), story };
}
