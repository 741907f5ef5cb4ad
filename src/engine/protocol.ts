// The messages between the story engine's supervisor (the main thread) and its worker. Every message is plain
// structured-clonable data; the worker never blocks the main thread, and the main thread never reads the story.
import type { Digest } from '../digest/types.js';
import type { AskOptions } from '../service.js';
import type { AskResult, SourceSummary, StoryOverview } from '../types.js';

/** Hooks only tests set, honoured inside the worker. */
export type EngineTestHooks = {
  /** A question holding this text spins (for 60 s at most) instead of being answered, to test the deadline. */
  spinOnQuestion?: string;
  /** The worker waits this long before it opens the story, so tests can ask while it is still loading. */
  openingDelayMs?: number;
};

/** How the worker opens its story: once (the CLI), or following the folder (a running bot); its first message. */
export type EngineInit = {
  dir: string;
  /** DATA_DIR, where the story's index is saved and loaded from; null saves nothing. */
  cacheDir: string | null;
  /** Set to follow the folder: its watch and periodic rescan; null opens the story once. */
  follow: { watch: boolean; debounceMs?: number; rescanMs?: number } | null;
  /** Read every table a question may need before the story opens: set for a running bot and for a batch of questions. */
  preload: boolean;
  /** The supervisor's log level; the worker's log lines are sent to the supervisor to write. */
  logLevel: string;
  testHooks: EngineTestHooks;
};

/** What the supervisor asks of the story, one request at a time. */
export type EngineRequest =
  | { kind: 'ask'; question: string; options?: AskOptions }
  | { kind: 'sources' }
  | { kind: 'overview' }
  | {
      kind: 'digest';
      /** Times as milliseconds since the epoch. */
      now: number;
      since: number | null;
      timeZone: string;
      /** When each document was first seen, from the supervisor's store; a document left out counts as unknown. */
      firstSeen: Array<[document: string, at: number]>;
    };

/** The value each kind of request resolves with. */
export type EngineReplyValue = {
  ask: AskResult;
  sources: SourceSummary[];
  overview: StoryOverview;
  digest: Digest;
};

/** A request as sent to the worker, numbered so its reply can be told from a late one. */
export type EngineCommand = { id: number; request: EngineRequest };

/** A change the worker's folder watch applied, by document name. */
export type EngineChange = { added: string[]; changed: string[]; removed: string[] };

/** What the worker tells the supervisor. */
export type WorkerMessage =
  /** The story is open and answering; nothing is sent to the worker before this. */
  | { type: 'ready'; overview: StoryOverview }
  /** The story could not be opened; the worker stops. */
  | { type: 'failed'; reason: 'missing-folder' | 'no-articles'; message: string }
  | { type: 'reply'; id: number; ok: true; value: EngineReplyValue[EngineRequest['kind']] }
  /** The request threw: a programming error in the story code, reported with its message. */
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'changed'; change: EngineChange; overview: StoryOverview }
  /** Articles now in the folder, for the supervisor's article log; the supervisor's clock says when. */
  | { type: 'articles-present'; entries: Array<{ document: string; contentHash: string }> }
  | { type: 'articles-removed'; documents: string[] }
  /** One JSON log line of the worker's, for the supervisor's logger. */
  | { type: 'log'; line: string };
