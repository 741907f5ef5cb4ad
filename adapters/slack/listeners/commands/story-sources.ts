import { renderSources } from '../../render-blocks.js';
import type { StorySubcommand } from './story-subcommand.js';

/** `/story sources`: lists the articles the bot answers from, to the person who asked. */
export const sourcesSubcommand = {
  name: 'sources',
  usage: '/story sources',
  description: 'list the articles I answer from',
  takesArguments: false,
  async execute({ deps }) {
    return { ...renderSources(await deps.service.sources(), await deps.service.overview()), responseType: 'ephemeral' };
  },
} satisfies StorySubcommand;
