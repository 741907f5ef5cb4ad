import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../src/clock.js';
import { createStoryEngine, loadingText, timedOutText, type StoryEngine, type StoryEngineOptions } from '../src/engine/story-engine.js';
import { createMemoryArticleLog } from '../src/live-story.js';
import type { AskResult } from '../src/types.js';
import { capturingLog } from './ingest-helpers.js';

const harborDir = join(import.meta.dirname, 'fixtures/stories/harbor-strike');
const damDir = join(import.meta.dirname, 'fixtures/stories/digest-dam');
const spinMarker = 'spin-for-the-deadline-test';
const cleanup: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'storybot-engine-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function engineOf(options: StoryEngineOptions): StoryEngine {
  const engine = createStoryEngine(options);
  cleanup.push(() => engine.close());
  return engine;
}

async function ready(engine: StoryEngine): Promise<void> {
  const start = await engine.ready();
  if (!start.ok) throw new Error(start.message);
}

function answered(result: AskResult): boolean {
  return result.ok && !result.answer.abstained && result.answer.citations.length > 0;
}

describe('createStoryEngine', () => {
  it('tells an asker the story is still loading until the first index is built, then answers from the worker', async () => {
    const engine = engineOf({ dir: harborDir, cacheDir: tempDir() });
    expect(await engine.service.ask('How long did the strike last?')).toEqual({ ok: false, reason: 'loading', message: loadingText, question: 'How long did the strike last?' });
    expect((await engine.service.overview()).articles).toBe(0);
    await ready(engine);
    expect(answered(await engine.service.ask('How long did the strike last?'))).toBe(true);
    expect((await engine.service.overview()).articles).toBeGreaterThan(1);
    expect((await engine.service.sources()).length).toBe((await engine.service.overview()).articles);
  });

  it('apologises for a question past its deadline, logs its length and hash but never its text, and answers the questions queued behind it', async () => {
    const { log, lines, raw } = capturingLog();
    const engine = engineOf({ dir: harborDir, cacheDir: tempDir(), answerTimeoutMs: 300, log, testHooks: { spinOnQuestion: spinMarker } });
    await ready(engine);
    const stuckQuestion = `How long did the strike last? ${spinMarker}`;
    const stuck = engine.service.ask(stuckQuestion);
    const queued = [engine.service.ask('How long did the strike last?'), engine.service.ask('Who won the 1998 World Cup?')];
    expect(await stuck).toEqual({ ok: false, reason: 'timed-out', message: timedOutText, question: stuckQuestion });
    const [first, second] = await Promise.all(queued);
    expect(answered(first!)).toBe(true);
    expect(second).toMatchObject({ ok: true, answer: { abstained: true } });

    const warning = lines().find((line) => line.msg === 'a request ran past its deadline; restarting the story engine');
    expect(warning).toMatchObject({ level: 40, part: 'story-engine', request: 'ask', length: stuckQuestion.length, timeoutMs: 300 });
    expect(warning?.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(raw()).not.toContain(spinMarker);
    // The new worker started from the index the first one saved.
    expect(lines().filter((line) => line.msg === 'story loaded from its saved index')).toHaveLength(1);
    expect(lines().some((line) => line.msg === 'the story engine is answering again')).toBe(true);
  });

  it('says why it cannot start when the corpus folder is missing, and refuses questions from then on', async () => {
    const engine = engineOf({ dir: join(tempDir(), 'no-such-folder') });
    const start = await engine.ready();
    expect(start).toEqual({ ok: false, reason: 'missing-folder', message: expect.stringContaining('cannot read the corpus folder') as unknown });
    expect(await engine.service.ask('who?')).toMatchObject({ ok: false, reason: 'engine-stopped' });
    await expect(engine.service.sources()).rejects.toThrow('the story engine is not running');
  });

  it('composes the digest in the worker, with first-seen times from the caller, and passes plain ask options through', async () => {
    const engine = engineOf({ dir: damDir });
    await ready(engine);
    const seen = new Date('2031-09-11T08:00:00Z');
    const digest = await engine.digest({ now: new Date('2031-09-12T08:00:00Z'), since: new Date('2031-09-11T12:00:00Z'), timeZone: 'UTC', firstSeen: () => seen });
    expect(digest.text).toMatch(/^Story digest · Fri Sep 12, 08:00 UTC · 5 articles from 4 outlets/);
    expect(digest.sections.map((section) => section.kind)).toEqual(['key', 'new', 'upcoming']);
    const plain = await engine.service.ask('what did the divers find?');
    expect(await engine.service.ask('what did the divers find?', { conversation: [] })).toEqual(plain);
    // Options cross into the worker as structured clones: something that cannot be cloned is refused, not lost.
    await expect(engine.service.ask('what did the divers find?', { callback: () => 1 } as never)).rejects.toThrow(/could not be cloned/);
  });

  it("records the articles it finds in the caller's article log, at the caller's clock", async () => {
    const articles = createMemoryArticleLog();
    const clock = createManualClock(new Date('2031-09-12T07:59:00Z'));
    const engine = engineOf({ dir: damDir, follow: { articles, clock, watch: false, rescanMs: 0 } });
    await ready(engine);
    expect(articles.firstSeen('01-valley-wire.txt')).toEqual(new Date('2031-09-12T07:59:00Z'));
  });
});
