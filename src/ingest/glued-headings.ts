import { firstNameGender } from '../language/first-names.js';
import { isProperNounWord } from '../language/proper-nouns.js';
import { isWordNetWord } from '../language/synonyms.js';
import { months, roleNouns, weekdays } from '../language/lexicon.js';
import { termKey } from '../search/terms.js';
import type { Passage } from '../types.js';

// How an article uses its capitalised words, to tell a heading's words from a name's: a word printed with a capital
// inside a sentence is part of a name ("Health Minister", "Kestrel Ridge"); a word printed in lower case is not.
type WordUse = { capitalisedInside: ReadonlySet<string>; lowerCase: ReadonlySet<string> };

// Short words a Title-Case heading may keep in lower case ("Set for Thursday", "Hold the Key").
const minorWords = new Set(['of', 'and', 'for', 'to', 'in', 'on', 'at', 'the', 'a', 'an', 'as', 'by', 'with', 'but', 'from', 'over', 'vs', 'per', 'into', 'or', 'nor', 'amid', 'after', 'before', 'up']);
// What ends a company's name: "Amagumo Weather Inc.", "Hoshida Pharmaceutical Co.".
const corporateSuffix = /^(?:Inc|Ltd|Co|Corp|LLC|plc|PLC|AG|SA|GmbH|NV|BV|AB|ASA|SpA|Bhd)\.?,?$/;
// Adverbs and prepositions a heading capitalises ("Price Revised Again", "Talks Open Between …"): no names, though
// WordNet lists no synonym for some of them.
const headingParticles = new Set(['again', 'still', 'now', 'back', 'yet', 'also', 'more', 'less', 'over', 'under', 'between', 'against', 'amid', 'without', 'within', 'despite', 'toward', 'towards', 'until', 'since', 'through', 'ahead', 'away', 'down', 'out', 'off', 'once', 'soon', 'far', 'here', 'there', 'why', 'how', 'what', 'who', 'when', 'where']);
// Words that open a sentence, not a heading's phrase: "… Price Cut The deal …".
const articles = new Set(['The', 'A', 'An']);
// A preposition opens the sentence when what follows it is written as running text ("In a statement", "On Thursday,").
const openingPrepositions = new Set(['In', 'On', 'During', 'After', 'Before', 'At', 'By', 'For', 'With', 'From', 'Since', 'Until', 'Despite', 'Following', 'Earlier', 'Later', 'When', 'While', 'Meanwhile']);
// A heading is a few words; a body's first name phrase is too. Runs longer than this are left alone.
const maxRunWords = 24;
// A page's paragraphs are read as glued headings only when most of them start so, and at least this many.
const minGluedParagraphs = 3;

