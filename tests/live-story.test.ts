import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock, createSystemClock } from '../src/clock.js';
import { openLiveStory, type LiveStory } from '../src/live-story.js';
import { cacheFileOf } from '../src/search/index-cache.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { capturingLog } from './ingest-helpers.js';

const damStory = fileURLToPath(new URL('./fixtures/stories/digest-dam/', import.meta.url));
const damUpdate = fileURLToPath(new URL('./fixtures/stories/digest-dam-update/06-valley-wire-divers.txt', import.meta.url));
const cleanup: Array<() => void> = [];

afterEach(() => {
  for (const step of cleanup.splice(0).reverse()) step();
});

function corpusCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'storybot-live-'));
  cpSync(damStory, dir, { recursive: true });
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function storeIn(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'storybot-live-data-'));
  const opened = openStore({ dir });
  if (!opened.ok) throw new Error(opened.message);
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanup.push(() => opened.store.close());
  return opened.store;
}

async function open(options: Parameters<typeof openLiveStory>[0]): Promise<LiveStory> {
  const opened = await openLiveStory(options);
  if (!opened.ok) throw new Error(opened.message);
  cleanup.push(() => opened.live.close());
  return opened.live;
}

const divers = 'what did the divers find?';

describe('openLiveStory', () => {
  it('picks up an added, a changed and a removed article through the folder watch, without a restart', async () => {
    const dir = corpusCopy();
    const live = await open({ dir, clock: createSystemClock(), debounceMs: 50, rescanMs: 0 });
    const before = live.service.ask(divers);
    expect(before.ok && before.answer.citations.some((citation) => citation.document.startsWith('06'))).toBe(false);

    let next = live.nextChange();
    writeFileSync(join(dir, '06-valley-wire-divers.txt'), readFileSync(damUpdate));
    expect(await next).toMatchObject({ added: ['06-valley-wire-divers.txt'], changed: [], removed: [] });
    const after = live.service.ask(divers);
    expect(after.ok && after.answer.citations.map((citation) => citation.document)).toContain('06-valley-wire-divers.txt');
    expect(live.service.sources().map((source) => source.document)).toContain('06-valley-wire-divers.txt');

    next = live.nextChange();
    writeFileSync(join(dir, '06-valley-wire-divers.txt'), readFileSync(damUpdate, 'utf8').replace('Divers find second crack', 'Divers find third crack'));
    expect(await next).toMatchObject({ added: [], changed: ['06-valley-wire-divers.txt'], removed: [] });
    expect(live.story().article('06-valley-wire-divers.txt')?.title).toBe('Divers find third crack at Tollan Dam');

    next = live.nextChange();
    unlinkSync(join(dir, '06-valley-wire-divers.txt'));
    expect(await next).toMatchObject({ added: [], changed: [], removed: ['06-valley-wire-divers.txt'] });
    expect(live.service.sources().map((source) => source.document)).not.toContain('06-valley-wire-divers.txt');
    expect(live.story().overview().articles).toBe(5);
  });

  it('finds changes with its periodic rescan when the watch misses them', async () => {
    const dir = corpusCopy();
    const clock = createManualClock(new Date('2031-09-12T08:00:00Z'));
    const live = await open({ dir, clock, watch: false, rescanMs: 60_000 });
    writeFileSync(join(dir, '06-valley-wire-divers.txt'), readFileSync(damUpdate));
    const next = live.nextChange();
    clock.advanceBy(60_000);
    expect((await next).added).toEqual(['06-valley-wire-divers.txt']);
    // The rescan re-arms itself after each pass.
    expect(clock.nextTimerAt()?.getTime()).toBeGreaterThan(new Date('2031-09-12T08:01:00Z').getTime());
  });

  it('records first-seen times in the store, and keeps them across a restart', async () => {
    const dir = corpusCopy();
    const store = storeIn();
    const clock = createManualClock(new Date('2031-09-12T08:00:00Z'));
    const first = await open({ dir, clock, articles: store.articles, watch: false, rescanMs: 0 });
    expect(first.firstSeen('01-valley-wire.txt')).toEqual(new Date('2031-09-12T08:00:00Z'));
    first.close();

    clock.advanceTo(new Date('2031-09-12T12:00:00Z'));
    writeFileSync(join(dir, '06-valley-wire-divers.txt'), readFileSync(damUpdate));
    const second = await open({ dir, clock, articles: store.articles, watch: false, rescanMs: 0 });
    expect(second.firstSeen('01-valley-wire.txt')).toEqual(new Date('2031-09-12T08:00:00Z'));
    expect(second.firstSeen('06-valley-wire-divers.txt')).toEqual(new Date('2031-09-12T12:00:00Z'));

    unlinkSync(join(dir, '01-valley-wire.txt'));
    clock.advanceTo(new Date('2031-09-12T13:00:00Z'));
    expect((await second.rescan()).removed).toEqual(['01-valley-wire.txt']);
    expect(store.articles.firstSeen('01-valley-wire.txt')).toBeNull();
  });

  it('yields to the event loop while indexing a large load, and never shows a half-added article', async () => {
    const dir = corpusCopy();
    for (let i = 0; i < 40; i++) cpSync(join(damStory, '01-valley-wire.txt'), join(dir, `copy-${String(i).padStart(2, '0')}.txt`));
    let turns = 0;
    let running = true;
    const tick = () => {
      turns += 1;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const live = await open({ dir, clock: createManualClock(new Date('2031-09-12T08:00:00Z')), watch: false, rescanMs: 0, passagesPerTurn: 20 });
    const turnsDuringLoad = turns;
    expect(turnsDuringLoad).toBeGreaterThan(5);

    // While a rescan adds forty more articles, every article the story holds has all its passages indexed.
    for (let i = 0; i < 40; i++) cpSync(join(damStory, '03-metro-tribune.txt'), join(dir, `more-${String(i).padStart(2, '0')}.txt`));
    const inconsistencies: string[] = [];
    const check = () => {
      const story = live.story();
      const expected = story.articles().reduce((sum, article) => sum + article.passages.length, 0);
      if (story.passageCount !== expected || story.index.size !== expected) inconsistencies.push(`${story.passageCount}/${story.index.size}/${expected}`);
      if (running) setImmediate(check);
    };
    setImmediate(check);
    const change = await live.rescan();
    running = false;
    expect(change.added).toHaveLength(40);
    expect(inconsistencies).toEqual([]);
    expect(turns).toBeGreaterThan(turnsDuringLoad);
  });

  it('restarts from its saved index, re-reading only the articles changed since, and answers as a fresh build does', async () => {
    const dir = corpusCopy();
    const dataDir = mkdtempSync(join(tmpdir(), 'storybot-live-cache-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const clock = createManualClock(new Date('2031-09-12T08:00:00Z'));
    const questions = [divers, 'When did the dam crack?', 'Who ordered the evacuation?', 'How many people left their homes?', 'What did the engineers say?'];
    const start = async () => {
      const { log, lines } = capturingLog();
      const live = await open({ dir, clock, watch: false, rescanMs: 0, cacheDir: dataDir, log });
      live.close();
      return { live, indexed: lines().find((line) => line.msg === 'story indexed') };
    };
    const fresh = async () => {
      const live = await open({ dir, clock, watch: false, rescanMs: 0 });
      live.close();
      return live;
    };
    const sameAnswers = (a: LiveStory, b: LiveStory) => {
      for (const question of questions) expect(a.service.ask(question)).toEqual(b.service.ask(question));
      expect(a.service.sources()).toEqual(b.service.sources());
    };

    const first = await start();
    expect(first.indexed).toMatchObject({ fromCache: false });
    const saved = readFileSync(cacheFileOf(dataDir, dir));

    const second = await start();
    expect(second.indexed).toMatchObject({ fromCache: true, changedAtStart: 0 });
    expect(readFileSync(cacheFileOf(dataDir, dir)).equals(saved)).toBe(true);
    sameAnswers(second.live, await fresh());

    // While storybot was down: one article added, one changed, one removed and one unreadable file dropped in.
    writeFileSync(join(dir, '06-valley-wire-divers.txt'), readFileSync(damUpdate));
    writeFileSync(join(dir, '03-metro-tribune.txt'), `${readFileSync(join(dir, '03-metro-tribune.txt'), 'utf8')}\nThe county opened a second shelter at the fairgrounds.\n`);
    unlinkSync(join(dir, '05-kmrn-radio.txt'));
    writeFileSync(join(dir, '07-broken.txt'), Buffer.from([0, 1, 2, 255, 254, 0, 0, 7]));
    const third = await start();
    expect(third.indexed).toMatchObject({ fromCache: true, changedAtStart: 4 });
    const rebuilt = await fresh();
    sameAnswers(third.live, rebuilt);
    expect(third.live.service.sources().map((source) => source.document).sort()).toEqual(['01-valley-wire.txt', '02-lakeside-herald.md', '03-metro-tribune.txt', '04-dam-roundup.txt', '06-valley-wire-divers.txt']);
    expect(readFileSync(cacheFileOf(dataDir, dir)).equals(saved)).toBe(false);

    const fourth = await start();
    expect(fourth.indexed).toMatchObject({ fromCache: true, changedAtStart: 0 });
    sameAnswers(fourth.live, rebuilt);
  });

  it('says when the folder is missing or holds no article', async () => {
    const clock = createManualClock(new Date('2031-09-12T08:00:00Z'));
    expect(await openLiveStory({ dir: join(tmpdir(), 'storybot-no-such-folder'), clock })).toMatchObject({ ok: false, reason: 'missing-folder' });
    const empty = mkdtempSync(join(tmpdir(), 'storybot-live-empty-'));
    cleanup.push(() => rmSync(empty, { recursive: true, force: true }));
    writeFileSync(join(empty, 'notes.csv'), 'not an article');
    const result = await openLiveStory({ dir: empty, clock });
    expect(result).toMatchObject({ ok: false, reason: 'no-articles' });
    if (!result.ok) expect(result.message).toContain(empty);
  });
});
