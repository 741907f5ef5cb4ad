// A clause break is a comma, semicolon, colon or dash, or a joining word between spaces ("and", "but", "while").
const clauseBreak = /[,;:—–]|\s(?:and|but|while|whereas|or)\s/g;

type BreakTable = { sentence: string; starts: Int32Array; ends: Int32Array };

// Callers ask about many spans of the same sentence in a row (every candidate against every matched word), so the
// last few sentences' tables are kept: each sentence is scanned once, not once per span.
const recent: BreakTable[] = [];
const recentLimit = 4;

/** Counts the clause breaks that lie wholly inside `sentence.slice(from, to)`; linear once per sentence, then logarithmic per call. */
export function countClauseBreaks(sentence: string, from: number, to: number): number {
  if (to <= from) return 0;
  const table = breaksOf(sentence);
  // Breaks do not overlap, so their starts and ends rise together: the ones inside are one run of the table.
  const first = firstAtLeast(table.starts, from);
  const past = firstAbove(table.ends, to);
  return Math.max(0, past - first);
}

function breaksOf(sentence: string): BreakTable {
  const known = recent.find((table) => table.sentence === sentence);
  if (known !== undefined) return known;
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of sentence.matchAll(clauseBreak)) {
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  const table = { sentence, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
  recent.unshift(table);
  if (recent.length > recentLimit) recent.pop();
  return table;
}

// The first index whose value is at least `value` (the length when none is).
function firstAtLeast(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

// The first index whose value is above `value`.
function firstAbove(sorted: Int32Array, value: number): number {
  return firstAtLeast(sorted, value + 1);
}
