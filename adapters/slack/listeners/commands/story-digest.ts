import { renderDigest } from '../../render-digest.js';
import type { CommandReply, StorySubcommand, SubcommandInput } from './story-subcommand.js';

/** `/story digest`: shows the channel the story digest now (what's new since its last digest); nothing is recorded. */
export const digestSubcommand = {
  name: 'digest',
  usage: '/story digest',
  description: 'show the story digest now: key developments, what is new, what is coming up',
  takesArguments: false,
  async execute({ command, deps }) {
    if (deps.digests === undefined) return digestsOff();
    const digest = await deps.digests.current(`slack:${command.channel_id}`);
    deps.log.info({ channel: command.channel_id, sections: digest.sections.map((section) => section.items.length) }, 'digest shown');
    return { ...renderDigest(digest), responseType: 'in_channel' };
  },
} satisfies StorySubcommand;

/** The reply when the bot runs without a store, so digests cannot be shown or subscribed to. */
export function digestsOff(): CommandReply {
  const text = 'Digests are not available on this bot.';
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }], responseType: 'ephemeral' };
}

/** A one-section reply visible to the channel. */
export function channelNotice(text: string): CommandReply {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }], responseType: 'in_channel' };
}

/** The digest channel of a slash command's conversation. */
export function digestChannelOf({ command }: Pick<SubcommandInput, 'command'>): string {
  return `slack:${command.channel_id}`;
}
