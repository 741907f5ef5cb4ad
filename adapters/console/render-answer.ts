import { resolvedDiffers } from '../../src/conversation/converse.js';
import { describeCitation, describeCoverage, describeSource } from '../../src/format.js';
import type { AskResult, SourceSummary, StoryOverview } from '../../src/types.js';

/** Options for {@link renderAnswerText}. */
export type RenderAnswerOptions = {
  /** Show how a follow-up was understood when that differs from what was typed; defaults to false. */
  showResolved?: boolean;
};

/** Renders an answer for a terminal: how a follow-up was understood, the short answer, the cited paragraph, then the numbered sources. */
export function renderAnswerText(result: AskResult, overview: StoryOverview, options: RenderAnswerOptions = {}): string {
  if (!result.ok) return result.message;
  const { answer } = result;
  const lines: string[] = [];
  if (options.showResolved === true && resolvedDiffers(answer.question, answer.resolved)) lines.push(`(understood as: ${answer.resolved})`);
  if (answer.abstained) return [...lines, answer.answer, describeCoverage(overview, '/sources')].join('\n');
  if (answer.short !== null) lines.push(answer.short, '');
  lines.push(answer.answer, '');
  for (const citation of answer.citations) lines.push(`[${citation.n}] ${describeCitation(citation)}`);
  return lines.join('\n');
}

/** Renders the story's articles as numbered lines for a terminal. */
export function renderSourcesText(sources: readonly SourceSummary[]): string {
  return sources.map((source, i) => `${i + 1}. ${describeSource(source)}${source.title !== null ? ` (${source.document})` : ''}`).join('\n');
}
