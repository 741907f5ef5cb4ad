import { invisibleAsSpace, stripInvisible } from '../text/normalize.js';
import type { PassageRole } from '../types.js';
import {
  findGluedJoins,
  isByline,
  isMetadataLine,
  isSourcesLabel,
  looksLikeHeading,
  looksLikeHeadline,
  looksLikeMasthead,
  outletOfSourceEntry,
  readDateLine,
  readDateline,
  readSourceCredit,
  readTimelineStamp,
  type Dateline,
} from './article-metadata.js';
import { boilerplateKindOfBlock, isAuthorBio, isLinkListLabel, isNameLine, type BoilerplateKind } from './boilerplate.js';
import { findFullDates, toIsoDate, yearFromEvidence, type CalendarDay } from './calendar.js';
import { splitBlocks, type Block } from './blocks.js';
import { futureCuePattern } from '../language/dates.js';
import { irregularVerbs } from '../language/lexicon.js';
import { tagSentence } from '../language/tagger.js';
import { findGluedHeadingEnds } from './glued-headings.js';

/** A stretch of the article to index: offsets into its text, and what the passages cut from it are. */
export type Unit = {
  start: number;
  end: number;
  role: PassageRole;
  heading: string | null;
  eventDate: string | null;
  /** Whether the stretch is cut into sentences; headlines and headings stay whole. */
  split: boolean;
  /** Where the text starts after a heading a scraper glued to the paragraph's start, as an offset into the article. */
  textStart?: number;
};

/** Why a block of the article is not indexed: boilerplate, or a line that only carries metadata. */
export type DroppedKind = BoilerplateKind | 'masthead' | 'byline' | 'date-line' | 'metadata' | 'sources-list';

/** An article's indexable stretches and what its layout says about it. */
export type ArticleLayout = {
  units: Unit[];
  /** The headline from the top of the article, cut at a glued-on deck. */
  title: string | null;
  masthead: string | null;
  dateline: Dateline | null;
  /** The publication day, from a date line, the dateline or a date in the text; its year may be unknown. */
  day: CalendarDay | null;
  /** Outlets the article credits: a dateline agency, a sources list, a "Source:" line. */
  credits: string[];
  /** The blocks left out, for diagnostics; never logged, since they are the article's content. */
  dropped: Array<{ text: string; kind: DroppedKind }>;
};

// A title needs some substance; a one- or two-word line above the headline is a kicker or section label.
const minTitleWords = 3;
// The dateline is looked for in the first paragraphs of running text only.
const datelineParagraphs = 3;
// A page's header (masthead, kicker, headline, deck, byline, date) is a handful of lines at most.
const maxHeaderLines = 12;
// Blocks longer than this are never compared for repetition; headlines are much shorter.
const maxRepeatedLength = 300;

