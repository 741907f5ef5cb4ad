import { createHash } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { createSystemClock, type Clock, type TimerId } from '../clock.js';
import type { Digest } from '../digest/types.js';
import type { ArticleLog } from '../live-story.js';
import { silentLog, type Log } from '../log.js';
import type { AskOptions, StoryService } from '../service.js';
import type { AskResult, SourceSummary, StoryOverview } from '../types.js';
import { startEngineWorker, takePrewarmedWorker } from './prewarm.mjs';
import type { EngineChange, EngineInit, EngineReplyValue, EngineRequest, EngineTestHooks, WorkerMessage } from './protocol.js';

/** How long one question may take before its asker gets an apology and the engine is restarted, by default (2 s). */
export const defaultAnswerTimeoutMs = 2_000;

/** How long any other request (sources, a digest) may take, at the least: 30 s, or ten answers' deadlines if longer. */
export const minReadTimeoutMs = 30_000;

/** What an asker is told while the story's first index is being built. */
export const loadingText = 'The story is still loading (its articles are being indexed). Please ask again in a minute.';

/** What an asker is told when answering ran past its deadline. */
export const timedOutText = 'Sorry, that question took too long to answer, so I stopped. Please try asking it another way.';

/** What an asker is told when the engine stopped under their question, or could not be started. */
export const engineStoppedText = 'Sorry, the story engine stopped while answering. Please try again in a moment.';

/** Options for {@link createStoryEngine}. */
export type StoryEngineOptions = {
  /** The corpus folder. */
  dir: string;
  /** DATA_DIR: the story's index is saved here and a restart (or the next run) starts from it; unset saves nothing. */
  cacheDir?: string;
  /**
   * Follow the folder as a running bot does (watch, periodic rescan), recording in `articles` when each article was
   * first seen by `clock`; unset opens the story once, as the CLI does.
   */
  follow?: { articles: ArticleLog; clock: Clock; watch?: boolean; debounceMs?: number; rescanMs?: number };
  /** Deadline of one question, in milliseconds; defaults to {@link defaultAnswerTimeoutMs}. */
  answerTimeoutMs?: number;
  /**
   * Read WordNet's tables before the story opens rather than when a question first needs them, so no question's
   * deadline pays for them: always for a running bot (`follow`), and for a batch of questions; a single question from
   * the command line is quicker without.
   */
  preloadTables?: boolean;
  log?: Log;
  /** The timer owner for deadlines and restart back-off; defaults to the system clock (deadlines are real time). */
  watchdog?: Clock;
  /** Only tests set these. */
  testHooks?: EngineTestHooks;
};

/** How the engine's first opening of the story ended. */
export type EngineStart = { ok: true } | { ok: false; reason: 'missing-folder' | 'no-articles' | 'engine-stopped'; message: string };

/** What a digest needs besides the story: when it is composed, what counts as new, and in which time zone. */
export type EngineDigestRequest = { now: Date; since: Date | null; timeZone: string; firstSeen: (document: string) => Date | null };

/**
 * The story, read in a worker thread the main thread supervises: a question that never ends cannot block the
 * process, since it gets a deadline, after which its asker gets an apology and the worker is replaced.
 */
export interface StoryEngine {
  /** Answers, sources and overview, for the adapters. */
  readonly service: StoryService;
  /** Resolves when the story's first index is built, or with why the folder could not be opened. */
  ready(): Promise<EngineStart>;
  /** Composes the digest from the story as it is now; rejects when the engine cannot. */
  digest(request: EngineDigestRequest): Promise<Digest>;
  /** Calls `listener` after every change the folder watch applies; returns a function that stops it. */
  onChange(listener: (change: EngineChange) => void): () => void;
  /** Stops the worker; requests still waiting fail. */
  close(): Promise<void>;
}

/** A request the engine could not serve: it timed out, the engine stopped, or the story code threw. */
export class StoryEngineError extends Error {
  constructor(
    message: string,
    readonly reason: 'timed-out' | 'engine-stopped' | 'failed',
  ) {
    super(message);
    this.name = 'StoryEngineError';
  }
}

