import { MessageFlags, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { ChatConversations } from '../../src/conversation/chat-conversations.js';
import type { DigestDesk } from '../../src/digest/digest-desk.js';
import type { Log } from '../../src/log.js';
import type { StoryService } from '../../src/service.js';
import type { Command } from './command.js';
import { apologyText, noPings } from './render-answer.js';
import { describeError } from './scrub.js';

/** Options for {@link createInteractionHandler}. */
export type InteractionHandlerOptions = {
  commands: readonly Command[];
  service: StoryService;
  conversations: ChatConversations;
  log: Log;
  /** Digests for `/digest`; absent when the bot runs without a store. */
  digests?: DigestDesk;
};

/**
 * Creates the `interactionCreate` listener: finds the command by name, defers the reply at once (Discord allows
 * three seconds for the first response) and runs it; a failure after that edits the reply into a short apology.
 */
export function createInteractionHandler(options: InteractionHandlerOptions): (interaction: Interaction) => Promise<void> {
  const { service, conversations, log } = options;
  const context = { service, conversations, log, ...(options.digests !== undefined ? { digests: options.digests } : {}) };
  const byName = new Map<string, Command>();
  for (const command of options.commands) {
    if (byName.has(command.data.name)) throw new Error(`createInteractionHandler: duplicate command name ${command.data.name}`);
    byName.set(command.data.name, command);
  }

  return async function interactionCreate(interaction: Interaction): Promise<void> {
    if (!interaction.isChatInputCommand()) return;
    const where = {
      command: interaction.commandName,
      interactionId: interaction.id,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
    };
    const command = byName.get(interaction.commandName);
    if (command === undefined) {
      // Discord still offers a command that this version no longer has: the registration is stale.
      log.warn(where, 'unknown command; run the command deployment again');
      await replyPrivately(interaction, "I don't know that command any more. Try /ask.").catch((error: unknown) =>
        log.warn({ ...where, err: describeError(error) }, 'could not answer an unknown command'),
      );
      return;
    }
    const started = performance.now();
    try {
      await interaction.deferReply(command.ephemeral === true ? { flags: MessageFlags.Ephemeral } : {});
      await command.execute(interaction, context);
      log.info({ ...where, ms: Math.round(performance.now() - started) }, 'command answered');
    } catch (error) {
      log.error({ ...where, deferred: interaction.deferred, err: describeError(error) }, 'command failed');
      // Without a deferred reply there is nothing to edit, and the interaction has most likely expired.
      if (!interaction.deferred && !interaction.replied) return;
      await interaction
        .editReply({ content: apologyText, embeds: [], allowedMentions: noPings })
        .catch((editError: unknown) => log.warn({ ...where, err: describeError(editError) }, 'could not send the apology'));
    }
  };
}

async function replyPrivately(interaction: ChatInputCommandInteraction, content: string): Promise<void> {
  await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: noPings });
}
