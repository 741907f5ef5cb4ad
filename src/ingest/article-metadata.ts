import { dayMonthPattern, monthDayPattern, readLeadingDate, readLeadingPeriod, type CalendarDay } from './calendar.js';

/** What a dateline states: "HALDEN, Dec 5 (Agency) –" gives a place, a month and day, and an outlet. */
export type Dateline = {
  /** Characters the dateline takes at the start of its paragraph, separator and spaces included. */
  length: number;
  outlet: string | null;
  day: CalendarDay | null;
};

// Words that end an outlet's name in a masthead ("… News", "The … Times", "… Gazette").
const outletWord =
  /(?:^|\s)(?:News|Newswire|Times|Post|Journal|Herald|Tribune|Gazette|Press|Daily|Today|Wire|Chronicle|Telegraph|Guardian|Observer|Independent|Express|Mail|Mirror|Star|Sun|Standard|Examiner|Inquirer|Review|Reporter|Monitor|Bulletin|Courier|Dispatch|Record|Register|Sentinel|Beacon|Ledger|Insider|Network|Media|Radio|TV|Television|Broadcasting|Online|Magazine|Weekly|Digest|Agency|Leader|Citizen|Globe|Week|Economist|Informer|Advocate|Voice|Mercury|Clarion|Enquirer|Gleaner|Statesman|Nation|Spectator|Caller|Messenger|Herald-\w+)$/;
// Section labels print like a masthead ("World News", "Business") but name a page, not an outlet.
const sectionWord =
  /^(?:world|business|local|national|international|breaking|latest|top|sports?|tech(?:nology)?|politics|global|regional|health|science|entertainment|finance|markets?|economy|opinion|live|us|u\.s\.|uk|europe|asia|africa|americas|middle east|metro|city|state|home)\s+news$/i;
// Kickers printed in capitals above a headline; they look like an acronym outlet but are labels.
const kicker = /^(?:EXCLUSIVE|BREAKING|LIVE|UPDATE|UPDATED|OPINION|ANALYSIS|WATCH|VIDEO|PHOTOS|EXPLAINER|FACTBOX|EDITORIAL|COMMENT|REVIEW|FEATURE|NEWS|WORLD|MARKETS|SPORT|SPORTS)$/;
// Words an outlet's name may carry or drop ("KTVX" and "KTVX News" are one outlet).
const genericOutletWord = /\s+(?:News|Media|Network|TV|Radio|Online|Group|Digital|Newswire|Wire)$/i;
const acronymOutlet = /^[A-Z][A-Z&]{1,5}(?:\s+[A-Z][a-z]+){0,2}$/;
const domainOutlet = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|news|info|io|tv|co|in|uk|co\.uk|com\.au)$/;

const cityWords = String.raw`[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}`;
const regionWords = String.raw`[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2}`;
const outletInParentheses = String.raw`\((?<outlet>[A-Z][^()\d]{0,38}[^()\s])\)`;
const separator = String.raw`\s*(?:[-–—]{1,2}|:)\s*`;
const datelinePattern = new RegExp(
  String.raw`^(?:(?<city>${cityWords})(?:,\s+${regionWords})?,?\s+)?` +
    String.raw`(?:(?<date>${monthDayPattern}|${dayMonthPattern})\s*)?` +
    String.raw`(?:${outletInParentheses})?` +
    separator,
);

