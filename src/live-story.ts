import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { nextTurn, type Clock, type TimerId } from './clock.js';
import { describeArticleProblem, listArticleFiles, maxArticleBytes, parseArticle } from './ingest/read-corpus.js';
import { silentLog, type Log } from './log.js';
import { createStoryReader } from './open-story.js';
import type { StoryReader } from './service.js';
import { corpusKey, loadCachedStory, saveCachedStory, type FileStamp } from './search/index-cache.js';
import { Story } from './story.js';
import type { Article, SkippedFile } from './types.js';

/** The durable record of which articles were seen and when; the store implements it. */
export interface ArticleLog {
  /** Records articles present now: new documents are first seen at `at`; known ones keep their first-seen time. */
  recordPresent(entries: readonly { document: string; contentHash: string }[], at: Date): void;
  /** Records that documents left the corpus at `at`. */
  recordRemoved(documents: readonly string[], at: Date): void;
  /** When a document now in the corpus was first seen, or null when it is unknown or removed. */
  firstSeen(document: string): Date | null;
}

/** What one rescan of the corpus folder changed, by document name. */
export type StoryChange = { added: string[]; changed: string[]; removed: string[]; at: Date };

/** A story that follows its corpus folder: files added, changed or removed are picked up without a restart. */
export type LiveStory = {
  /** The corpus folder. */
  readonly dir: string;
  /** Answers from the story as it is at the moment of each call, in this thread. */
  readonly service: StoryReader;
  /** The current story (for digests and passage listings). */
  story(): Story;
  /** When a document was first seen, or null when unknown. */
  firstSeen(document: string): Date | null;
  /** Reads the folder now and applies what changed; concurrent calls share one scan. */
  rescan(): Promise<StoryChange>;
  /** Calls `listener` after every rescan that changed something; returns a function that stops it. */
  onChange(listener: (change: StoryChange) => void): () => void;
  /** Resolves with the next change that a rescan (watched, periodic or called) applies. */
  nextChange(): Promise<StoryChange>;
  /** Stops watching and rescanning; the story stays readable. */
  close(): void;
};

/** A live story, or why the corpus folder could not be opened. */
export type OpenLiveStoryResult = { ok: true; live: LiveStory } | { ok: false; reason: 'missing-folder' | 'no-articles'; message: string };

/** Options for {@link openLiveStory}. */
export type LiveStoryOptions = {
  /** The corpus folder of .txt and .md articles. */
  dir: string;
  /** The timer owner, for the watch debounce and the periodic rescan. */
  clock: Clock;
  /** Where first-seen times are kept; defaults to an in-memory log. */
  articles?: ArticleLog;
  log?: Log;
  /** Quiet time after a file-system event before the folder is rescanned, in milliseconds; defaults to 250. */
  debounceMs?: number;
  /** Interval of the safety-net rescan (fs.watch can miss events), in milliseconds; defaults to 60,000; 0 turns it off. */
  rescanMs?: number;
  /** Whether to watch the folder with fs.watch; defaults to true. */
  watch?: boolean;
  /**
   * The data folder (DATA_DIR) for the saved index: a restart loads it and re-reads only the articles that changed
   * since, instead of indexing the whole story again. Without it nothing is saved.
   */
  cacheDir?: string;
  /** Most passages indexed between yields to the event loop (it also yields after 10 ms of indexing); defaults to 1,000. */
  passagesPerTurn?: number;
};


type FileState = { mtimeMs: number; ctimeMs: number; size: number; ino: number; contentHash: string | null };

/**
 * Reads and indexes a corpus folder, yielding to the event loop between chunks so a large load never stalls it for
 * long, then keeps the story in step with the folder: a watch (debounced) and a periodic rescan apply each added,
 * changed or removed article with one synchronous `put` or `delete`, so no answer sees a half-updated index.
 */
