import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { describeSubscriptionChange } from '../../../src/digest/digest-desk.js';
import { formatInstant } from '../../../src/digest/render-text.js';
import type { Command } from '../command.js';
import { noPings } from '../render-answer.js';
import { renderDigestEmbed } from '../render-digest.js';

/** The option that picks what `/digest` does; absent means show. */
export const digestActionOption = 'action';

/**
 * `/digest [action]`: shows the story digest now (what is new since this channel's last digest), or, with
 * `subscribe` / `unsubscribe`, opts the channel in or out of the scheduled digest. Opting in or out in a server needs
 * the Manage Channels permission.
 */
export const digestCommand = {
  data: new SlashCommandBuilder()
    .setName('digest')
    .setDescription('Show the story digest now, or subscribe this channel to the scheduled digest')
    .addStringOption((option) =>
      option
        .setName(digestActionOption)
        .setDescription('What to do (default: show the digest now)')
        .setRequired(false)
        .addChoices(
          { name: 'show the digest now', value: 'show' },
          { name: 'subscribe this channel', value: 'subscribe' },
          { name: 'unsubscribe this channel', value: 'unsubscribe' },
        ),
    )
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .toJSON(),
  async execute(interaction, { digests, log }) {
    if (digests === undefined) {
      await interaction.editReply({ content: 'Digests are not available on this bot.', allowedMentions: noPings });
      return;
    }
    const channel = `discord:${interaction.channelId}`;
    const action = interaction.options.getString(digestActionOption) ?? 'show';
    if (action === 'subscribe' || action === 'unsubscribe') {
      if (!mayManage(interaction)) {
        await interaction.editReply({ content: 'Subscribing a channel to the digest needs the Manage Channels permission.', allowedMentions: noPings });
        return;
      }
      const change = action === 'subscribe' ? digests.subscribe(channel) : digests.unsubscribe(channel);
      log.info({ channelId: interaction.channelId, status: change.status }, 'digest subscription');
      await interaction.editReply({ content: describeSubscriptionChange(change, formatInstant), allowedMentions: noPings });
      return;
    }
    const digest = await digests.current(channel);
    await interaction.editReply({ embeds: [renderDigestEmbed(digest)], allowedMentions: noPings });
  },
} satisfies Command;

// In a DM the person is the whole audience; in a server, who may change what a channel receives is the server's call.
function mayManage(interaction: ChatInputCommandInteraction): boolean {
  if (!interaction.inGuild()) return true;
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false;
}
