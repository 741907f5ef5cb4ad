// The story engine's worker thread: it opens the story (from the saved index when it can), follows the folder when
// asked to, and answers the supervisor's requests one at a time. A question that never ends blocks only this thread;
// the supervisor terminates it and starts another.
import { Writable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { createSystemClock, nextTurn, sleep } from '../clock.js';
import type { ArticleLog } from '../live-story.js';
import { loadFirstNames } from '../language/first-names.js';
import { loadTagger } from '../language/tagger.js';
import { loadWordNet } from '../language/wordnet.js';
import { createLogger, type Log } from '../log.js';
import { createStoryReader, openStory } from '../open-story.js';
import type { StoryReader } from '../service.js';
import type { Story } from '../story.js';
import type { EngineCommand, EngineInit, EngineReplyValue, EngineRequest, WorkerMessage } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('engine-worker: must run in a worker thread');
// The worker may be started before its story is known (see prewarm.mjs): its first message says what to open.
const initMessage = new Promise<EngineInit>((resolve) => port.once('message', (message: { init: EngineInit }) => resolve(message.init)));
// The tagger's model is loaded while the first message is on its way: a worker started early (prewarm.mjs) waits
// for the main thread to load the program, and every question needs the model. It is loaded before any question,
// whose deadline should not pay for it.
loadTagger();
const init = await initMessage;
// WordNet's tables are read on first use by the question that needs them (about 200 ms, a second or more on a busy
// machine, against a deadline of two): a running bot or a batch reads them before its first question instead.
if (init.preload) loadWordNet();
const send = (message: WorkerMessage): void => port.postMessage(message);
const log = forwardingLog(init.logLevel);

type Opened = { story: () => Story; reader: StoryReader };

if (init.testHooks.openingDelayMs !== undefined) await sleep(createSystemClock(), init.testHooks.openingDelayMs);
const opened = await openEngineStory();
if (opened !== null) {
  port.on('message', async (command: EngineCommand) => {
    try {
      send({ type: 'reply', id: command.id, ok: true, value: await handle(opened, command.request) });
    } catch (error) {
      send({ type: 'reply', id: command.id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
  send({ type: 'ready', overview: opened.reader.overview() });
  // A running bot loads the first-name tables once it is ready, not when its first follow-up is asked; a one-off
  // `storybot ask` leaves them to the question that needs them.
  if (init.follow !== null) void nextTurn().then(loadFirstNames);
}

async function openEngineStory(): Promise<Opened | null> {
  if (init.follow === null) {
    const result = await openStory({ dir: init.dir, log, ...(init.cacheDir === null ? {} : { cacheDir: init.cacheDir }) });
    if (!result.ok) {
      send({ type: 'failed', reason: result.reason, message: result.message });
      return null;
    }
    return { story: () => result.story, reader: result.service };
  }
  // Only a running bot follows its folder; `storybot ask` does not load the code for it.
  const { openLiveStory } = await import('../live-story.js');
  const result = await openLiveStory({
    dir: init.dir,
    clock: createSystemClock(),
    articles: forwardingArticleLog(),
    log,
    watch: init.follow.watch,
    ...(init.follow.debounceMs === undefined ? {} : { debounceMs: init.follow.debounceMs }),
    ...(init.follow.rescanMs === undefined ? {} : { rescanMs: init.follow.rescanMs }),
    ...(init.cacheDir === null ? {} : { cacheDir: init.cacheDir }),
  });
  if (!result.ok) {
    send({ type: 'failed', reason: result.reason, message: result.message });
    return null;
  }
  const { live } = result;
  live.onChange(({ added, changed, removed }) => send({ type: 'changed', change: { added, changed, removed }, overview: live.story().overview() }));
  return { story: () => live.story(), reader: createStoryReader(live.story()) };
}

async function handle(story: Opened, request: EngineRequest): Promise<EngineReplyValue[EngineRequest['kind']]> {
  switch (request.kind) {
    case 'ask':
      if (init.testHooks.spinOnQuestion !== undefined && request.question.includes(init.testHooks.spinOnQuestion)) spin();
      return story.reader.ask(request.question, request.options);
    case 'sources':
      return story.reader.sources();
    case 'overview':
      return story.reader.overview();
    case 'digest': {
      const { composeDigest } = await import('../digest/compose-digest.js');
      const firstSeen = new Map(request.firstSeen);
      return composeDigest(story.story(), {
        now: new Date(request.now),
        since: request.since === null ? null : new Date(request.since),
        firstSeen: (document) => {
          const at = firstSeen.get(document);
          return at === undefined ? null : new Date(at);
        },
        timeZone: request.timeZone,
      });
    }
  }
}

// The test hook's stand-in for a runaway answer: it holds the thread as one would, for a bounded minute.
function spin(): void {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    // Busy on purpose: nothing else runs in this thread until the supervisor terminates it.
  }
}

// The supervisor keeps the article log (a database) and the clock that says when an article was first seen; the
// worker tells it what it found. Nothing in the worker asks the log.
function forwardingArticleLog(): ArticleLog {
  return {
    recordPresent: (entries) => send({ type: 'articles-present', entries: entries.map(({ document, contentHash }) => ({ document, contentHash })) }),
    recordRemoved: (documents) => send({ type: 'articles-removed', documents: [...documents] }),
    firstSeen: () => null,
  };
}

// The worker's log lines go to the supervisor, which writes them with its own logger (and its tests' captures).
function forwardingLog(level: string): Log {
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim() !== '') send({ type: 'log', line });
      done();
    },
  });
  return createLogger({ level, pretty: false, destination });
}