export async function openLiveStory(options: LiveStoryOptions): Promise<OpenLiveStoryResult> {
  const { dir, clock } = options;
  const log = options.log ?? silentLog;
  const articles = options.articles ?? createMemoryArticleLog();
  const debounceMs = options.debounceMs ?? 250;
  const rescanMs = options.rescanMs ?? 60_000;
  const passagesPerTurn = options.passagesPerTurn ?? 1000;
  const files = new Map<string, FileState>();

  // With a data folder, the story saved at the last start is brought up to date rather than built again: files whose
  // size and time are as saved are taken as indexed; every other saved name is left for the scan below to read
  // again or find gone, as a rescan would.
  const cache = options.cacheDir === undefined ? null : { cacheDir: options.cacheDir, log };
  let story = new Story();
  const skipped = new Map<string, SkippedFile>();
  let fromCache = false;
  if (cache !== null) {
    const states = await statFolder(dir);
    const lookup = states === null ? null : await loadCachedStory(dir, { ...cache, acceptChangedFiles: true });
    if (states !== null && lookup !== null && lookup.story !== null) {
      story = lookup.story;
      fromCache = true;
      for (const stamp of lookup.stamps) {
        const state = states.get(stamp.name);
        files.set(stamp.name, state !== undefined && state.size === stamp.size && state.mtimeMs === stamp.mtimeMs ? state : unconfirmed);
      }
      for (const file of lookup.skipped) if (files.get(file.document) !== unconfirmed) skipped.set(file.document, file);
      for (const file of skipped.values()) log.warn({ document: file.document, reason: file.reason }, 'skipped an article file');
    }
  }

  const initial = await scanFolder(dir, files, log);
  if (initial === null) return { ok: false, reason: 'missing-folder', message: `storybot: cannot read the corpus folder ${dir}` };
  // The first index is built aside, in chunks, and only then becomes the story every answer reads.
  const atStart = await applyFolderScan(story, initial, turnPacer(passagesPerTurn));
  for (const document of [...atStart.added, ...atStart.changed, ...initial.vanished]) skipped.delete(document);
  for (const file of atStart.skipped) skipped.set(file.document, file);
  const changedAtStart = atStart.added.length + atStart.changed.length + atStart.removed.length + atStart.skipped.length;
  const loaded = story.articles();
  if (loaded.length === 0) return { ok: false, reason: 'no-articles', message: `storybot: no readable .txt or .md article in ${dir}` };
  articles.recordPresent(
    loaded.map((article) => ({ document: article.document, contentHash: article.contentHash })),
    clock.now(),
  );
  log.debug({ dir, articles: loaded.length, passages: story.passageCount, fromCache, changedAtStart }, 'story indexed');
  if (cache !== null && (!fromCache || changedAtStart > 0)) {
    // Saving takes a while on a large story and holds the event loop, so it happens here, before anyone is answered.
    const known = new Map<string, FileStamp>();
    for (const [name, state] of files) {
      const hash = story.article(name)?.contentHash;
      if (hash !== undefined) known.set(name, { name, size: state.size, mtimeMs: state.mtimeMs, hash });
    }
    const corpus = await corpusKey(dir, known);
    if (corpus !== null) await saveCachedStory(dir, corpus, story, [...skipped.values()], cache);
  }

  const current = story;
  const listeners = new Set<(change: StoryChange) => void>();
  let closed = false;
  let watcher: FSWatcher | undefined;
  let debounceTimer: TimerId | undefined;
  let rescanTimer: TimerId | undefined;
  let scanning: Promise<StoryChange> | undefined;
  let queued: Promise<StoryChange> | undefined;

  const applyScan = async (): Promise<StoryChange> => {
    const at = clock.now();
    const change: StoryChange = { added: [], changed: [], removed: [], at };
    const scan = await scanFolder(dir, files, log);
    if (scan === null) {
      log.warn({ dir }, 'cannot read the corpus folder; keeping the story as it was');
      return change;
    }
    const applied = await applyFolderScan(current, scan, turnPacer(passagesPerTurn));
    change.added.push(...applied.added);
    change.changed.push(...applied.changed);
    change.removed.push(...applied.removed);
    const present = [...change.added, ...change.changed].map((document) => ({
      document,
      contentHash: current.article(document)?.contentHash ?? '',
    }));
    if (present.length > 0) articles.recordPresent(present, at);
    if (change.removed.length > 0) articles.recordRemoved(change.removed, at);
    if (present.length > 0 || change.removed.length > 0) {
      log.info({ added: change.added, changed: change.changed, removed: change.removed, passages: current.passageCount }, 'corpus changed');
      for (const listener of listeners) listener(change);
    }
    return change;
  };

  const rescan = (): Promise<StoryChange> => {
    if (scanning === undefined) {
      scanning = applyScan().finally(() => {
        scanning = undefined;
      });
      return scanning;
    }
    // A scan is under way and may have read the folder before the latest event: one more follows it.
    queued ??= scanning.then(() => {
      queued = undefined;
      return rescan();
    });
    return queued;
  };

  const armPeriodic = (): void => {
    if (closed || rescanMs <= 0) return;
    rescanTimer = clock.setTimer(new Date(clock.now().getTime() + rescanMs), () => {
      rescanTimer = undefined;
      // The next pass is armed first; a pass that outlasts the interval shares its successor's scan.
      armPeriodic();
      rescan().catch((error: unknown) => log.error({ err: error }, 'periodic rescan failed'));
    });
  };

  const onWatchEvent = (): void => {
    if (closed) return;
    if (debounceTimer !== undefined) clock.clearTimer(debounceTimer);
    debounceTimer = clock.setTimer(new Date(clock.now().getTime() + debounceMs), () => {
      debounceTimer = undefined;
      rescan().catch((error: unknown) => log.error({ err: error }, 'rescan after a change failed'));
    });
  };

  if (options.watch ?? true) {
    try {
      watcher = watch(dir, { persistent: false }, onWatchEvent);
      watcher.on('error', (error) => {
        log.warn({ err: error, dir }, 'stopped watching the corpus folder; the periodic rescan goes on');
        watcher?.close();
        watcher = undefined;
      });
    } catch (error) {
      log.warn({ err: error, dir }, 'cannot watch the corpus folder; relying on the periodic rescan');
    }
  }
  armPeriodic();

  const live: LiveStory = {
    dir,
    service: createStoryReader(current),
    story: () => current,
    firstSeen: (document) => articles.firstSeen(document),
    rescan,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    nextChange() {
      return new Promise((resolve) => {
        const stop = live.onChange((change) => {
          stop();
          resolve(change);
        });
      });
    },
    close() {
      closed = true;
      watcher?.close();
      watcher = undefined;
      if (debounceTimer !== undefined) clock.clearTimer(debounceTimer);
      if (rescanTimer !== undefined) clock.clearTimer(rescanTimer);
    },
  };
  return { ok: true, live };
}

