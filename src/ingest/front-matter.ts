import { parseDateValue } from './calendar.js';

/** What an article's front matter states about it; a field the block leaves out is null. */
export type FrontMatter = {
  title: string | null;
  source: string | null;
  /** YYYY-MM-DD, or null when absent or unreadable. */
  date: string | null;
  url: string | null;
};

/** Front matter and where the article's body starts after it (0 when there is none). */
export type FrontMatterResult = { fields: FrontMatter; bodyStart: number };

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

/** Reads an optional `---` block of `key: value` lines (title, source, date, url) at the top of an article. */
export function readFrontMatter(text: string): FrontMatterResult {
  const fields: FrontMatter = { title: null, source: null, date: null, url: null };
  const opening = /^---[ \t]*\r?\n/.exec(text);
  if (opening === null) return { fields, bodyStart: 0 };
  let position = opening[0].length;
  const values: Array<[keyof FrontMatter, string]> = [];
  for (let lines = 0; lines < maxFrontMatterLines && position < text.length; lines++) {
    const newline = text.indexOf('\n', position);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(position, lineEnd).replace(/\r$/, '');
    position = newline === -1 ? text.length : newline + 1;
    if (/^(?:---|\.\.\.)\s*$/.test(line)) {
      for (const [key, value] of values) {
        if (fields[key] !== null) continue;
        fields[key] = key === 'date' ? parseDateValue(value) : value;
      }
      return { fields, bodyStart: position };
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    const key = pair ? keyAliases[pair[1]!.toLowerCase()] : undefined;
    if (pair === null || key === undefined) continue;
    const value = unquote(pair[2]!.trim());
    if (value !== '') values.push([key, value]);
  }
  return { fields, bodyStart: 0 };
}

function unquote(value: string): string {
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(value) ?? /^'((?:[^']|'')*)'$/.exec(value);
  if (quoted === null) return value.replace(/\s+#.*$/, '');
  return value.startsWith('"') ? quoted[1]!.replace(/\\(.)/g, '$1') : quoted[1]!.replace(/''/g, "'");
}