const bylinePattern = /^(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by|[Ss]tory by|[Rr]eported by)\s+(?!The\b)\p{Lu}[\p{L}.'’-]+/u;
const labelledDate = /^(?:published|updated|last updated|posted|first published|date|modified|last modified)(?:\s+on)?\s*[:|-]?\s*/i;
// A time after a date line's date, its zone ("ET", "GMT+5") and an "Updated …" glued on.
const timeTail = /^[\s,|·•-]*(?:(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:\(?[A-Z]{2,5}(?:[+−-]\d{1,2}(?::?\d{2})?)?\)?)?)?[\s,|·•-]*(?:updated\b.*)?$/i;
// A clock time and zone before a date line's date ("7:18 PM GMT+8, June 14, 2027"); it must carry a.m./p.m. or a colon.
const leadingTime = /^(?:at\s+)?\d{1,2}(?:(?:[:.]\d{2})\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)\s*(?:\(?[A-Z]{2,5}(?:[+−-]\d{1,2}(?::?\d{2})?)?\)?)?\s*,?\s*(?=\p{L})/iu;
const metadataLine =
  /^(?:(?:updated|published|posted|last updated)\b[^.!?]{0,60}|\d+\s*(?:min|minute)s?\s+(?:read|ago)|\d+\s+(?:hours?|days?|minutes?)\s+ago|listen\s*(?:to this article)?\W*\d*\s*(?:min|mins)?)$/i;
const functionWordEnd =
  /\s(?:a|an|the|of|to|in|on|at|by|for|with|from|and|or|but|as|that|this|is|are|was|were|be|his|her|its|their|our|my|your)$/i;
const sentenceEnd = /[.!?:;,…]["'”’)\]]*$/;

/** Tells whether a short first line is an outlet's masthead ("Harbour Gazette", "KTVX News", "example.com"). */
export function looksLikeMasthead(line: string): boolean {
  if (line.length > 50 || /[!?,:;]$/.test(line)) return false;
  const words = line.split(/\s+/);
  if (words.length > 5) return false;
  if (domainOutlet.test(line)) return true;
  if (/\.$/.test(line) || sectionWord.test(line) || kicker.test(line)) return false;
  const capitalised = words.every((word) => /^(?:[A-Z0-9\p{Lu}]|the$|of$|and$|&$)/u.test(word));
  if (!capitalised) return false;
  // A masthead set in capitals ("THE HARBOUR LEDGER") ends in the same words.
  const titled = line === line.toUpperCase() ? line.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()) : line;
  return outletWord.test(titled) || acronymOutlet.test(line);
}

/** Reads a dateline at the start of a paragraph ("Dec. 4 (Agency) —", "HALDEN, March 3 (Wire) -", "(Wire) —"), or null. */
export function readDateline(paragraph: string): Dateline | null {
  const match = datelinePattern.exec(paragraph.slice(0, 200));
  if (match === null) return null;
  const { city, date, outlet } = match.groups ?? {};
  // A dateline needs an outlet, or a capitalised place with its date; a bare date and dash is a timeline entry.
  if (outlet === undefined && (city === undefined || date === undefined)) return null;
  if (match[0].length >= paragraph.length) return null;
  const day = date === undefined ? null : (readLeadingDate(date)?.day ?? null);
  return { length: match[0].length, outlet: outlet?.trim() ?? null, day };
}

/** Reads the date that opens a timeline entry ("Dec 2, 2025 – …", "Early 2025 – …"): the day when it names one, and its length. */
export function readTimelineStamp(line: string): { day: CalendarDay | null; length: number } | null {
  const date = readLeadingDate(line);
  const length = date?.length ?? readLeadingPeriod(line);
  if (length === null) return null;
  const separator = /^\s*(?:[-–—]{1,2}|:|\|)\s+(?=\S)/.exec(line.slice(length, length + 8));
  if (separator === null) return null;
  return { day: date?.day ?? null, length: length + separator[0].length };
}

/** Tells whether a line is a byline ("By Jane Doe", "By Jane Doe and Sam Roe, Staff Writers"). */
export function isByline(line: string): boolean {
  return line.length <= 160 && bylinePattern.test(line) && !/[.!?]["”]?$/.test(line.replace(/\b[A-Z]\.$/, ''));
}

/** Reads the publication date of a labelled or standalone date line ("Published: 5 December 2025", "Dec 4, 2025 10:30 ET"). */
export function readDateLine(line: string): CalendarDay | null {
  if (line.length > 100) return null;
  // A byline and its date share a line on some pages ("Written By: Jane Doe | Updated: Jun 15, 2027, 16:05 IST").
  const parts = line.split(/\s+[|·•]\s+/);
  for (const part of parts.length > 1 ? parts : [line]) {
    const labelled = labelledDate.exec(part);
    // The time may come first: "Updated 7:18 PM GMT+8, June 14, 2027".
    const rest = (labelled === null ? part : part.slice(labelled[0].length)).replace(leadingTime, '');
    const date = readLeadingDate(rest);
    if (date !== null && timeTail.test(rest.slice(date.length))) return date.day;
  }
  return null;
}

/** Tells whether a short line is page metadata rather than text ("Updated (2 articles)", "5 min read"). */
export function isMetadataLine(line: string): boolean {
  return line.length <= 80 && (metadataLine.test(line) || breadcrumb.test(line));
}

// A page's place in its site: "Home › World › Asia-Pacific", "News » Politics".
const breadcrumb = /^[\p{L}\p{N}&'’., -]{1,30}(?:\s*[›»]\s*[\p{L}\p{N}&'’., -]{1,30}){1,5}$/u;

/** Tells whether a line reads as a headline or heading: short, no sentence punctuation at its end, mostly capitalised. */
export function looksLikeHeading(line: string): boolean {
  if (line.length > 120 || sentenceEnd.test(line) || functionWordEnd.test(line)) return false;
  if (!/^[\p{Lu}\p{N}"“'‘]/u.test(line)) return false;
  const words = line.split(/\s+/);
  if (words.length > 16) return false;
  if (words.length <= 6) return true;
  const capitalised = words.filter((word) => /^[\p{Lu}\p{N}"“'‘(]/u.test(word)).length;
  return capitalised / words.length >= 0.5;
}

/** Tells whether a line reads as a headline at the top of an article: no terminal period and not too long. */
export function looksLikeHeadline(line: string): boolean {
  if (line.length > 300 || /[.:;,]["'”’)\]]*$/.test(line) || functionWordEnd.test(line)) return false;
  return /^[\p{Lu}\p{N}"“'‘]/u.test(line);
}

/**
 * Finds where a headline line has its deck glued on without a space ("…to reopen FridayCrews say…"):
 * offsets of a lowercase letter followed by a capital that starts a new phrase, in long lines only.
 */
export function findGluedJoins(line: string): number[] {
  if (line.length < 80) return [];
  const joins: number[] = [];
  let previous = 0;
  // A closing quote or a digit can end the first phrase too: "…wasn't his'Defense says…", "…to 214Rescuers…".
  for (const match of line.matchAll(/(?<=\p{Ll}{2}|\p{Ll}['’"”]|\d)(?=\p{Lu}\p{Ll}+\s+\p{L})/gu)) {
    const at = match.index;
    const left = line.slice(previous, at).trim();
    // Both sides must be phrases of several words, so brand names such as "PlayStation" stay whole.
    if (left.split(/\s+/).length >= 3 && line.slice(at).split(/\s+/, 3).length >= 3) {
      joins.push(at);
      previous = at;
    }
  }
  return joins;
}

/** Tells whether a line labels an aggregator's list of the outlets it draws on ("Sources", "Sources:"). */
export function isSourcesLabel(line: string): boolean {
  return /^(?:sources?|references|source articles|original (?:reporting|sources)|coverage from|reported by)\s*:?$/i.test(line);
}

/** Reads the outlets of an inline source credit ("Source: Harbour Gazette", "Sources: KTVX, Daily Ledger"), or null. */
export function readSourceCredit(line: string): string[] | null {
  const match = /^(?:sources?|via|courtesy of)\s*:\s*(.{2,200})$/i.exec(line);
  if (match === null) return null;
  const outlets = match[1]!.split(/\s*(?:,|;|\band\b|&)\s*/).map((part) => part.replace(/[.\s]+$/, ''));
  return outlets.every(isOutletName) ? outlets : null;
}

/** Reads the outlet that opens an entry of a sources list ("Harbour Gazette: Title: summary"), or null. */
export function outletOfSourceEntry(entry: string): string | null {
  const match = /^(.{2,50}?)\s*(?::|\s[-–—|]\s)/.exec(entry);
  const name = match?.[1]?.trim();
  return name !== undefined && isOutletName(name) ? name : null;
}

/**
 * Tells whether two outlet names are the same outlet, ignoring case, punctuation, a leading "The", a trailing
 * generic word ("KTVX" and "KTVX News") and initials ("ABC" and "Abbey Broadcasting Company").
 */
export function sameOutlet(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (foldOutlet(short) === foldOutlet(long)) return true;
  const trimmed = (name: string) => foldOutlet(name.replace(genericOutletWord, ''));
  if (trimmed(short) !== '' && trimmed(short) === trimmed(long)) return true;
  const initials = long.split(/[\s-]+/).filter((word) => /^\p{Lu}/u.test(word)).map((word) => word[0]).join('');
  return /^\p{Lu}{2,}$/u.test(short) && initials.length >= 2 && initials === short;
}

function foldOutlet(name: string): string {
  return name.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]/gu, '');
}

function isOutletName(name: string): boolean {
  return name.length >= 2 && name.length <= 50 && name.split(/\s+/).length <= 6 && /^[\p{Lu}\p{N}]/u.test(name) && !/[.!?]$/.test(name);
}
