import {
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { replyInConversation } from '../../../src/conversation/chat-conversations.js';
import type { CommandContext } from '../command.js';
import { conversationOfInteraction, replyKey } from '../conversation-place.js';
import { noPings, renderAnswer } from '../render-answer.js';

/** The longest question text a slash command option accepts, in characters. */
export const maxQuestionOptionLength = 300;

/** The name of the text option of every question command. */
export const questionOption = 'question';

/** Registration data for a command that takes one required question text, usable in servers and in DMs with the bot. */
export function questionCommandData(name: string, description: string, optionDescription: string): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addStringOption((option) =>
      option.setName(questionOption).setDescription(optionDescription).setRequired(true).setMaxLength(maxQuestionOptionLength),
    )
    .toJSON();
}

/**
 * Asks the story a question in the command's conversation (its thread's or DM's; in a channel, one of its own) and
 * turns the deferred reply into the answer, remembered so that a reply to it continues the conversation; "start
 * over" forgets the conversation instead. A refused question (empty, no words, too long) becomes a message only the
 * asker sees.
 */
export async function answerInteraction(interaction: ChatInputCommandInteraction, question: string, context: CommandContext): Promise<void> {
  const { service, conversations, log } = context;
  const conversation = conversationOfInteraction(interaction);
  const reply = await replyInConversation(service, conversations, conversation, question);
  if (reply.reset) {
    const sent = await interaction.editReply({ content: reply.message, allowedMentions: noPings });
    conversations.replies.record(replyKey(sent.id), conversation, conversations.now());
    log.debug({ command: interaction.commandName, conversation }, 'conversation started over');
    return;
  }
  const { result } = reply;
  const rendered = renderAnswer(result, await service.overview());
  if (rendered.ok) {
    const sent = await interaction.editReply({ embeds: rendered.embeds, allowedMentions: noPings });
    conversations.replies.record(replyKey(sent.id), conversation, conversations.now());
  } else if (interaction.ephemeral) {
    await interaction.editReply({ content: rendered.content, allowedMentions: noPings });
  } else {
    // A deferred reply cannot turn private, so the public "thinking…" message gives way to a private follow-up.
    await interaction.deleteReply();
    await interaction.followUp({ content: rendered.content, flags: MessageFlags.Ephemeral, allowedMentions: noPings });
  }
  if (result.ok) {
    log.debug({ command: interaction.commandName, abstained: result.answer.abstained, citations: result.answer.citations.length }, 'question answered');
  } else {
    log.debug({ command: interaction.commandName, reason: result.reason }, 'question refused');
  }
}
