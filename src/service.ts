import type { AskResult, SourceSummary, StoryOverview } from './types.js';

/** What every chat adapter needs from the story core: answers, the article list and what the story is. */
export interface StoryService {
  /** Answers one question from the current coverage; never throws for a bad question. */
  ask(question: string): AskResult;
  /** The story's articles, newest first. */
  sources(): SourceSummary[];
  /** The story's title, size and outlets. */
  overview(): StoryOverview;
}
