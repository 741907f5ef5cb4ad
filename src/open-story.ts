import { answerQuestion } from './answer/answer-question.js';
import { readCorpus } from './ingest/read-corpus.js';
import { silentLog, type Log } from './log.js';
import type { StoryService } from './service.js';
import { Story } from './story.js';

/** A story service over a corpus folder, or why the folder could not be opened. */
export type OpenStoryResult =
  | { ok: true; service: StoryService; story: Story }
  | { ok: false; reason: 'missing-folder' | 'no-articles'; message: string };

/** Wraps a story in the service every adapter talks to. */
export function createStoryService(story: Story): StoryService {
  return {
    ask: (question) => answerQuestion(story, question),
    sources: () => story.sources(),
    overview: () => story.overview(),
  };
}

/** Reads a corpus folder, indexes it and returns the service that answers from it. */
export async function openStory(options: { dir: string; log?: Log }): Promise<OpenStoryResult> {
  const log = options.log ?? silentLog;
  const corpus = await readCorpus(options.dir, { log });
  if (!corpus.ok) return corpus;
  const story = new Story(corpus.articles);
  log.debug({ articles: corpus.articles.length, passages: story.passageCount, skipped: corpus.skipped.length }, 'story indexed');
  return { ok: true, service: createStoryService(story), story };
}
