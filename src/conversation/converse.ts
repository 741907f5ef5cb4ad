import type { StoryService } from '../service.js';
import type { AskResult } from '../types.js';
import type { ConversationLog } from './conversation-log.js';
import { asksToStartOver } from './resolve-follow-up.js';
import { turnOf } from './turn.js';

/** What a chat shows after "start over". */
export const startOverText = 'Starting over: ask me anything about the story.';

/**
 * Whether a chat message asks for a new conversation: "start over" and its kin, or the console's command `/new` (or
 * a bare "new") typed as a message, which is all a chat platform without that command can offer.
 */
export function asksForNewConversation(text: string): boolean {
  return /^\/?new[.!]?$/i.test(text.trim()) || asksToStartOver(text);
}

/** The outcome of a message in a conversation: an answer (or a refused question), or the conversation started over. */
export type ConversationReply = { reset: false; result: AskResult } | { reset: true; message: string };

/**
 * Answers a message in a conversation: "start over" forgets the conversation; any other message is asked with the
 * conversation's recent turns and, when it could be asked, recorded as the newest turn.
 */
export async function askInConversation(service: StoryService, log: ConversationLog, conversation: string, question: string, at: Date): Promise<ConversationReply> {
  if (asksToStartOver(question)) {
    log.reset(conversation);
    return { reset: true, message: startOverText };
  }
  const result = await service.ask(question, { conversation: log.turns(conversation, at) });
  if (result.ok) log.append(conversation, turnOf(question, result.answer, at));
  return { reset: false, result };
}

/** Whether the resolved question says more than the typed one, so a reader should be shown how it was understood. */
export function resolvedDiffers(question: string, resolved: string): boolean {
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join(' ') ?? '';
  // "Who met?" read out of "do you know who met?" says less than was typed, not more.
  return resolved !== '' && !` ${words(question)}`.endsWith(` ${words(resolved)}`);
}
