import { monthAbbreviations, monthNames, weekdayAbbreviations, weekdays } from '../language/lexicon.js';

/** One sentence of a text: `text` is `input.slice(start, end)`, with no surrounding whitespace. */
export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

/** Splits news text into sentences, each trimmed of surrounding whitespace and none empty. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  segment(text, (start, end) => out.push(text.slice(start, end)));
  return out;
}

/** Splits news text into sentences with their offsets into `text`, so callers can cite the exact wording. */
export function splitSentenceSpans(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  segment(text, (start, end) => out.push({ start, end, text: text.slice(start, end) }));
  return out;
}

function segment(text: string, emit: (start: number, end: number) => void): void {
  if (text.length === 0) return;
  const cuts = Float64Array.from(new Splitter(text).run()).sort();
  let from = 0;
  for (const cut of cuts) {
    if (cut <= from) continue;
    emitTrimmed(text, from, cut, emit);
    from = cut;
  }
  emitTrimmed(text, from, text.length, emit);
}

function emitTrimmed(text: string, start: number, end: number, emit: (start: number, end: number) => void): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) emit(start, end);
}

// ---------------------------------------------------------------------------------------------------------------
// Character classes, defined as predicates and folded into one table so that scanning costs a lookup a character.

const SPACE = 0x20;
const DOT = 0x2e;
const LF = 0x0a;
const CR = 0x0d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

