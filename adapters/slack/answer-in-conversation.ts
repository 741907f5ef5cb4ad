import type { webApi } from '@slack/bolt';
import { replyInConversation } from '../../src/conversation/chat-conversations.js';
import { replyKey } from './conversation-place.js';
import type { ListenerDeps } from './listeners/listener-deps.js';
import { renderAskResult, renderFailure, renderNotice, type SlackMessage } from './render-blocks.js';
import { describeSlackError } from './slack-error.js';
import { plainTextFromSlack } from './slack-text.js';

/** One question typed in a conversation (a channel mention or a direct message) and where its answer goes. */
export type ConversationQuestion = {
  channel: string;
  /** The conversation the question is read in (see `conversation-place.ts`). */
  conversation: string;
  /** The thread to answer in; undefined answers at the top level of the conversation. */
  threadTs: string | undefined;
  /** The message text as Slack delivered it, markup and all (the bot's own mention included). */
  text: string;
  /** Everything that identifies this message, so a repeat delivery is recognised; see {@link messageKeys}. */
  keys: string[];
  /** Slack's retry count for this delivery, for the logs. */
  retryNum: number | undefined;
};

/** The keys that identify one incoming message however it arrives: its event, its place in a channel, its client id. */
export function messageKeys(parts: { eventId?: string; channel: string; ts: string; clientMsgId?: string }): string[] {
  const keys = [`message:${parts.channel}:${parts.ts}`];
  if (parts.eventId !== undefined && parts.eventId !== '') keys.push(`event:${parts.eventId}`);
  if (parts.clientMsgId !== undefined && parts.clientMsgId !== '') keys.push(`client-message:${parts.clientMsgId}`);
  return keys;
}

/** True for a message a bot wrote, this bot's own included: those are never answered. */
export function isFromBot(event: { bot_id?: string; subtype?: string; user?: string }, botUserId: string | undefined): boolean {
  return event.bot_id !== undefined || event.subtype === 'bot_message' || (botUserId !== undefined && event.user === botUserId);
}

/**
 * Answers a question once, where it was asked: reads it in its conversation ("start over" resets that), renders the
 * result, posts it and remembers the post, so the bot knows it has answered in that thread.
 */
export async function answerInConversation(question: ConversationQuestion, client: webApi.WebClient, deps: ListenerDeps): Promise<void> {
  const { channel, conversation, threadTs, keys, retryNum } = question;
  if (!(await deps.seen.claim(keys))) {
    deps.log.debug({ channel, retryNum }, 'ignored a question that was already answered');
    return;
  }
  let message: SlackMessage;
  try {
    const reply = await replyInConversation(deps.service, deps.conversations, conversation, plainTextFromSlack(question.text));
    if (reply.reset) {
      message = renderNotice(reply.message);
      deps.log.info({ channel, conversation, retryNum }, 'conversation started over');
    } else {
      const { result } = reply;
      message = renderAskResult(result, await deps.service.overview());
      const outcome = !result.ok ? result.reason : result.answer.abstained ? 'abstained' : 'answered';
      deps.log.info({ channel, conversation, outcome, citations: result.ok ? result.answer.citations.length : 0, retryNum }, 'question answered');
    }
  } catch (error) {
    deps.log.error({ err: error, channel }, 'the story service failed to answer');
    message = renderFailure();
  }
  try {
    const posted = await client.chat.postMessage({
      channel,
      ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    if (posted.ts !== undefined) deps.conversations.replies.record(replyKey(channel, posted.ts), conversation, deps.conversations.now());
  } catch (error) {
    deps.log.error({ err: describeSlackError(error), channel }, 'could not post an answer to Slack');
  }
}
