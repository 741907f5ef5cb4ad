import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { silentLog, type Log } from '../log.js';
import type { Article, SkippedFile } from '../types.js';
import { maxArticleBytes } from './decode.js';
import { describeArticleProblem, parseArticle, type ArticleProblem } from './parse-article.js';

export { maxArticleBytes } from './decode.js';
export { describeArticleProblem, parseArticle, type ArticleProblem } from './parse-article.js';

/** The articles of a corpus folder and the files that were passed over, or why the folder cannot be read. */
export type CorpusResult =
  | { ok: true; articles: Article[]; skipped: SkippedFile[] }
  | { ok: false; reason: 'missing-folder' | 'no-articles'; message: string };

/** Options for {@link readCorpus}. */
export type ReadCorpusOptions = {
  /** Where skipped files are reported, one warning each; defaults to a silent logger. */
  log?: Log;
  /** Files larger than this many bytes are skipped; defaults to {@link maxArticleBytes} (2 MiB). */
  maxArticleBytes?: number;
};

const articleName = /^[^.].*\.(?:txt|md)$/i;

/** The names of a folder's .txt and .md article files (hidden ones left out), sorted; null when it cannot be read. */
export async function listArticleFiles(dir: string): Promise<string[] | null> {
  try {
    return (await readdir(dir)).filter((name) => articleName.test(name)).sort();
  } catch {
    return null;
  }
}
// Files are read a few at a time: enough to overlap disk waits, few enough to keep memory flat on a large corpus.
const readsInFlight = 16;

/** Reads every .txt and .md article in a folder (not its subfolders), skipping bad files with a warning that names them. */
export async function readCorpus(dir: string, options: ReadCorpusOptions = {}): Promise<CorpusResult> {
  const log = options.log ?? silentLog;
  const maxBytes = options.maxArticleBytes ?? maxArticleBytes;
  const names = await listArticleFiles(dir);
  if (names === null) return { ok: false, reason: 'missing-folder', message: `storybot: cannot read the corpus folder ${dir}` };
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  for (let from = 0; from < names.length; from += readsInFlight) {
    const batch = names.slice(from, from + readsInFlight);
    const results = await Promise.all(batch.map((name) => readArticleFile(dir, name, maxBytes)));
    // Warnings are written here, in file-name order, so a log reads the same however the reads finished.
    for (const { name, result, problems } of results) {
      for (const problem of problems) log.warn({ document: name, ...problem }, describeArticleProblem(problem));
      if (result === null) continue;
      if ('reason' in result) {
        skipped.push(result);
        log.warn({ document: result.document, reason: result.reason }, 'skipped an article file');
      } else {
        articles.push(result);
      }
    }
  }
  if (articles.length === 0) {
    return { ok: false, reason: 'no-articles', message: `storybot: no readable .txt or .md article in ${dir}` };
  }
  log.debug({ articles: articles.length, skipped: skipped.length }, 'corpus read');
  return { ok: true, articles, skipped };
}

type FileRead = { name: string; result: Article | SkippedFile | null; problems: ArticleProblem[] };

// A null result is an entry that is not a file at all (a folder named like an article), which is not worth a warning.
async function readArticleFile(dir: string, name: string, maxBytes: number): Promise<FileRead> {
  const path = join(dir, name);
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { name, result: null, problems: [] };
    if (info.size > maxBytes) return { name, result: { document: name, reason: 'too-large' }, problems: [] };
    bytes = await readFile(path);
  } catch {
    return { name, result: { document: name, reason: 'unreadable' }, problems: [] };
  }
  const problems: ArticleProblem[] = [];
  const result = parseArticle(name, bytes, maxBytes, (problem) => problems.push(problem));
  return { name, result, problems };
}