// Whitespace, plus the invisible spaces (zero-width space, word joiner, BOM) that pasted news text carries.
function spaceDef(c: number): boolean {
  return (
    c === SPACE ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function lineBreakDef(c: number): boolean {
  return c === LF || c === CR || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029;
}

// Terminators that need a following space or line break to end anything ("$100.00", "Yahoo!'s", "/?q=").
const STOPS = '.!?\u2026\u203c\u2047\u2048\u2049\u203d\u061f\u06d4\u0964\u0965\u1362';
// CJK terminators end a sentence with no space after them.
const CJK_STOPS = '\u3002\uff01\uff1f\uff61';
const CLOSERS = '"\')]}\u2019\u201d\u00bb\u203a\u3009\u300b\u300d\u300f\u3011\u3015\u301e\u301f\uff09\uff3d\uff5d\uff02\uff07';
const OPENERS = '"\'([{\u2018\u201c\u201a\u201e\u00ab\u2039\u00bf\u00a1\u3008\u300a\u300c\u300e\u3010\u3014\u301d\uff08\uff3b\uff5b';
// Bullets that mark an item even in running text ("• 9. The first item • 10. The second item").
const STRONG_BULLETS = '\u2022\u2043\u2023\u25e6\u25aa\u25cf\u25a0\u25a1\u25cb\u25ba\u25b6\u27a2\u2713\u2714';
// Dashes and stars only count as bullets at the start of a line, where running text does not put them.
const LINE_BULLETS = `${STRONG_BULLETS}-\u2013*+\u00b7`;

const F_SPACE = 1;
const F_BREAK = 2;
const F_STOP = 4;
const F_CJK = 8;
const F_CLOSER = 16;
const F_OPENER = 32;
const F_BULLET = 64;
const F_LINE_BULLET = 128;
const F_LETTER = 256;
const F_ALNUM = 512;
const F_PAREN = 1024;
const F_MARKER_END = 2048;
// What each pass stops at: the pre-pass at line breaks, bullets and the ends of list markers ("2." "b)"); the main
// pass at line breaks, terminators and parentheses.
const F_PRE = F_BREAK | F_BULLET | F_MARKER_END;
const F_MAIN = F_BREAK | F_STOP | F_CJK | F_PAREN;

const CLASSES = new Uint16Array(0x10000);
{
  const mark = (chars: string, flag: number): void => {
    for (let k = 0; k < chars.length; k++) CLASSES[chars.charCodeAt(k)]! |= flag;
  };
  const letter = /[\p{L}\p{M}]/u;
  const number = /\p{N}/u;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    // Lone surrogates are halves of astral letters (mostly CJK extensions and scripts without case).
    const isLetter = (c >= 0xd800 && c <= 0xdfff) || letter.test(ch);
    CLASSES[c] =
      (spaceDef(c) ? F_SPACE : 0) |
      (lineBreakDef(c) ? F_BREAK : 0) |
      (isLetter ? F_LETTER | F_ALNUM : 0) |
      (number.test(ch) ? F_ALNUM : 0);
  }
  mark(STOPS, F_STOP);
  mark(CJK_STOPS, F_CJK);
  mark(CLOSERS, F_CLOSER);
  mark(OPENERS, F_OPENER);
  mark(STRONG_BULLETS, F_BULLET);
  mark(LINE_BULLETS, F_LINE_BULLET);
  mark('()', F_PAREN);
  mark('.)', F_MARKER_END);
}

// Out-of-range reads give NaN, CLASSES[NaN] is undefined, and undefined has no bits set.
const has = (c: number, flag: number): boolean => (CLASSES[c]! & flag) !== 0;
const isSpace = (c: number): boolean => has(c, F_SPACE);
const isLineBreak = (c: number): boolean => has(c, F_BREAK);
const isStop = (c: number): boolean => has(c, F_STOP);
const isCjkStop = (c: number): boolean => has(c, F_CJK);
const isCloser = (c: number): boolean => has(c, F_CLOSER);
const isOpener = (c: number): boolean => has(c, F_OPENER);
const isStrongBullet = (c: number): boolean => has(c, F_BULLET);
const isLineBullet = (c: number): boolean => has(c, F_LINE_BULLET);
const isWordChar = (c: number): boolean => has(c, F_LETTER);
const isAlnum = (c: number): boolean => has(c, F_ALNUM);

// A line ending in one of these (, ; : ( - – — / & + “ ‘) stops mid-clause, so its sentence carries on.
function isContinuation(c: number): boolean {
  return (
    c === 0x2c ||
    c === 0x3b ||
    c === 0x3a ||
    c === OPEN_PAREN ||
    c === 0x2d ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 0x2f ||
    c === 0x26 ||
    c === 0x2b ||
    c === 0x201c ||
    c === 0x2018
  );
}

function isCompoundSeparator(c: number): boolean {
  return c === 0x2d || c === 0x2f || c === 0x2013 || c === 0x2014;
}

const RE_LOWER = /\p{Ll}/u;
const RE_UPPER = /[\p{Lu}\p{Lt}]/u;
const RE_LETTER = /\p{L}/u;
const RE_DIGIT = /\p{Nd}/u;

type Kind = 'lower' | 'upper' | 'digit' | 'other';

function kindOf(cp: number): Kind {
  if (cp < 0x80) {
    if (cp >= 0x61 && cp <= 0x7a) return 'lower';
    if (cp >= 0x41 && cp <= 0x5a) return 'upper';
    if (cp >= 0x30 && cp <= 0x39) return 'digit';
    return 'other';
  }
  const ch = String.fromCodePoint(cp);
  if (RE_LOWER.test(ch)) return 'lower';
  // Scripts without case (CJK, Arabic, Hebrew…) start sentences the way capitals do.
  if (RE_UPPER.test(ch) || (cp > 0xffff ? RE_LETTER.test(ch) : isWordChar(cp))) return 'upper';
  if (RE_DIGIT.test(ch)) return 'digit';
  return 'other';
}

const MARKER_ONLY_LINE = new RegExp(
  `^(?:[${escapeClass(LINE_BULLETS)}](?:\\s*(?:\\d{1,3}|[a-z])(?:\\.\\)|[.)]))?|(?:\\d{1,3}|[a-z])(?:\\.\\)|[.)]))$`,
);
// Signs that open an amount ("c. $5bn", "No. #4").
const NUMBER_SIGN = /[\p{Sc}#±~≈]/u;
const DOTTED_ACRONYM = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;
const LIST_OR_INITIAL = /^(?:\d{1,3}|\p{L})$/u;

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------------------------
// Word lists: general English and news-wire abbreviations, never names of particular people or outlets.

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

const LEX_TITLE = 1;
const LEX_CAPITALISED = 2;
const LEX_ANY_CASE = 4;
const LEX_INSIDE = 8;
const LEX_BEFORE_NUMBER = 16;
const LEX_TIME = 32;
const LEX_SUFFIX = 64;

const LEXICON = new Map<string, number>();
function lexicon(flag: number, words: string): void {
  for (const word of set(words)) LEXICON.set(word, (LEXICON.get(word) ?? 0) | flag);
}

// Titles stand before a name, so written "Gen." they never end a sentence ("Gen. Smith", "St. Louis"); written
// "SEC." or "gen." they are something else.
lexicon(
  LEX_TITLE,
  `mr mrs ms mx messrs mmes mme mlle dr drs prof profs rev revs fr msgr hon rt pres gov govs lt col maj capt cmdr cdr
   adm brig sgt cpl pvt pfc spc ens insp det supt gen gens sen sens rep reps atty amb sec lieut cllr st ste mt ft
   sra srta`,
);
// Abbreviations only when written "Calif.": the lowercase forms are ordinary words ("ill", "wash", "sat", "mar").
lexicon(
  LEX_CAPITALISED,
  `${[...monthAbbreviations.keys(), ...weekdayAbbreviations].join(' ')}
   ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nebr nev okla ore
   oreg pa penn tenn tex vt va wash wis wisc wyo alta ont que sask`,
);
// Corporate and generational suffixes, in any case ("Acme Co.", "ACME INC.", "Jane and co.").
lexicon(LEX_SUFFIX, `jr sr co corp inc ltd llc llp plc bros esq`);
// Short forms that are no English word, except in capitals ("HRS", "FT" are acronyms).
lexicon(
  LEX_ANY_CASE,
  `assn assoc dept depts govt univ intl natl mfg etc al ave blvd rd hwy pkwy bldg yrs hrs mins secs lb lbs oz sq ft
   qt approx misc vol vols pp nos ca`,
);
// Abbreviations that only ever sit inside a sentence.
lexicon(LEX_INSIDE, `e.g i.e cf vs v viz`);
// Abbreviations before a number ("p. 55", "No. 1", "N°. 12"); before anything else they are ordinary words.
lexicon(LEX_BEFORE_NUMBER, `no nos n° nº № p pp c ca vol vols fig figs ch chap art sec sect para op ed ext tel apt rm`);
lexicon(LEX_TIME, `a.m p.m`);

const WEEKDAYS_AND_MONTHS: ReadonlySet<string> = new Set(
  [...weekdays.keys(), ...weekdayAbbreviations, ...monthNames, ...monthAbbreviations.keys()].map((word) => word.charAt(0).toUpperCase() + word.slice(1)),
);

const TIME_ZONES = set(`
  ET EST EDT CT CST CDT MT MST MDT PT PST PDT AKST AKDT HST GMT UTC BST CET CEST EET EEST WET WEST MSK IST JST KST
  AEST AEDT ACST AWST NZST NZDT HKT SGT WIB PHT ICT
`);

// Words that begin sentences but rarely follow an abbreviation inside one; auxiliaries and "To" are left out
// because title-case headlines put them right after acronyms ("U.S. Will Send…", "U.S. To Impose…").
const STARTERS = set(`
  A An The This That These Those There Here Then Now Later Earlier Still Yet But And Or Nor So Also Even Only Such
  Some Many Most Much Few All Both Each Every Either Neither None Nothing Any Another Other Others Several
  I He She It We They You His Her Its Our Their My Your Him Them
  What When Where Why How Who Whom Whose Which Whether While Whereas If Unless Although Though Because Since As
  After Before During Until In On At By For From With Without Within Into Under Over Among Amid Against Despite
  Through Throughout Between Following According Meanwhile However Moreover Furthermore Nevertheless Nonetheless
  Therefore Thus Hence Instead Indeed Otherwise Finally Overall Yes Oh Please Let Last Next Today Yesterday
`);

// Lowercase words a line ends with when its sentence carries on onto the next line.
const FUNCTION_WORDS = set(`
  a an the of to in on at by for from with into onto over under about after before between among against during
  and or but nor as than that which who whom whose whether if while because since until unless although though
  is are was were be been being has have had will would can could should shall may might must do does did
  his her its their our your my this these those such not also very more most some any each every no
`);

// Lowercase words that may stand in a title-case headline.
const HEADLINE_SMALL_WORDS = set(`a an the of to in on at by for from with and or but as vs via per into over`);

// Words that open a fronted time phrase ("At 5 a.m. Mr. Smith went…"), where "a.m." cannot end the sentence.
const TIME_PREPOSITIONS = set(`
  at by around about before after until till from since shortly just starting beginning between approximately
  roughly nearly sometime early late past circa through
`);

// ---------------------------------------------------------------------------------------------------------------

// What follows a terminator: the kind of its first character (after any opening quotes) and where its word lies.
type Next = { kind: Kind; start: number; end: number };

// The last marker seen of one list style ("digit." or "letter)").
type ListMarker = { ord: number; start: number; cut: number; dot: number; confirmed: boolean };

/**
 * Finds cut positions in one left-to-right pass over the interesting characters. Every look-around is bounded
 * (a token, a word, a line, 200 characters), and each run of dots or spaces is consumed once, so the work stays
 * linear in the length of the text.
 */
class Splitter {
  private readonly n: number;
  private readonly cuts: number[] = [];
  private lastCut = 0;
  private readonly listCuts: number[] = [];
  private listCutIndex = 0;
  private lastListCut = 0;
  private readonly markerDots = new Set<number>();
  private wrapped = false;
  private wrapWidth = 0;
  private lineStart = 0;
  private openParen = -1;

  constructor(private readonly text: string) {
    this.n = text.length;
  }

  run(): number[] {
    this.prepass();
    const t = this.text;
    const n = this.n;
    for (let i = 0; i < n; i++) {
      const c = t.charCodeAt(i);
      if ((CLASSES[c]! & F_MAIN) === 0) continue;
      if (isLineBreak(c)) {
        const next = c === CR && t.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        this.onLineBreak(i, next);
        i = next - 1;
      } else if (c === OPEN_PAREN) {
        this.openParen = i;
      } else if (c === CLOSE_PAREN) {
        this.openParen = -1;
      } else {
        i = this.onStop(i) - 1;
      }
    }
    return this.cuts.concat(this.listCuts);
  }

  private cut(at: number): void {
    this.cuts.push(at);
    if (at > this.lastCut) this.lastCut = at;
  }

  private sentenceStart(i: number): number {
    while (this.listCutIndex < this.listCuts.length && this.listCuts[this.listCutIndex]! <= i) {
      this.lastListCut = this.listCuts[this.listCutIndex]!;
      this.listCutIndex++;
    }
    return Math.max(this.lastCut, this.lastListCut);
  }

  // Gathers what the main pass needs to know ahead: whether the text is hard-wrapped, and its inline lists.
  private prepass(): void {
    const t = this.text;
    const n = this.n;
    const wrap = { carries: 0, joins: 0, width: 0 };
    const lists = new Map<string, ListMarker>();
    let lineStart = 0;
    for (let i = 0; i < n; i++) {
      const c = t.charCodeAt(i);
      const f = CLASSES[c]!;
      if ((f & F_PRE) === 0) continue;
      if (f & F_BREAK) {
        const next = c === CR && t.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        this.measureWrap(lineStart, i, next, wrap);
        lineStart = next;
        i = next - 1;
      } else if (f & F_BULLET) {
        if (i === 0 || isSpace(t.charCodeAt(i - 1))) this.listCuts.push(i);
      } else if ((c === DOT || c === CLOSE_PAREN) && (i + 1 >= n || isSpace(t.charCodeAt(i + 1)))) {
        this.listMarker(i, lists);
      }
    }
    this.wrapped = wrap.carries >= 2 && wrap.carries >= 0.3 * wrap.joins && wrap.width <= 160;
    this.wrapWidth = wrap.width;
    this.listCuts.sort((a, b) => a - b);
  }

  // Hard-wrapped text joins lines that paragraph-per-line text would split; the evidence is that many lines of
  // some length carry their sentence on to a lowercase word on the next line.
  private measureWrap(start: number, at: number, next: number, wrap: { carries: number; joins: number; width: number }) {
    const t = this.text;
    let a = at - 1;
    while (a >= start && isSpace(t.charCodeAt(a))) a--;
    let b = next;
    while (b < this.n && isSpace(t.charCodeAt(b)) && !isLineBreak(t.charCodeAt(b))) b++;
    if (a < start || b >= this.n || isLineBreak(t.charCodeAt(b))) return;
    wrap.joins++;
    const last = t.charCodeAt(a);
    if ((kindOf(last) === 'lower' || last === 0x2c) && kindOf(t.codePointAt(b)!) === 'lower' && a - start >= 40) {
      wrap.carries++;
      wrap.width = Math.max(wrap.width, a - start + 1);
    }
  }

  // Numbered and lettered items written inline ("1) The first item 2) The second item"): an item that continues
  // the numbering of an earlier one starts a sentence, and the dot of its marker ends nothing. `end` is the last
  // character of a token that may be a marker ("2.", "b)", "10.)", "⁃9.").
  private listMarker(end: number, lists: Map<string, ListMarker>): void {
    const t = this.text;
    let style = t.charCodeAt(end) === DOT ? '.' : ')';
    let bodyEnd = end;
    if (style === ')' && t.charCodeAt(end - 1) === DOT) {
      style = '.)';
      bodyEnd = end - 1;
    }
    let p = bodyEnd;
    const c = t.charCodeAt(p - 1);
    if (c >= 0x61 && c <= 0x7a) p--;
    else while (p > 0 && bodyEnd - p < 4 && t.charCodeAt(p - 1) >= 0x30 && t.charCodeAt(p - 1) <= 0x39) p--;
    if (p === bodyEnd || bodyEnd - p > 3) return;
    const body = t.slice(p, bodyEnd);
    let start = p;
    if (start > 0 && isStrongBullet(t.charCodeAt(start - 1))) start--;
    if (start > 0 && !isSpace(t.charCodeAt(start - 1))) return;
    const digit = body.charCodeAt(0) <= 0x39;
    const key = `${digit ? 'd' : 'l'}${style}`;
    const ord = digit ? Number(body) : body.charCodeAt(0) - 0x61;
    const dot = style === ')' ? -1 : bodyEnd;
    const marker: ListMarker = { ord, start, cut: this.bulletBefore(start), dot, confirmed: false };
    const before = lists.get(key);
    if (before && ord === before.ord + 1 && start - before.start < 2000) {
      this.confirm(before);
      this.confirm(marker);
    }
    lists.set(key, marker);
  }

  // "- 2. The second item": the item starts at its bullet, not at its number.
  private bulletBefore(start: number): number {
    const t = this.text;
    let p = start;
    while (p > 0 && start - p < 8 && isSpace(t.charCodeAt(p - 1))) p--;
    if (p === start || p === 0 || !isLineBullet(t.charCodeAt(p - 1))) return start;
    return p - 1 === 0 || isSpace(t.charCodeAt(p - 2)) ? p - 1 : start;
  }

  private confirm(marker: ListMarker): void {
    if (marker.confirmed) return;
    marker.confirmed = true;
    if (marker.dot >= 0) this.markerDots.add(marker.dot);
    this.listCuts.push(marker.cut);
  }

  private onLineBreak(at: number, next: number): void {
    const t = this.text;
    const start = this.lineStart;
    this.lineStart = next;
    let a = at - 1;
    while (a >= start && isSpace(t.charCodeAt(a))) a--;
    if (a < start) return;
    let b = next;
    while (b < this.n && isSpace(t.charCodeAt(b)) && !isLineBreak(t.charCodeAt(b))) b++;
    if (b >= this.n) return;
    if (isLineBreak(t.charCodeAt(b))) {
      this.openParen = -1;
      return this.cut(at);
    }
    let first = start;
    while (isSpace(t.charCodeAt(first))) first++;
    if (this.isRule(first) || this.isRule(b)) return this.cut(at);
    let end = a;
    while (end >= start && isCloser(t.charCodeAt(end))) end--;
    // A line ending in a terminator was decided where the terminator stands.
    if (end >= start && (isStop(t.charCodeAt(end)) || isCjkStop(t.charCodeAt(end)))) return;
    // A bullet or number alone on its line belongs to the item on the next line.
    if (a - first < 8 && MARKER_ONLY_LINE.test(t.slice(first, a + 1))) return;
    if (this.startsItem(b)) return this.cut(at);
    if (isContinuation(t.charCodeAt(a))) return;
    if (kindOf(t.codePointAt(b)!) === 'lower') return;
    if (this.endsWithFunctionWord(first, a)) return;
    if (this.wrapped && a - first + 1 >= 0.6 * this.wrapWidth) return;
    this.cut(at);
  }

  // A line of one repeated mark ("---", "___", "***") separates blocks, as front matter and wire copy use it.
  private isRule(p: number): boolean {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (!(c === 0x2d || c === 0x5f || c === 0x3d || c === 0x2a || c === 0x7e || c === 0x23)) return false;
    let q = p;
    while (q < this.n && t.charCodeAt(q) === c) q++;
    if (q - p < 3) return false;
    while (q < this.n && isSpace(t.charCodeAt(q)) && !isLineBreak(t.charCodeAt(q))) q++;
    return q >= this.n || isLineBreak(t.charCodeAt(q));
  }

  private startsItem(b: number): boolean {
    const t = this.text;
    const c = t.charCodeAt(b);
    if (isStrongBullet(c)) return true;
    if (isLineBullet(c) && (b + 1 >= this.n || isSpace(t.charCodeAt(b + 1)))) return true;
    let e = b;
    while (e < this.n && e - b < 3 && t.charCodeAt(e) >= 0x30 && t.charCodeAt(e) <= 0x39) e++;
    if (e === b && c >= 0x61 && c <= 0x7a) e = b + 1;
    if (e === b) return false;
    let m = e;
    if (t.charCodeAt(m) === DOT) m++;
    if (t.charCodeAt(m) === CLOSE_PAREN) m++;
    return m > e && (m >= this.n || isSpace(t.charCodeAt(m)));
  }

  private endsWithFunctionWord(first: number, a: number): boolean {
    const t = this.text;
    let s = a;
    while (s >= first && a - s < 20 && isWordChar(t.charCodeAt(s))) s--;
    if (s === a || (s >= first && !isSpace(t.charCodeAt(s)) && !isOpener(t.charCodeAt(s)))) return false;
    return FUNCTION_WORDS.has(t.slice(s + 1, a + 1));
  }

  // Handles the run of terminators starting at `i` and returns where the run ends.
  private onStop(i: number): number {
    const t = this.text;
    const n = this.n;
    let j = i;
    let dots = 0;
    let marks = 0;
    let cjk = false;
    let spaced = false;
    while (j < n) {
      const c = t.charCodeAt(j);
      if (c === DOT) dots++;
      else if (c === 0x2026) dots += 3;
      else if (isCjkStop(c)) cjk = true;
      else if (isStop(c)) marks++;
      else if (c === SPACE && dots > 0 && t.charCodeAt(j - 1) === DOT && t.charCodeAt(j + 1) === DOT) spaced = true;
      else break;
      j++;
    }
    let k = j;
    while (k < n && isCloser(t.charCodeAt(k))) k++;
    if (cjk) {
      this.cut(k);
      return j;
    }
    // "[...]" and "(…)" mark an omission inside a quotation.
    if (dots >= 3 && marks === 0 && i > 0 && (t.charCodeAt(i - 1) === 0x5b || t.charCodeAt(i - 1) === OPEN_PAREN)) {
      return j;
    }
    if (k < n && !isSpace(t.charCodeAt(k))) return j;
    let w = k;
    let newline = false;
    while (w < n && isSpace(t.charCodeAt(w))) {
      if (isLineBreak(t.charCodeAt(w))) newline = true;
      w++;
    }
    if (w >= n) return j;
    // Sentences inside a short parenthesis stay with it: "(Photo: Crews work on Monday. Jane Roe/Agency)".
    if (this.openParen >= 0 && i - this.openParen <= 200 && this.parenClosesAhead(j, k, w)) return j;
    const next = this.next(w);
    if (marks > 0) {
      if (next.kind !== 'lower' || newline) this.cut(k);
      return j;
    }
    if (dots >= 2) {
      if (next.kind === 'lower') return j;
      if (!spaced) this.cut(k);
      else if (dots >= 4) {
        // "compounds. . . . The": the first dot ends the sentence and the ellipsis opens the next one.
        const attached = i > 0 && !isSpace(t.charCodeAt(i - 1));
        this.cut(attached ? i + 1 : k);
      }
      return j;
    }
    if (!this.markerDots.has(i) && this.periodEnds(i, next, newline)) this.cut(k);
    return j;
  }

  private parenClosesAhead(j: number, k: number, w: number): boolean {
    const t = this.text;
    for (let p = j; p < k; p++) if (t.charCodeAt(p) === CLOSE_PAREN) return false;
    let breaks = 0;
    for (let p = w; p < this.n && p - w < 200; p++) {
      const c = t.charCodeAt(p);
      if (c === CLOSE_PAREN) return true;
      if (c === OPEN_PAREN) return false;
      if (isLineBreak(c)) {
        if (!(c === CR && t.charCodeAt(p + 1) === LF) && ++breaks > 1) return false;
      } else if (!isSpace(c)) breaks = 0;
    }
    return false;
  }

  private next(w: number): Next {
    const t = this.text;
    let p = w;
    while (p < this.n && p - w < 4 && isOpener(t.charCodeAt(p))) p++;
    if (p >= this.n) return { kind: 'other', start: p, end: p };
    let e = p;
    while (e < this.n && e - p < 40 && isWordChar(t.charCodeAt(e))) e++;
    return { kind: kindOf(t.codePointAt(p)!), start: p, end: e };
  }

  private word(next: Next): string {
    return this.text.slice(next.start, next.end);
  }

  // Decides whether a single period at `i`, followed by whitespace and then `next`, ends its sentence.
  private periodEnds(i: number, next: Next, newline: boolean): boolean {
    const t = this.text;
    const plain = newline || next.kind !== 'lower';
    const limit = Math.max(0, i - 64);
    let s = i;
    let coreStart = -1;
    let dotted = false;
    while (s > limit) {
      const c = t.charCodeAt(s - 1);
      if (isSpace(c)) break;
      // "D-Calif." and "Pool/AFP.": only the last part of a compound can be the abbreviation.
      if (coreStart < 0) {
        if (isCompoundSeparator(c)) coreStart = s;
        else if (c === DOT) dotted = true;
      }
      s--;
    }
    if (s === limit && s > 0 && !isSpace(t.charCodeAt(s - 1))) return plain;
    let tokenStart = s;
    while (tokenStart < i && !isAlnum(t.charCodeAt(tokenStart))) tokenStart++;
    if (tokenStart === i) return plain;
    if (coreStart < tokenStart) coreStart = tokenStart;
    while (coreStart < i && !isAlnum(t.charCodeAt(coreStart))) coreStart++;
    if (coreStart === i) coreStart = tokenStart;
    // The longest listed abbreviation has six letters, so longer undotted words are ordinary.
    if (!dotted && i - coreStart > 6) return plain;

    const core = t.slice(coreStart, i);
    const sentenceStart = this.sentenceStart(i);
    if (core.length <= 3 && LIST_OR_INITIAL.test(core) && this.onlyMarkupBefore(tokenStart, sentenceStart)) {
      return false;
    }
    const lower = core.toLowerCase();
    const lex = LEXICON.get(lower) ?? 0;
    const capitalised = kindOf(core.codePointAt(0)!) === 'upper';
    const shouted = capitalised && core.length > 1 && kindOf(core.charCodeAt(1)) === 'upper';
    const titled = capitalised && !shouted;
    if (titled && lex & LEX_TITLE) return false;
    if (lex & LEX_INSIDE) return false;
    if (lex & LEX_BEFORE_NUMBER && (next.kind === 'digit' || NUMBER_SIGN.test(t.charAt(next.start)))) return false;
    if (lex & LEX_TIME) return this.timeEnds(next, newline, tokenStart, sentenceStart);
    const abbreviation =
      (titled && lex & LEX_CAPITALISED) ||
      lex & LEX_SUFFIX ||
      (!shouted && lex & LEX_ANY_CASE) ||
      (dotted && DOTTED_ACRONYM.test(core)) ||
      (capitalised && core.length === 1 && !this.isPronounI(core, tokenStart));
    if (!abbreviation) return plain;
    // After an abbreviation only a capitalised word can start a sentence, and only a word that starts sentences.
    if (next.kind !== 'upper') return false;
    if (newline && !this.wrapped) return true;
    if (this.onlyMarkupBefore(tokenStart, sentenceStart) || this.inHeadline(tokenStart, sentenceStart, next)) return false;
    return STARTERS.has(this.word(next));
  }

  private timeEnds(next: Next, newline: boolean, tokenStart: number, sentenceStart: number): boolean {
    if (next.kind !== 'upper') return false;
    if (newline && !this.wrapped) return true;
    if (this.frontedTime(tokenStart, sentenceStart)) return false;
    const word = this.word(next);
    if (WEEKDAYS_AND_MONTHS.has(word) || TIME_ZONES.has(word)) return false;
    // "9 a.m. Lisbon time"
    return this.text.slice(next.end, next.end + 5).toLowerCase() !== ' time';
  }

  // "you and I. Did you…": the pronoun after a lowercase word, not an initial.
  private isPronounI(core: string, tokenStart: number): boolean {
    if (core !== 'I') return false;
    const words = this.wordsBefore(tokenStart, Math.max(0, tokenStart - 40), 1);
    return words.length === 1 && kindOf(words[0]!.codePointAt(0)!) === 'lower';
  }

  private onlyMarkupBefore(tokenStart: number, sentenceStart: number): boolean {
    const t = this.text;
    for (let p = tokenStart - 1; p >= sentenceStart; p--) {
      if (tokenStart - p > 64) return true;
      const c = t.charCodeAt(p);
      if (!isSpace(c) && !isLineBullet(c) && !isOpener(c)) return false;
    }
    return true;
  }

  // "At 5 a.m." or "Shortly before 9 p.m." opening a sentence is a phrase, not a sentence.
  private frontedTime(tokenStart: number, sentenceStart: number): boolean {
    const words = this.wordsBefore(tokenStart, sentenceStart, 5);
    if (words.length === 0 || words.length > 4) return false;
    const first = words[words.length - 1]!;
    let p = 0;
    while (p < first.length && !isAlnum(first.charCodeAt(p))) p++;
    return TIME_PREPOSITIONS.has(first.slice(p).toLowerCase());
  }

  // A title-case run on both sides ("Envoy Meets E.U. In Talks Over Tariffs") is a headline, where capitalised
  // small words do not start sentences.
  private inHeadline(tokenStart: number, sentenceStart: number, next: Next): boolean {
    const before = this.wordsBefore(tokenStart, sentenceStart, 9);
    if (before.length === 0 || before.length > 8 || !titleCase(before.slice(0, -1), 1)) return false;
    return titleCase(this.wordsAfter(next.end, 2), 1);
  }

  private wordsAfter(start: number, max: number): string[] {
    const t = this.text;
    const words: string[] = [];
    let p = start;
    const limit = Math.min(this.n, start + 60);
    while (words.length < max) {
      while (p < limit && isSpace(t.charCodeAt(p)) && !isLineBreak(t.charCodeAt(p))) p++;
      if (p >= limit || isLineBreak(t.charCodeAt(p))) break;
      const s = p;
      while (p < limit && !isSpace(t.charCodeAt(p))) p++;
      words.push(t.slice(s, p));
    }
    return words;
  }

  // Up to `max` whitespace-separated words before `end`, nearest first, stopping at `floor` or after 100 chars.
  private wordsBefore(end: number, floor: number, max: number): string[] {
    const t = this.text;
    const words: string[] = [];
    let p = end;
    const limit = Math.max(floor, end - 100);
    while (words.length < max) {
      while (p > limit && isSpace(t.charCodeAt(p - 1))) p--;
      if (p <= limit) break;
      const e = p;
      while (p > limit && !isSpace(t.charCodeAt(p - 1))) p--;
      if (p === limit && limit > floor) break;
      words.push(t.slice(p, e));
    }
    return words;
  }
}

// Whether every word is capitalised, a number or a headline's small word, with at least `capitals` capitalised.
function titleCase(words: readonly string[], capitals: number): boolean {
  let seen = 0;
  for (const word of words) {
    let p = 0;
    while (p < word.length && !isAlnum(word.charCodeAt(p))) p++;
    if (p === word.length) continue;
    const kind = kindOf(word.codePointAt(p)!);
    if (kind === 'upper') seen++;
    else if (kind === 'lower' && !HEADLINE_SMALL_WORDS.has(word.slice(p))) return false;
  }
  return seen >= capitals;
}
