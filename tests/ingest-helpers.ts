import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, type Log } from '../src/log.js';
import { parseArticle } from '../src/ingest/read-corpus.js';
import type { Article } from '../src/types.js';
import { memoryStream } from './helpers/memory-stream.js';

/** Writes the given files into a fresh temporary folder and returns its path. */
export async function writeCorpus(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'storybot-ingest-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

/** Removes a folder made by {@link writeCorpus}. */
export async function removeCorpus(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** A real pino logger whose JSON lines are kept for the test to read. */
export function capturingLog(): { log: Log; lines: () => Array<Record<string, unknown>>; raw: () => string } {
  const { destination, text: raw } = memoryStream();
  const log = createLogger({ level: 'debug', pretty: false, destination });
  const lines = () =>
    raw()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log, lines, raw };
}

/** Parses an inline article and fails the test when it was skipped. */
export function articleOf(text: string, document = 'article.txt'): Article {
  const parsed = parseArticle(document, Buffer.from(text, 'utf8'));
  if ('reason' in parsed) throw new Error(`test article ${document} was skipped: ${parsed.reason}`);
  return parsed;
}

/** An article with front matter (title, outlet, date) over the given body, parsed as a file of that name. */
export function datedArticle(title: string, source: string, date: string, body: string, document = 'article.txt'): Article {
  return articleOf(`---\ntitle: ${title}\nsource: ${source}\ndate: ${date}\n---\n${body}`, document);
}

/** Folds whitespace, quotes and dashes the way the citation scorer does before it looks a passage up in its file. */
export { fold as foldForCitation } from '../train/datasets.js';
