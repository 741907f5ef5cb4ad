import { normalizeForMatch, paddingCharacter } from '../text/normalize.js';
import { splitSentenceSpans } from '../text/sentences.js';
import type { Passage } from '../types.js';
import type { Unit } from './article-layout.js';
import { isBoilerplateSentence } from './boilerplate.js';

// Whitespace and invisible format characters are trimmed from a passage's ends; what remains is the file's own text.
const padding = paddingCharacter;
const letter = /\p{L}/u;

/**
 * Cuts an article's units into passages, one per sentence in reading order, each `text` a verbatim stretch of the
 * article; sentences that are boilerplate or carry no letters are left out, and a headline repeated word for word
 * is kept once.
 */
export function buildPassages(document: string, text: string, units: readonly Unit[]): Passage[] {
  const passages: Passage[] = [];
  const headlines = new Set<string>();
  const add = (unit: Unit, start: number, end: number): void => {
    while (start < end && padding.test(text[start]!)) start++;
    while (end > start && padding.test(text[end - 1]!)) end--;
    const sentence = text.slice(start, end);
    if (!letter.test(sentence)) return;
    const normalized = normalizeForMatch(sentence);
    if (unit.role === 'headline') {
      if (headlines.has(normalized)) return;
      headlines.add(normalized);
    } else if (isBoilerplateSentence(sentence)) {
      return;
    }
    const position = passages.length;
    const passage: Passage = {
      id: `${document}#${position}`,
      document,
      position,
      text: sentence,
      normalized,
      heading: unit.heading,
      eventDate: unit.eventDate,
      role: unit.role,
    };
    // The sentence that opens with a glued-on heading carries how much of its normalised text the heading is.
    if (unit.textStart !== undefined && start < unit.textStart && unit.textStart < end) passage.gluedHeading = normalizeForMatch(text.slice(start, unit.textStart)).trimEnd().length;
    passages.push(passage);
  };
  for (const unit of units) {
    if (!unit.split) {
      add(unit, unit.start, unit.end);
      continue;
    }
    for (const span of splitSentenceSpans(text.slice(unit.start, unit.end))) add(unit, unit.start + span.start, unit.start + span.end);
  }
  return passages;
}
