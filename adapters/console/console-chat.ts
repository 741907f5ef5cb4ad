import { createInterface } from 'node:readline';
import type { StoryService } from '../../src/service.js';
import { renderAnswerText, renderSourcesText } from './render-answer.js';

/** Options for {@link startConsoleChat}. */
export type ConsoleChatOptions = {
  service: StoryService;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
};

const help = `Ask anything about the story, in plain words. Commands:
  /sources   the articles I answer from
  /help      this text
  Ctrl-D     leave`;

/** Runs a prompt-and-answer chat on a terminal until the input ends; resolves when it does. */
export async function startConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { service, input, output } = options;
  const overview = await service.overview();
  const terminal = Boolean((output as NodeJS.WriteStream).isTTY);
  // Piped input (a script, a test) gets answers without prompts between them.
  const lines = createInterface({ input, output, terminal, prompt: terminal ? '> ' : '' });
  output.write(`storybot · "${overview.title}" · ${overview.articles} articles from ${overview.outlets.length} outlets. Type /help for commands.\n`);
  lines.prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text === '/help') output.write(`${help}\n`);
    else if (text === '/sources') output.write(`${renderSourcesText(await service.sources())}\n`);
    else if (text === '/quit' || text === '/exit') break;
    else if (text !== '') output.write(`${renderAnswerText(await service.ask(text), await service.overview())}\n`);
    output.write('\n');
    lines.prompt();
  }
  lines.close();
  output.write('Bye.\n');
}