/** Reads an article body into indexable units, dropping boilerplate and reading title, masthead, dateline and credits. */
export function readArticleLayout(text: string, bodyStart: number): ArticleLayout {
  const blocks = splitBlocks(text, bodyStart);
  const raw = blocks.map((block) => text.slice(block.start, block.end));
  const clean = raw.map(stripInvisible);
  const dropped: Array<DroppedKind | null> = clean.map(boilerplateKindOfBlock);
  markTrailingBios(clean, dropped);
  markLinkLists(blocks, clean, dropped);

  const repeats = countRepeats(clean);
  const layout: ArticleLayout = { units: [], title: null, masthead: null, dateline: null, day: null, credits: [], dropped: [] };
  let bylineDay: CalendarDay | null = null;
  let headerHeading: string | null = null;
  let index = 0;

  // The header: masthead, kicker, headline and deck, byline and date lines, up to the first paragraph of text.
  let first = true;
  let headerLines = 0;
  for (; index < blocks.length && headerLines < maxHeaderLines; index++) {
    if (dropped[index] !== null) continue;
    headerLines++;
    const line = clean[index]!;
    const block = blocks[index]!;
    const masthead = first ? mastheadOf(raw[index]!, line) : null;
    if (masthead !== null && opensHeader(clean, dropped, index + 1)) {
      layout.masthead = masthead;
      dropped[index] = 'masthead';
      first = false;
      continue;
    }
    first = false;
    if (isByline(line)) {
      dropped[index] = 'byline';
      bylineDay ??= findFullDates(line)[0] ?? null;
      continue;
    }
    const dateLine = readDateLine(line);
    if (dateLine !== null) {
      layout.day ??= dateLine;
      dropped[index] = 'date-line';
      continue;
    }
    if (isMetadataLine(line)) {
      dropped[index] = 'metadata';
      continue;
    }
    const listed = block.marker === 'bullet' || block.marker === 'number';
    const headline = !listed && readDateline(line) === null && (looksLikeHeadline(line) || (repeats.get(line) ?? 0) > 1);
    if (!headline) break;
    const fragments = splitGlued(block, raw[index]!, clean[index]!);
    for (const { start, end } of fragments) layout.units.push({ start, end, role: 'headline', heading: null, eventDate: null, split: false });
    const words = line.split(/\s+/).length;
    if (layout.title === null && words >= minTitleWords) {
      const firstFragment = fragments[0]!;
      layout.title = stripInvisible(text.slice(firstFragment.start, firstFragment.end));
      headerHeading = null;
    } else if (words < minTitleWords) {
      // A short label ("Timeline") heads what follows it; a kicker above the headline is forgotten once the headline comes.
      headerHeading = line;
    }
  }

  // The body: headings, lists, timeline entries and paragraphs, with the sources list read for credits.
  let heading = headerHeading;
  let headingDate: string | null = null;
  let inSources = false;
  let paragraphs = 0;
  const paragraphUnits: Array<{ unit: Unit; line: string; raw: string }> = [];
  const evidence = lazyEvidence(clean, dropped);
  for (; index < blocks.length; index++) {
    if (dropped[index] !== null) continue;
    const line = clean[index]!;
    const block = blocks[index]!;
    const credited = readSourceCredit(line);
    if (credited !== null) {
      layout.credits.push(...credited);
      dropped[index] = 'sources-list';
      continue;
    }
    if (isSourcesLabel(line)) {
      inSources = true;
      dropped[index] = 'sources-list';
      continue;
    }
    const listed = block.marker === 'bullet' || block.marker === 'number';
    if (inSources) {
      const outlet = outletOfSourceEntry(line);
      if (listed || (outlet !== null && !looksLikeHeading(line))) {
        if (outlet !== null) layout.credits.push(outlet);
        dropped[index] = 'sources-list';
        continue;
      }
      inSources = false;
    }
    if (isByline(line)) {
      dropped[index] = 'byline';
      continue;
    }
    if (isMetadataLine(line)) {
      // A "Published: …" line below the headline still dates the article.
      layout.day ??= readDateLine(line);
      dropped[index] = 'metadata';
      continue;
    }
    if (block.marker === 'heading' || (!listed && looksLikeHeading(line))) {
      const dated = readDateLine(line);
      layout.units.push({ start: block.start, end: block.end, role: 'headline', heading, eventDate: null, split: false });
      heading = line;
      headingDate = dated === null ? null : isoWithEvidence(dated, evidence());
      continue;
    }
    const stamp = readTimelineStamp(line);
    if (stamp !== null) {
      const eventDate = stamp.day === null ? null : isoWithEvidence(stamp.day, evidence());
      layout.units.push({ start: block.start, end: block.end, role: 'timeline', heading, eventDate, split: true });
      continue;
    }
    if (listed) {
      layout.units.push({ start: block.start, end: block.end, role: 'list-item', heading, eventDate: null, split: true });
      continue;
    }
    let start = block.start;
    if (paragraphs < datelineParagraphs) {
      const dateline = readDateline(line);
      if (dateline !== null && layout.dateline === null) {
        layout.dateline = dateline;
        start = block.start + rawOffset(raw[index]!, dateline.length);
      }
    }
    paragraphs++;
    const role: PassageRole = headingDate === null ? 'sentence' : 'timeline';
    const unit: Unit = { start, end: block.end, role, heading, eventDate: headingDate, split: true };
    layout.units.push(unit);
    if (start === block.start) paragraphUnits.push({ unit, line, raw: raw[index]! });
  }
  markGluedHeadings(paragraphUnits, clean);

  layout.day = publicationDay(layout, bylineDay, evidence, text);
  layout.dropped = blocks.flatMap((_, i) => (dropped[i] === null ? [] : [{ text: clean[i]!, kind: dropped[i]! }]));
  return layout;
}

