import type { DigestDesk } from '../../../src/digest/digest-desk.js';
import type { Log } from '../../../src/log.js';
import type { StoryService } from '../../../src/service.js';
import type { SeenEvents } from '../seen-events.js';

/** What every Slack listener is given: the story, the record of questions already handled, a logger and digests. */
export type ListenerDeps = {
  service: StoryService;
  seen: SeenEvents;
  /** The adapter's pino logger (already a child bound to `{ adapter: 'slack' }`). */
  log: Log;
  /** Digests for `/story digest`, `subscribe` and `unsubscribe`; absent when the bot runs without a store. */
  digests?: DigestDesk;
};
