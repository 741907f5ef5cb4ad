import type { Database } from 'better-sqlite3';
import { defaultConversationTtlHours, defaultMaxTurns, type ConversationLog, type ConversationLogOptions } from '../conversation/conversation-log.js';
import type { ConversationTurn } from '../conversation/turn.js';
import type { QuestionKind } from '../types.js';

type Row = {
  at: string;
  question: string;
  resolved: string;
  answer: string;
  short: string | null;
  kind: QuestionKind;
  abstained: number;
  cited: string;
};

/**
 * The conversation log over the store's `conversation_turns` table: the last few turns of each conversation, kept
 * across restarts; turns older than the time to live are deleted as new ones arrive and never read.
 */
export function createSqliteConversationLog(db: Database, { ttlMs = defaultConversationTtlHours * 3_600_000, maxTurns = defaultMaxTurns }: ConversationLogOptions = {}): ConversationLog {
  const select = db.prepare<[string, string, number], Row>(
    `SELECT at, question, resolved, answer, short, kind, abstained, cited FROM (
       SELECT * FROM conversation_turns WHERE conversation = ? AND at > ? ORDER BY seq DESC LIMIT ?
     ) ORDER BY seq`,
  );
  const insert = db.prepare<[string, string, string, string, string, string, string | null, string, number, string]>(
    `INSERT INTO conversation_turns (conversation, seq, at, question, resolved, answer, short, kind, abstained, cited)
     VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM conversation_turns WHERE conversation = ?), ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const trim = db.prepare<[string, string, number]>(
    `DELETE FROM conversation_turns WHERE conversation = ? AND seq <= (SELECT max(seq) FROM conversation_turns WHERE conversation = ?) - ?`,
  );
  const expire = db.prepare<[string]>('DELETE FROM conversation_turns WHERE at <= ?');
  const remove = db.prepare<[string]>('DELETE FROM conversation_turns WHERE conversation = ?');
  const cutoff = (at: Date) => new Date(at.getTime() - ttlMs).toISOString();

  const append = db.transaction((id: string, turn: ConversationTurn) => {
    expire.run(cutoff(turn.at));
    insert.run(id, id, turn.at.toISOString(), turn.question, turn.resolved, turn.answer, turn.short, turn.kind, turn.abstained ? 1 : 0, JSON.stringify(turn.cited));
    trim.run(id, id, maxTurns);
  });

  return {
    turns: (id, at) => select.all(id, cutoff(at), maxTurns).map(toTurn),
    append: (id, turn) => append.immediate(id, turn),
    reset(id) {
      remove.run(id);
    },
  };
}

function toTurn(row: Row): ConversationTurn {
  const cited: unknown = JSON.parse(row.cited);
  return {
    question: row.question,
    resolved: row.resolved,
    answer: row.answer,
    short: row.short,
    kind: row.kind,
    abstained: row.abstained === 1,
    cited: Array.isArray(cited) ? cited.filter((id): id is string => typeof id === 'string') : [],
    at: new Date(row.at),
  };
}
