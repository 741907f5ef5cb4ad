import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerInConversation, isFromBot, messageKeys } from '../../answer-in-conversation.js';
import { threadConversation } from '../../conversation-place.js';
import type { ListenerDeps } from '../listener-deps.js';

/**
 * Answers a mention of the bot in a channel, in a thread under the mention (or in the thread it was made in), as
 * part of that thread's conversation.
 */
export function appMention(deps: ListenerDeps) {
  return async ({ event, body, context, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>): Promise<void> => {
    // Bolt acknowledges Events API deliveries itself before listeners run, so there is no ack() to call here.
    if (isFromBot(event, context.botUserId)) return;
    const threadTs = event.thread_ts ?? event.ts;
    await answerInConversation(
      {
        channel: event.channel,
        conversation: threadConversation(event.channel, threadTs),
        threadTs,
        text: event.text,
        keys: messageKeys({ eventId: body.event_id, channel: event.channel, ts: event.ts, clientMsgId: event.client_msg_id }),
        retryNum: context.retryNum,
      },
      client,
      deps,
    );
  };
}