// Which words an article's paragraphs print capitalised inside a sentence and which in lower case.
function readWordUse(paragraphs: readonly string[]): WordUse {
  const capitalisedInside = new Set<string>();
  const lowerCase = new Set<string>();
  for (const paragraph of paragraphs) {
    const words = paragraph.split(/\s+/);
    // A line of capitalised words is a headline, whose capitals say nothing about names.
    if (words.filter((word) => /^['"“‘(]?\p{Lu}/u.test(word)).length * 2 > words.length) continue;
    // The opening words of a paragraph may be a glued heading, so they tell nothing.
    const from = Math.min(words.length, titleRunLength(words) + 1);
    for (let i = from; i < words.length; i++) {
      const word = bare(words[i]!);
      if (word === '') continue;
      const previous = words[i - 1] ?? '';
      if (/^\p{Lu}/u.test(word)) {
        if (!/[.!?:"”]$/u.test(previous)) capitalisedInside.add(word);
      } else if (/^\p{Ll}/u.test(word)) lowerCase.add(word);
    }
  }
  return { capitalisedInside, lowerCase };
}

// Where a paragraph's text starts after a Title-Case heading a scraper glued to it ("Captain Held Captain Hendra
// Wiratama, 47, was detained …" starts at the second "Captain"), as an offset into the paragraph; null when it does
// not open with such a heading.
function gluedHeadingEnd(paragraph: string, use: WordUse): number | null {
  const words = [...paragraph.matchAll(/\S+/g)].map((match) => ({ text: match[0], start: match.index }));
  const texts = words.map((word) => word.text);
  const run = titleRunLength(texts);
  const glued = camelGlueAt(texts, run, use);
  if (glued !== null) return words[glued.word]!.start + glued.offset;
  // A heading of two words or more, and the sentence's first word, all before the running text.
  if (run < 3 || run > maxRunWords || run >= words.length) return null;
  let split = openerAt(texts, run) ?? Math.min(nameStart(texts, run, use), repeatedAt(texts, run));
  // A heading does not end on its preposition: "Money Traced To Malta" keeps "Malta".
  if (split >= 2 && split + 1 < words.length && /^\p{Lu}/u.test(texts[split - 1]!) && minorWords.has(bare(texts[split - 1]!).toLowerCase())) split++;
  // A heading has two capitalised words at least: "Late on Tuesday, …" and "Lisbon and European partners …" open with
  // none glued on.
  if (split < 2 || texts.slice(0, split).filter((word) => /^['"“‘(]?\p{Lu}/u.test(word) && !minorWords.has(bare(word))).length < 2) return null;
  return words[split]!.start;
}

// "Debris Estimate Raised AgainCantonal geologists …", "Man Remanded For Four WeeksA judge …": a scraper that drops
// the break between a heading and its paragraph leaves a word whose tail starts the text. The head must be a common
// word a heading uses ("Again", "Weeks"), so that a name printed so ("SableMoth", "McAllister") is left whole. Where
// the heading ends, as the word and the offset into it; null when no word of the opening run is glued so.
function camelGlueAt(words: readonly string[], run: number, use: WordUse): { word: number; offset: number } | null {
  for (let i = 1; i < Math.min(run, maxRunWords); i++) {
    const glued = /^(\p{Lu}\p{Ll}+|\p{Ll}{2,})(\p{Lu}(?:\p{Ll}*|\p{Lu}+|\.))(?=[\s,.;:'’-]|$)/u.exec(words[i]!);
    if (glued === null || use.capitalisedInside.has(bare(words[i]!))) continue;
    const head = glued[1]!;
    const term = termKey(head);
    const lower = head.toLowerCase();
    const common = headingParticles.has(lower) || minorWords.has(lower) || use.lowerCase.has(lower) || (term !== null && isWordNetWord(term) && !isProperNounWord(lower));
    if (common) return { word: i, offset: head.length };
  }
  return null;
}

// "Captain Held Captain Hendra Wiratama, 47, …": a word of the heading said again opens the text.
function repeatedAt(words: readonly string[], run: number): number {
  for (let i = 2; i < run; i++) {
    const word = bare(words[i]!);
    if (/^\p{Lu}/u.test(word) && words.slice(0, i).some((earlier) => bare(earlier) === word)) return i;
  }
  return run;
}

/**
 * Where each paragraph's text starts after a heading a scraper glued to it, as offsets into the paragraphs (null for
 * one that opens with none), or null when the page is not one whose paragraphs open so: two thirds of them at least,
 * and three. Names are told from heading words by how the whole page prints them (`pageLines`, its timeline and
 * sources list too). A first look at the paragraphs' openings reads no word lists, so that most pages cost nothing.
 */
export function findGluedHeadingEnds(paragraphs: readonly string[], pageLines: readonly string[]): Array<number | null> | null {
  const enough = (count: number) => count >= minGluedParagraphs && count * 3 >= paragraphs.length * 2;
  const opensTitled = (paragraph: string) => {
    const words = paragraph.split(/\s+/, maxRunWords + 1);
    const run = titleRunLength(words);
    // "Supplier NamedFor the first time": two words and a glued one open it too.
    return run >= 3 || (run >= 2 && words.slice(1, run).some((word) => /\p{Ll}\p{Lu}/u.test(word)));
  };
  if (!enough(paragraphs.filter(opensTitled).length)) return null;
  const use = readWordUse(pageLines);
  const ends = paragraphs.map((paragraph) => gluedHeadingEnd(paragraph, use));
  return enough(ends.filter((end) => end !== null).length) ? ends : null;
}

// How many words open the paragraph in Title Case: capitalised words, figures and the minor words between them. A
// colon means a label ("Key Developments:"), not a heading glued on.
function titleRunLength(words: readonly string[]): number {
  let run = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const letters = bare(word);
    if (/:$/.test(word)) return 0;
    const capital = /^[\p{Lu}\p{N}$€£¥]/u.test(letters) || /^['"“‘(]?\p{Lu}/u.test(word);
    if (!capital && !(minorWords.has(letters) && i > 0)) break;
    run = i + 1;
    // A heading may hold a comma ("Toll Climbs To Six, Seven Still Missing"), but not one before an age or a lower-case
    // word ("Captain Inês Falcão, 49, and …", "Sanne Verhoeven, the …"); a byline's semicolon ends the run.
    if (/;$/.test(word) || (/,$/.test(word) && !/^['"“‘(]?\p{Lu}/u.test(words[i + 1] ?? ''))) break;
  }
  // A run cannot end on a minor word: "Hold the" is the heading's, "the" the text's.
  while (run > 0 && minorWords.has(bare(words[run - 1]!))) run--;
  return run;
}

// "… Price Cut The deal …", "… Thursday On Thursday, Dec 4 …": the first article, or a preposition followed by
// running text, a day or a figure, past the heading's first two words.
function openerAt(words: readonly string[], run: number): number | null {
  for (let i = 2; i < run + 1 && i < words.length; i++) {
    const word = words[i]!;
    // "Wreckage On The Beach": an article after a heading's preposition is the heading's.
    if (articles.has(word) && i + 1 < words.length && !minorWords.has(bare(words[i - 1]!).toLowerCase())) return i;
    if (openingPrepositions.has(word)) {
      const next = bare(words[i + 1] ?? '');
      // "In a statement", "On Thursday", "In 2019": not "Injury Count Settles At 12".
      if (/^\p{Ll}/u.test(next) || weekdays.has(next.toLowerCase()) || months.has(next.toLowerCase()) || /^\d{4}$/.test(next)) return i;
    }
  }
  return null;
}

// The text's first words are the name phrase the run ends with: walked back from the run's last word while the words
// are names (printed capitalised inside a sentence elsewhere, or no common English word), with a figure at the very
// end kept ("Jan-Baptist Roelandts' 1649 oak panel"). When the last word is no name, the text starts with it
// ("Hospitals across the district").
function nameStart(words: readonly string[], run: number, use: WordUse): number {
  let start = run - 1;
  while (/^\p{N}/u.test(bare(words[start]!)) && start > 2) start--;
  // "Atlântica Airways said", "Aldermark Therapeutics said": a common word after a name ends the name.
  if (!isNameWord(words[start]!, use)) {
    // "Soren Kjaer's Lantern Holdings raised …": what a name owns is part of the text's opening phrase.
    const owner = [1, 2, 3].map((back) => start - back).find((at) => at >= 2 && /['’]s?$/u.test(words[at]!) && isNameWord(words[at]!, use));
    if (owner !== undefined) start = owner;
    else if (start - 1 >= 2 && isNameWord(words[start - 1]!, use)) start--;
    else return run - 1;
  }
  while (start - 1 >= 2) {
    const before = words[start - 1]!;
    // A title before the name is the text's too: "Commissioner B. Chaitanya Murali signed"; so is the word a company's
    // suffix follows ("Amagumo Weather Inc.").
    if (isNameWord(before, use) || roleNouns.has(bare(before).toLowerCase()) || corporateSuffix.test(words[start]!)) {
      start--;
      continue;
    }
    // "Doctors at St. Anne's …", "Dr. Renée Fairbrother of the New Zealand Space Agency": a preposition in lower case
    // is the text's, and so is the word before it.
    if (/^\p{Ll}/u.test(before) && minorWords.has(before) && start - 2 >= 2) {
      start -= 2;
      while (start - 1 >= 2 && /^\p{Ll}/u.test(words[start]!) && minorWords.has(words[start]!)) start--;
      continue;
    }
    // "Carrowgate Albion and Kestrel Ridge": a minor word between two names is the name's.
    if (minorWords.has(bare(before)) && start - 2 >= 2 && isNameWord(words[start - 2]!, use)) {
      start -= 2;
      continue;
    }
    break;
  }
  return start;
}

function isNameWord(word: string, use: WordUse): boolean {
  const letters = bare(word);
  if (!/^\p{Lu}/u.test(letters)) return false;
  // Initials and abbreviated titles: "B.", "Dr.", "St.".
  if (/^\p{Lu}\p{Ll}{0,2}\.$/u.test(word)) return true;
  // "Cholpon-Ata" and "Jan-Baptist" are names; "Week-long" and "Swiss-brokered" are not.
  if (/[-‐‑]/u.test(letters)) return letters.split(/[-‐‑]/u).every((part) => /^\p{Lu}/u.test(part));
  if (use.capitalisedInside.has(letters)) return true;
  if (use.lowerCase.has(letters.toLowerCase())) return false;
  if (firstNameGender(letters) !== null) return true;
  const term = termKey(letters);
  // A stop word has no term and is no name.
  if (term === null || headingParticles.has(letters.toLowerCase())) return false;
  return isProperNounWord(letters.toLowerCase()) || !isWordNetWord(term);
}

// A word without the quotes, brackets and punctuation around it, and without a possessive's "'s".
function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}$€£¥]+/u, '').replace(/[^\p{L}\p{N}]+$/u, '').replace(/['’]s$/u, '');
}

/** A passage's normalised text with a heading glued to its start blanked out, every offset kept. */
export function textAfterGluedHeading(passage: Passage): string {
  const heading = passage.gluedHeading ?? 0;
  return heading === 0 ? passage.normalized : ' '.repeat(heading) + passage.normalized.slice(heading);
}

/**
 * A passage's normalised text with a glued-on heading set off by a semicolon, so no phrase runs across it, and the
 * heading's last letter when the semicolon took its place (-1 when it took a space's).
 */
export function gluedHeadingSetOff(passage: Passage): { text: string; lostLetter: number } {
  const heading = passage.gluedHeading ?? 0;
  const text = passage.normalized;
  if (heading === 0 || heading >= text.length) return { text, lostLetter: -1 };
  // The space after the heading becomes the semicolon; a heading glued on with no space ("WeekDefence") gives up its
  // own last letter instead, so that the text keeps every one of its characters.
  if (/\s/u.test(text[heading]!)) return { text: `${text.slice(0, heading)};${text.slice(heading + 1)}`, lostLetter: -1 };
  return { text: `${text.slice(0, heading - 1)};${text.slice(heading)}`, lostLetter: heading - 1 };
}
