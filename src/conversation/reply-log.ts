import { defaultConversationTtlHours } from './conversation-log.js';

/**
 * The bot's replies in chat, each by its message key (a platform-qualified message id), with the conversation it
 * belongs to: so a reply to one of the bot's messages continues that conversation, and a thread the bot has answered
 * in can be told from one it has not, across restarts. Records older than the time to live are forgotten.
 */
export interface ReplyLog {
  /** Records that the bot's message `message` was posted in `conversation` at `at`. */
  record(message: string, conversation: string, at: Date): void;
  /** The conversation the bot's message belongs to, or null for a message it does not know or has forgotten. */
  conversationOf(message: string, at: Date): string | null;
  /** Whether the bot has posted in the conversation within the time to live before `at`. */
  hasReplied(conversation: string, at: Date): boolean;
}

/** Options for a reply log. */
export type ReplyLogOptions = {
  /** How long a reply is remembered, in milliseconds; defaults to 24 hours, like the conversation's turns. */
  ttlMs?: number;
};

/** A reply log in memory, for one process's lifetime (a bot run without a store, and tests). */
export function createMemoryReplyLog({ ttlMs = defaultConversationTtlHours * 3_600_000 }: ReplyLogOptions = {}): ReplyLog {
  const replies = new Map<string, { conversation: string; at: number }>();
  const live = (at: number, now: Date) => at > now.getTime() - ttlMs;
  return {
    record(message, conversation, at) {
      // Expired replies are dropped as new ones arrive, so the map holds at most a time to live's worth.
      for (const [key, reply] of replies) if (!live(reply.at, at)) replies.delete(key);
      replies.set(message, { conversation, at: at.getTime() });
    },
    conversationOf(message, at) {
      const reply = replies.get(message);
      return reply !== undefined && live(reply.at, at) ? reply.conversation : null;
    },
    hasReplied(conversation, at) {
      for (const reply of replies.values()) if (reply.conversation === conversation && live(reply.at, at)) return true;
      return false;
    },
  };
}
