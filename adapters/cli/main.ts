import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { describeConfigErrors, parseConfig, type Config } from '../../src/config.js';
import { createLogger, type Log } from '../../src/log.js';
import { renderSourcesText } from '../console/render-answer.js';

const usage = `storybot: answers questions about one news story from the articles that cover it, with citations.

Usage:
  storybot                          start the configured Discord and Slack bots, or a console chat when none is
  storybot ask "question" [--json]  answer one question; with no question and piped stdin, one question a line
                                    (a line {"question": …, "conversation": "<id>"} is a follow-up in that conversation)
  storybot ask "question" --explain [--json]
                                    why it answers so: the top passages' and spans' features and what each added
  storybot sources                  list the story's articles
  storybot passages [--document NAME] [--json]
                                    the passages as indexed, to see why something was cited
  storybot digest [--json] [--since ISO-TIME] [--data-dir DIR]
                                    print the story digest now (nothing is posted or recorded)
  storybot split --jsonl            split each JSON string read from stdin into a JSON array of sentences
  storybot help                     this text

Options:
  --corpus DIR    the story's folder of articles (default: STORY_DIR, or seeds)
  --data-dir DIR  the folder of the state database and the saved indexes (default: DATA_DIR, or data)
  --since TIME    digest: count articles first seen after this ISO 8601 time as new
  --json          machine-readable output (see the README for the contract)`;

