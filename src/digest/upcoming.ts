import { findTimeMentions, futureCuePattern, resolveTimeMention, type TimeMention } from '../language/dates.js';
import { reportingVerbs, wordAlternation } from '../language/lexicon.js';
import type { Story } from '../story.js';
import type { Article, Passage } from '../types.js';

/** A scheduled event the coverage mentions: the sentence, and the day it falls on where that can be told. */
export type UpcomingEvent = {
  passage: Passage;
  article: Article;
  /** The day as YYYY-MM-DD, or null when the article is undated and the day cannot be placed. */
  date: string | null;
  /** The time words as the sentence has them ("Saturday", "Sept. 17"). */
  when: string;
};

// Words that put an event ahead of the writer: "will meet", "scheduled for", "set to", "is due", "plans to".
// No two of these phrases can match at one place, so the order of the alternation does not change what a search finds.
const futureCue = new RegExp(
  String.raw`\b(?:${futureCuePattern}|rescheduled|set for|due (?:on|for)|planned|is expected|are expected|to be held|slated|poised to|intends? to|aims? to)\b`,
  'i',
);
// Verbs of completed action or reporting: one between the future cue and the time words means the time belongs to
// another clause ("Speaking on Wednesday, the mayor cautioned that … would …").
const pastOrReporting = new RegExp(
  String.raw`\b${wordAlternation([...reportingVerbs, ...'cautioned warned noted met held was were had did spent began took went came called described agreed signed passed ended followed'.split(' ')])}\b`,
  'i',
);
const reportedOn = new RegExp(String.raw`\b${wordAlternation(reportingVerbs)}\s+(?:\S+\s+){0,2}(?:on\s+)?$`, 'i');

/** Options for {@link findUpcomingEvents}. */
export type UpcomingOptions = {
  /** Today as YYYY-MM-DD in the digest's time zone: events before it are over. */
  today: string;
  /** When each document was first seen; undated articles seen longer ago than `undatedWithinDays` are not trusted. */
  firstSeen: (document: string) => Date | null;
  /** The digest's instant. */
  now: Date;
  /** The article's date as YYYY-MM-DD where known (the story's, a year inferred for a dateline included). */
  dateOf: (document: string) => string | null;
  /** How recently an undated article must have been first seen for its weekdays to be listed; defaults to 7. */
  undatedWithinDays?: number;
};

/**
 * Finds scheduled events still ahead: sentences in the future tense that name a day, each day resolved against its
 * article's date ("on Monday" in an article of Thursday Dec 4 is Monday Dec 8) and kept when it is today or later.
 * A weekday in an undated article cannot be placed, so it is kept only when the phrasing is plainly future and the
 * article is recent, with a null date.
 */
export function findUpcomingEvents(story: Story, options: UpcomingOptions): UpcomingEvent[] {
  const undatedWindow = (options.undatedWithinDays ?? 7) * 86_400_000;
  // An undated article belongs to its story's time: when every dated article is older than the window, the undated
  // ones are taken to be old too, however recently storybot first read them.
  const lastDate = story.overview().lastDate;
  const storyIsRecent = lastDate === null || options.now.getTime() - Date.parse(lastDate) <= undatedWindow + 86_400_000;
  const events: UpcomingEvent[] = [];
  for (const article of story.articles()) {
    const seen = options.firstSeen(article.document);
    const undatedTrusted = storyIsRecent && (seen === null || options.now.getTime() - seen.getTime() <= undatedWindow);
    const articleDate = options.dateOf(article.document);
    for (const passage of article.passages) {
      const text = passage.text;
      if (!futureCue.test(text)) continue;
      for (const mention of findTimeMentions(text)) {
        if (!namesADay(mention)) continue;
        if (!looksAhead(text, mention)) continue;
        const date = resolveEventDay(mention, articleDate, options.today);
        if (date === null) {
          if (articleDate !== null || !undatedTrusted || mention.weekday === null) continue;
          events.push({ passage, article, date: null, when: mention.text });
          break;
        }
        if (date < options.today) continue;
        events.push({ passage, article, date, when: mention.text });
        break;
      }
    }
  }
  return events.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.passage.id.localeCompare(b.passage.id));
}

function namesADay(mention: TimeMention): boolean {
  return (mention.month !== null && mention.day !== null) || mention.weekday !== null || (mention.offsetDays !== null && mention.offsetDays >= 0);
}

// The time words belong to a future event when a future cue stands close before them ("talks scheduled for
// Saturday", "will meet … on Thursday") or just after them ("On Saturday the two sides will meet"), with no past or
// reporting verb in between.
function looksAhead(text: string, mention: TimeMention): boolean {
  const before = text.slice(Math.max(0, mention.start - 100), mention.start);
  // "officials said on Friday" dates the reporting, not an event.
  if (reportedOn.test(before)) return false;
  const cues = [...before.matchAll(new RegExp(futureCue.source, 'gi'))];
  const lastCue = cues.at(-1);
  if (lastCue !== undefined && !pastOrReporting.test(before.slice(lastCue.index + lastCue[0].length))) return true;
  const after = text.slice(mention.end, mention.end + 80);
  const cueAfter = futureCue.exec(after);
  return cueAfter !== null && !pastOrReporting.test(after.slice(0, cueAfter.index));
}

// A day and month without a year, in an undated article, is placed in the year that puts it nearest to today.
function resolveEventDay(mention: TimeMention, articleDate: string | null, today: string): string | null {
  if (articleDate === null && mention.month !== null && mention.day !== null && mention.year === null) {
    return resolveTimeMention(mention, today, 'future');
  }
  return resolveTimeMention(mention, articleDate, 'future');
}