// An aggregator page that glues a Title-Case heading to each paragraph ("Death Toll Rises The number of …") has
// where each paragraph's text starts marked, so that no direct answer is taken from the heading ("First Painting").
// The heading stays in the passage, whose words it sums up. Only a page where most paragraphs open so is read this
// way: elsewhere a paragraph opening with a name ("President Jane Doe said …") is just that.
function markGluedHeadings(paragraphs: ReadonlyArray<{ unit: Unit; line: string; raw: string }>, pageLines: readonly string[]): void {
  const ends = findGluedHeadingEnds(paragraphs.map((paragraph) => paragraph.line), pageLines);
  paragraphs.forEach(({ unit, raw }, i) => {
    const end = ends?.[i];
    if (end !== null && end !== undefined) unit.textStart = unit.start + rawOffset(raw, end);
  });
}

// The headlines listed under "Similar Articles" or "Related" are other stories, whether bulleted or not: each line
// that reads as a headline or a list item is dropped, up to the first paragraph of running text. Only below some of
// the story's running text: a "Latest News" label above the headline heads the page, not a list of other stories.
function markLinkLists(blocks: readonly Block[], clean: readonly string[], dropped: Array<DroppedKind | null>): void {
  let seenText = false;
  for (let i = 0; i < clean.length; i++) {
    if (!seenText) {
      seenText = dropped[i] === null && clean[i]!.split(/\s+/).length >= 15;
      continue;
    }
    if (!isLinkListLabel(clean[i]!)) continue;
    dropped[i] ??= 'furniture';
    for (let j = i + 1; j < clean.length; j++) {
      if (dropped[j] !== null) continue;
      const listed = blocks[j]!.marker === 'bullet' || blocks[j]!.marker === 'number';
      if (!listed && !looksLikeHeading(clean[j]!) && !looksLikeHeadline(clean[j]!)) break;
      dropped[j] = 'furniture';
    }
  }
}

// A biography sits at the very end, after the story and any credit or licensing lines; a name line may head it.
function markTrailingBios(clean: readonly string[], dropped: Array<DroppedKind | null>): void {
  let sawBio = false;
  for (let i = clean.length - 1; i >= 0; i--) {
    if (dropped[i] !== null) continue;
    if (isAuthorBio(clean[i]!)) {
      dropped[i] = 'bio';
      sawBio = true;
    } else if (sawBio && isNameLine(clean[i]!)) {
      dropped[i] = 'bio';
    } else {
      return;
    }
  }
}

function countRepeats(clean: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of clean) if (line.length <= maxRepeatedLength) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

// Invisible characters may sit inside a word ("Har\u200Bbour") or stand for the space between two
// ("Harbour\u200BGazette"): a masthead is read either way, so they cannot hide it.
function mastheadOf(raw: string, clean: string): string | null {
  if (looksLikeMasthead(clean)) return clean;
  const spaced = invisibleAsSpace(raw);
  return spaced !== clean && looksLikeMasthead(spaced) ? spaced : null;
}

// A masthead is followed by the page's headline, byline, date or dateline; a short line followed by running text
// is the headline itself ("Exports Hit Record").
function opensHeader(clean: readonly string[], dropped: ReadonlyArray<DroppedKind | null>, from: number): boolean {
  let next = from;
  while (next < clean.length && dropped[next] !== null) next++;
  const line = clean[next];
  if (line === undefined) return false;
  return looksLikeHeadline(line) || isByline(line) || readDateLine(line) !== null || readDateline(line) !== null;
}

// A headline with its deck glued on is indexed as one headline per phrase, each still a stretch of the file.
function splitGlued(block: Block, raw: string, clean: string): Array<{ start: number; end: number }> {
  const joins = findGluedJoins(clean).map((at) => rawOffset(raw, at));
  const bounds = [0, ...joins, raw.length];
  const fragments: Array<{ start: number; end: number }> = [];
  for (let i = 0; i + 1 < bounds.length; i++) fragments.push({ start: block.start + bounds[i]!, end: block.start + bounds[i + 1]! });
  return fragments;
}

