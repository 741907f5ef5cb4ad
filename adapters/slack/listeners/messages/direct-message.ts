import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerInConversation, isFromBot, messageKeys } from '../../answer-in-conversation.js';
import { dmConversation } from '../../conversation-place.js';
import type { ListenerDeps } from '../listener-deps.js';

/**
 * Answers a message sent to the bot in a direct message, in the same DM (in its thread only if it was in one): the
 * DM is one conversation, and a thread in it another.
 */
export function directMessage(deps: ListenerDeps) {
  return async ({ message, body, context, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>): Promise<void> => {
    // Bolt acknowledges Events API deliveries itself before listeners run, so there is no ack() to call here.
    // Edits, deletions, joins and other subtypes are not questions.
    if (message.channel_type !== 'im' || message.subtype !== undefined) return;
    if (isFromBot(message, context.botUserId)) return;
    await answerInConversation(
      {
        channel: message.channel,
        conversation: dmConversation(message.channel, message.thread_ts),
        threadTs: message.thread_ts,
        text: message.text ?? '',
        keys: messageKeys({ eventId: body.event_id, channel: message.channel, ts: message.ts, clientMsgId: message.client_msg_id }),
        retryNum: context.retryNum,
      },
      client,
      deps,
    );
  };
}
