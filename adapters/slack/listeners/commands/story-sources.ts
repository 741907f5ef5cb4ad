import { renderSources } from '../../render-blocks.js';
import type { StorySubcommand } from './story-subcommand.js';

/** `/story sources`: lists the articles the bot answers from, to the person who asked. */
export const sourcesSubcommand = {
  name: 'sources',
  usage: '/story sources',
  description: 'list the articles I answer from',
  takesArguments: false,
  execute({ deps }) {
    return { ...renderSources(deps.service.sources(), deps.service.overview()), responseType: 'ephemeral' };
  },
} satisfies StorySubcommand;
