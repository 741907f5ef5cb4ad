import { stripInvisible } from '../text/normalize.js';
import { parseDateValue } from './calendar.js';

/** What an article's front matter states about it; a field the block leaves out is null. */
export type FrontMatter = {
  title: string | null;
  source: string | null;
  /** YYYY-MM-DD, or null when absent or unreadable. */
  date: string | null;
  url: string | null;
};

/** Something wrong with an article's front matter, worth a warning: the article is still read. */
export type FrontMatterProblem =
  /** The block opens with `---` and has fields but no closing `---`: its fields are read up to the first other line. */
  | { problem: 'unclosed-front-matter' }
  /** A `date:` that is not a calendar date (`2025-13-45`): the article's date is looked for in its text instead. */
  | { problem: 'invalid-date'; value: string };

/** Front matter, where the article's body starts after it (0 when there is none), and what was wrong with it. */
export type FrontMatterResult = { fields: FrontMatter; bodyStart: number; problems: FrontMatterProblem[] };

// A block that never closes is a rule line in the text, not front matter; real blocks are a handful of lines.
const maxFrontMatterLines = 60;

const keyAliases: Readonly<Record<string, keyof FrontMatter>> = {
  title: 'title',
  headline: 'title',
  source: 'source',
  outlet: 'source',
  publisher: 'source',
  publication: 'source',
  date: 'date',
  published: 'date',
  url: 'url',
  link: 'url',
};

/**
 * Reads an optional `---` block of `key: value` lines (title, source, date, url) at the top of an article. A block
 * that never closes still gives its fields when it names one of them; its body starts after its last field line.
 */
export function readFrontMatter(text: string): FrontMatterResult {
  const fields: FrontMatter = { title: null, source: null, date: null, url: null };
  const problems: FrontMatterProblem[] = [];
  const opening = /^---[ \t]*\r?\n/.exec(text);
  if (opening === null) return { fields, bodyStart: 0, problems };
  let position = opening[0].length;
  const values: Array<[keyof FrontMatter, string]> = [];
  // The run of field lines right after the opening, and where it ends, should the block turn out not to close.
  let runValues = 0;
  let fieldRunEnd = position;
  let inFieldRun = true;
  for (let lines = 0; lines < maxFrontMatterLines && position < text.length; lines++) {
    const newline = text.indexOf('\n', position);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(position, lineEnd).replace(/\r$/, '');
    position = newline === -1 ? text.length : newline + 1;
    if (/^(?:---|\.\.\.)\s*$/.test(line)) return { fields: fill(fields, values, problems), bodyStart: position, problems };
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (pair === null) inFieldRun = false;
    else if (inFieldRun) fieldRunEnd = position;
    const key = pair ? keyAliases[pair[1]!.toLowerCase()] : undefined;
    if (pair === null || key === undefined) continue;
    const value = stripInvisible(unquote(pair[2]!.trim())).trim();
    if (value === '') continue;
    values.push([key, value]);
    if (inFieldRun) runValues = values.length;
  }
  // Unclosed: the fields that open the file are front matter that forgot its closing line, and the first other
  // line starts the article; with no field storybot knows, the `---` is a rule above ordinary text.
  if (runValues === 0) return { fields, bodyStart: 0, problems };
  problems.push({ problem: 'unclosed-front-matter' });
  return { fields: fill(fields, values.slice(0, runValues), problems), bodyStart: fieldRunEnd, problems };
}

function fill(fields: FrontMatter, values: ReadonlyArray<[keyof FrontMatter, string]>, problems: FrontMatterProblem[]): FrontMatter {
  for (const [key, value] of values) {
    if (fields[key] !== null) continue;
    if (key !== 'date') {
      fields[key] = value;
      continue;
    }
    fields.date = parseDateValue(value);
    if (fields.date === null) problems.push({ problem: 'invalid-date', value: value.slice(0, 40) });
  }
  return fields;
}

function unquote(value: string): string {
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(value) ?? /^'((?:[^']|'')*)'$/.exec(value);
  if (quoted === null) return value.replace(/\s+#.*$/, '');
  return value.startsWith('"') ? quoted[1]!.replace(/\\(.)/g, '$1') : quoted[1]!.replace(/''/g, "'");
}
