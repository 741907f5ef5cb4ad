import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createMemoryConversationLog, type ConversationLog, type ConversationLogOptions } from '../src/conversation/conversation-log.js';
import type { ConversationTurn } from '../src/conversation/turn.js';
import { createSqliteConversationLog } from '../src/store/sqlite-conversation-log.js';
import { storeFileName } from '../src/store/open-store.js';
import { useTempStores } from './helpers/temp-stores.js';

const { tempDir, open, migratedDatabase } = useTempStores('storybot-conversations-');

const hour = 3_600_000;
const start = new Date('2031-06-01T09:00:00.000Z');
const later = (ms: number) => new Date(start.getTime() + ms);

function turn(question: string, at: Date, cited: string[] = ['a.txt#0']): ConversationTurn {
  return { question, resolved: `${question} (resolved)`, answer: `Answer to ${question} [1]`, short: null, kind: 'other', abstained: false, cited, at };
}

// One contract, every implementation: the memory log of the CLI's batch mode and the store's SQLite log.
const implementations: Array<{ name: string; create(options?: ConversationLogOptions): ConversationLog }> = [
  { name: 'memory', create: (options) => createMemoryConversationLog(options) },
  {
    name: 'sqlite',
    create(options) {
      return createSqliteConversationLog(migratedDatabase(), options);
    },
  },
];

for (const implementation of implementations) {
  describe(`ConversationLog (${implementation.name})`, () => {
    it('returns a conversation\'s turns oldest first, exactly as appended, and nothing for an unknown one', () => {
      const log = implementation.create();
      const first = { ...turn('who met?', start, ['a.txt#1', 'b.txt#4']), short: 'Jane Doe', kind: 'person' as const };
      const second = { ...turn('when?', later(60_000)), abstained: true, cited: [] };
      log.append('thread-1', first);
      log.append('thread-1', second);
      expect(log.turns('thread-1', later(120_000))).toEqual([first, second]);
      expect(log.turns('thread-2', later(120_000))).toEqual([]);
    });

    it('keeps two conversations apart', () => {
      const log = implementation.create();
      log.append('slack:C1:1700000000.0001', turn('who met?', start));
      log.append('slack:C1:1700000000.0002', turn('where?', start));
      expect(log.turns('slack:C1:1700000000.0001', later(1000)).map((entry) => entry.question)).toEqual(['who met?']);
      expect(log.turns('slack:C1:1700000000.0002', later(1000)).map((entry) => entry.question)).toEqual(['where?']);
    });

    it('keeps only the most recent turns of a long conversation', () => {
      const log = implementation.create({ maxTurns: 3 });
      for (let i = 1; i <= 5; i++) log.append('c', turn(`question ${i}`, later(i * 1000)));
      expect(log.turns('c', later(10_000)).map((entry) => entry.question)).toEqual(['question 3', 'question 4', 'question 5']);
    });

    it('forgets turns older than the time to live, so an idle conversation starts afresh', () => {
      const log = implementation.create({ ttlMs: 24 * hour });
      log.append('c', turn('who met?', start));
      expect(log.turns('c', later(23 * hour))).toHaveLength(1);
      expect(log.turns('c', later(24 * hour))).toEqual([]);
      log.append('c', turn('when?', later(25 * hour)));
      expect(log.turns('c', later(25 * hour)).map((entry) => entry.question)).toEqual(['when?']);
    });

    it('forgets one conversation on reset and leaves the others', () => {
      const log = implementation.create();
      log.append('a', turn('who met?', start));
      log.append('b', turn('where?', start));
      log.reset('a');
      expect(log.turns('a', later(1000))).toEqual([]);
      expect(log.turns('b', later(1000))).toHaveLength(1);
    });

    it('hands out copies, so a caller changing a turn does not change the log', () => {
      const log = implementation.create();
      log.append('c', turn('who met?', start));
      log.turns('c', later(1000))[0]!.cited.push('z.txt#9');
      expect(log.turns('c', later(1000))[0]!.cited).toEqual(['a.txt#0']);
    });
  });
}

describe('the store\'s conversations', () => {
  it('keeps a conversation across a restart (the database closed and opened again)', () => {
    const dir = tempDir();
    const first = open(dir);
    first.conversations.append('discord:123456789012345678', turn('who met?', start, ['a.txt#2']));
    first.close();
    const second = open(dir);
    expect(second.conversations.turns('discord:123456789012345678', later(hour))).toEqual([turn('who met?', start, ['a.txt#2'])]);
  });

  it('has forgotten an expired conversation after a restart, and deletes its rows once another turn is recorded', () => {
    const dir = tempDir();
    const first = open(dir, 2 * hour);
    first.conversations.append('old', turn('who met?', start));
    first.close();
    const second = open(dir, 2 * hour);
    expect(second.conversations.turns('old', later(3 * hour))).toEqual([]);
    second.conversations.append('new', turn('where?', later(3 * hour)));
    const db = new Database(join(dir, storeFileName), { readonly: true });
    const rows = db.prepare('SELECT conversation FROM conversation_turns').all() as Array<{ conversation: string }>;
    db.close();
    expect(rows).toEqual([{ conversation: 'new' }]);
  });
});
