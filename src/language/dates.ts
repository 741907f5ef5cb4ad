import { monthAbbreviations, months, weekdays } from './lexicon.js';

/** A mention of a time in a sentence, with whatever calendar fields it states. */
export type TimeMention = {
  text: string;
  start: number;
  end: number;
  /** Calendar fields the text states outright. */
  year: number | null;
  month: number | null;
  day: number | null;
  /** Day of the week (Sunday 0) when the text names one. */
  weekday: number | null;
  /** Days from the article's date for "today" (0), "tomorrow" (1), "yesterday" (−1); null otherwise. */
  offsetDays: number | null;
  /** "next" or "last" when the text says which week a weekday is in. */
  direction: 'next' | 'last' | null;
  /** Years from the article's for a day and month followed by "this year" (0), "last year" (−1) or "next year" (1). */
  yearOffset?: number;
};

// "Jan. 14 this year": the year a day and month are in, said after them.
const yearAfter = /^,?\s+(this|last|next)\s+year\b/i;
const yearOffsets: Readonly<Record<string, number>> = { this: 0, last: -1, next: 1 };

const monthNames = [...months.keys()].sort((a, b) => b.length - a.length).join('|');
const weekdayNames = [...weekdays.keys()].join('|');
// A name's edges: \b knows only ASCII letters, so "Mar" would be a month inside "María".
const nameStart = String.raw`(?<![\p{L}\p{N}_])`;
const nameEnd = String.raw`(?![\p{L}\p{N}_])`;
// "Monday morning", "yesterday night": the part of the day a day's name may carry.
const dayPart = String.raw`\s+(?:morning|afternoon|evening|night)`;
const partOf = String.raw`(?:(?:early|mid|late|end of|beginning of|the end of|the start of|start of|(?:the\s+)?(?:first|second|third|fourth|final|last)\s+(?:half|quarter)\s+of)[\s-])?`;

// Ordered from most to least specific; a later pattern never takes text an earlier one matched.
const patterns: Array<{ pattern: RegExp; read: (match: RegExpMatchArray) => Partial<TimeMention> }> = [
  {
    // Dec 4, 2025 · Dec. 4 · December 4th 2025
    pattern: new RegExp(String.raw`${nameStart}(?:(${weekdayNames}),?\s+)?(${monthNames})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`, 'giu'),
    read: (m) => ({ weekday: weekdayOf(m[1]), month: monthOf(m[2]), day: Number(m[3]), year: m[4] ? Number(m[4]) : null }),
  },
  {
    // 4 December 2025 · 4th Dec
    pattern: new RegExp(String.raw`\b(?:(${weekdayNames}),?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${monthNames})${nameEnd}\.?\b(?:,?\s+(\d{4})\b)?`, 'giu'),
    read: (m) => ({ weekday: weekdayOf(m[1]), day: Number(m[2]), month: monthOf(m[3]), year: m[4] ? Number(m[4]) : null }),
  },
  {
    // January 2027 · mid-November · early 2025
    pattern: new RegExp(String.raw`${nameStart}${partOf}(${monthNames})${nameEnd}\.?(?:\s+(\d{4})\b)?`, 'giu'),
    read: (m) => ({ month: monthOf(m[1]), year: m[2] ? Number(m[2]) : null }),
  },
  {
    // ISO dates in text: 2025-12-04
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    // next Monday · last Tuesday · Thursday's meeting · on Saturday · late Monday night: a part of the day is part of the time
    pattern: new RegExp(String.raw`${nameStart}(?:(?:early|late)\s+)?(?:(next|last|this|coming)\s+)?(${weekdayNames})(?:['’]s|${dayPart})?${nameEnd}`, 'giu'),
    read: (m) => ({ weekday: weekdayOf(m[2]), direction: directionOf(m[1]) }),
  },
  {
    pattern: new RegExp(String.raw`\b(today|tonight|tomorrow|yesterday)(?:${dayPart})?\b`, 'giu'),
    read: (m) => ({ offsetDays: ({ today: 0, tonight: 0, tomorrow: 1, yesterday: -1 } as Record<string, number>)[m[1]!.toLowerCase()] ?? null }),
  },
  {
    // in 2023 · by 2027 · early 2025 · the 2025 goal
    pattern: new RegExp(String.raw`\b${partOf}((?:19|20)\d\d)\b(?![,.]?\d)`, 'giu'),
    read: (m) => ({ year: Number(m[1]) }),
  },
  {
    pattern: /\b(?:(?:this|next|last|the coming|the past|earlier this|later this)\s+(?:weekend|week|month|year)\b|in the coming (?:days|weeks|months)|(?:at|by|around)\s+(?:noon|midnight)|\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b))/giu,
    read: () => ({}),
  },
];

function monthOf(name: string | undefined): number | null {
  return name === undefined ? null : (months.get(name.toLowerCase().replace(/\.$/, '')) ?? null);
}

function weekdayOf(name: string | undefined): number | null {
  return name === undefined ? null : (weekdays.get(name.toLowerCase()) ?? null);
}

function directionOf(word: string | undefined): 'next' | 'last' | null {
  if (word === undefined) return null;
  const lower = word.toLowerCase();
  return lower === 'next' || lower === 'coming' ? 'next' : lower === 'last' ? 'last' : null;
}

