import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createMemoryReplyLog, type ReplyLog, type ReplyLogOptions } from '../src/conversation/reply-log.js';
import { createSqliteReplyLog } from '../src/store/sqlite-reply-log.js';
import { storeFileName } from '../src/store/open-store.js';
import { useTempStores } from './helpers/temp-stores.js';

const { tempDir, open, migratedDatabase } = useTempStores('storybot-replies-');

const hour = 3_600_000;
const start = new Date('2031-06-01T09:00:00.000Z');
const later = (ms: number) => new Date(start.getTime() + ms);

// One contract, every implementation: the memory log of a bot without a store, and the store's SQLite log.
const implementations: Array<{ name: string; create(options?: ReplyLogOptions): ReplyLog }> = [
  { name: 'memory', create: (options) => createMemoryReplyLog(options) },
  {
    name: 'sqlite',
    create(options) {
      return createSqliteReplyLog(migratedDatabase(), options);
    },
  },
];

for (const implementation of implementations) {
  describe(`ReplyLog (${implementation.name})`, () => {
    it("finds the conversation of a recorded reply, and nothing for a message it never recorded", () => {
      const log = implementation.create();
      log.record('discord:1300000000000000001', 'discord:thread:1300000000000000000', start);
      expect(log.conversationOf('discord:1300000000000000001', later(1000))).toBe('discord:thread:1300000000000000000');
      expect(log.conversationOf('discord:1300000000000000002', later(1000))).toBeNull();
    });

    it('says the bot has replied in a conversation it posted in, and not in another', () => {
      const log = implementation.create();
      log.record('slack:C1:1700000000.000002', 'slack:C1:1700000000.000001', start);
      expect(log.hasReplied('slack:C1:1700000000.000001', later(1000))).toBe(true);
      expect(log.hasReplied('slack:C1:1700000000.000009', later(1000))).toBe(false);
    });

    it('forgets replies older than the time to live, so a thread idle that long is no longer followed', () => {
      const log = implementation.create({ ttlMs: 24 * hour });
      log.record('m1', 'c1', start);
      expect(log.hasReplied('c1', later(23 * hour))).toBe(true);
      expect(log.hasReplied('c1', later(24 * hour))).toBe(false);
      expect(log.conversationOf('m1', later(24 * hour))).toBeNull();
      log.record('m2', 'c1', later(25 * hour));
      expect(log.hasReplied('c1', later(25 * hour))).toBe(true);
      expect(log.conversationOf('m1', later(25 * hour))).toBeNull();
    });

    it('moves a message recorded again to its newer conversation', () => {
      const log = implementation.create();
      log.record('m1', 'c1', start);
      log.record('m1', 'c2', later(1000));
      expect(log.conversationOf('m1', later(2000))).toBe('c2');
    });
  });
}

describe("the store's replies", () => {
  it('keeps which conversation a reply belongs to across a restart (the database closed and opened again)', () => {
    const dir = tempDir();
    const first = open(dir);
    first.replies.record('discord:1300000000000000001', 'discord:message:1300000000000000000', start);
    first.close();
    const second = open(dir);
    expect(second.replies.conversationOf('discord:1300000000000000001', later(hour))).toBe('discord:message:1300000000000000000');
    expect(second.replies.hasReplied('discord:message:1300000000000000000', later(hour))).toBe(true);
  });

  it('deletes expired replies once another is recorded', () => {
    const dir = tempDir();
    const store = open(dir, 2 * hour);
    store.replies.record('old', 'c-old', start);
    store.replies.record('new', 'c-new', later(3 * hour));
    const db = new Database(join(dir, storeFileName), { readonly: true });
    const rows = db.prepare('SELECT message FROM bot_replies').all() as Array<{ message: string }>;
    db.close();
    expect(rows).toEqual([{ message: 'new' }]);
  });
});
