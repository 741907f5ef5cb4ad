import { renderAskResult } from '../../render-blocks.js';
import { plainTextFromSlack } from '../../slack-text.js';
import type { StorySubcommand } from './story-subcommand.js';

/** `/story <question>`: answers in the channel, so colleagues see the answer and its sources; refusals go to the asker only. */
export const askSubcommand = {
  name: 'ask',
  usage: '/story <question>',
  description: 'answer a question from the coverage, with numbered sources',
  takesArguments: true,
  async execute({ args, command, deps }) {
    const result = await deps.service.ask(plainTextFromSlack(args));
    const outcome = !result.ok ? result.reason : result.answer.abstained ? 'abstained' : 'answered';
    deps.log.info({ channel: command.channel_id, outcome, citations: result.ok ? result.answer.citations.length : 0 }, 'question answered');
    return { ...renderAskResult(result, await deps.service.overview()), responseType: result.ok ? 'in_channel' : 'ephemeral' };
  },
} satisfies StorySubcommand;