// Until the first index is built there is no story to describe.
const loadingOverview: StoryOverview = { title: 'this story', articles: 0, outlets: [], firstDate: null, lastDate: null };

type Outcome<T> = { ok: true; value: T } | { ok: false; why: 'timed-out' | 'engine-stopped' | 'failed'; message: string };
type Pending = { id: number; request: EngineRequest; timeoutMs: number; settle(outcome: Outcome<unknown>): void };

/**
 * Starts the story engine: a worker thread opens the story (from the saved index in `cacheDir` when it can) while
 * the caller goes on; questions asked before it is ready are told the story is still loading. Requests go to the
 * worker one at a time, each under a deadline; on a deadline the asker gets `{ ok: false, reason: 'timed-out' }`,
 * the question is logged at warn by its length and a hash (never its text), and the worker is terminated and
 * started again from the saved index, with the requests still waiting queued for it.
 */
export function createStoryEngine(options: StoryEngineOptions): StoryEngine {
  const log = (options.log ?? silentLog).child({ part: 'story-engine' });
  const watchdog = options.watchdog ?? createSystemClock();
  const answerTimeoutMs = options.answerTimeoutMs ?? defaultAnswerTimeoutMs;
  const readTimeoutMs = Math.max(minReadTimeoutMs, 10 * answerTimeoutMs);
  const follow = options.follow;
  const init: EngineInit = {
    dir: options.dir,
    cacheDir: options.cacheDir ?? null,
    follow: follow === undefined ? null : { watch: follow.watch ?? true, debounceMs: follow.debounceMs, rescanMs: follow.rescanMs },
    preload: follow !== undefined || options.preloadTables === true,
    logLevel: (options.log ?? silentLog).level,
    testHooks: options.testHooks ?? {},
  };

  let state: 'loading' | 'ready' | 'restarting' | 'failed' | 'closed' = 'loading';
  let everReady = false;
  let worker: Worker | null = null;
  // Each worker's events carry the generation it was started in; those of a replaced worker are ignored.
  let generation = 0;
  let nextId = 1;
  let overview: StoryOverview | null = null;
  let inFlight: { pending: Pending; timer: TimerId } | null = null;
  let restartTimer: TimerId | undefined;
  const queue: Pending[] = [];
  const listeners = new Set<(change: EngineChange) => void>();
  const recentCrashes: number[] = [];
  let settleReady!: (start: EngineStart) => void;
  const readyPromise = new Promise<EngineStart>((resolve) => (settleReady = resolve));

  const spawn = (): void => {
    const mine = ++generation;
    void (async () => {
      let started: Worker;
      try {
        // The first worker may have been started already, by bin/storybot.js, while the program was loading.
        started = (mine === 1 ? await takePrewarmedWorker() : null) ?? (await startEngineWorker());
      } catch (error) {
        if (mine === generation) onCrash(error instanceof Error ? error.message : String(error));
        return;
      }
      if (mine !== generation) {
        // Closed or replaced while the worker was starting.
        void started.terminate();
        return;
      }
      worker = started;
      started.ref();
      started.on('message', (message: WorkerMessage) => {
        if (mine === generation) onMessage(message);
      });
      started.on('error', (error) => {
        if (mine === generation) onCrash(error.message);
      });
      started.on('exit', (code) => {
        if (mine === generation) onCrash(`the worker exited with code ${code}`);
      });
      started.postMessage({ init });
    })();
  };

  const onMessage = (message: WorkerMessage): void => {
    switch (message.type) {
      case 'ready':
        overview = message.overview;
        state = 'ready';
        if (!everReady) {
          everReady = true;
          settleReady({ ok: true });
        } else log.info({ articles: overview.articles }, 'the story engine is answering again');
        dispatch();
        return;
      case 'failed':
        if (!everReady) {
          state = 'failed';
          settleReady({ ok: false, reason: message.reason, message: message.message });
          stopWorker();
          failWaiting();
          return;
        }
        onCrash(message.message);
        return;
      case 'reply': {
        if (inFlight === null || inFlight.pending.id !== message.id) return;
        const { pending, timer } = inFlight;
        watchdog.clearTimer(timer);
        inFlight = null;
        pending.settle(message.ok ? { ok: true, value: message.value } : { ok: false, why: 'failed', message: message.error });
        dispatch();
        return;
      }
      case 'changed':
        overview = message.overview;
        for (const listener of listeners) listener(message.change);
        return;
      case 'articles-present':
        record(() => follow?.articles.recordPresent(message.entries, follow.clock.now()));
        return;
      case 'articles-removed':
        record(() => follow?.articles.recordRemoved(message.documents, follow.clock.now()));
        return;
      case 'log':
        relog(log, message.line);
        return;
    }
  };

  const record = (write: () => void): void => {
    try {
      write();
    } catch (error) {
      log.error({ err: error }, 'could not record the articles the story engine found');
    }
  };

  const dispatch = (): void => {
    if (state !== 'ready' || worker === null || inFlight !== null) return;
    const pending = queue.shift();
    if (pending === undefined) {
      // Idle: the worker alone does not keep the process running.
      worker.unref();
      return;
    }
    worker.ref();
    try {
      worker.postMessage({ id: pending.id, request: pending.request });
    } catch (error) {
      // Options that cannot cross into the worker (a function, say) are the caller's mistake.
      pending.settle({ ok: false, why: 'failed', message: error instanceof Error ? error.message : String(error) });
      dispatch();
      return;
    }
    const timer = watchdog.setTimer(new Date(watchdog.now().getTime() + pending.timeoutMs), () => onDeadline(pending));
    inFlight = { pending, timer };
  };

  const onDeadline = (pending: Pending): void => {
    if (inFlight?.pending !== pending) return;
    inFlight = null;
    const { request } = pending;
    const about = request.kind === 'ask' ? { length: request.question.length, hash: hashOf(request.question) } : {};
    log.warn({ request: request.kind, ...about, timeoutMs: pending.timeoutMs }, 'a request ran past its deadline; restarting the story engine');
    pending.settle({ ok: false, why: 'timed-out', message: `storybot: the story engine took over ${pending.timeoutMs} ms on a ${request.kind} request` });
    restart(0);
  };

  const onCrash = (detail: string): void => {
    stopWorker();
    if (inFlight !== null) {
      const { pending, timer } = inFlight;
      watchdog.clearTimer(timer);
      inFlight = null;
      pending.settle({ ok: false, why: 'engine-stopped', message: `storybot: the story engine stopped: ${detail}` });
    }
    if (state === 'closed') return;
    if (!everReady) {
      state = 'failed';
      log.error({ detail }, 'the story engine stopped before the story was open');
      settleReady({ ok: false, reason: 'engine-stopped', message: `storybot: the story engine stopped before the story was open: ${detail}` });
      failWaiting();
      return;
    }
    // A worker that keeps stopping is restarted less and less often, up to every 30 s.
    const now = watchdog.now().getTime();
    recentCrashes.push(now);
    while (recentCrashes.length > 0 && recentCrashes[0]! < now - 300_000) recentCrashes.shift();
    const delay = Math.min(30_000, 250 * 2 ** recentCrashes.length);
    log.error({ detail, restartInMs: delay }, 'the story engine stopped; restarting it');
    restart(delay);
  };

  const restart = (delayMs: number): void => {
    stopWorker();
    state = 'restarting';
    if (delayMs <= 0) {
      spawn();
      return;
    }
    restartTimer = watchdog.setTimer(new Date(watchdog.now().getTime() + delayMs), () => {
      restartTimer = undefined;
      if (state === 'restarting') spawn();
    });
  };

  const stopWorker = (): void => {
    const old = worker;
    worker = null;
    generation += 1;
    if (old !== null) void old.terminate();
  };

  const failWaiting = (): void => {
    for (const pending of queue.splice(0)) pending.settle({ ok: false, why: 'engine-stopped', message: 'storybot: the story engine is not running' });
  };

  const enqueue = <K extends EngineRequest['kind']>(request: Extract<EngineRequest, { kind: K }>, timeoutMs: number, settle: (outcome: Outcome<EngineReplyValue[K]>) => void): void => {
    if (state === 'failed' || state === 'closed') {
      settle({ ok: false, why: 'engine-stopped', message: 'storybot: the story engine is not running' });
      return;
    }
    queue.push({ id: nextId++, request, timeoutMs, settle: settle as (outcome: Outcome<unknown>) => void });
    worker?.ref();
    dispatch();
  };

  const read = <K extends EngineRequest['kind']>(request: Extract<EngineRequest, { kind: K }>): Promise<EngineReplyValue[K]> =>
    new Promise((resolve, reject) =>
      enqueue(request, readTimeoutMs, (outcome) => (outcome.ok ? resolve(outcome.value) : reject(new StoryEngineError(outcome.message, outcome.why)))),
    );

  const service: StoryService = {
    ask(question: string, askOptions?: AskOptions): Promise<AskResult> {
      const echo = question.slice(0, 200);
      if (state === 'failed' || state === 'closed') return Promise.resolve({ ok: false, reason: 'engine-stopped', message: engineStoppedText, question: echo });
      if (!everReady) return Promise.resolve({ ok: false, reason: 'loading', message: loadingText, question: echo });
      const request: EngineRequest = askOptions === undefined ? { kind: 'ask', question } : { kind: 'ask', question, options: askOptions };
      return new Promise((resolve, reject) =>
        enqueue(request, answerTimeoutMs, (outcome) => {
          if (outcome.ok) resolve(outcome.value);
          else if (outcome.why === 'timed-out') resolve({ ok: false, reason: 'timed-out', message: timedOutText, question: echo });
          else if (outcome.why === 'engine-stopped') resolve({ ok: false, reason: 'engine-stopped', message: engineStoppedText, question: echo });
          else reject(new StoryEngineError(outcome.message, outcome.why));
        }),
      );
    },
    sources: (): Promise<SourceSummary[]> => read({ kind: 'sources' }),
    overview: async (): Promise<StoryOverview> => overview ?? loadingOverview,
  };

  spawn();

  return {
    service,
    ready: () => readyPromise,
    async digest(request) {
      const sources = await read({ kind: 'sources' });
      const firstSeen: Array<[string, number]> = [];
      for (const { document } of sources) {
        const at = request.firstSeen(document);
        if (at !== null) firstSeen.push([document, at.getTime()]);
      }
      return read({ kind: 'digest', now: request.now.getTime(), since: request.since?.getTime() ?? null, timeZone: request.timeZone, firstSeen });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (state === 'closed') return;
      state = 'closed';
      if (restartTimer !== undefined) watchdog.clearTimer(restartTimer);
      const old = worker;
      worker = null;
      generation += 1;
      if (inFlight !== null) {
        const { pending, timer } = inFlight;
        watchdog.clearTimer(timer);
        inFlight = null;
        pending.settle({ ok: false, why: 'engine-stopped', message: 'storybot: the story engine is closed' });
      }
      failWaiting();
      if (!everReady) settleReady({ ok: false, reason: 'engine-stopped', message: 'storybot: the story engine was closed before the story was open' });
      if (old !== null) await old.terminate();
    },
  };
}

// A question is logged by its length and a short hash, so repeats can be told apart without the text being kept.
function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const levelNames: Readonly<Record<number, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

// The worker's pino lines are written again through the supervisor's logger, at their level and with their fields.
function relog(log: Log, line: string): void {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    log.warn({ line: line.slice(0, 200) }, 'the story engine wrote a log line that is not JSON');
    return;
  }
  const { level, time: _time, msg, ...fields } = entry;
  const method = levelNames[typeof level === 'number' ? level : 30] ?? 'info';
  log[method](fields, typeof msg === 'string' ? msg : '');
}
