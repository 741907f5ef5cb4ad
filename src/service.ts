import type { ConversationTurn } from './conversation/turn.js';
import type { AskResult, SourceSummary, StoryOverview } from './types.js';

/**
 * Options of one question, handed to the answerer as they are. They cross into the story engine's worker, so they
 * must be plain structured-clonable data (strings, numbers, dates, arrays, plain objects).
 */
export type AskOptions = {
  /** The conversation's recent turns, oldest first: a follow-up ("when?", "what did she say?") is read against them. */
  readonly conversation?: readonly ConversationTurn[];
};

/**
 * What every chat adapter needs from the story core: answers, the article list and what the story is. Asynchronous,
 * since the story is read in a supervised engine; `ask` never rejects for a bad question or a slow answer, which come
 * back as `{ ok: false, reason }`.
 */
export interface StoryService {
  /** Answers one question from the current coverage. */
  ask(question: string, options?: AskOptions): Promise<AskResult>;
  /** The story's articles, newest first. */
  sources(): Promise<SourceSummary[]>;
  /** The story's title, size and outlets. */
  overview(): Promise<StoryOverview>;
}

/** The same reads answered at once from a story held in this thread: what the engine's worker runs, and tests call. */
export interface StoryReader {
  /** Answers one question from the current coverage; never throws for a bad question. */
  ask(question: string, options?: AskOptions): AskResult;
  /** The story's articles, newest first. */
  sources(): SourceSummary[];
  /** The story's title, size and outlets. */
  overview(): StoryOverview;
}
