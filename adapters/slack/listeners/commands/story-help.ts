import { renderHelp } from '../../render-blocks.js';
import type { StorySubcommand } from './story-subcommand.js';

/** `/story help`: explains how to ask, built from the registered subcommands so new ones appear by themselves. */
export const helpSubcommand = {
  name: 'help',
  usage: '/story help',
  description: 'show this help',
  takesArguments: false,
  execute({ deps, subcommands }) {
    return { ...renderHelp(subcommands, deps.service.overview()), responseType: 'ephemeral' };
  },
} satisfies StorySubcommand;
