import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../command.js';
import { noPings, renderSources } from '../render-answer.js';

/** `/sources`: the story's articles, newest first, with outlet, date and title. */
export const sourcesCommand = {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription("List the articles the answers come from: outlet, date and title")
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .toJSON(),
  async execute(interaction, { service }) {
    await interaction.editReply({ embeds: renderSources(await service.sources(), await service.overview()), allowedMentions: noPings });
  },
} satisfies Command;
