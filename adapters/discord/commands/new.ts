import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { startOverText } from '../../../src/conversation/converse.js';
import type { Command } from '../command.js';
import { conversationOfInteraction, replyKey } from '../conversation-place.js';
import { noPings } from '../render-answer.js';

/** `/new`: starts a new conversation in this thread or DM, so follow-ups no longer read against earlier questions. */
export const newCommand = {
  data: new SlashCommandBuilder()
    .setName('new')
    .setDescription('Start a new conversation in this thread or DM: follow-ups forget what was asked before')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .toJSON(),
  async execute(interaction, { conversations }) {
    const conversation = conversationOfInteraction(interaction);
    conversations.turns.reset(conversation);
    const sent = await interaction.editReply({ content: startOverText, allowedMentions: noPings });
    // Still the bot's message in the conversation: a reply to it continues the fresh conversation.
    conversations.replies.record(replyKey(sent.id), conversation, conversations.now());
  },
} satisfies Command;
