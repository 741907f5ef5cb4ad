import type { ConversationTurn } from './turn.js';

/** How many turns a conversation keeps by default: a follow-up is read against the last few only. */
export const defaultMaxTurns = 8;

/** How long a turn is remembered by default, in hours: a conversation idle that long starts afresh. */
export const defaultConversationTtlHours = 24;

/** The recent turns of each conversation (a thread, a DM, a console session), by conversation id. */
export interface ConversationLog {
  /** The conversation's recent turns asked within the time to live before `at`, oldest first; empty for an unknown or expired one. */
  turns(id: string, at: Date): ConversationTurn[];
  /** Adds a turn, keeping only the most recent few per conversation, and forgets turns expired by the turn's time. */
  append(id: string, turn: ConversationTurn): void;
  /** Forgets one conversation ("start over"). */
  reset(id: string): void;
}

/** Options for a conversation log. */
export type ConversationLogOptions = {
  /** How long a turn is remembered, in milliseconds; defaults to 24 hours. */
  ttlMs?: number;
  /** The most turns kept per conversation; defaults to {@link defaultMaxTurns}. */
  maxTurns?: number;
};

/** A conversation log in memory, for one process's lifetime (the CLI's batch mode). */
export function createMemoryConversationLog({ ttlMs = defaultConversationTtlHours * 3_600_000, maxTurns = defaultMaxTurns }: ConversationLogOptions = {}): ConversationLog {
  const conversations = new Map<string, ConversationTurn[]>();
  const live = (turns: readonly ConversationTurn[], at: Date) => turns.filter((turn) => turn.at.getTime() > at.getTime() - ttlMs);
  // Expired conversations are swept at most once a minute of turn time, so a batch of many conversations stays linear.
  let sweptAt = Number.NEGATIVE_INFINITY;
  return {
    turns(id, at) {
      return live(conversations.get(id) ?? [], at).map((turn) => ({ ...turn, cited: [...turn.cited] }));
    },
    append(id, turn) {
      if (turn.at.getTime() - sweptAt >= 60_000) {
        sweptAt = turn.at.getTime();
        for (const [other, turns] of conversations) {
          const kept = live(turns, turn.at);
          if (kept.length === 0) conversations.delete(other);
          else conversations.set(other, kept);
        }
      }
      const turns = conversations.get(id) ?? [];
      turns.push({ ...turn, cited: [...turn.cited] });
      conversations.set(id, turns.slice(-maxTurns));
    },
    reset(id) {
      conversations.delete(id);
    },
  };
}
