import { findUpcomingEvents, type UpcomingEvent } from '../digest/upcoming.js';
import { formatDate } from '../format.js';
import { termsOf } from '../search/terms.js';
import type { Story } from '../story.js';
import type { Answer } from '../types.js';
import { composeAnswer } from './compose.js';
import type { OutletScope } from './outlet-scope.js';
import { synonymsOf } from './query-plan.js';
import { unrankedEntry } from './rank.js';

/** A question about what comes next in the story: what it is about ("the vote"), and whether it asks when. */
export type NextQuestion = { topic: string; asksWhen: boolean };

const opener = String.raw`^(?:(?:so|and|ok(?:ay)?|then)[,\s]+)?`;
const end = String.raw`\s*[?.!]*$`;
const patterns: ReadonlyArray<{ pattern: RegExp; asksWhen: boolean }> = [
  // "What's next?", "what happens next for the union?", "what's coming up?", "what's ahead for the talks?"
  {
    pattern: new RegExp(
      String.raw`${opener}what(?:['’]s|\s+is|\s+are|\s+comes|\s+happens|\s+will\s+happen)?\s+(?:next|now|coming\s+up|ahead|upcoming|planned|scheduled)(?:\s+(?:for|in|with|on|about)\s+(.{1,80}?))?${end}`,
      'iu',
    ),
    asksWhen: false,
  },
  // "What is the next step?", "what are the next steps in the review?"
  { pattern: new RegExp(String.raw`${opener}what(?:['’]s|\s+is|\s+are|\s+will\s+be)\s+the\s+next\s+(.{1,80}?)${end}`, 'iu'), asksWhen: false },
  // "When is the next meeting?", "when's the next hearing in the case?"
  { pattern: new RegExp(String.raw`${opener}when(?:['’]s|\s+is|\s+are|\s+will\s+be)?\s+the\s+next\s+(.{1,80}?)${end}`, 'iu'), asksWhen: true },
  // "Any upcoming meetings?", "are there scheduled talks?", "what's on the agenda?"
  { pattern: new RegExp(String.raw`${opener}(?:are\s+there\s+|is\s+there\s+|any\s+)(?:any\s+)?(?:upcoming|planned|scheduled|future)\s+(.{1,80}?)${end}`, 'iu'), asksWhen: false },
  { pattern: new RegExp(String.raw`${opener}what(?:['’]s|\s+is)\s+on\s+the\s+(?:agenda|calendar|schedule)(?:\s+(?:for|in)\s+(.{1,80}?))?${end}`, 'iu'), asksWhen: false },
];

/** Reads a question that asks what comes next ("What's next?", "When is the next meeting?"), or null for any other. */
export function readNextQuestion(question: string): NextQuestion | null {
  const text = question.trim();
  for (const { pattern, asksWhen } of patterns) {
    const match = pattern.exec(text);
    if (match !== null) return { topic: (match[1] ?? '').trim(), asksWhen };
  }
  return null;
}

/**
 * Answers what comes next from the scheduled events the coverage mentions on or after its latest article's day
 * ("talks will resume on Saturday"), nearest first, each day read against its own article's date; when the question
 * names a topic ("the next vote"), only events about it. Null when the coverage schedules nothing that fits, so the
 * question is answered from the passages as any other.
 */
export function answerWhatComesNext(story: Story, question: string, resolved: string, next: NextQuestion, scope: OutletScope | null): Answer | null {
  const asOf = story.overview().lastDate;
  if (asOf === null) return null;
  const events = findUpcomingEvents(story, { today: asOf, now: new Date(`${asOf}T12:00:00Z`), firstSeen: () => null, dateOf: (document) => story.dateOf(document) })
    .filter((event) => scope === null || scope.documents.has(event.article.document))
    // A day the latest coverage was written on is still ahead only in the latest coverage: an older article's event
    // of that day is what the latest one reports.
    .filter((event) => event.date !== null && (event.date > asOf || story.dateOf(event.article.document) === asOf));
  const chosen = aboutTopic(events, next.topic);
  if (chosen.length === 0) return null;
  const composed = composeAnswer(story, chosen.map((event) => unrankedEntry(event.passage)), scope ?? undefined);
  if (composed.citations.length === 0) return null;
  const first = chosen[0]!;
  const day = first.date === null ? null : formatDate(first.date);
  const short = next.asksWhen ? (day === null ? first.when : `${first.when.replace(/^(?:on|by|in|from|until)\s+/i, '')} (${day})`) : null;
  return { question, resolved, answer: composed.answer, short, abstained: false, kind: next.asksWhen ? 'time' : 'other', citations: composed.citations };
}

// Generic words of a "next" question that name no topic: "the next step", "what's next for us".
const topicless = new Set(termsOf('step steps move moves stage thing things event events development developments us it them this that'));

// The events whose sentence holds a word of the topic (or a synonym): "the next vote" keeps the vote. A topic of only
// generic words keeps every event.
function aboutTopic(events: readonly UpcomingEvent[], topic: string): UpcomingEvent[] {
  const terms = termsOf(topic).filter((term) => !topicless.has(term));
  if (terms.length === 0) return [...events];
  const wanted = new Set(terms.flatMap((term) => [term, ...synonymsOf(term)]));
  return events.filter((event) => termsOf(event.passage.normalized).some((term) => wanted.has(term)));
}
