import { cleanContent, type Message } from 'discord.js';
import type { Log } from '../../src/log.js';
import type { StoryService } from '../../src/service.js';
import { apologyText, noPings, renderAnswer } from './render-answer.js';
import { describeError } from './scrub.js';

/** Options for {@link createMentionHandler}. */
export type MentionHandlerOptions = {
  service: StoryService;
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
 * Creates the `messageCreate` listener: a person's message that mentions the bot in a server, or any message of a
 * person in a DM with it, is asked as a question and answered as a reply. Messages of bots, this one included, are
 * ignored, so two bots can never talk to each other forever.
 */
export function createMentionHandler(options: MentionHandlerOptions): (message: Message) => Promise<void> {
  const { service, log } = options;
  return async function messageCreate(message: Message): Promise<void> {
    if (message.author.bot || message.system) return;
    const ids: BotMentionIds = {
      userId: message.client.user.id,
      roleId: message.guild?.roles.botRoleFor(message.client.user.id)?.id ?? null,
    };
    if (message.inGuild() && !mentionsBot(message.content, ids)) return;
    const where = { event: 'mention', messageId: message.id, guildId: message.guildId, channelId: message.channelId };
    const started = performance.now();
    try {
      // Other mentions become plain names, so the question reads as the person wrote it.
      const question = cleanContent(stripBotMentions(message.content, ids), message.channel).trim();
      const result = await service.ask(question);
      const rendered = renderAnswer(result, await service.overview());
      await message.reply(
        rendered.ok ? { embeds: rendered.embeds, allowedMentions: noPings } : { content: rendered.content, allowedMentions: noPings },
      );
      const outcome = result.ok ? { abstained: result.answer.abstained, citations: result.answer.citations.length } : { refused: result.reason };
      log.info({ ...where, ...outcome, ms: Math.round(performance.now() - started) }, 'mention answered');
    } catch (error) {
      log.error({ ...where, err: describeError(error) }, 'mention failed');
      await message
        .reply({ content: apologyText, allowedMentions: noPings })
        .catch((replyError: unknown) => log.warn({ ...where, err: describeError(replyError) }, 'could not send the apology'));
    }
  };
}

function mentionPattern(ids: BotMentionIds): RegExp {
  const role = ids.roleId === null ? '' : `|<@&${ids.roleId}>`;
  return new RegExp(`<@!?${ids.userId}>${role}`);
}
