import type { Database } from 'better-sqlite3';

/** One step of the store's schema: the `user_version` it brings the database to, and the SQL that does it. */
export type Migration = { version: number; description: string; up(db: Database): void };

// Times are ISO 8601 strings in UTC (`2026-03-08T07:00:00.000Z`): readable in the sqlite3 shell, and they sort and
// compare correctly as text because every one has the same shape.
/** The store's schema, oldest first; each migration runs once, in a transaction, and sets `user_version`. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'articles first seen, digest posts, subscriptions',
    up(db) {
      db.exec(`
        CREATE TABLE articles (
          document TEXT PRIMARY KEY,
          content_hash TEXT NOT NULL,
          first_seen TEXT NOT NULL,
          last_seen TEXT NOT NULL,
          removed_at TEXT
        );
        CREATE TABLE digest_posts (
          channel TEXT NOT NULL,
          slot TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'gone', 'forbidden', 'failed', 'skipped', 'unknown')),
          claimed_at TEXT NOT NULL,
          claimed_by TEXT NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          composed_at TEXT,
          posted_at TEXT,
          message_id TEXT,
          detail TEXT,
          PRIMARY KEY (channel, slot)
        );
        CREATE INDEX digest_posts_by_state ON digest_posts (channel, state, slot);
        CREATE TABLE subscriptions (
          channel TEXT PRIMARY KEY,
          created_at TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 2,
    description: 'seen chat events, store facts',
    up(db) {
      db.exec(`
        CREATE TABLE seen_keys (
          key TEXT PRIMARY KEY,
          seen_at TEXT NOT NULL
        );
        CREATE INDEX seen_keys_by_time ON seen_keys (seen_at);
        CREATE TABLE meta (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 3,
    description: 'conversation turns',
    up(db) {
      db.exec(`
        CREATE TABLE conversation_turns (
          conversation TEXT NOT NULL,
          seq INTEGER NOT NULL,
          at TEXT NOT NULL,
          question TEXT NOT NULL,
          resolved TEXT NOT NULL,
          answer TEXT NOT NULL,
          short TEXT,
          kind TEXT NOT NULL,
          abstained INTEGER NOT NULL CHECK (abstained IN (0, 1)),
          cited TEXT NOT NULL,
          PRIMARY KEY (conversation, seq)
        );
        CREATE INDEX conversation_turns_by_time ON conversation_turns (at);
      `);
    },
  },
  {
    version: 4,
    description: "the bot's replies and their conversations",
    up(db) {
      db.exec(`
        CREATE TABLE bot_replies (
          message TEXT PRIMARY KEY,
          conversation TEXT NOT NULL,
          at TEXT NOT NULL
        );
        CREATE INDEX bot_replies_by_conversation ON bot_replies (conversation, at);
        CREATE INDEX bot_replies_by_time ON bot_replies (at);
      `);
    },
  },
];

/** The schema version this build of storybot writes. */
export const latestVersion = migrations.at(-1)?.version ?? 0;
