import type { ChatInputCommandInteraction, Message } from 'discord.js';

// Conversation ids on Discord: a thread, a DM channel, a mention in a channel (its replies continue it), or a slash
// command in a channel (standalone; a reply to its answer continues it). Two threads never share an id.

/** The conversation id of a thread. */
export function threadConversation(threadId: string): string {
  return `discord:thread:${threadId}`;
}

/** The conversation id of a DM channel with the bot. */
export function dmConversation(channelId: string): string {
  return `discord:dm:${channelId}`;
}

/** The key under which one of the bot's messages is recorded in the reply log. */
export function replyKey(messageId: string): string {
  return `discord:${messageId}`;
}

/** The conversation a message starts or continues, when it is not a reply to one of the bot's known answers. */
export function conversationOfMessage(message: Message): string {
  if (message.channel.isThread()) return threadConversation(message.channelId);
  if (!message.inGuild()) return dmConversation(message.channelId);
  return `discord:message:${message.id}`;
}

/** The conversation a slash command belongs to: its thread's, its DM's, or in a channel one of its own. */
export function conversationOfInteraction(interaction: ChatInputCommandInteraction): string {
  if (interaction.channel?.isThread() === true) return threadConversation(interaction.channelId);
  if (!interaction.inGuild()) return dmConversation(interaction.channelId);
  return `discord:interaction:${interaction.id}`;
}
