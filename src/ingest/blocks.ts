import { paddingCharacter } from '../text/normalize.js';

/** How a block was marked in the file: a bullet or number before it, or a Markdown heading. */
export type BlockMarker = 'bullet' | 'number' | 'heading' | null;

/** One paragraph, line or list item of an article, as offsets into the article's text. */
export type Block = {
  /** Offset of the block's first character after any list marker or Markdown heading mark. */
  start: number;
  /** Offset just past the block's last visible character. */
  end: number;
  marker: BlockMarker;
};

type Line = { start: number; end: number; blank: boolean; marker: BlockMarker; loneMarker: boolean };

// Whitespace plus the invisible format characters that can pad a line without being text.
const padding = paddingCharacter;
const loneMarker = /^(?:[-*•·▪◦‣–—]|\(?\d{1,3}[.)]|\[\d{1,3}\]|[a-z][.)])$/;
const bulletMark = /^(?:[•·▪◦‣]\s*|[-*–—]\s+)/;
const numberMark = /^(?:\(?\d{1,3}[.)]|\[\d{1,3}\])\s+/;
const headingMark = /^#{1,6}\s+/;
const punctuationOnly = /^[\p{P}\p{S}\s]*$/u;
const terminal = /[.!?:;…]["'”’)\]]*$/;
// Wrapped text is recognised by lines that stop short of a sentence end while the paragraph goes on.
const wrappedLineLength = 40;
const minWrappedLines = 3;
const minWrappedShare = 0.3;
// Lines are joined into one block only up to this many characters: a file of thousands of short lines that never
// end a sentence (an unclosed list of fields, a log) would otherwise become one passage megabytes long.
const maxJoinedLength = 8_000;

/**
 * Splits an article body into blocks: one per line, with lone list markers ("-", "1.") attached to the next
 * line, continuation lines joined, and whole paragraphs joined when the file is hard-wrapped.
 */
export function splitBlocks(text: string, from = 0): Block[] {
  const lines = readLines(text, from);
  const wrapped = isHardWrapped(text, lines);
  const blocks: Block[] = [];
  let pending: BlockMarker = null;
  let current: Block | null = null;
  let previous: Line | null = null;
  for (const line of lines) {
    if (line.blank || line.loneMarker) {
      if (line.loneMarker) pending = /\d/.test(text.slice(line.start, line.end)) ? 'number' : 'bullet';
      current = null;
      previous = line;
      continue;
    }
    if (current !== null && previous !== null && !previous.blank && line.marker === null && current.marker !== 'heading' && line.end - current.start <= maxJoinedLength) {
      if (wrapped || continuesLine(text, previous, line)) {
        current.end = line.end;
        previous = line;
        continue;
      }
    }
    current = { start: line.start, end: line.end, marker: line.marker ?? pending };
    pending = null;
    blocks.push(current);
    previous = line;
  }
  return blocks.filter((block) => !punctuationOnly.test(text.slice(block.start, block.end)));
}

function readLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let position = from;
  while (position < text.length) {
    const newline = text.indexOf('\n', position);
    const lineEnd = newline === -1 ? text.length : newline;
    let start = position;
    let end = lineEnd;
    while (start < end && padding.test(text[start]!)) start++;
    while (end > start && padding.test(text[end - 1]!)) end--;
    lines.push(markLine(text, start, end));
    position = newline === -1 ? text.length : newline + 1;
  }
  return lines;
}

function markLine(text: string, start: number, end: number): Line {
  if (start === end) return { start, end, blank: true, marker: null, loneMarker: false };
  // Marks are read from a short head only, so a long paragraph costs nothing extra here.
  const head = text.slice(start, Math.min(end, start + 12));
  if (end - start <= 5 && loneMarker.test(head)) return { start, end, blank: false, marker: null, loneMarker: true };
  // Rules and ornaments ("***", "---") separate paragraphs like a blank line.
  if (end - start <= 12 && punctuationOnly.test(head)) return { start, end, blank: true, marker: null, loneMarker: false };
  for (const [pattern, marker] of [[headingMark, 'heading'], [bulletMark, 'bullet'], [numberMark, 'number']] as const) {
    const match = pattern.exec(head);
    if (match !== null && start + match[0].length < end) {
      return { start: start + match[0].length, end, blank: false, marker, loneMarker: false };
    }
  }
  const bold = /^(\*\*|__)([^*_]+)\1$/.exec(text.slice(start, Math.min(end, start + 200)));
  if (bold !== null && end - start <= 200) return { start: start + 2, end: end - 2, blank: false, marker: 'heading', loneMarker: false };
  return { start, end, blank: false, marker: null, loneMarker: false };
}

function continuesLine(text: string, previous: Line, line: Line): boolean {
  const before = text[previous.end - 1]!;
  const after = text[line.start]!;
  if (terminal.test(text.slice(Math.max(previous.start, previous.end - 4), previous.end))) return false;
  return /\p{Ll}/u.test(after) || before === ',';
}

function isHardWrapped(text: string, lines: readonly Line[]): boolean {
  let content = 0;
  let wrapped = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank || line.loneMarker) continue;
    content++;
    const next = lines[i + 1];
    if (next === undefined || next.blank || next.loneMarker || next.marker !== null) continue;
    if (line.end - line.start < wrappedLineLength) continue;
    if (!terminal.test(text.slice(Math.max(line.start, line.end - 4), line.end))) wrapped++;
  }
  return wrapped >= minWrappedLines && wrapped / Math.max(content, 1) >= minWrappedShare;
}
