import { referenceMarkers } from '../text/normalize.js';
import { safeRenderedText } from '../text/safe-text.js';

/** Longest bullet text of a digest, in characters, before it is shortened. */
export const maxItemLength = 220;

// A rewrite's section label run into its sentence ("Key Developments: …", "Flood Update: …") is not part of the fact.
const leadingLabel = /^(?:[\p{Lu}][\p{L}'’-]*\s){0,3}[\p{Lu}][\p{L}'’-]*:\s+(?=[\p{Lu}"“])/u;

/**
 * A sentence as a digest quotes it: safe to show (see {@link safeRenderedText}), reference markers and a leading
 * section label removed, spaces collapsed, no space before punctuation.
 */
export function cleanSentence(text: string): string {
  return safeRenderedText(text)
    .replace(referenceMarkers, '')
    .replace(leadingLabel, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim();
}

// Places where a news sentence can end early and still read as a sentence: before a semicolon or dash aside, or
// before a trailing clause that only adds circumstance ("…, while …", "…, amid …").
const clauseBreaks = /(?:;\s|\s[—–]\s|,(["”’]?)\s(?=(?:and|while|whereas|amid|as|after|before|although|though|but|which|adding|saying|according to|in a|following)\b))/g;

/**
 * Shortens a cleaned sentence to at most `max` characters: at the last clause break that keeps at least 40% of the
 * room, otherwise at a word boundary, ending in "…". Short sentences come back unchanged.
 */
export function shortenSentence(text: string, max = maxItemLength): string {
  if (text.length <= max) return text;
  let kept: string | null = null;
  for (const match of text.matchAll(clauseBreaks)) {
    if (match.index > max - 2) break;
    // A comma inside a closing quote ("very good,” and …) goes; the quote stays.
    if (match.index >= max * 0.4) kept = text.slice(0, match.index) + (match[1] ?? '');
  }
  if (kept === null) {
    const room = text.slice(0, max - 1);
    const space = room.lastIndexOf(' ');
    kept = room.slice(0, space > max * 0.6 ? space : max - 1);
  }
  return `${kept.replace(/[\s,;:—–-]+$/, '')}…`;
}

/** A sentence ready for a bullet: cleaned and, when long, shortened. */
export function bulletText(sentence: string, max = maxItemLength): string {
  return shortenSentence(cleanSentence(sentence), max);
}

/**
 * Shortens a cleaned sentence to at most `max` characters so that it keeps `phrase` (such as the day an event falls
 * on): as {@link shortenSentence} when the phrase fits in the kept start, otherwise from the clause break before the
 * phrase to the end, opened with "…".
 */
export function excerptAround(text: string, phrase: string, max = maxItemLength): string {
  const at = text.indexOf(phrase);
  if (text.length <= max || at === -1 || at + phrase.length <= max - 2) return shortenSentence(text, max);
  let start = -1;
  for (const match of text.matchAll(/(?:[,;:]\s|\s[—–]\s)/g)) {
    if (match.index >= at) break;
    const from = match.index + match[0].length;
    if (text.length - from <= max - 1) {
      start = from;
      break;
    }
  }
  if (start === -1) {
    const tail = text.slice(Math.max(0, at - Math.floor(max / 2)));
    const space = tail.indexOf(' ');
    return shortenSentence(`…${tail.slice(space + 1)}`, max);
  }
  return `…${text.slice(start)}`;
}
