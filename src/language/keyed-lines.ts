import { readFileSync } from 'node:fs';

/**
 * A vendored table of "key value…" lines sorted by key in JavaScript's string order, kept as the file's bytes with
 * the offset of each line and searched by halving: a few megabytes less than a map of its lines as strings, for a
 * story that looks up a few dozen of them.
 */
export type KeyedLines = { bytes: Buffer; starts: Int32Array; encoding: 'latin1' | 'utf8' };

const newline = 10;
const space = 32;

/** Reads a table of sorted "key value…" lines. */
export function readKeyedLines(url: URL, encoding: 'latin1' | 'utf8'): KeyedLines {
  const bytes = readFileSync(url);
  const starts: number[] = [];
  for (let at = 0; at < bytes.length; ) {
    const end = bytes.indexOf(newline, at);
    if (end !== at) starts.push(at);
    if (end < 0) break;
    at = end + 1;
  }
  return { bytes, starts: Int32Array.from(starts), encoding };
}

/** What follows the key on the line whose key is `key`, or null when no line has it. */
export function keyedValue(table: KeyedLines, key: string): string | null {
  let low = 0;
  let high = table.starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = table.starts[middle]!;
    const lineEnd = table.bytes.indexOf(newline, start);
    const end = lineEnd < 0 ? table.bytes.length : lineEnd;
    // A line with no value is its key alone.
    const gap = table.bytes.indexOf(space, start);
    const keyEnd = gap < 0 || gap > end ? end : gap;
    const found = table.bytes.toString(table.encoding, start, keyEnd);
    if (found === key) return keyEnd === end ? '' : table.bytes.toString(table.encoding, keyEnd + 1, end);
    if (found < key) low = middle + 1;
    else high = middle - 1;
  }
  return null;
}
