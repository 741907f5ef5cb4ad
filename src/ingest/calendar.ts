import { months, weekdayAbbreviations } from '../language/lexicon.js';

/** A calendar day as an article states it; the year is null when the text gives only month and day. */
export type CalendarDay = { year: number | null; month: number; day: number };

// Datelines and headers write month names capitalised or in capitals; lowercase "may" or "march" is a word, not a month.
const monthNames = [...months.keys()]
  .flatMap((name) => [name[0]!.toUpperCase() + name.slice(1), name.toUpperCase()])
  .sort((a, b) => b.length - a.length)
  .join('|');

const weekdayNames = [...weekdayAbbreviations].map((name) => name[0]!.toUpperCase() + name.slice(1)).join('|');
const weekdayPrefix = String.raw`(?:(?:${weekdayNames})(?:day|nesday|sday|urday)?\.?,?\s+)?`;
const year = String.raw`((?:19|20)\d\d)(?!\d)`;

/** Month-day forms: "Dec. 4", "December 4th", with an optional year ("Dec 4 2025", "Dec. 4, 2025"). */
export const monthDayPattern = String.raw`(${monthNames})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s+${year})?`;

/** Day-month forms: "4 December", "5th of Dec", with an optional year. */
export const dayMonthPattern = String.raw`(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${monthNames})\.?(?![A-Za-z])(?:,?\s+${year})?`;

const isoPattern = String.raw`${year}-(\d\d)-(\d\d)(?!\d)`;
const partOfPeriod = String.raw`(?:(?:Early|Mid|Late|Earlier|Later|End of|Start of|Beginning of|Spring|Summer|Autumn|Fall|Winter)[\s-]+(?:of\s+)?)?`;
const leadingPeriod = new RegExp(String.raw`^(?:${partOfPeriod}(?:(?:${monthNames})\.?,?\s+)?${year}|Q[1-4]\s+${year})`);

const leadingDate = new RegExp(String.raw`^${weekdayPrefix}(?:${monthDayPattern}|${dayMonthPattern}|${isoPattern})`);
const fullDates = new RegExp(
  String.raw`\b(?:(${monthNames})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+${year}|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${monthNames})\.?,?\s+${year}|${isoPattern})`,
  'g',
);

/** Reads a date at the very start of a text, returning the day and how many characters it took, or null. */
export function readLeadingDate(text: string): { day: CalendarDay; length: number } | null {
  const match = leadingDate.exec(text);
  if (match === null) return null;
  const day = dayFromGroups(match.slice(1));
  return day === null ? null : { day, length: match[0].length };
}

/** Reads a period at the very start of a text ("Early 2025", "March 2024", "2023") and returns its length, or null. */
export function readLeadingPeriod(text: string): number | null {
  return leadingPeriod.exec(text)?.[0].length ?? null;
}

/** Finds every date in a text that states day, month and year ("Dec 4, 2025", "4 December 2025", "2025-12-04"). */
export function findFullDates(text: string): Array<CalendarDay & { year: number }> {
  const found: Array<CalendarDay & { year: number }> = [];
  for (const match of text.matchAll(fullDates)) {
    const day = dayFromGroups(match.slice(1));
    if (day !== null && day.year !== null && toIsoDate(day) !== null) found.push({ ...day, year: day.year });
  }
  return found;
}

/** Formats a calendar day as YYYY-MM-DD, or null when the year is unknown or the day does not exist. */
export function toIsoDate(day: CalendarDay): string | null {
  if (day.year === null || day.month < 1 || day.month > 12 || day.day < 1) return null;
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day));
  if (date.getUTCMonth() !== day.month - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** Parses a front-matter date value ("2025-12-04", "2025-12-04T09:00:00Z", "Dec 4, 2025") to YYYY-MM-DD, or null. */
export function parseDateValue(value: string): string | null {
  const leading = readLeadingDate(value.trim());
  return leading === null ? null : toIsoDate(leading.day);
}

/**
 * Picks the year of a month and day from the full dates an article states elsewhere: the same day in any year,
 * else the year that puts it within 31 days of a stated date; null when nothing in the article supports a year.
 */
export function yearFromEvidence(month: number, day: number, evidence: ReadonlyArray<CalendarDay & { year: number }>): number | null {
  const same = evidence.find((date) => date.month === month && date.day === day);
  if (same !== undefined) return same.year;
  let best: { year: number; distance: number } | null = null;
  for (const date of evidence) {
    const stated = Date.UTC(date.year, date.month - 1, date.day);
    for (const candidate of [date.year - 1, date.year, date.year + 1]) {
      const distance = Math.abs(Date.UTC(candidate, month - 1, day) - stated) / 86_400_000;
      if (distance <= 31 && (best === null || distance < best.distance)) best = { year: candidate, distance };
    }
  }
  return best?.year ?? null;
}

// The three alternatives of the date patterns fill different capture groups; exactly one set is defined.
function dayFromGroups(groups: ReadonlyArray<string | undefined>): CalendarDay | null {
  const [mdMonth, mdDay, mdYear, dmDay, dmMonth, dmYear, isoYear, isoMonth, isoDay] = groups;
  if (mdMonth !== undefined) return calendarDay(mdYear, months.get(mdMonth.toLowerCase()), mdDay);
  if (dmMonth !== undefined) return calendarDay(dmYear, months.get(dmMonth.toLowerCase()), dmDay);
  if (isoYear !== undefined) return calendarDay(isoYear, Number(isoMonth), isoDay);
  return null;
}

function calendarDay(yearText: string | undefined, month: number | undefined, dayText: string | undefined): CalendarDay | null {
  const day = Number(dayText);
  if (month === undefined || !Number.isInteger(day) || day < 1 || day > 31) return null;
  return { year: yearText === undefined ? null : Number(yearText), month, day };
}
