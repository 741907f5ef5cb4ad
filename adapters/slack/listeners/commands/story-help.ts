import { renderHelp } from '../../render-blocks.js';
import type { StorySubcommand } from './story-subcommand.js';

/** `/story help`: explains how to ask, built from the registered subcommands so new ones appear by themselves. */
export const helpSubcommand = {
  name: 'help',
  usage: '/story help',
  description: 'show this help',
  takesArguments: false,
  async execute({ deps, subcommands }) {
    return { ...renderHelp(subcommands, await deps.service.overview()), responseType: 'ephemeral' };
  },
} satisfies StorySubcommand;