/** Finds the time expressions of a sentence, most specific first where two overlap. */
export function findTimeMentions(sentence: string): TimeMention[] {
  const found: TimeMention[] = [];
  for (const { pattern, read } of patterns) {
    for (const match of sentence.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && end > other.start)) continue;
      // "may" is a month only when capitalised and next to a day or year.
      if (/^may$/i.test(match[0]) || (/^may\b/.test(match[0]) && !/\d/.test(match[0]))) continue;
      // A month's short form before a capitalised word is a name ("Jan Novak", "Mar Menor", "Dec Kelly").
      if (monthAbbreviations.has(match[0].toLowerCase()) && /^\s+\p{Lu}/u.test(sentence.slice(end))) continue;
      const fields = read(match);
      const text = match[0].replace(/(?<![ap]\.m)\.$/i, '');
      found.push({
        text,
        start,
        end: start + text.length,
        year: fields.year ?? null,
        month: fields.month ?? null,
        day: fields.day ?? null,
        weekday: fields.weekday ?? null,
        offsetDays: fields.offsetDays ?? null,
        direction: fields.direction ?? null,
        ...yearOffsetAfter(fields, sentence.slice(end)),
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function yearOffsetAfter(fields: Partial<TimeMention>, after: string): { yearOffset?: number } {
  if (fields.month == null || fields.day == null || fields.year != null) return {};
  const said = yearAfter.exec(after);
  return said === null ? {} : { yearOffset: yearOffsets[said[1]!.toLowerCase()]! };
}

/** Parses a YYYY-MM-DD date into a UTC Date, or null. */
export function parseIsoDate(isoDate: string | null): Date | null {
  if (isoDate === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

/** Formats a UTC Date as YYYY-MM-DD. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whether the words around a time mention look ahead ("will meet on Saturday") or back ("met on Tuesday"). */
export type Tense = 'future' | 'past' | 'unknown';

/** Phrases that put what a sentence tells ahead of the writer ("will", "set to", "plans to"), as a regular-expression alternation. */
export const futureCuePattern = String.raw`(?:will|would|shall|is to|are to|scheduled|set to|due to|plans? to|expected to|upcoming)`;

const futureTense = new RegExp(String.raw`\b(?:${futureCuePattern}|to (?:continue|resume|meet|hold|visit|return)|next|later this)\b`, 'i');

/** Reads the tense of a sentence from its auxiliaries and verbs, enough to place a bare weekday. */
export function tenseOf(sentence: string): Tense {
  if (futureTense.test(sentence)) return 'future';
  if (/\b(?:was|were|had|did|said|told|met|held|\w+ed)\b/i.test(sentence)) return 'past';
  return 'unknown';
}

/**
 * The days an article names with their weekday and date ("Monday, March 27"), by weekday (Sunday 0), within a week
 * of the article's date; a weekday the article gives two dates for is left out.
 */
export function statedWeekdayDates(sentences: readonly string[], articleDate: string | null): ReadonlyMap<number, string> {
  const reference = parseIsoDate(articleDate);
  const stated = new Map<number, string | null>();
  if (reference === null) return new Map();
  for (const sentence of sentences) {
    for (const mention of findTimeMentions(sentence)) {
      if (mention.weekday === null || mention.month === null || mention.day === null) continue;
      const date = resolveTimeMention(mention, articleDate, 'unknown');
      const day = parseIsoDate(date);
      if (date === null || day === null || Math.abs(day.getTime() - reference.getTime()) > 7 * 86_400_000) continue;
      const earlier = stated.get(mention.weekday);
      stated.set(mention.weekday, earlier === undefined || earlier === date ? date : null);
    }
  }
  return new Map([...stated].filter((entry): entry is [number, string] => entry[1] !== null));
}

/**
 * Resolves a time mention to a calendar date against the article's date; null when it names no single day. A bare
 * weekday the article elsewhere gives with its date ("Monday's hearing" beside "on Monday, March 27") is that date.
 */
export function resolveTimeMention(mention: TimeMention, articleDate: string | null, tense: Tense, statedWeekdays?: ReadonlyMap<number, string>): string | null {
  const reference = parseIsoDate(articleDate);
  if (mention.month !== null && mention.day !== null) {
    const year = mention.year ?? (reference === null ? null : mention.yearOffset !== undefined ? reference.getUTCFullYear() + mention.yearOffset : nearestYear(reference, mention.month, mention.day));
    return year === null ? null : toIsoDate(new Date(Date.UTC(year, mention.month - 1, mention.day)));
  }
  if (reference === null) return null;
  if (mention.offsetDays !== null) return toIsoDate(addDays(reference, mention.offsetDays));
  if (mention.weekday !== null) {
    const stated = mention.direction === null ? statedWeekdays?.get(mention.weekday) : undefined;
    if (stated !== undefined) return stated;
    const today = reference.getUTCDay();
    let delta = mention.weekday - today;
    const forward = (delta + 7) % 7;
    const backward = forward === 0 ? 0 : forward - 7;
    if (mention.direction === 'next') delta = forward === 0 ? 7 : forward;
    else if (mention.direction === 'last') delta = backward === 0 ? -7 : backward;
    else if (tense === 'future') delta = forward;
    else if (tense === 'past') delta = backward;
    else delta = forward <= 3 ? forward : backward;
    return toIsoDate(addDays(reference, delta));
  }
  return null;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function nearestYear(reference: Date, month: number, day: number): number {
  const year = reference.getUTCFullYear();
  const candidates = [year - 1, year, year + 1];
  const distance = (y: number) => Math.abs(Date.UTC(y, month - 1, day) - reference.getTime());
  return candidates.reduce((a, b) => (distance(b) < distance(a) ? b : a));
}
