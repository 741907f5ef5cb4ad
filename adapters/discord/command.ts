import type { ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { ChatConversations } from '../../src/conversation/chat-conversations.js';
import type { DigestDesk } from '../../src/digest/digest-desk.js';
import type { Log } from '../../src/log.js';
import type { StoryService } from '../../src/service.js';

/** What a command needs besides its interaction: the story, its conversations, a logger and digests. */
export type CommandContext = {
  service: StoryService;
  /** Where each thread's and DM's turns and the bot's answers are kept. */
  conversations: ChatConversations;
  /** The adapter's child logger; add the command's own fields, never tokens. */
  log: Log;
  /** Digests for `/digest`; absent when the bot runs without a store. */
  digests?: DigestDesk;
};

/** One slash command: its registration data and what it does once the router has deferred the reply. */
export type Command = {
  /** The command as registered with Discord (`SlashCommandBuilder#toJSON()`). */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Whether the deferred reply, and so every edit of it, is visible only to the user; defaults to false. */
  ephemeral?: boolean;
  /** Answers an interaction that is already deferred: finish with `editReply` (or `deleteReply` and `followUp`). */
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
};
