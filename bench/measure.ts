import { spawn } from 'node:child_process';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { answerQuestion } from '../src/answer/answer-question.js';
import { createSystemClock } from '../src/clock.js';
import { readCorpus } from '../src/ingest/read-corpus.js';
import { openLiveStory } from '../src/live-story.js';
import { silentLog, type Log } from '../src/log.js';
import { cacheFileOf, corpusKey, saveCachedStory } from '../src/search/index-cache.js';
import { termsOf } from '../src/search/terms.js';
import { Story } from '../src/story.js';
import { normalizeForMatch } from '../src/text/normalize.js';
import type { AskResult } from '../src/types.js';
import { createRandom } from './prng.js';

/** Latency figures over a set of timed calls, in milliseconds. */
export type Latency = { count: number; p50Ms: number; p99Ms: number; maxMs: number; meanMs: number };

/** What the cold run of one corpus measured: ingest, index, memory, answers, the raw engine and the caps. */
export type ColdMeasurement = {
  articles: number;
  passages: number;
  skipped: number;
  ingestMs: number;
  indexMs: number;
  /** Passages indexed per second, ingest and index together. */
  sentencesPerSecond: number;
  /** Heap and resident memory once the corpus is indexed (after a garbage collection). */
  memory: { heapMB: number; rssMB: number };
  /** Resident memory after every question and the caps were answered (before the raw engine's searches). */
  servingRssMB: number;
  /** Milliseconds from process start to the first answer, Node and tsx start-up included. */
  coldStartMs: number;
  /** Milliseconds from reading the corpus to the first answer, within the process. */
  coldStartInProcessMs: number;
  firstAnswerMs: number;
  save: { ms: number; bytes: number };
  ask: Latency & { answersPerSecond: number; answered: number; abstained: number; refused: number };
  /** MiniSearch's own search of each question's terms, with the options `PassageIndex.search` uses. */
  rawSearch: Latency;
  /** The index's top-k search of the same terms without fuzzy matching, as answers use it. */
  indexSearch: Latency;
  caps: CapMeasurement[];
};

/** One kind of pathological question, its worst time over a few variants and what became of it. */
export type CapMeasurement = { name: string; characters: number; maxMs: number; outcome: string };

/** What a start from the saved index measured. */
export type WarmMeasurement = {
  /** Milliseconds from process start to the first answer, Node and tsx start-up included. */
  startMs: number;
  /** Milliseconds from opening the story to the first answer, within the process. */
  inProcessMs: number;
  /** Milliseconds to the start of the measurement: Node, tsx and module loading. */
  bootMs: number;
  openMs: number;
  firstAnswerMs: number;
  fromCache: boolean;
  memory: { heapMB: number; rssMB: number };
};

/** What re-indexing during questions measured on the live story. */
export type StallMeasurement = {
  /** Which code path was measured: the live story's rescan (a watched folder) or a bare `Story.put`. */
  path: 'live-story rescan' | 'story.put';
  /** The longest time the event loop went without answering, while articles were re-indexed. */
  maxStallMs: number;
  /** Questions answered while the rescan ran. */
  questionsDuring: number;
  /** The slowest of those answers (the first after a change recomputes the story's overview). */
  maxAskMs: number;
  added: number;
  changed: number;
};

