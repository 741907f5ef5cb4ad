import { createHash } from 'node:crypto';
import type { Article, SkippedFile } from '../types.js';
import { sameOutlet } from './article-metadata.js';
import { readArticleLayout } from './article-layout.js';
import { toIsoDate } from './calendar.js';
import { decodeArticleBytes, maxArticleBytes } from './decode.js';
import { readFrontMatter, type FrontMatterProblem } from './front-matter.js';
import { buildPassages } from './passages.js';

/** Something wrong with an article's metadata that storybot worked around; the article is still read. */
export type ArticleProblem = FrontMatterProblem;

/** The warning to log for an article problem, in plain words. */
export function describeArticleProblem(problem: ArticleProblem): string {
  switch (problem.problem) {
    case 'unclosed-front-matter':
      return 'the front matter has no closing ---; its fields were read up to the first other line';
    case 'invalid-date':
      return 'the front matter date is not a calendar date; the date is looked for in the text instead';
  }
}

/**
 * Turns one file's bytes into an article, or says why it cannot be one (empty, binary, not UTF-8, too large, no
 * text); metadata problems it works around are passed to `onProblem`, for a warning.
 */
export function parseArticle(document: string, bytes: Uint8Array, maxBytes = maxArticleBytes, onProblem?: (problem: ArticleProblem) => void): Article | SkippedFile {
  const decoded = decodeArticleBytes(bytes, maxBytes);
  if (!decoded.ok) return { document, reason: decoded.reason };
  const { text } = decoded;
  const front = readFrontMatter(text);
  if (onProblem !== undefined) for (const problem of front.problems) onProblem(problem);
  const layout = readArticleLayout(text, front.bodyStart);
  const passages = buildPassages(document, text, layout.units);
  if (passages.length === 0) return { document, reason: 'no-text' };
  const source = front.fields.source ?? layout.masthead ?? layout.dateline?.outlet ?? null;
  return {
    document,
    title: front.fields.title ?? layout.title,
    source,
    date: front.fields.date ?? (layout.day === null ? null : toIsoDate(layout.day)),
    monthDay: front.fields.date === null && layout.day !== null && layout.day.year === null ? { month: layout.day.month, day: layout.day.day } : null,
    url: front.fields.url,
    credits: creditsOf(source, [layout.dateline?.outlet ?? null, ...layout.credits]),
    passages,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
  };
}

// The article's own outlet is never its credit, and an outlet named twice is credited once.
function creditsOf(source: string | null, named: ReadonlyArray<string | null>): string[] {
  const credits: string[] = [];
  for (const outlet of named) {
    if (outlet === null || (source !== null && sameOutlet(outlet, source))) continue;
    if (!credits.some((credit) => sameOutlet(credit, outlet))) credits.push(outlet);
  }
  return credits;
}