/** An {@link ArticleLog} kept in memory, for a story without a store. */
export function createMemoryArticleLog(): ArticleLog {
  const seen = new Map<string, { contentHash: string; firstSeen: Date; removed: boolean }>();
  return {
    recordPresent(entries, at) {
      for (const { document, contentHash } of entries) {
        const known = seen.get(document);
        const reborn = known === undefined || (known.removed && known.contentHash !== contentHash);
        seen.set(document, { contentHash, firstSeen: reborn ? at : known.firstSeen, removed: false });
      }
    },
    recordRemoved(documents) {
      for (const document of documents) {
        const known = seen.get(document);
        if (known !== undefined) known.removed = true;
      }
    },
    firstSeen(document) {
      const known = seen.get(document);
      return known === undefined || known.removed ? null : known.firstSeen;
    },
  };
}

// Indexing runs in slices: after `maxPassages` passages or 10 ms of work, whichever comes first, the event loop gets
// a turn, so questions keep being answered while a large corpus loads. Time is read, not waited on: no timer is set.
function turnPacer(maxPassages: number): (passages: number) => Promise<void> {
  let count = 0;
  let started = performance.now();
  return async (passages) => {
    count += passages;
    if (count < maxPassages && performance.now() - started < 10) return;
    await nextTurn();
    count = 0;
    started = performance.now();
  };
}

// A saved file name not yet seen in the folder: its state matches no file, so the next scan reads it or finds it gone.
const unconfirmed: FileState = { mtimeMs: -1, ctimeMs: -1, size: -1, ino: -1, contentHash: null };