/** Sorts timings and reads the usual percentiles (nearest rank). */
export function latencyOf(timings: readonly number[]): Latency {
  if (timings.length === 0) return { count: 0, p50Ms: 0, p99Ms: 0, maxMs: 0, meanMs: 0 };
  const sorted = [...timings].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { count: sorted.length, p50Ms: rank(0.5), p99Ms: rank(0.99), maxMs: sorted.at(-1)!, meanMs: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

function memoryNow(): { heapMB: number; rssMB: number } {
  // Run with --expose-gc so the figure is what the story holds, not garbage awaiting collection.
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { heapMB: usage.heapUsed / 1e6, rssMB: usage.rss / 1e6 };
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

function outcomeOf(result: AskResult): 'answered' | 'abstained' | 'refused' {
  return !result.ok ? 'refused' : result.answer.abstained ? 'abstained' : 'answered';
}

/** Options for {@link measureCold}. */
export type ColdOptions = {
  dir: string;
  questions: readonly string[];
  /** Where the saved index is written after the cold start. */
  cacheDir: string;
  /** How many questions the raw engine searches (it is slow on large corpora); defaults to all. */
  rawQueries?: number;
  /** Questions asked first and not timed, so the timings are of warmed-up code; defaults to 50. */
  warmUp?: number;
  log?: Log;
};

/**
 * The cold run of one corpus, through the real ingest path: read and index the folder, answer the first question,
 * take memory, time every question, the raw engine on the same terms and the caps, then save the index.
 */
export async function measureCold(options: ColdOptions): Promise<ColdMeasurement> {
  const log = options.log ?? silentLog;
  const questions = options.questions;
  const started = performance.now();
  const corpus = await readCorpus(options.dir, { log });
  if (!corpus.ok) throw new Error(`bench: ${corpus.message}`);
  const ingestMs = performance.now() - started;
  const [story, indexMs] = time(() => new Story(corpus.articles));
  const [, firstAnswerMs] = time(() => answerQuestion(story, questions[0] ?? 'What happened?'));
  const coldStartMs = performance.now();
  const memory = memoryNow();

  for (const question of questions.slice(0, options.warmUp ?? 50)) answerQuestion(story, question);
  const askTimings: number[] = [];
  const outcomes = { answered: 0, abstained: 0, refused: 0 };
  for (const question of questions) {
    const [result, ms] = time(() => answerQuestion(story, question));
    askTimings.push(ms);
    outcomes[outcomeOf(result)]++;
  }
  const ask = latencyOf(askTimings);

  const caps = measureCaps(story);
  const servingRssMB = memoryNow().rssMB;

  // MiniSearch's own search builds a result for every matching passage, so its garbage comes after the memory figures.
  const terms = questions.map((question) => termsOf(normalizeForMatch(question)));
  const rawTimings = terms.slice(0, options.rawQueries ?? terms.length).map((query) => time(() => story.index.rawSearch(query, { limit: 60 }))[1]);
  const indexTimings = terms.map((query) => time(() => story.index.search(query, { limit: 60, fuzzy: false }))[1]);

  // Last, the saved index is written as a cold start writes it, under the key a restart looks for.
  const saveStarted = performance.now();
  const key = await corpusKey(options.dir);
  const saved = key !== null && (await saveCachedStory(options.dir, key, story, corpus.skipped, { cacheDir: options.cacheDir, log }));
  const save = { ms: performance.now() - saveStarted, bytes: saved ? (await stat(cacheFileOf(options.cacheDir, options.dir))).size : 0 };

  return {
    articles: corpus.articles.length,
    passages: story.passageCount,
    skipped: corpus.skipped.length,
    ingestMs,
    indexMs,
    sentencesPerSecond: story.passageCount / ((ingestMs + indexMs) / 1000),
    memory,
    servingRssMB,
    coldStartMs,
    coldStartInProcessMs: coldStartMs - started,
    firstAnswerMs,
    save,
    ask: { ...ask, answersPerSecond: 1000 / ask.meanMs, ...outcomes },
    rawSearch: latencyOf(rawTimings),
    indexSearch: latencyOf(indexTimings),
    caps,
  };
}

/** The pathological questions: far too long, just under the length cap, and random characters. */
export function capQuestions(story: Story, seed = 99): Array<{ name: string; variants: string[] }> {
  const random = createRandom(seed);
  const vocabulary = [...new Set(story.articles().flatMap((article) => article.passages.slice(0, 3).flatMap((passage) => passage.text.split(/\s+/))))].filter(Boolean);
  const words = (count: number) => Array.from({ length: count }, () => random.pick(vocabulary)).join(' ');
  const underCap = () => {
    let text = '';
    while (text.length < 990) text += `${random.pick(vocabulary)} `;
    return `${text.slice(0, 990).trim()}?`;
  };
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüøłčšžñ0123456789 .,;:!?-"\'()[]{}#@&*%$€/\\漢字かなрусский😀 ';
  const randomText = (length: number) => Array.from({ length }, () => alphabet[random.int(0, alphabet.length - 1)]).join('');
  const randomWords = (length: number) => {
    let text = '';
    while (text.length < length) text += `${Array.from({ length: random.int(3, 12) }, () => random.pick([...'abcdefghijklmnopqrstuvwxyz'])).join('')} `;
    return text.slice(0, length);
  };
  const variants = (make: () => string) => Array.from({ length: 5 }, make);
  return [
    { name: '1,000-word question', variants: variants(() => `${words(1000)}?`) },
    { name: 'real words up to the 1,000-character cap', variants: variants(underCap) },
    { name: 'random letter words up to the cap', variants: variants(() => randomWords(990)) },
    { name: 'random characters up to the cap', variants: variants(() => randomText(990)) },
    { name: '5,000 random characters', variants: variants(() => randomText(5000)) },
  ];
}

function measureCaps(story: Story): CapMeasurement[] {
  return capQuestions(story).map(({ name, variants }) => {
    let maxMs = 0;
    const outcomes = new Set<string>();
    for (const question of variants) {
      const [result, ms] = time(() => answerQuestion(story, question));
      maxMs = Math.max(maxMs, ms);
      outcomes.add(result.ok ? outcomeOf(result) : `refused (${result.reason})`);
    }
    return { name, characters: Math.max(...variants.map((question) => question.length)), maxMs, outcome: [...outcomes].join(', ') };
  });
}

/** Options for {@link measureWarmStart}. */
export type WarmOptions = { dir: string; cacheDir: string; question: string; log?: Log };

/** Opens the story as the CLI does with a saved index and answers one question: the start-up from the saved index. */
export async function measureWarmStart(options: WarmOptions): Promise<WarmMeasurement> {
  const bootMs = performance.now();
  const file = cacheFileOf(options.cacheDir, options.dir);
  const savedAt = await stat(file).then((info) => info.mtimeMs, () => null);
  // `npm start` opens the live story from DATA_DIR's saved index, so that is what is timed.
  const opened = await openLiveStory({ dir: options.dir, clock: createSystemClock(), watch: false, rescanMs: 0, cacheDir: options.cacheDir, log: options.log ?? silentLog });
  if (!opened.ok) throw new Error(`bench: ${opened.message}`);
  opened.live.close();
  const openMs = performance.now() - bootMs;
  const [, firstAnswerMs] = time(() => opened.live.service.ask(options.question));
  const startMs = performance.now();
  // A rebuild would have saved the index again.
  const fromCache = savedAt !== null && (await stat(file)).mtimeMs === savedAt;
  return { startMs, inProcessMs: startMs - bootMs, bootMs, openMs, firstAnswerMs, fromCache, memory: memoryNow() };
}

/** Options for {@link measureReindexStall}. */
export type StallOptions = {
  dir: string;
  questions: readonly string[];
  /** A new article file to add while questions are answered. */
  added: { name: string; text: string };
};

/**
 * The longest event-loop stall while the live story picks up a new article and a changed one, with a question
 * answered on every turn of the loop: the gap between the end of one answer and the start of the next is time the
 * loop spent elsewhere, re-indexing included.
 */
export async function measureReindexStall(options: StallOptions): Promise<StallMeasurement> {
  const opened = await openLiveStory({ dir: options.dir, clock: createSystemClock(), watch: false, rescanMs: 0 });
  if (!opened.ok) throw new Error(`bench: ${opened.message}`);
  const live = opened.live;
  const changedName = live.story().articles()[0]!.document;
  const changedPath = join(options.dir, changedName);
  const original = await readFile(changedPath);
  let measuring = false;
  let stopped = false;
  let asked = 0;
  let during = 0;
  let maxStallMs = 0;
  let maxAskMs = 0;
  let lastEnd = performance.now();
  let warmedUp: () => void = () => undefined;
  const warm = new Promise<void>((resolve) => {
    warmedUp = resolve;
  });
  const tick = () => {
    if (stopped) return;
    const start = performance.now();
    if (measuring) maxStallMs = Math.max(maxStallMs, start - lastEnd);
    live.service.ask(options.questions[asked++ % options.questions.length]!);
    const end = performance.now();
    if (measuring) {
      during++;
      maxAskMs = Math.max(maxAskMs, end - start);
    }
    lastEnd = end;
    if (asked === 50) warmedUp();
    setImmediate(tick);
  };
  setImmediate(tick);
  await warm;
  try {
    await writeFile(join(options.dir, options.added.name), options.added.text);
    await writeFile(changedPath, `${original.toString('utf8').trimEnd()}\n\nOfficials said the talks would resume on Monday.\n`);
    measuring = true;
    lastEnd = performance.now();
    const change = await live.rescan();
    measuring = false;
    stopped = true;
    live.close();
    return { path: 'live-story rescan', maxStallMs, questionsDuring: during, maxAskMs, added: change.added.length, changed: change.changed.length };
  } finally {
    stopped = true;
    live.close();
    await rm(join(options.dir, options.added.name), { force: true });
    await writeFile(changedPath, original);
  }
}

/** What a warm `storybot ask` costs, as a user runs it: a whole process, from its start to its exit. */
export type CliAskMeasurement = {
  runs: number;
  minMs: number;
  medianMs: number;
  /** True when every timed run loaded the saved index (none rebuilt it). */
  fromCache: boolean;
};

/** Options for {@link measureCliAsk}. */
export type CliAskOptions = { dir: string; cacheDir: string; question: string; runs: number };

/**
 * Times `node bin/storybot.js ask --json` on a story whose index is saved in `cacheDir`, from spawning the process to
 * its exit, after one run that is not timed (it builds the source bundles if they are out of date).
 */
export async function measureCliAsk(options: CliAskOptions): Promise<CliAskMeasurement> {
  const bin = join(import.meta.dirname, '..', 'bin', 'storybot.js');
  const run = () =>
    new Promise<{ ms: number; fromCache: boolean }>((resolve, reject) => {
      const started = performance.now();
      const child = spawn(process.execPath, [bin, 'ask', '--json', '--corpus', options.dir, '--data-dir', options.cacheDir, options.question], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'debug' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        const ms = performance.now() - started;
        if (code !== 0 || !stdout.startsWith('{')) reject(new Error(`bench: storybot ask exited with ${code}: ${stderr.slice(0, 300)}`));
        else resolve({ ms, fromCache: stderr.includes('story loaded from its saved index') });
      });
    });
  await run();
  const timed: Array<{ ms: number; fromCache: boolean }> = [];
  for (let i = 0; i < options.runs; i++) timed.push(await run());
  const sorted = timed.map((entry) => entry.ms).sort((a, b) => a - b);
  return { runs: timed.length, minMs: sorted[0]!, medianMs: sorted[Math.floor((sorted.length - 1) / 2)]!, fromCache: timed.every((entry) => entry.fromCache) };
}
