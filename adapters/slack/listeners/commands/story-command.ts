import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderFailure } from '../../render-blocks.js';
import { describeSlackError } from '../../slack-error.js';
import type { ListenerDeps } from '../listener-deps.js';
import type { CommandReply, StorySubcommand } from './story-subcommand.js';

/** How `/story` is routed: the named subcommands, and the one that takes any other text (asking a question). */
export type StoryCommandRoutes = { subcommands: readonly StorySubcommand[]; fallback: StorySubcommand };

/**
 * The `/story` slash command: acknowledges at once, picks a subcommand by the first word (anything else is a question)
 * and replies through the command's `response_url`.
 */
export function storyCommand(deps: ListenerDeps, routes: StoryCommandRoutes) {
  return async ({ ack, command, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    // Slack allows 3 seconds for the acknowledgement; the answer follows through response_url, valid for 30 minutes.
    await ack();
    if (command.trigger_id && !(await deps.seen.claim([`command:${command.trigger_id}`]))) {
      deps.log.debug({ channel: command.channel_id }, 'ignored a repeated slash command');
      return;
    }
    const text = command.text.trim();
    const [first = '', ...rest] = text.split(/\s+/);
    const args = rest.join(' ');
    const named = routes.subcommands.find((sub) => sub.name === first.toLowerCase() && (sub.takesArguments || args === ''));
    const chosen = named ?? routes.fallback;
    let reply: CommandReply;
    try {
      reply = await chosen.execute({ args: named ? args : text, command, deps, subcommands: routes.subcommands });
    } catch (error) {
      deps.log.error({ err: error, subcommand: chosen.name }, 'a /story subcommand failed');
      reply = { ...renderFailure(), responseType: 'ephemeral' };
    }
    try {
      await respond({
        response_type: reply.responseType,
        text: reply.text,
        blocks: reply.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      deps.log.error({ err: describeSlackError(error), subcommand: chosen.name }, 'could not reply to a /story command');
    }
  };
}
