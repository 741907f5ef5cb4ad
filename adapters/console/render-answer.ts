import { describeCitation, describeCoverage, describeSource } from '../../src/format.js';
import type { AskResult, SourceSummary, StoryOverview } from '../../src/types.js';

/** Renders an answer for a terminal: the short answer, the cited paragraph, then the numbered sources. */
export function renderAnswerText(result: AskResult, overview: StoryOverview): string {
  if (!result.ok) return result.message;
  const { answer } = result;
  if (answer.abstained) return `${answer.answer}\n${describeCoverage(overview, '/sources')}`;
  const lines: string[] = [];
  if (answer.short !== null) lines.push(answer.short, '');
  lines.push(answer.answer, '');
  for (const citation of answer.citations) lines.push(`[${citation.n}] ${describeCitation(citation)}`);
  return lines.join('\n');
}

/** Renders the story's articles as numbered lines for a terminal. */
export function renderSourcesText(sources: readonly SourceSummary[]): string {
  return sources.map((source, i) => `${i + 1}. ${describeSource(source)}${source.title !== null ? ` (${source.document})` : ''}`).join('\n');
}
