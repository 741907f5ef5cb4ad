import { formatDate } from '../format.js';
import { safeRenderedText } from '../text/safe-text.js';
import type { DigestCitation, DigestItem, DigestSection } from './types.js';

/** A day and a time in a time zone, as a digest shows them: "Fri Dec 5, 09:00 UTC". */
export function formatInstant(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('month')} ${part('day')}, ${part('hour')}:${part('minute')} ${zoneName(at, timeZone, part('timeZoneName'))}`;
}

// American English names American zones (EST) but gives "GMT+1" for British summer time, which British English
// calls BST: the British name is taken where it is a name and the American one is only an offset.
function zoneName(at: Date, timeZone: string, american: string): string {
  if (!/^GMT[+-]/.test(american)) return american;
  const british = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return british !== undefined && /^[A-Z]{2,5}$/.test(british) ? british : american;
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function localDay(at: Date, timeZone: string): string {
  // The Swedish locale writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** A YYYY-MM-DD day as a digest shows it: "Sat Dec 6". */
export function formatDay(isoDay: string): string {
  const at = new Date(`${isoDay}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return isoDay;
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(at).replace(',', '');
}

/** The `[1][2]` markers of an item's citations. */
export function markersOf(item: DigestItem): string {
  return item.citations.map((citation) => `[${citation.n}]`).join('');
}

/** One line naming a cited article and the numbers citing it: "[1][4] Harbor Wire · Dec 5, 2025 · "Title"". */
export function describeDigestSource(numbers: readonly number[], citation: DigestCitation, maxTitle = 70): string {
  const parts = [citation.source ?? 'Unknown outlet'];
  const date = formatDate(citation.date);
  if (date !== null) parts.push(date);
  if (citation.title !== null) {
    const title = citation.title.length > maxTitle ? `${citation.title.slice(0, maxTitle - 1).trimEnd()}…` : citation.title;
    parts.push(`"${title}"`);
  } else {
    parts.push(citation.document);
  }
  return `${numbers.map((n) => `[${n}]`).join('')} ${parts.join(' · ')}`;
}

/** The cited articles of a digest in order of first citation, each with every number that cites it. */
export function sourcesOf(sections: readonly DigestSection[]): Array<{ numbers: number[]; citation: DigestCitation }> {
  const byDocument = new Map<string, { numbers: number[]; citation: DigestCitation }>();
  for (const citation of citationsOf(sections)) {
    const known = byDocument.get(citation.document);
    if (known === undefined) byDocument.set(citation.document, { numbers: [citation.n], citation });
    else known.numbers.push(citation.n);
  }
  return [...byDocument.values()];
}

/** Every citation of a digest's sections once, in number order. */
export function citationsOf(sections: readonly DigestSection[]): DigestCitation[] {
  const byNumber = new Map<number, DigestCitation>();
  for (const section of sections) for (const item of section.items) for (const citation of item.citations) byNumber.set(citation.n, citation);
  return [...byNumber.values()].sort((a, b) => a.n - b.n);
}

/**
 * The plain-text digest: the header, each section's bullets with markers (or its note), then the cited articles;
 * safe to show, whatever the articles' titles and outlets hold (see {@link safeRenderedText}).
 */
export function renderDigestText(header: string, sections: readonly DigestSection[]): string {
  const blocks = [header];
  for (const section of sections) {
    const lines = [section.title];
    if (section.items.length === 0) lines.push(section.note ?? '');
    for (const item of section.items) lines.push(`• ${item.text} ${markersOf(item)}`.trimEnd());
    blocks.push(lines.join('\n'));
  }
  const sources = sourcesOf(sections);
  if (sources.length > 0) blocks.push(['Sources', ...sources.map((source) => describeDigestSource(source.numbers, source.citation))].join('\n'));
  return safeRenderedText(blocks.join('\n\n'));
}