/** A command-line failure: printed to stderr, exits with the given code. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const options = {
  corpus: { type: 'string' },
  json: { type: 'boolean', default: false },
  explain: { type: 'boolean', default: false },
  jsonl: { type: 'boolean', default: false },
  document: { type: 'string' },
  'data-dir': { type: 'string' },
  since: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

type Flags = { corpus?: string; json: boolean; explain: boolean; jsonl: boolean; document?: string; 'data-dir'?: string; since?: string; help: boolean };

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`storybot: ${(error as Error).message}\n\n${usage}`, 2);
  }
  const flags = parsed.values as Flags;
  const [command = 'start', ...rest] = parsed.positionals;
  if (flags.help || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (command === 'split') return splitCommand();

  loadDotenv({ quiet: true });
  const configResult = parseConfig();
  if (!configResult.ok) throw new CliError(`storybot: configuration problem\n${describeConfigErrors(configResult.errors)}`, 78);
  const config = configResult.config;
  const log = createLogger({ level: config.LOG_LEVEL });
  const corpus = flags.corpus ?? config.STORY_DIR;
  const dataDir = flags['data-dir'] ?? config.DATA_DIR;

  switch (command) {
    case 'ask':
      if (flags.explain) return explainCommand(rest.join(' '), flags.json, corpus, dataDir, log);
      return askCommand(rest.join(' '), flags.json, { corpus, dataDir, answerTimeoutMs: config.ANSWER_TIMEOUT_MS, conversationTtlHours: config.CONVERSATION_TTL_HOURS, log });
    case 'sources':
      return sourcesCommand(corpus, dataDir, flags.json, log);
    case 'passages':
      return passagesCommand(corpus, dataDir, flags.document, flags.json, log);
    case 'digest':
      return digestCommand(config, corpus, dataDir, flags, log);
    case 'start':
      return startCommand(config, corpus, dataDir, log);
    default:
      throw new CliError(`storybot: unknown command "${command}"\n\n${usage}`, 2);
  }
}

// The story as `npm start` opens it: from the saved index in the data folder when the articles are unchanged, else
// read, indexed and saved there for the next command.
async function loadStory(corpus: string, dataDir: string, log: Log) {
  const { openStory } = await import('../../src/open-story.js');
  const opened = await openStory({ dir: corpus, log, cacheDir: dataDir });
  if (!opened.ok) throw new CliError(opened.message);
  return opened;
}

type AskSetup = { corpus: string; dataDir: string; answerTimeoutMs: number; conversationTtlHours: number; log: Log };

// Questions are answered by the story engine, each under its deadline, so a question that runs past it gets its own
// JSON line ("error": "timed-out") and the batch goes on.
async function askCommand(question: string, json: boolean, setup: AskSetup): Promise<void> {
  const { createStoryEngine } = await import('../../src/engine/story-engine.js');
  const { answerQuestions } = await import('./ask-command.js');
  const single = question.trim() !== '' || process.stdin.isTTY === true;
  const engine = createStoryEngine({ dir: setup.corpus, cacheDir: setup.dataDir, answerTimeoutMs: setup.answerTimeoutMs, preloadTables: !single, log: setup.log });
  try {
    const start = await engine.ready();
    if (!start.ok) throw new CliError(start.message);
    const output = { json, write: (text: string) => process.stdout.write(text) };
    if (single) {
      // One question from the command line: no blank line after it.
      await answerQuestions(engine.service, [question], { json, write: (text) => process.stdout.write(`${text.trimEnd()}\n`) });
      return;
    }
    // Batch mode: one question a line in, one answer a line out, in order, so a scorer can pipe a whole set through.
    // A line {"question": …, "conversation": "<id>"} is asked in that conversation, read against its earlier lines.
    await answerQuestions(engine.service, createInterface({ input: process.stdin, crlfDelay: Infinity }), output, { batch: true, conversationTtlHours: setup.conversationTtlHours });
  } finally {
    await engine.close();
  }
}

// Explaining reads the story in this process, with no deadline: it is a tool for whoever tunes the answering.
async function explainCommand(question: string, json: boolean, corpus: string, dataDir: string, log: Log): Promise<void> {
  const { explainQuestion, renderExplanation } = await import('../../src/answer/explain.js');
  const { story } = await loadStory(corpus, dataDir, log);
  const explanation = explainQuestion(story, question);
  if (!explanation.ok) throw new CliError(`storybot: ${explanation.message}`);
  process.stdout.write(json ? `${JSON.stringify(explanation)}\n` : `${renderExplanation(explanation)}\n`);
}

async function sourcesCommand(corpus: string, dataDir: string, json: boolean, log: Log): Promise<void> {
  const { service } = await loadStory(corpus, dataDir, log);
  const sources = service.sources();
  process.stdout.write(json ? `${JSON.stringify(sources)}\n` : `${renderSourcesText(sources)}\n`);
}

async function passagesCommand(corpus: string, dataDir: string, document: string | undefined, json: boolean, log: Log): Promise<void> {
  const { story } = await loadStory(corpus, dataDir, log);
  const articles = story.articles().filter((article) => document === undefined || article.document === document);
  if (articles.length === 0) throw new CliError(`storybot: no article named ${document} in ${corpus}`);
  for (const article of articles) {
    if (json) {
      for (const passage of article.passages) process.stdout.write(`${JSON.stringify(passage)}\n`);
      continue;
    }
    process.stdout.write(`== ${article.document} · ${article.source ?? 'unknown outlet'} · ${article.date ?? 'undated'} · ${article.title ?? 'untitled'}\n`);
    for (const passage of article.passages) {
      const tags = [passage.role !== 'sentence' ? passage.role : null, passage.eventDate].filter(Boolean).join(', ');
      process.stdout.write(`${String(passage.position).padStart(4)}${tags ? ` (${tags})` : ''}  ${passage.text}\n`);
    }
  }
}

async function splitCommand(): Promise<void> {
  const { splitSentences } = await import('../../src/text/sentences.js');
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let text: unknown;
    try {
      text = JSON.parse(line);
    } catch {
      text = line;
    }
    process.stdout.write(`${JSON.stringify(splitSentences(String(text)))}\n`);
  }
}

async function digestCommand(config: Config, corpus: string, dataDir: string, flags: Flags, log: Log): Promise<void> {
  const { digestForCli, toDigestJson } = await import('./digest-command.js');
  const { story } = await loadStory(corpus, dataDir, log);
  const result = digestForCli({
    story,
    corpus,
    dataDir,
    since: flags.since,
    timeZone: config.DIGEST_TIMEZONE,
    now: new Date(),
  });
  if (!result.ok) throw new CliError(result.message, result.exitCode);
  process.stdout.write(flags.json ? `${JSON.stringify(toDigestJson(result.digest))}\n` : `${result.digest.text}\n`);
}

async function startCommand(config: Config, corpus: string, dataDir: string, log: Log): Promise<void> {
  const { startStorybot } = await import('../start.js');
  const started = await startStorybot({ config, corpus, dataDir, log, input: process.stdin, output: process.stdout });
  if (!started.ok) throw new CliError(started.message);
}

// A reader that stops early (`storybot ask --json … | head -1`) closes the pipe: that ends the output, quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`storybot: cannot write the output: ${error.message}\n`);
  process.exit(1);
});

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = error.exitCode;
    return;
  }
  process.stderr.write(`storybot: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