// Applies what a scan found to the story, one synchronous put or delete per article, yielding between them.
async function applyFolderScan(
  story: Story,
  scan: FolderScan,
  pace: (passages: number) => Promise<void>,
): Promise<{ added: string[]; changed: string[]; removed: string[]; skipped: SkippedFile[] }> {
  const applied = { added: [] as string[], changed: [] as string[], removed: [] as string[], skipped: [] as SkippedFile[] };
  for (const [document, result] of scan.updated) {
    const had = story.article(document);
    if ('reason' in result) {
      applied.skipped.push(result);
      if (had === undefined) continue;
      story.delete(document);
      applied.removed.push(document);
      continue;
    }
    if (had?.contentHash === result.contentHash) continue;
    story.put(result);
    (had === undefined ? applied.added : applied.changed).push(document);
    await pace(result.passages.length);
  }
  for (const document of scan.vanished) {
    if (story.article(document) === undefined) continue;
    story.delete(document);
    applied.removed.push(document);
  }
  return applied;
}

type FolderScan = {
  /** Files that are new or whose bytes may have changed since the last scan, parsed (or why they were skipped). */
  updated: Map<string, Article | SkippedFile>;
  /** Files of the last scan that are gone. */
  vanished: string[];
};

// Files are read a few at a time, and only those whose size or times changed: a rescan of an unchanged folder of
// thousands of articles costs a readdir and a stat each.
const readsInFlight = 16;

async function scanFolder(dir: string, files: Map<string, FileState>, log: Log): Promise<FolderScan | null> {
  const names = await listArticleFiles(dir);
  if (names === null) return null;
  const updated = new Map<string, Article | SkippedFile>();
  const listed = new Set(names);
  for (let from = 0; from < names.length; from += readsInFlight) {
    const batch = names.slice(from, from + readsInFlight);
    const results = await Promise.all(batch.map((name) => readIfChanged(dir, name, files.get(name))));
    for (const [i, result] of results.entries()) {
      const name = batch[i]!;
      if (result === 'unchanged') continue;
      if (result === 'not-a-file') {
        listed.delete(name);
        continue;
      }
      // Files are read together but parsed one at a time, each on its own turn of the event loop.
      const parsed =
        result.bytes === null ? result.skipped : parseArticle(name, result.bytes, maxArticleBytes, (problem) => log.warn({ document: name, ...problem }, describeArticleProblem(problem)));
      if (!('reason' in parsed)) result.state.contentHash = parsed.contentHash;
      files.set(name, result.state);
      updated.set(name, parsed);
      if ('reason' in parsed) log.warn({ document: name, reason: parsed.reason }, 'skipped an article file');
      await nextTurn();
    }
  }
  const vanished = [...files.keys()].filter((name) => !listed.has(name));
  for (const name of vanished) files.delete(name);
  return { updated, vanished };
}

// Each article file's size and times, without reading it; null when the folder cannot be read.
async function statFolder(dir: string): Promise<Map<string, FileState> | null> {
  const names = await listArticleFiles(dir);
  if (names === null) return null;
  const states = new Map<string, FileState>();
  for (let from = 0; from < names.length; from += 256) {
    const batch = names.slice(from, from + 256);
    const infos = await Promise.all(batch.map((name) => stat(join(dir, name)).catch(() => null)));
    for (const [i, info] of infos.entries()) {
      if (info === null || !info.isFile()) continue;
      states.set(batch[i]!, { mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, size: info.size, ino: info.ino, contentHash: null });
    }
  }
  return states;
}

async function readIfChanged(
  dir: string,
  name: string,
  known: FileState | undefined,
): Promise<'unchanged' | 'not-a-file' | { state: FileState; bytes: Buffer; skipped: null } | { state: FileState; bytes: null; skipped: SkippedFile }> {
  const path = join(dir, name);
  try {
    const info = await stat(path);
    if (!info.isFile()) return 'not-a-file';
    const state: FileState = { mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, size: info.size, ino: info.ino, contentHash: null };
    if (known !== undefined && known.mtimeMs === state.mtimeMs && known.ctimeMs === state.ctimeMs && known.size === state.size && known.ino === state.ino) {
      return 'unchanged';
    }
    if (info.size > maxArticleBytes) return { state, bytes: null, skipped: { document: name, reason: 'too-large' } };
    return { state, bytes: await readFile(path), skipped: null };
  } catch {
    // Removed between the listing and the read: the next scan will not list it.
    return { state: { mtimeMs: 0, ctimeMs: 0, size: -1, ino: 0, contentHash: null }, bytes: null, skipped: { document: name, reason: 'unreadable' } };
  }
}
