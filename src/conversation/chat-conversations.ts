import type { StoryService } from '../service.js';
import { createMemoryConversationLog, type ConversationLog } from './conversation-log.js';
import { askInConversation, asksForNewConversation, startOverText, type ConversationReply } from './converse.js';
import { createMemoryReplyLog, type ReplyLog } from './reply-log.js';

/** Where a chat adapter keeps its conversations: each one's recent turns, the bot's replies, and the current time. */
export type ChatConversations = {
  /** The recent turns of each conversation, by conversation id. */
  turns: ConversationLog;
  /** Which conversation each of the bot's messages belongs to. */
  replies: ReplyLog;
  /** The current time, for the time to live of both. */
  now(): Date;
};

/** Options for {@link createMemoryChatConversations}. */
export type MemoryChatConversationsOptions = {
  /** How long turns and replies are remembered, in milliseconds; defaults to 24 hours. */
  ttlMs?: number;
  /** The current time; defaults to the system's. */
  now?: () => Date;
};

/** Conversations held in memory, for a bot run without a store: they last as long as the process. */
export function createMemoryChatConversations({ ttlMs, now = () => new Date() }: MemoryChatConversationsOptions = {}): ChatConversations {
  const options = ttlMs === undefined ? {} : { ttlMs };
  return { turns: createMemoryConversationLog(options), replies: createMemoryReplyLog(options), now };
}

/**
 * Answers a chat message in a conversation: "new" or "start over" forgets the conversation; anything else is asked
 * with the conversation's recent turns and recorded as its newest turn.
 */
export async function replyInConversation(service: StoryService, conversations: ChatConversations, conversation: string, text: string): Promise<ConversationReply> {
  if (asksForNewConversation(text)) {
    conversations.turns.reset(conversation);
    return { reset: true, message: startOverText };
  }
  return askInConversation(service, conversations.turns, conversation, text, conversations.now());
}
