import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { ConversationLog } from '../conversation/conversation-log.js';
import type { ReplyLog } from '../conversation/reply-log.js';
import type { DeliveryLog, SubscriptionList } from '../digest/types.js';
import type { ArticleLog } from '../live-story.js';
import { latestVersion, migrations } from './migrations.js';
import { createSqliteArticleLog } from './sqlite-article-log.js';
import { createSqliteConversationLog } from './sqlite-conversation-log.js';
import { createSqliteDeliveryLog } from './sqlite-delivery-log.js';
import { createSqliteReplyLog } from './sqlite-reply-log.js';
import { createSqliteSeenKeys, type SeenKeys } from './sqlite-seen-keys.js';
import { createSqliteSubscriptions } from './sqlite-subscriptions.js';

/** The database file's name inside DATA_DIR. */
export const storeFileName = 'storybot.db';

/** Storybot's durable state: one SQLite database holding every record that must survive a restart. */
export type Store = {
  /** The database file's absolute path. */
  readonly path: string;
  /** When each article was first seen, last seen and removed. */
  readonly articles: ArticleLog;
  /** Which digest went to which channel for which slot, and how it ended. */
  readonly deliveries: DeliveryLog & {
    /** When a schedule (named by its key) first ran against this store; slots before it were never due. */
    scheduleStartedAt(scheduleKey: string, at: Date): Date;
  };
  /** The channels that opted in to digests. */
  readonly subscriptions: SubscriptionList;
  /** Chat events already handled (Slack retries). */
  readonly seenKeys: SeenKeys;
  /** The recent turns of each conversation (a thread, a DM), so a restart does not forget what was asked. */
  readonly conversations: ConversationLog;
  /** Which conversation each of the bot's chat messages belongs to, so replies to it and its threads continue it. */
  readonly replies: ReplyLog;
  /** Closes the database; the store must not be used afterwards. */
  close(): void;
};

/** Why the store could not be opened; each message names the database file. */
export type StoreProblem = 'unwritable' | 'corrupt' | 'newer-schema' | 'outdated' | 'missing';

/** An open store, or why there is none. */
export type OpenStoreResult = { ok: true; store: Store } | { ok: false; reason: StoreProblem; message: string };

/** Options for {@link openStore}. */
export type OpenStoreOptions = {
  /** The data folder (DATA_DIR); created when missing unless `readOnly`. */
  dir: string;
  /** Opens an existing database for reading only (no folder, file or migration is created); defaults to false. */
  readOnly?: boolean;
  /** How long a write waits for another process's lock, in milliseconds; defaults to 5,000. */
  busyTimeoutMs?: number;
  /** How long a conversation's turns and the bot's replies are kept, in milliseconds (CONVERSATION_TTL_HOURS); defaults to 24 hours. */
  conversationTtlMs?: number;
};

/**
 * Opens (creating and migrating as needed) the SQLite store at `<dir>/storybot.db`, in WAL mode with a busy timeout.
 * A folder or file that cannot be written, a file that is not a storybot database, or one from a newer storybot is
 * an error value naming the path; nothing is ever deleted or overwritten to make the store open.
 */
export function openStore(options: OpenStoreOptions): OpenStoreResult {
  const readOnly = options.readOnly ?? false;
  const dir = resolve(options.dir);
  const path = join(dir, storeFileName);
  if (readOnly && !existsSync(path)) return { ok: false, reason: 'missing', message: `storybot: there is no store at ${path}` };
  if (!readOnly) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      return { ok: false, reason: 'unwritable', message: `storybot: cannot create the data folder ${dir} (${codeOf(error)}); check DATA_DIR` };
    }
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: readOnly, fileMustExist: readOnly, timeout: options.busyTimeoutMs ?? 5000 });
  } catch (error) {
    return failure(path, error);
  }
  try {
    if (!readOnly) {
      db.pragma('journal_mode = WAL');
      // FULL makes each claim durable before the post it guards goes out, even across a power cut.
      db.pragma('synchronous = FULL');
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      db.close();
      return { ok: false, reason: 'corrupt', message: `storybot: the store at ${path} is damaged (${String(check)}); move it aside or restore a backup` };
    }
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > latestVersion) {
      db.close();
      return {
        ok: false,
        reason: 'newer-schema',
        message: `storybot: the store at ${path} has schema version ${version}, newer than this storybot's ${latestVersion}; upgrade storybot`,
      };
    }
    if (readOnly && version < latestVersion) {
      db.close();
      return {
        ok: false,
        reason: version === 0 ? 'missing' : 'outdated',
        message: `storybot: the store at ${path} has schema version ${version}; start storybot once to upgrade it to ${latestVersion}`,
      };
    }
    if (!readOnly) {
      migrate(db, version);
      // A write now, so a store that opens but cannot be written fails at start, not at the first digest.
      db.prepare("INSERT INTO meta (key, value) VALUES ('opened_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
        new Date().toISOString(),
      );
    }
  } catch (error) {
    if (db.open) db.close();
    return failure(path, error);
  }
  const ttl = options.conversationTtlMs === undefined ? {} : { ttlMs: options.conversationTtlMs };
  return {
    ok: true,
    store: {
      path,
      articles: createSqliteArticleLog(db),
      deliveries: createSqliteDeliveryLog(db),
      subscriptions: createSqliteSubscriptions(db),
      seenKeys: createSqliteSeenKeys(db),
      conversations: createSqliteConversationLog(db, ttl),
      replies: createSqliteReplyLog(db, ttl),
      close: () => {
        if (db.open) db.close();
      },
    },
  };
}

function migrate(db: Database.Database, from: number): void {
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

function failure(path: string, error: unknown): OpenStoreResult {
  const code = codeOf(error);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return { ok: false, reason: 'corrupt', message: `storybot: ${path} is not a readable storybot database (${code}); move it aside or restore a backup` };
  }
  return {
    ok: false,
    reason: 'unwritable',
    message: `storybot: cannot open the store at ${path} for writing (${code}); check that DATA_DIR is a writable folder`,
  };
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
