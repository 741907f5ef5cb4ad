import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerInConversation, isFromBot, messageKeys } from '../../answer-in-conversation.js';
import { mentionsUser, threadConversation } from '../../conversation-place.js';
import type { ListenerDeps } from '../listener-deps.js';

/**
 * Answers a reply in a channel thread the bot has answered in (a public or private channel, or a group DM), without
 * a new mention, as part of that thread's conversation. Threads the bot has not answered in are left alone, and so
 * are top-level messages, edits and other subtypes, bots, and replies that mention the bot (`app_mention` answers those).
 */
export function threadReply(deps: ListenerDeps) {
  return async ({ message, body, context, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>): Promise<void> => {
    // Bolt acknowledges Events API deliveries itself before listeners run, so there is no ack() to call here.
    if (message.channel_type === 'im') return;
    // A reply also sent to the channel ("thread_broadcast") is a person's reply all the same.
    if (message.subtype !== undefined && message.subtype !== 'thread_broadcast') return;
    if (isFromBot(message, context.botUserId)) return;
    const threadTs = message.subtype === 'thread_broadcast' ? (message.thread_ts ?? message.root.thread_ts) : message.thread_ts;
    if (threadTs === undefined || threadTs === message.ts) return;
    const text = message.text ?? '';
    if (context.botUserId !== undefined && mentionsUser(text, context.botUserId)) return;
    const conversation = threadConversation(message.channel, threadTs);
    if (!deps.conversations.replies.hasReplied(conversation, deps.conversations.now())) return;
    await answerInConversation(
      {
        channel: message.channel,
        conversation,
        threadTs,
        text,
        keys: messageKeys({ eventId: body.event_id, channel: message.channel, ts: message.ts, clientMsgId: message.client_msg_id }),
        retryNum: context.retryNum,
      },
      client,
      deps,
    );
  };
}
