import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** One question with what answers it, from a real set (SQuAD, CoQA) or a story's dev-format question file. */
export type LabelledQuestion = {
  id: string;
  /** Real sets give verbatim spans; dev-format sets give facts to find. */
  format: 'real' | 'dev';
  /** The question set's name, for reports. */
  set: string;
  /** The story folder the question is about. */
  corpus: string;
  q: string;
  /** Verbatim answer spans (real sets), or every alternative of every expected fact (dev format). */
  golds: string[];
  /** Dev format: facts that must all be in the answer, each a list of alternatives. */
  expect: string[][] | null;
  /** Dev format: the short answer is scored too. */
  short: boolean;
  unanswerable: boolean;
  /** CoQA's yes/no answer, or null. */
  yesNo: 'yes' | 'no' | null;
  /** CoQA: the conversation's turn number (1 for the first) and its earlier questions and answers. */
  turn: number;
  history: Array<[string, string]>;
};

type RealRow = {
  id: string;
  story: string;
  q: string;
  answers?: string[];
  unanswerable?: boolean;
  turn?: number;
  history?: Array<[string, string]>;
  answer_type?: string;
  free_form_answer?: string;
};

type DevRow = { id: string; q: string; expect?: string[][]; short?: boolean; unanswerable?: boolean; yesno?: 'yes' | 'no' };

/** Reads a real set: `<dir>/questions.jsonl` over the stories in `<dir>/stories/<story>/`. */
export function readRealSet(dir: string): LabelledQuestion[] {
  const set = basename(dir);
  return readJsonLines<RealRow>(join(dir, 'questions.jsonl')).map((row) => {
    const yesNo = row.answer_type === 'yes/no' ? ((/^\s*(yes|no)\b/i.exec(row.free_form_answer ?? '')?.[1]?.toLowerCase() as 'yes' | 'no' | undefined) ?? null) : null;
    return {
      id: row.id,
      format: 'real',
      set,
      corpus: join(dir, 'stories', row.story),
      q: row.q,
      golds: row.answers ?? [],
      expect: null,
      short: false,
      unanswerable: row.unanswerable === true,
      yesNo,
      turn: row.turn ?? 1,
      history: row.history ?? [],
    };
  });
}

/** Reads a story folder's dev-format `questions.jsonl` (or the given file) about the articles in `corpus`. */
export function readDevSet(corpus: string, file = join(corpus, 'questions.jsonl'), set = basename(corpus)): LabelledQuestion[] {
  return readJsonLines<DevRow>(file).map((row) => ({
    id: row.id,
    format: 'dev',
    set,
    corpus,
    q: row.q,
    golds: (row.expect ?? []).flat(),
    expect: row.expect ?? null,
    short: row.short === true,
    unanswerable: row.unanswerable === true,
    // A yes/no question names its answer ("yesno"); its "expect" holds the words of the sentence that says so.
    yesNo: row.yesno === 'yes' || row.yesno === 'no' ? row.yesno : null,
    turn: 1,
    history: [],
  }));
}

/** The fixture stories that have a question file, by name. */
export function fixtureStories(root: string): string[] {
  const dir = join(root, 'tests/fixtures/stories');
  return readdirSync(dir).filter((name) => existsSync(join(dir, name, 'questions.jsonl'))).sort();
}

function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** Folds text the way the scorers compare it: NFKC, straight quotes and dashes, single spaces, lower case. */
export function fold(text: string | null | undefined): string {
  return String(text ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00A0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** SQuAD's answer tokens: lower case, no punctuation, no articles. */
export function squadTokens(text: string): string[] {
  return fold(text)
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\b(a|an|the)\b/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** SQuAD's token F1 of a prediction against one gold span. */
export function tokenF1(prediction: string, gold: string): number {
  const p = squadTokens(prediction);
  const g = squadTokens(gold);
  if (p.length === 0 || g.length === 0) return p.length === g.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const token of g) counts.set(token, (counts.get(token) ?? 0) + 1);
  let same = 0;
  for (const token of p) {
    const count = counts.get(token) ?? 0;
    if (count > 0) {
      same++;
      counts.set(token, count - 1);
    }
  }
  if (same === 0) return 0;
  const precision = same / p.length;
  const recall = same / g.length;
  return (2 * precision * recall) / (precision + recall);
}

/** The best F1 of a prediction over the gold spans; 0 with none. */
export function bestF1(prediction: string, golds: readonly string[]): number {
  return golds.length === 0 ? 0 : Math.max(...golds.map((gold) => tokenF1(prediction, gold)));
}