// Offsets found in the text without invisible characters are moved back onto the text as written.
function rawOffset(raw: string, cleanOffset: number): number {
  if (raw.length === cleanOffset || stripInvisible(raw) === raw) return cleanOffset;
  let seen = 0;
  for (let i = 0; i < raw.length; i++) {
    if (seen === cleanOffset) return i;
    if (stripInvisible(raw[i]!) !== '') seen++;
  }
  return raw.length;
}

type FullDates = ReadonlyArray<CalendarDay & { year: number }>;

// The article's full dates are read only when a date without a year needs one, once per article.
function lazyEvidence(clean: readonly string[], dropped: ReadonlyArray<DroppedKind | null>): () => FullDates {
  let found: FullDates | null = null;
  return () => (found ??= findFullDates(clean.filter((_, i) => dropped[i] === null).join('\n')));
}

function isoWithEvidence(day: CalendarDay, evidence: FullDates): string | null {
  const year = day.year ?? yearFromEvidence(day.month, day.day, evidence);
  return year === null ? null : toIsoDate({ ...day, year });
}

// A date line or dateline fixes the day even when its year stays unknown; only without them do dates in the text count.
const scheduledEntry = new RegExp(String.raw`\b(?:${futureCuePattern}|to be|scheduled|planned|slated|due|expected|deadline|postponed|original(?:ly)? (?:date|set|planned|scheduled)|earliest|possible)\b`, 'i');

function publicationDay(layout: ArticleLayout, bylineDay: CalendarDay | null, evidence: () => FullDates, text: string): CalendarDay | null {
  const stated = layout.day ?? layout.dateline?.day ?? bylineDay;
  if (stated !== null) {
    const year = stated.year ?? yearFromEvidence(stated.month, stated.day, evidence());
    return { ...stated, year };
  }
  const lede = layout.units.find((unit) => unit.role === 'sentence');
  const ledeDate = lede === undefined ? undefined : findFullDates(stripInvisible(text.slice(lede.start, lede.end)))[0];
  if (ledeDate !== undefined) return ledeDate;
  let latest: string | null = null;
  for (const unit of layout.units) {
    if (unit.role !== 'timeline' || unit.eventDate === null || (latest !== null && unit.eventDate <= latest)) continue;
    // "January 18, 2028 – First public hearing scheduled", "October 4 – Earliest date the plant could reopen", "March 14
    // – Court to hear the appeal", "August 31 – Exclusivity agreement expires": an entry for what lies ahead does not
    // date the page; one that reports something done ("zones widened", "suspect named") does.
    const entry = text.slice(unit.start, unit.end);
    if (scheduledEntry.test(entry) || !reportsDone(entry)) continue;
    latest = unit.eventDate;
  }
  if (latest === null) return null;
  const [year, month, day] = latest.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

// Past forms that differ from their verb's base: "rose", "held", "fled"; not "set" or "cut", which read as either.
const pastForms = new Set([...[...irregularVerbs].filter(([form, base]) => form !== base && form !== 'says').map(([form]) => form), 'was', 'were', 'had', 'did']);
const edWordsNotPast = new Set(['hundred', 'proceed', 'exceed', 'succeed', 'indeed', 'embed']);

// Whether a timeline entry reports something that happened: a verb in -ed or an irregular past ("zones widened", "Doe
// detained", "talks broke down"), or a verb in the present that news timelines tell the past in ("toll reaches 31",
// "Acme raises its offer", "prosecutors announce"). "Video talks between the two ministers" or "Inauguration of the new president" reports
// nothing yet.
function reportsDone(entry: string): boolean {
  if ((entry.toLowerCase().match(/\p{L}+/gu) ?? []).some((word) => (word.length > 4 && word.endsWith('ed') && !edWordsNotPast.has(word)) || pastForms.has(word))) return true;
  const words = tagSentence(entry.slice(0, 400));
  // "Acme raises", or "Prosecutors announce" after a plural subject.
  return words.some((word, i) => {
    const previous = words[i - 1];
    if (word.pos !== 'VERB' || /^to$/i.test(previous?.text ?? '') || /ing$/i.test(word.text)) return false;
    return /\p{Ll}{2,}s$/u.test(word.text) || (previous !== undefined && (previous.pos === 'NOUN' || previous.pos === 'PROPN') && /\p{L}{3,}s$/u.test(previous.text));
  });
}
