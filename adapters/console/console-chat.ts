import { createInterface } from 'node:readline';
import { createMemoryConversationLog, type ConversationLog } from '../../src/conversation/conversation-log.js';
import { askInConversation, startOverText } from '../../src/conversation/converse.js';
import type { StoryService } from '../../src/service.js';
import { renderAnswerText, renderSourcesText } from './render-answer.js';

/** Options for {@link startConsoleChat}. */
export type ConsoleChatOptions = {
  service: StoryService;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where the session's turns are kept; defaults to memory, so each session is a conversation of its own. */
  conversations?: ConversationLog;
  /** The current time, for the conversation's time to live; defaults to the system's. */
  now?: () => Date;
};

const help = `Ask anything about the story, in plain words; follow-ups ("when?", "what did she say?", "what else?")
are read against what you asked before. Commands:
  /sources   the articles I answer from
  /new       start a new conversation (or say "start over")
  /help      this text
  /quit      leave (or "exit", or Ctrl-D)`;

// A terminal user types "exit" or "quit" to leave; no story question is one word of those.
const leaves = /^\/?(?:quit|exit)[.!]?$/i;

// The console session is one conversation.
const sessionId = 'console';

/** Runs a prompt-and-answer chat on a terminal until the input ends; resolves when it does. */
export async function startConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { service, input, output } = options;
  const conversations = options.conversations ?? createMemoryConversationLog();
  const now = options.now ?? (() => new Date());
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
    else if (text === '/new') {
      conversations.reset(sessionId);
      output.write(`${startOverText}\n`);
    } else if (leaves.test(text)) break;
    else if (text !== '') {
      const reply = await askInConversation(service, conversations, sessionId, text, now());
      output.write(`${reply.reset ? reply.message : renderAnswerText(reply.result, overview, { showResolved: true })}\n`);
    }
    output.write('\n');
    lines.prompt();
  }
  lines.close();
  output.write('Bye.\n');
}
