import type { Database } from 'better-sqlite3';
import { defaultConversationTtlHours } from '../conversation/conversation-log.js';
import type { ReplyLog, ReplyLogOptions } from '../conversation/reply-log.js';

/**
 * The reply log over the store's `bot_replies` table: which conversation each of the bot's messages belongs to, kept
 * across restarts; replies older than the time to live are deleted as new ones arrive and never read.
 */
export function createSqliteReplyLog(db: Database, { ttlMs = defaultConversationTtlHours * 3_600_000 }: ReplyLogOptions = {}): ReplyLog {
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO bot_replies (message, conversation, at) VALUES (?, ?, ?)
     ON CONFLICT (message) DO UPDATE SET conversation = excluded.conversation, at = excluded.at`,
  );
  const expire = db.prepare<[string]>('DELETE FROM bot_replies WHERE at <= ?');
  const conversationOf = db.prepare<[string, string], { conversation: string }>('SELECT conversation FROM bot_replies WHERE message = ? AND at > ?');
  const replied = db.prepare<[string, string], { found: number }>('SELECT 1 AS found FROM bot_replies WHERE conversation = ? AND at > ? LIMIT 1');
  const cutoff = (at: Date) => new Date(at.getTime() - ttlMs).toISOString();

  const record = db.transaction((message: string, conversation: string, at: Date) => {
    expire.run(cutoff(at));
    upsert.run(message, conversation, at.toISOString());
  });

  return {
    record: (message, conversation, at) => record.immediate(message, conversation, at),
    conversationOf: (message, at) => conversationOf.get(message, cutoff(at))?.conversation ?? null,
    hasReplied: (conversation, at) => replied.get(conversation, cutoff(at)) !== undefined,
  };
}
