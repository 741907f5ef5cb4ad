import { monthNames } from './language/lexicon.js';
import type { Citation, SourceSummary, StoryOverview } from './types.js';

const monthLabels = monthNames.map((name) => name.charAt(0).toUpperCase() + name.slice(1, 3));

/** Formats a YYYY-MM-DD date as "Dec 5, 2025"; null stays null. */
export function formatDate(isoDate: string | null): string | null {
  if (isoDate === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return `${monthLabels[Number(match[2]) - 1]} ${Number(match[3])}, ${match[1]}`;
}

/** Names items as a sentence lists them: "A", "A and B", "A, B and C"; an empty list is "". */
export function listedText(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** The name to show for an article's outlet: its own, or for a page that has none, the outlets it summarises. */
export function outletLabel(source: string | null, credits: readonly string[] = []): string {
  if (source !== null) return source;
  return credits.length > 0 ? `${credits.slice(0, 3).join('/')} summary` : 'Unknown outlet';
}

/** One line naming a citation's source: outlet · date · "title", and the other outlets that carry it. */
export function describeCitation(citation: Citation): string {
  const parts = [outletLabel(citation.source, citation.credits)];
  const date = formatDate(citation.date);
  if (date !== null) parts.push(date);
  // An article with neither outlet nor title is named by its file, as the sources list names it, so it can be found.
  if (citation.title !== null) parts.push(`"${citation.title}"`);
  else if (citation.source === null && citation.credits.length === 0) parts.push(citation.document);
  let line = parts.join(' · ');
  const others = [...new Set(citation.also.map((copy) => copy.source).filter((source): source is string => source !== null))].filter(
    (source) => source !== citation.source,
  );
  if (others.length > 0) line += ` · also carried by ${others.join(', ')}`;
  return line;
}

/** One line describing an article for a source list: outlet · date · "title". */
export function describeSource(source: SourceSummary): string {
  const parts = [outletLabel(source.source, source.credits)];
  const date = formatDate(source.date);
  if (date !== null) parts.push(date);
  parts.push(source.title !== null ? `"${source.title}"` : source.document);
  return parts.join(' · ');
}

/** The friendly line that follows "the coverage doesn't say": what the bot covers and where to look. */
export function describeCoverage(overview: StoryOverview, sourcesHint: string): string {
  const outlets = overview.outlets.slice(0, 3).join(', ');
  const more = overview.outlets.length > 3 ? ', …' : '';
  const from = `${overview.articles} article${overview.articles === 1 ? '' : 's'}${outlets ? ` (${outlets}${more})` : ''}`;
  return `I answer questions about "${overview.title}" from ${from}. Try ${sourcesHint}.`;
}
