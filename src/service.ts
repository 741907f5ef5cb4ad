import type { ConversationTurn } from './conversation/turn.js';
import type { AskResult, SourceSummary, StoryOverview } from './types.js';

/** What every chat adapter needs from the story core: answers, the article list and what the story is. */
export interface StoryService {
  /**
   * Answers one question from the current coverage; never throws for a bad question. With a conversation's recent
   * turns (oldest first), a follow-up ("when?", "what did she say?") is read against them.
   */
  ask(question: string, conversation?: readonly ConversationTurn[]): AskResult;
  /** The story's articles, newest first. */
  sources(): SourceSummary[];
  /** The story's title, size and outlets. */
  overview(): StoryOverview;
}
