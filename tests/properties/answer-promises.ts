// The promises every answer keeps, whatever the question: checked by the property tests and by `npm run fuzz`.
import { maxAnswerLength } from '../../src/answer/compose.js';
import { maxQuestionLength } from '../../src/answer/answer-question.js';
import type { AskResult } from '../../src/types.js';

/** The longest direct answer, in characters. */
export const maxShortLength = 120;

// What can ping someone in Discord or Slack, and the invisible controls that reorder or hide rendered text.
const pingSyntax = /(?<![\p{L}\p{N}_])@(?:everyone|here|channel)\b|<[@!#][^<>]*>/iu;
const invisibleControls = /\p{Default_Ignorable_Code_Point}/u;

/** Reads an article file of the story by its document name. */
export type DocumentText = (document: string) => string;

// Case, quotes, dashes and spaces are folded, as the newsroom's citation check folds them.
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

// Letters and digits apart: "1bn" and "19th" hold the figures 1 and 19. A heading a scraper glued to its text with
// no space ("Stress CautionEikeland told …") is read apart at the capital, as storybot reads it.
function tokensOf(text: string): string[] {
  return fold(text.replace(/(\p{Ll})(?=\p{Lu})/gu, '$1 ')).match(/\p{L}+|\p{N}+/gu) ?? [];
}

/** A story's text as {@link shortIsReadable} searches it for names: every passage, folded, one a line. */
export function storyTextOf(passages: Iterable<string>): string {
  return [...passages].map(fold).join('\n');
}

/**
 * Whether a direct answer can be read in its citations: every word of it (the "and" that joins a list and a closing
 * ellipsis aside) stands in a cited passage or in the outlets a citation names; or, for a name the answer gives in full, the story prints the full name
 * somewhere and a cited passage its last word ("Yuri Ushakov" for a sentence that says "Ushakov"). A time with its
 * date resolved in parentheses ("Thursday (Dec 4, 2025)") can be read when either form can, and a timeline entry's
 * date where the cited passage's line opens with it.
 */
export function shortIsReadable(short: string, result: Extract<AskResult, { ok: true }>, storyText: string, documentText?: DocumentText): boolean {
  const stated = short.replace(/…$/u, '');
  // A timeline entry's later sentence ("Mar 9, 2027 — Valves close. About 600 people are evacuated.") is dated by
  // the date its line opens with.
  if (documentText !== undefined && result.answer.citations.some((citation) => lineDateOf(documentText(citation.document), citation.passage) === stated)) return true;
  // "What year …?" answered from "on Friday" shows the year the cited article's date puts it in; a when-question
  // answered by the day a cited article reports it shows that article's date.
  // The copies a citation carries are cited too, with their own dates.
  const dates = result.answer.citations.flatMap((citation) => [citation.date, ...citation.also.map((copy) => copy.date)]).filter((date) => date !== null);
  if (/^\d{4}$/u.test(stated) && dates.some((date) => date.startsWith(stated))) return true;
  if (dates.some((date) => sameDay(stated, date))) return true;
  const resolved = /^(.*)\s\(([^()]*\d[^()]*)\)$/u.exec(stated);
  if (resolved !== null) return readable(resolved[1]!, result, storyText) || readable(resolved[2]!, result, storyText);
  return readable(stated, result, storyText);
}

// The date a passage's line opens with ("Mar 9, 2027 — …"), or null.
function lineDateOf(text: string, passage: string): string | null {
  const at = text.indexOf(passage);
  if (at < 0) return null;
  const line = text.slice(text.lastIndexOf('\n', at) + 1, at);
  return /^\s*(\p{Lu}\p{Ll}{2,8}\.? \d{1,2}, \d{4})\s*[—–-]/u.exec(line)?.[1] ?? null;
}

// "Nov 11, 2027" and the citation date "2027-11-11".
function sameDay(shown: string, isoDate: string): boolean {
  const parsed = Date.parse(`${shown} UTC`);
  return /^\p{Lu}\p{Ll}{2} \d{1,2}, \d{4}$/u.test(shown) && !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === isoDate.slice(0, 10);
}

function readable(stated: string, result: Extract<AskResult, { ok: true }>, storyText: string): boolean {
  // The outlets a citation shows beside its passage count too: "which outlets reported …?" is answered by them.
  const cited = new Set(
    result.answer.citations
      .flatMap((citation) => [citation.passage, ...citation.also.map((copy) => copy.passage), citation.source ?? '', ...citation.credits, ...citation.also.map((copy) => copy.source ?? '')])
      .flatMap(tokensOf),
  );
  // "A, B and 3 others": the count of outlets not named is the answer's own summary.
  return stated.split(/,\s*|\s+and\s+/u).filter((part) => !/^\d+ others?$/u.test(part)).every((part) => {
    const tokens = tokensOf(part);
    if (tokens.every((token) => cited.has(token))) return true;
    return tokens.length > 0 && cited.has(tokens.at(-1)!) && storyText.includes(fold(part).trim());
  });
}

/** The promises a result breaks, in words; empty when it keeps them all. `storyText` is {@link storyTextOf} the story. */
export function brokenPromises(question: string, result: AskResult, documentText: DocumentText, storyText: string): string[] {
  const broken: string[] = [];
  if (!result.ok) {
    if (result.reason === 'timed-out' || result.reason === 'engine-stopped' || result.reason === 'loading') broken.push(`did not end: ${result.reason}`);
    if (result.reason === 'too-long' && question.length <= maxQuestionLength) broken.push(`refused as too long at ${question.length} characters`);
    return broken;
  }
  if (question.length > maxQuestionLength) broken.push(`answered a question of ${question.length} characters`);
  const { answer } = result;
  if (answer.answer.length > maxAnswerLength) broken.push(`answer of ${answer.answer.length} characters`);
  if (answer.short !== null && answer.short.length > maxShortLength) broken.push(`short answer of ${answer.short.length} characters`);
  if (answer.abstained && (answer.citations.length > 0 || answer.short !== null)) broken.push('an abstention cites or gives a short answer');
  for (const citation of answer.citations) {
    const text = documentText(citation.document);
    if (!text.includes(citation.passage)) broken.push(`cited passage not verbatim in ${citation.document}: ${JSON.stringify(citation.passage.slice(0, 80))}`);
    for (const copy of citation.also) if (!documentText(copy.document).includes(copy.passage)) broken.push(`copy not verbatim in ${copy.document}`);
    if (!answer.answer.includes(`[${citation.n}]`)) broken.push(`no [${citation.n}] marker for a citation`);
  }
  // A yes/no question's short answer is "Yes" or "No", which the citations state rather than print.
  const yesOrNo = answer.short === 'Yes' || answer.short === 'No';
  if (answer.short !== null && !answer.abstained && !yesOrNo && !shortIsReadable(answer.short, result, storyText, documentText)) broken.push(`short answer ${JSON.stringify(answer.short)} cannot be read in its citations`);
  for (const [name, text] of [['answer', answer.answer], ['short answer', answer.short ?? '']] as const) {
    if (pingSyntax.test(text)) broken.push(`the ${name} can ping: ${JSON.stringify(pingSyntax.exec(text)?.[0])}`);
    if (invisibleControls.test(text)) broken.push(`the ${name} holds an invisible control`);
  }
  return broken;
}
