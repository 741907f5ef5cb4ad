import { cleanContent, type Message, type MessageReplyOptions } from 'discord.js';
import { replyInConversation, type ChatConversations } from '../../src/conversation/chat-conversations.js';
import type { ThreadRepliesMode } from '../../src/config.js';
import type { Log } from '../../src/log.js';
import type { StoryService } from '../../src/service.js';
import { conversationOfMessage, replyKey } from './conversation-place.js';
import { apologyText, noPings, renderAnswer, type RenderedAnswer } from './render-answer.js';
import { describeError } from './scrub.js';

/** Options for {@link createMessageHandler}. */
export type MessageHandlerOptions = {
  service: StoryService;
  conversations: ChatConversations;
  /**
   * Which messages in a thread the bot has answered in count as questions: `mention` (those that mention it or reply
   * to its answers) or `all` (every person's message, which needs the Message Content intent).
   */
  threadReplies: ThreadRepliesMode;
  log: Log;
};

/** The bot as it can be mentioned: its user, and in a server the role Discord made for it, if any. */
export type BotMentionIds = { userId: string; roleId: string | null };

/** Whether a message's text mentions the bot by user (`<@id>`, `<@!id>`) or by its managed role (`<@&id>`). */
export function mentionsBot(content: string, ids: BotMentionIds): boolean {
  return mentionPattern(ids).test(content);
}

/** The text with every mention of the bot removed and the spaces left behind collapsed. */
export function stripBotMentions(content: string, ids: BotMentionIds): string {
  return content.replace(new RegExp(mentionPattern(ids).source, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Creates the `messageCreate` listener. A person's message is a question when it is in a DM with the bot, mentions
 * the bot (a reply that pings it does), replies to one of its answers, or, with `threadReplies: 'all'`, is in a
 * thread the bot has answered in. It is asked in its conversation (the answer it replies to, its thread, its DM, or
 * in a channel a new one) and answered as a reply, which is remembered so a reply to that continues the
 * conversation. Messages of bots, this one included, are ignored, so two bots can never talk to each other forever.
 */
export function createMessageHandler(options: MessageHandlerOptions): (message: Message) => Promise<void> {
  const { service, conversations, threadReplies, log } = options;
  return async function messageCreate(message: Message): Promise<void> {
    if (message.author.bot || message.system) return;
    const botId = message.client.user.id;
    const ids: BotMentionIds = { userId: botId, roleId: message.guild?.roles.botRoleFor(botId)?.id ?? null };
    const at = conversations.now();
    const answered = message.reference?.messageId === undefined ? null : conversations.replies.conversationOf(replyKey(message.reference.messageId), at);
    const conversation = answered ?? conversationOfMessage(message);
    // Without the Message Content intent Discord blanks the text of messages that do not mention the bot, so a reply
    // or a thread message with no text was not meant to be read.
    const readable = message.content.trim() !== '';
    const followsThread = threadReplies === 'all' && message.channel.isThread() && conversations.replies.hasReplied(conversation, at);
    const addressed =
      !message.inGuild() || mentionsBot(message.content, ids) || message.mentions.users.has(botId) || (readable && (answered !== null || followsThread));
    if (!addressed) return;
    const where = { event: 'message', messageId: message.id, guildId: message.guildId, channelId: message.channelId, conversation };
    const started = performance.now();
    try {
      // Other mentions become plain names, so the question reads as the person wrote it.
      const question = cleanContent(stripBotMentions(message.content, ids), message.channel).trim();
      const reply = await replyInConversation(service, conversations, conversation, question);
      const sent = reply.reset
        ? await message.reply({ content: reply.message, allowedMentions: noPings })
        : await message.reply(replyOf(renderAnswer(reply.result, await service.overview())));
      conversations.replies.record(replyKey(sent.id), conversation, conversations.now());
      const outcome = reply.reset
        ? { reset: true }
        : reply.result.ok
          ? { abstained: reply.result.answer.abstained, citations: reply.result.answer.citations.length }
          : { refused: reply.result.reason };
      log.info({ ...where, ...outcome, ms: Math.round(performance.now() - started) }, 'message answered');
    } catch (error) {
      log.error({ ...where, err: describeError(error) }, 'message failed');
      await message
        .reply({ content: apologyText, allowedMentions: noPings })
        .catch((replyError: unknown) => log.warn({ ...where, err: describeError(replyError) }, 'could not send the apology'));
    }
  };
}

function replyOf(rendered: RenderedAnswer): MessageReplyOptions {
  return rendered.ok ? { embeds: rendered.embeds, allowedMentions: noPings } : { content: rendered.content, allowedMentions: noPings };
}

function mentionPattern(ids: BotMentionIds): RegExp {
  const role = ids.roleId === null ? '' : `|<@&${ids.roleId}>`;
  return new RegExp(`<@!?${ids.userId}>${role}`);
}
