import { createHash } from 'node:crypto';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus, type GeneratedCorpus } from '../bench/generate-corpus.js';
import { generateQuestions } from '../bench/generate-questions.js';
import { latencyOf, measureCliAsk, measureCold, measureReindexStall, measureWarmStart } from '../bench/measure.js';
import { evaluateTargets, machineInfo, renderMarkdown, renderTable, type BenchReport, type SizeResult } from '../bench/report.js';
import { openStory } from '../src/open-story.js';
import { cacheFileOf } from '../src/search/index-cache.js';
import type { StoryReader } from '../src/service.js';
import { capturingLog } from './ingest-helpers.js';

// The benchmark's code paths on a tiny corpus; its timings are never asserted.

async function tinyCorpus(sentences = 400): Promise<{ dir: string; work: string; corpus: GeneratedCorpus; questions: string[] }> {
  const work = await mkdtemp(join(tmpdir(), 'storybot-bench-test-'));
  const corpus = generateCorpus({ sentences, seed: 11 });
  const dir = join(work, 'corpus');
  await writeCorpus(dir, corpus);
  return { dir, work, corpus, questions: generateQuestions(corpus, { count: 40 }).map((question) => question.text) };
}

async function open(dir: string, cacheDir: string, log = capturingLog().log): Promise<StoryReader> {
  const opened = await openStory({ dir, cacheDir, log });
  if (!opened.ok) throw new Error(opened.message);
  return opened.service;
}

describe('generateCorpus', () => {
  it('gives the same articles for the same seed and size, and other articles for another seed', () => {
    const first = generateCorpus({ sentences: 600, seed: 3 });
    expect(generateCorpus({ sentences: 600, seed: 3 })).toEqual(first);
    expect(generateCorpus({ sentences: 600, seed: 4 }).articles[0]!.text).not.toBe(first.articles[0]!.text);
  });

  it('writes exactly the sentences asked for, in articles of 20 to 40 sentences but the last', () => {
    const corpus = generateCorpus({ sentences: 1000, seed: 3 });
    expect(corpus.sentences).toBe(1000);
    expect(corpus.articles.reduce((sum, article) => sum + article.sentences, 0)).toBe(1000);
    for (const article of corpus.articles.slice(0, -1)) expect(article.sentences).toBeGreaterThanOrEqual(20);
    for (const article of corpus.articles) expect(article.sentences).toBeLessThanOrEqual(40);
    expect(new Set(corpus.articles.map((article) => article.name)).size).toBe(corpus.articles.length);
    expect(corpus.articles.every((article) => /^\d{6}_[0-9a-f]{8}\.txt$/.test(article.name))).toBe(true);
  });

  it('writes news-like text: datelines or front matter, quotes, figures and some boilerplate', () => {
    const text = generateCorpus({ sentences: 3000, seed: 3 }).articles.map((article) => article.text).join('\n');
    expect(text).toMatch(/^[A-Z ]+, [A-Z][a-z]+\.? \d{1,2} \((?:Reuters|AP|UPI|AFP)\) — /m);
    expect(text).toMatch(/^---\ntitle: /m);
    expect(text).toMatch(/"[^"]+," said /);
    expect(text).toMatch(/\$\d+(?:\.\d)? (?:million|billion)|\d+\.\d%/);
    expect(text).toMatch(/^Sign up for our daily briefing newsletter here\.$|^Similar Articles$/m);
  });
});

describe('generateQuestions', () => {
  it('gives a fixed set of at least 500 questions, some of them about things the story never mentions', () => {
    const corpus = generateCorpus({ sentences: 2000, seed: 5 });
    const questions = generateQuestions(corpus);
    expect(questions.length).toBeGreaterThanOrEqual(500);
    expect(generateQuestions(corpus)).toEqual(questions);
    expect(questions.some((question) => !question.answerable)).toBe(true);
    expect(questions.every((question) => question.text.trim().length > 0)).toBe(true);
  });
});

describe('latencyOf', () => {
  it('reads nearest-rank percentiles from unsorted timings', () => {
    const timings = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(latencyOf(timings)).toEqual({ count: 100, p50Ms: 50, p99Ms: 99, maxMs: 100, meanMs: 50.5 });
  });
});

