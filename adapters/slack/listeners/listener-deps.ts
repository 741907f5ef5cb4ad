import type { ChatConversations } from '../../../src/conversation/chat-conversations.js';
import type { DigestDesk } from '../../../src/digest/digest-desk.js';
import type { Log } from '../../../src/log.js';
import type { StoryService } from '../../../src/service.js';
import type { SeenEvents } from '../seen-events.js';

/** What every Slack listener is given: the story, its conversations, the record of questions already handled, a logger and digests. */
export type ListenerDeps = {
  service: StoryService;
  /** Each thread's and DM's recent turns, and the bot's answers (which threads it has answered in). */
  conversations: ChatConversations;
  seen: SeenEvents;
  /** The adapter's pino logger (already a child bound to `{ adapter: 'slack' }`). */
  log: Log;
  /** Digests for `/story digest`, `subscribe` and `unsubscribe`; absent when the bot runs without a store. */
  digests?: DigestDesk;
};
