import type { SlashCommand } from '@slack/bolt';
import type { SlackMessage } from '../../render-blocks.js';
import type { ListenerDeps } from '../listener-deps.js';

/** A reply to a slash command: who sees it (only the person who typed it, or the whole channel) and the message. */
export type CommandReply = SlackMessage & { responseType: 'ephemeral' | 'in_channel' };

/** What a subcommand is given: the words after its name, the raw command, the listener's deps and its siblings. */
export type SubcommandInput = {
  /** The text after the subcommand's name, trimmed (for the fallback subcommand, the whole text). */
  args: string;
  command: SlashCommand;
  deps: ListenerDeps;
  /** Every registered subcommand, for those that describe the others. */
  subcommands: readonly StorySubcommand[];
};

/** One `/story <name>` subcommand. Adding one (digest, subscribe, …) is a file exporting this and one line in the list. */
export type StorySubcommand = {
  /** The first word after `/story` that selects this subcommand, lower case. */
  name: string;
  /** How it is typed, for the help text. */
  usage: string;
  /** What it does, for the help text. */
  description: string;
  /** Whether words may follow the name; when false, `/story help me with…` is read as a question instead. */
  takesArguments: boolean;
  execute(input: SubcommandInput): CommandReply | Promise<CommandReply>;
};