describe('the benchmark report', () => {
  let report: BenchReport;

  beforeAll(async () => {
    const { dir, work, corpus, questions } = await tinyCorpus();
    const cacheDir = join(work, 'data');
    const cold = await measureCold({ dir, questions, cacheDir, warmUp: 5 });
    const warm = await measureWarmStart({ dir, cacheDir, question: questions[0]! });
    const cliAsk = await measureCliAsk({ dir, cacheDir, question: questions[0]!, runs: 1 });
    const late = generateCorpus({ sentences: 25, seed: 9 }).articles[0]!;
    const stall = await measureReindexStall({ dir, questions, added: { name: 'zz-late.txt', text: late.text } });
    const size: SizeResult = {
      sentences: 100_000,
      articleFiles: corpus.articles.length,
      questions: questions.length,
      cold,
      warm,
      cliAsk,
      stall,
      peakRssMB: { cold: 200, warm: 150, stall: 180 },
    };
    report = { machine: machineInfo(), sizes: [size], targets: evaluateTargets([size]) };
  }, 60_000);

  it('measures every figure the issue asks for', () => {
    const size = report.sizes[0]!;
    expect(Object.keys(size.cold).sort()).toEqual(
      ['articles', 'passages', 'skipped', 'ingestMs', 'indexMs', 'sentencesPerSecond', 'memory', 'servingRssMB', 'coldStartMs', 'coldStartInProcessMs', 'firstAnswerMs', 'save', 'ask', 'rawSearch', 'indexSearch', 'caps'].sort(),
    );
    expect(Object.keys(size.cold.ask).sort()).toEqual(['count', 'p50Ms', 'p99Ms', 'maxMs', 'meanMs', 'answersPerSecond', 'answered', 'abstained', 'refused'].sort());
    expect(size.cold.ask.count).toBe(size.questions);
    expect(size.cold.rawSearch.count).toBe(size.questions);
    expect(size.cold.save.bytes).toBeGreaterThan(0);
    expect(size.cold.caps.map((cap) => cap.name)).toEqual([
      '1,000-word question',
      'real words up to the 1,000-character cap',
      'random letter words up to the cap',
      'random characters up to the cap',
      '5,000 random characters',
    ]);
    expect(size.cold.caps[0]!.outcome).toBe('refused (too-long)');
    expect(size.warm.fromCache).toBe(true);
    expect(size.cliAsk).toMatchObject({ runs: 1, fromCache: true });
    expect(size.stall).toMatchObject({ path: 'live-story rescan', added: 1, changed: 1 });
    expect(size.stall!.questionsDuring).toBeGreaterThan(0);
  });

  it('prints the same figures as JSON with the machine and the targets', () => {
    const json = JSON.parse(JSON.stringify(report)) as BenchReport;
    expect(Object.keys(json).sort()).toEqual(['machine', 'sizes', 'targets']);
    expect(Object.keys(json.machine).sort()).toEqual(['cores', 'cpu', 'date', 'memoryGB', 'node', 'platform']);
    expect(json.targets.map((target) => target.target)).toEqual([
      'ask p99',
      'ask p99 ÷ raw MiniSearch p99',
      'ingest + index',
      'RSS while answering',
      'start-up from the saved index (in process)',
      'warm storybot ask, whole process (median)',
      'slowest capped question',
      'longest event-loop stall while re-indexing',
    ]);
    for (const target of json.targets) expect(Object.keys(target).sort()).toEqual(['limit', 'met', 'sentences', 'target', 'unit', 'value']);
  });

  it('renders a table for the terminal and BENCHMARKS.md with the machine details', () => {
    const table = renderTable(report);
    expect(table).toContain('ask p50 / p99');
    expect(table).toContain('Targets:');
    const markdown = renderMarkdown(report, '## Notes\n\nHow it is measured.');
    expect(markdown).toMatch(/^# Benchmarks\n/);
    expect(markdown).toContain(`Node ${process.version}`);
    expect(markdown).toContain('| ask p50 / p99 |');
    expect(markdown).toContain('## Notes');
  });
});

describe('openStory with a saved index', () => {
  it('answers from the saved index exactly as from a fresh one, and does not rebuild it', async () => {
    const { dir, work, questions } = await tinyCorpus();
    const cacheDir = join(work, 'data');
    const fresh = await open(dir, cacheDir);
    const file = cacheFileOf(cacheDir, dir);
    const savedAt = (await stat(file)).mtimeMs;
    const { log, lines } = capturingLog();
    const loaded = await open(dir, cacheDir, log);
    expect(lines().some((line) => line.msg === 'story loaded from its saved index')).toBe(true);
    expect((await stat(file)).mtimeMs).toBe(savedAt);
    for (const question of questions) expect(loaded.ask(question)).toEqual(fresh.ask(question));
    expect(loaded.sources()).toEqual(fresh.sources());
    expect(loaded.overview()).toEqual(fresh.overview());
  });

  it('rebuilds when an article changes', async () => {
    const { dir, work, corpus, questions } = await tinyCorpus();
    const cacheDir = join(work, 'data');
    await open(dir, cacheDir);
    const first = corpus.articles[0]!;
    await writeFile(join(dir, first.name), `${first.text}\nThe mayor of Halden resigned on Friday, officials said.\n`);
    const { log, lines } = capturingLog();
    const rebuilt = await open(dir, cacheDir, log);
    expect(lines().some((line) => line.msg === 'story indexed')).toBe(true);
    const fresh = await openStory({ dir });
    if (!fresh.ok) throw new Error(fresh.message);
    for (const question of [...questions.slice(0, 10), 'Who resigned in Halden?']) expect(rebuilt.ask(question)).toEqual(fresh.service.ask(question));
  });

  for (const [damage, corrupt] of [
    ['cut short', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['overwritten with other bytes', (bytes: Buffer) => Buffer.concat([bytes.subarray(0, bytes.indexOf(10) + 1), Buffer.from('{"story":{"articles":5}}')])],
    ['not a saved index at all', () => Buffer.from('\u0000\u0001garbage')],
    ['of the wrong shape under a valid checksum', (bytes: Buffer) => {
      const header = JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString('utf8')) as Record<string, unknown>;
      const payload = Buffer.from('{"story":{"articles":5,"index":{},"names":{}},"skipped":[]}');
      header.checksum = createHash('sha1').update(payload).digest('hex');
      return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]);
    }],
  ] as const) {
    it(`ignores a saved index that is ${damage} with a warning, and rebuilds it`, async () => {
      const { dir, work, questions } = await tinyCorpus();
      const cacheDir = join(work, 'data');
      const fresh = await open(dir, cacheDir);
      const file = cacheFileOf(cacheDir, dir);
      const good = await readFile(file);
      await writeFile(file, corrupt(good));
      const { log, lines } = capturingLog();
      const rebuilt = await open(dir, cacheDir, log);
      const warning = lines().find((line) => line.msg === 'ignoring a damaged saved index; rebuilding it');
      expect(warning).toMatchObject({ level: 40, file });
      for (const question of questions.slice(0, 10)) expect(rebuilt.ask(question)).toEqual(fresh.ask(question));
      expect((await readFile(file)).equals(good)).toBe(true);
    });
  }
});
