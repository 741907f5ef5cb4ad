import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runStorybot, type CliRun } from './helpers/run-storybot.js';

const root = join(import.meta.dirname, '..');
const storyDir = join(root, 'tests/fixtures/stories/harbor-strike');

const storybot = runStorybot;
type Run = CliRun;

describe('storybot ask --json', () => {
  let batch: Run;
  const questions = ['How long did the strike last?', '', 'Who won the 1998 World Cup?', '<!channel> where did the talks resume?'];
  beforeAll(async () => {
    batch = await storybot(['ask', '--json', '--corpus', storyDir], `${questions.join('\n')}\n`);
  }, 30_000);

  it('answers piped questions one JSON object a line, in order, with nothing else on stdout', () => {
    expect(batch.code).toBe(0);
    const lines = batch.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(questions.length);
    const answers = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(answers.map((answer) => answer.question)).toEqual(questions);
  });

  it('follows the contract: answer text, short, abstained and numbered citations with document, source and passage', () => {
    const first = JSON.parse(batch.stdout.split('\n')[0]!) as {
      answer: string;
      short: string | null;
      abstained: boolean;
      citations: Array<{ n: number; document: string; source: string | null; passage: string; date: string | null }>;
    };
    expect(first.abstained).toBe(false);
    expect(first.short).toMatch(/five/i);
    expect(first.answer).toMatch(/\[1\]/);
    expect(first.citations[0]).toMatchObject({ n: 1, document: expect.stringMatching(/\.(txt|md)$/), passage: expect.any(String) });
    expect(Object.keys(first.citations[0]!)).toEqual(expect.arrayContaining(['n', 'document', 'source', 'date', 'passage']));
  });

  it('turns an empty question into an abstention that says why, and abstains on what the story does not cover', () => {
    const [, empty, outside] = batch.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(empty).toMatchObject({ abstained: true, citations: [], error: 'empty-question' });
    expect(outside).toMatchObject({ abstained: true, citations: [], short: null });
  });

  it('answers one question given as arguments, readably, with its sources', async () => {
    const run = await storybot(['ask', '--corpus', storyDir, 'How', 'long', 'did', 'the', 'strike', 'last?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\[1\] .+ · /);
  }, 30_000);
});

describe('storybot ask --explain', () => {
  it('prints the top passages and spans with each feature, its weight and what it added, as text and as JSON', async () => {
    const text = await storybot(['ask', '--explain', '--corpus', storyDir, 'How long did the strike last?']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^question: How long did the strike last\? \(asks for: duration\)/);
    expect(text.stdout).toMatch(/^passages:$/m);
    expect(text.stdout).toMatch(/coverage [\d.]+×-?[\d.]+=[+-][\d.]+/);
    const json = await storybot(['ask', '--explain', '--json', '--corpus', storyDir, 'How long did the strike last?']);
    const explanation = JSON.parse(json.stdout) as { ok: boolean; passages: Array<{ id: string; contributions: Array<{ feature: string; contribution: number }> }>; spans: Array<{ text: string }> };
    expect(explanation.ok).toBe(true);
    expect(explanation.passages.length).toBeGreaterThan(0);
    expect(explanation.passages[0]!.contributions.map((item) => item.feature)).toContain('coverage');
    expect(explanation.spans.some((span) => /five/i.test(span.text))).toBe(true);
  }, 30_000);

  it('names the problem with an empty question and exits non-zero', async () => {
    const run = await storybot(['ask', '--explain', '--corpus', storyDir, '   ']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/question/i);
  }, 30_000);
});

describe('storybot ask --json with conversations', () => {
  type Line = { question: string; resolved: string; answer: string; short: string | null; abstained: boolean; citations: unknown[]; error?: string; reset?: boolean };
  const input = [
    JSON.stringify({ question: 'Who is the union president?', conversation: 'a' }),
    JSON.stringify({ question: 'Where did the talks resume?', conversation: 'b' }),
    JSON.stringify({ question: 'What did she say?', conversation: 'a' }),
    JSON.stringify({ question: 'When?', conversation: 'b' }),
    'How long did the strike last?',
    JSON.stringify({ question: 'When?', conversation: 'c' }),
    '{"question": "When?", "conversation": ',
    JSON.stringify({ question: 42, conversation: 'a' }),
    JSON.stringify({ question: 'start over', conversation: 'b' }),
    JSON.stringify({ question: 'When?', conversation: 'b' }),
    JSON.stringify({ question: 'How many dockworkers went on strike?' }),
  ];
  let lines: Line[];
  let run: Run;
  beforeAll(async () => {
    run = await storybot(['ask', '--json', '--corpus', storyDir], `${input.join('\n')}\n`);
    lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Line);
  }, 30_000);

  it('answers every line, one JSON line each, in order, with what was asked as the question', () => {
    expect(run.code).toBe(0);
    expect(lines).toHaveLength(input.length);
    expect(lines.map((line) => line.question)).toEqual([
      'Who is the union president?',
      'Where did the talks resume?',
      'What did she say?',
      'When?',
      'How long did the strike last?',
      'When?',
      '{"question": "When?", "conversation": ',
      '{"question":42,"conversation":"a"}',
      'start over',
      'When?',
      'How many dockworkers went on strike?',
    ]);
  });

  it('reads a follow-up against the earlier lines of its own conversation only, and says how in "resolved"', () => {
    expect(lines[0]).toMatchObject({ resolved: 'Who is the union president?', short: 'Dana Okonkwo' });
    expect(lines[2]).toMatchObject({ resolved: 'What did Dana Okonkwo say?', abstained: false });
    expect(lines[3]).toMatchObject({ resolved: 'When did the talks resume in Harbour Commission?', short: expect.stringMatching(/^(?:Thursday|Mar 5)/) });
    expect(lines[5]).toMatchObject({ resolved: 'When?', abstained: true });
    expect(lines[4]).toMatchObject({ resolved: 'How long did the strike last?', abstained: false });
  });

  it('answers a malformed line with an error line and goes on', () => {
    expect(lines[6]).toEqual({
      question: '{"question": "When?", "conversation": ',
      resolved: '',
      answer: 'That line starts with "{" but is not valid JSON; send {"question": "…", "conversation": "<id>"} or a plain question.',
      short: null,
      abstained: true,
      citations: [],
      error: 'bad-line',
    });
    expect(lines[7]).toMatchObject({
      answer: 'That line is not a question object (expected "question" to be a string); send {"question": "…", "conversation": "<id>"}.',
      error: 'bad-line',
    });
  });

  it('starts a conversation over on "start over", and a question object without a conversation stands alone', () => {
    expect(lines[8]).toEqual({ question: 'start over', resolved: '', answer: 'Starting over: ask me anything about the story.', short: null, abstained: true, citations: [], reset: true });
    expect(lines[9]).toMatchObject({ resolved: 'When?', abstained: true });
    expect(lines[10]).toMatchObject({ resolved: 'How many dockworkers went on strike?', abstained: false });
  });
});

describe('storybot split --jsonl', () => {
  it('splits each JSON string line into a JSON array of sentences', async () => {
    const run = await storybot(['split', '--jsonl'], `${JSON.stringify('Dr. Ruiz arrived at 5 p.m. He left.')}\n${JSON.stringify('One. Two.')}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as string[])).toEqual([
      ['Dr. Ruiz arrived at 5 p.m.', 'He left.'],
      ['One.', 'Two.'],
    ]);
  }, 30_000);
});

describe('storybot passages and sources', () => {
  it('shows one article’s passages as indexed', async () => {
    const run = await storybot(['passages', '--corpus', storyDir, '--document', '05-ktvx-deal.txt']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^== 05-ktvx-deal\.txt · /);
    expect(run.stdout).toMatch(/^\s+0 /m);
  }, 30_000);

  it('lists the articles with outlet and date', async () => {
    const run = await storybot(['sources', '--corpus', storyDir]);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').length).toBeGreaterThanOrEqual(5);
  }, 30_000);
});

describe('storybot errors', () => {
  it('exits non-zero with a message on stderr for a missing corpus folder', async () => {
    const run = await storybot(['ask', '--json', '--corpus', join(root, 'no-such-folder'), 'hello']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/cannot read the corpus folder .*no-such-folder/);
  }, 30_000);

  it('exits non-zero for a folder with no readable article, naming the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storybot-empty-'));
    await writeFile(join(dir, 'notes.json'), '{}');
    const run = await storybot(['ask', '--corpus', dir, 'hello']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(dir);
  }, 30_000);

  it('names a malformed setting without printing its value', async () => {
    const run = await storybot(['ask', 'hello'], '', { SLACK_BOT_TOKEN: 'not-a-real-token-sekrit', LOG_LEVEL: 'warn' });
    expect(run.code).toBe(78);
    expect(run.stderr).toMatch(/SLACK_BOT_TOKEN/);
    expect(run.stderr).not.toContain('sekrit');
  }, 30_000);

  it('rejects an unknown command with the usage text', async () => {
    const run = await storybot(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command "frobnicate"/);
    expect(run.stderr).toMatch(/Usage:/);
  }, 30_000);
});
