import type { Command } from '../command.js';
import { askCommand } from './ask.js';
import { digestCommand } from './digest.js';
import { newCommand } from './new.js';
import { questionWordCommands } from './question-words.js';
import { sourcesCommand } from './sources.js';

/** Every slash command, in the order Discord lists them; add a command by adding its file here. */
export const commands = [askCommand, ...questionWordCommands, newCommand, sourcesCommand, digestCommand] satisfies readonly Command[];
