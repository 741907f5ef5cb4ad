import type { StoryCommandRoutes } from './story-command.js';
import { askSubcommand } from './story-ask.js';
import { digestSubcommand } from './story-digest.js';
import { helpSubcommand } from './story-help.js';
import { sourcesSubcommand } from './story-sources.js';
import { subscribeSubcommand, unsubscribeSubcommand } from './story-subscribe.js';

// A handful of subcommands: a static list reads better than scanning a folder. Order is the help text's order.
/** The `/story` subcommands; any text that names none of them is asked as a question. */
export const storyRoutes: StoryCommandRoutes = {
  subcommands: [askSubcommand, sourcesSubcommand, digestSubcommand, subscribeSubcommand, unsubscribeSubcommand, helpSubcommand],
  fallback: askSubcommand,
};
