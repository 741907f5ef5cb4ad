import type { StoryCommandRoutes } from './story-command.js';
import { askSubcommand } from './story-ask.js';
import { helpSubcommand } from './story-help.js';
import { sourcesSubcommand } from './story-sources.js';

// A handful of subcommands: a static list reads better than scanning a folder. Order is the help text's order.
/** The `/story` subcommands; any text that names none of them is asked as a question. */
export const storyRoutes: StoryCommandRoutes = {
  subcommands: [askSubcommand, sourcesSubcommand, helpSubcommand],
  fallback: askSubcommand,
};
