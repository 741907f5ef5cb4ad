import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordDigestPoster } from '../adapters/discord/digest-poster.js';
import { createBoltLogger } from '../adapters/slack/bolt-logger.js';
import { createSlackDigestPoster } from '../adapters/slack/digest-poster.js';
import { createManualClock, type ManualClock } from '../src/clock.js';
import { composeDigest } from '../src/digest/compose-digest.js';
import { parseSchedule } from '../src/digest/schedule.js';
import { createDigestScheduler, type DigestScheduler, type DigestSchedulerOptions } from '../src/digest/scheduler.js';
import type { Digest, DigestPoster } from '../src/digest/types.js';
import { openLiveStory } from '../src/live-story.js';
import { createLogger, type Log } from '../src/log.js';
import { openStory } from '../src/open-story.js';
import { openStore, type Store } from '../src/store/open-store.js';
import type { Story } from '../src/story.js';
import { discordLimitViolations, FakeDiscord } from './fakes/fake-discord.js';
import { FakeSlack, type ApiCall } from './fakes/fake-slack.js';
import { memoryStream } from './helpers/memory-stream.js';

const damDir = fileURLToPath(new URL('./fixtures/stories/digest-dam/', import.meta.url));
const updateFile = fileURLToPath(new URL('./fixtures/stories/digest-dam-update/06-valley-wire-divers.txt', import.meta.url));
const slackChannel = 'C0DIGEST';
const botToken = 'xoxb-1111-2222-storybot-digest-test-token';

let slack: FakeSlack;
let discord: FakeDiscord;
let story: Story;
const folders: string[] = [];
const openStores: Store[] = [];
const schedulers: DigestScheduler[] = [];

beforeAll(async () => {
  slack = await FakeSlack.start();
  discord = await FakeDiscord.start();
  const opened = await openStory({ dir: damDir });
  if (!opened.ok) throw new Error(opened.message);
  story = opened.story;
});

afterAll(async () => {
  await slack.close();
  await discord.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  slack.calls.length = 0;
  slack.channelMessages.clear();
  slack.channelErrors.clear();
});

afterEach(() => {
  for (const scheduler of schedulers.splice(0)) scheduler.stop();
  for (const store of openStores.splice(0)) store.close();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

function openAt(dir: string): Store {
  const opened = openStore({ dir });
  if (!opened.ok) throw new Error(opened.message);
  openStores.push(opened.store);
  return opened.store;
}

function memoryLog(): { log: Log; text: () => string } {
  const { destination, text } = memoryStream();
  return { log: createLogger({ level: 'debug', pretty: false, destination }), text };
}

function slackPoster(log: Log): DigestPoster {
  return createSlackDigestPoster({ token: botToken, apiUrl: slack.apiUrl, logger: createBoltLogger(log), botId: slack.identity.botId, timeoutMs: 5000 });
}

function discordPoster(): DigestPoster {
  return createDiscordDigestPoster({ token: discord.token, rest: { api: discord.apiUrl }, botUserId: discord.bot.id });
}

/** A fresh Discord channel id, so counts in the fake start at zero for each test. */
function discordChannel(): string {
  return discord.nextId();
}

function slackPostsTo(channel: string): ApiCall[] {
  return slack.posts().filter((call) => call.body.channel === channel && call.response.ok === true);
}

type Setup = {
  clock: ManualClock;
  store: Store;
  dataDir: string;
  log: Log;
  logText: () => string;
  channels: string[];
  discordChannelId: string;
  /** Starts a scheduler on this setup (or on another connection to its store), as a fresh process would. */
  start(overrides?: Partial<DigestSchedulerOptions>): DigestScheduler;
  /** Fires due timers and waits for every delivery they start, until `until`. */
  runUntil(until: string, only?: DigestScheduler[]): Promise<void>;
};

function setup(options: { start: string; schedule?: string; timeZone?: string; channels?: string[] } = { start: '2031-09-12T07:00:00Z' }): Setup {
  const clock = createManualClock(new Date(options.start));
  const dataDir = tempDir('storybot-sched-');
  const store = openAt(dataDir);
  const { log, text } = memoryLog();
  const discordChannelId = discordChannel();
  const channels = options.channels ?? [`slack:${slackChannel}`, `discord:${discordChannelId}`];
  const parsed = parseSchedule(options.schedule ?? '0 8 * * *', options.timeZone ?? 'UTC');
  if (!parsed.ok) throw new Error(parsed.message);
  const posters = new Map<string, DigestPoster>([
    ['slack', slackPoster(log)],
    ['discord', discordPoster()],
  ]);
  const result: Setup = {
    clock,
    store,
    dataDir,
    log,
    logText: text,
    channels,
    discordChannelId,
    start(overrides = {}) {
      const scheduler = createDigestScheduler({
        schedule: parsed.schedule,
        clock,
        deliveries: store.deliveries,
        subscriptions: store.subscriptions,
        channels,
        posters,
        compose: (_channel, since, now) => composeDigest(story, { now, since, firstSeen: () => new Date('2031-09-11T00:00:00Z'), timeZone: parsed.schedule.timeZone }),
        log,
        ...overrides,
      });
      schedulers.push(scheduler);
      scheduler.start();
      return scheduler;
    },
    async runUntil(until, only) {
      const target = new Date(until);
      const waitAll = () => Promise.all((only ?? schedulers).map((scheduler) => scheduler.idle()));
      for (;;) {
        await waitAll();
        const next = clock.nextTimerAt();
        if (next === null || next > target) break;
        clock.advanceTo(next);
      }
      clock.advanceTo(target);
      await waitAll();
    },
  };
  return result;
}

describe('the digest scheduler, posting through the Slack and Discord adapters to their fakes', () => {
  it('posts each slot once per channel, with the marker, no pings and within limits', async () => {
    const s = setup();
    s.start();
    await s.runUntil('2031-09-12T08:00:30Z');
    const posts = slackPostsTo(slackChannel);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.metadata).toEqual({ event_type: 'storybot_digest', event_payload: { key: `storybot-digest:slack:${slackChannel}:2031-09-12T08:00:00.000Z` } });
    expect(String(posts[0]!.body.text)).toMatch(/^Story digest · Fri Sep 12, 08:00 UTC/);
    const sent = discord.channelMessages(s.discordChannelId) as Array<{ embeds: Array<{ timestamp?: string; footer?: { text: string } }> }>;
    expect(sent).toHaveLength(1);
    const request = discord.requests.find((r) => r.method === 'POST' && r.path === `/channels/${s.discordChannelId}/messages`)!;
    expect((request.body as { allowed_mentions: { parse: string[] } }).allowed_mentions).toEqual({ parse: [] });
    expect(discordLimitViolations(request.body)).toEqual([]);
    expect(sent[0]!.embeds[0]!.timestamp).toBe('2031-09-12T08:00:00.000Z');
    expect(s.store.deliveries.get(`slack:${slackChannel}`, new Date('2031-09-12T08:00:00Z'))).toMatchObject({ state: 'posted', attempts: 1 });
  });

  it('posts once per slot across a restart: a new scheduler on the same database file', async () => {
    const s = setup();
    const first = s.start();
    await s.runUntil('2031-09-12T08:00:30Z');
    first.stop();
    schedulers.splice(schedulers.indexOf(first), 1);
    s.store.close();

    s.clock.advanceTo(new Date('2031-09-12T08:10:00Z'));
    const reopened = openAt(s.dataDir);
    const second = s.start({ deliveries: reopened.deliveries, subscriptions: reopened.subscriptions });
    await s.runUntil('2031-09-13T08:00:30Z', [second]);
    expect(slackPostsTo(slackChannel)).toHaveLength(2);
    expect(discord.channelMessages(s.discordChannelId)).toHaveLength(2);
  });

  it('posts once when two schedulers share one store', async () => {
    const s = setup();
    const other = openAt(s.dataDir);
    s.start();
    s.start({ deliveries: other.deliveries, subscriptions: other.subscriptions });
    // Past the claim lease too, so the second scheduler's check of the first one's claim has run.
    await s.runUntil('2031-09-12T08:30:00Z');
    expect(slackPostsTo(slackChannel)).toHaveLength(1);
    expect(discord.channelMessages(s.discordChannelId)).toHaveLength(1);
    expect(other.deliveries.get(`discord:${s.discordChannelId}`, new Date('2031-09-12T08:00:00Z'))?.state).toBe('posted');
  });

  it('does not post twice after a crash between posting and recording: a fresh scheduler finds the post and records it', async () => {
    const s = setup();
    let delivered = 0;
    const dying: DigestPoster = {
      async post(channelId, digest, marker) {
        const outcome = await slackPoster(s.log).post(channelId, digest, marker);
        delivered += outcome.status === 'posted' ? 1 : 0;
        // The process dies here: the message is in Slack, and nothing after this line ever runs.
        return new Promise(() => {});
      },
    };
    const first = s.start({ posters: new Map([['slack', dying]]), channels: [`slack:${slackChannel}`] });
    s.clock.advanceTo(new Date('2031-09-12T08:00:00Z'));
    await slack.waitFor('the digest post', () => delivered === 1);
    first.stop();
    schedulers.splice(schedulers.indexOf(first), 1);
    expect(s.store.deliveries.get(`slack:${slackChannel}`, new Date('2031-09-12T08:00:00Z'))?.state).toBe('claimed');

    s.clock.advanceTo(new Date('2031-09-12T08:05:00Z'));
    const fresh = openAt(s.dataDir);
    const second = s.start({ deliveries: fresh.deliveries, subscriptions: fresh.subscriptions, channels: [`slack:${slackChannel}`] });
    await s.runUntil('2031-09-12T09:00:00Z', [second]);
    expect(slackPostsTo(slackChannel)).toHaveLength(1);
    expect(fresh.deliveries.get(`slack:${slackChannel}`, new Date('2031-09-12T08:00:00Z'))).toMatchObject({
      state: 'posted',
      messageId: slackPostsTo(slackChannel)[0]!.response.ts,
    });
    expect(s.logText()).toContain('the interrupted digest had been posted; recorded it');
  });

  it('posts a digest whose process died before it reached the platform, once the claim has lapsed', async () => {
    const s = setup();
    const channel = discordChannel();
    let called = 0;
    const dying: DigestPoster = {
      post() {
        called += 1;
        return new Promise(() => {});
      },
    };
    const first = s.start({ posters: new Map([['discord', dying]]), channels: [`discord:${channel}`] });
    s.clock.advanceTo(new Date('2031-09-12T08:00:00Z'));
    await slack.waitFor('the dying post', () => called === 1);
    first.stop();
    schedulers.splice(schedulers.indexOf(first), 1);

    const second = s.start({ channels: [`discord:${channel}`] });
    await s.runUntil('2031-09-12T09:00:00Z', [second]);
    expect(discord.channelMessages(channel)).toHaveLength(1);
    expect(s.store.deliveries.get(`discord:${channel}`, new Date('2031-09-12T08:00:00Z'))?.state).toBe('posted');
  });

  it('never re-posts an interrupted delivery it cannot check, and says so', async () => {
    const s = setup();
    const hanging: DigestPoster = { post: () => new Promise(() => {}) };
    const first = s.start({ posters: new Map([['slack', hanging]]), channels: [`slack:${slackChannel}`] });
    s.clock.advanceTo(new Date('2031-09-12T08:00:00Z'));
    await Promise.resolve();
    first.stop();
    schedulers.splice(schedulers.indexOf(first), 1);
    const blind: DigestPoster = { post: slackPoster(s.log).post };
    const second = s.start({ posters: new Map([['slack', blind]]), channels: [`slack:${slackChannel}`] });
    await s.runUntil('2031-09-12T09:00:00Z', [second]);
    expect(slackPostsTo(slackChannel)).toHaveLength(0);
    expect(s.store.deliveries.get(`slack:${slackChannel}`, new Date('2031-09-12T08:00:00Z'))?.state).toBe('unknown');
    expect(s.logText()).toContain('not posting it again, to avoid a duplicate');
  });

  it('settles a post whose answer was lost by looking for it before retrying', async () => {
    const s = setup();
    slack.failNext('chat.postMessage', 500, { afterRecording: true });
    s.start({ channels: [`slack:${slackChannel}`] });
    await s.runUntil('2031-09-12T08:10:00Z');
    expect(slackPostsTo(slackChannel)).toHaveLength(1);
    expect(slack.callsTo('conversations.history')).toHaveLength(1);
    expect(s.store.deliveries.get(`slack:${slackChannel}`, new Date('2031-09-12T08:00:00Z'))).toMatchObject({ state: 'posted', attempts: 1 });
  });

  it('posts a recent missed slot once on start, and skips and logs an old one', async () => {
    const s = setup();
    const first = s.start();
    await s.runUntil('2031-09-12T08:00:30Z');
    first.stop();
    expect(slackPostsTo(slackChannel)).toHaveLength(1);

    // Down from 08:00:30 on the 12th to 10:00 on the 13th: the 08:00 slot of the 13th is two hours old.
    s.clock.advanceTo(new Date('2031-09-13T10:00:00Z'));
    const second = s.start();
    await s.runUntil('2031-09-13T10:00:30Z');
    second.stop();
    expect(slackPostsTo(slackChannel)).toHaveLength(2);
    expect(discord.channelMessages(s.discordChannelId)).toHaveLength(2);
    // Another start in the same window posts nothing more.
    s.clock.advanceTo(new Date('2031-09-13T10:30:00Z'));
    const third = s.start();
    await s.runUntil('2031-09-13T10:31:00Z');
    third.stop();
    expect(slackPostsTo(slackChannel)).toHaveLength(2);

    // Down until 16:00 on the 14th: that day's 08:00 slot is eight hours old.
    s.clock.advanceTo(new Date('2031-09-14T16:00:00Z'));
    s.start();
    await s.runUntil('2031-09-14T16:00:30Z');
    expect(slackPostsTo(slackChannel)).toHaveLength(2);
    expect(s.store.deliveries.get(`slack:${slackChannel}`, new Date('2031-09-14T08:00:00Z'))).toMatchObject({ state: 'skipped', detail: 'missed by 480 minutes' });
    expect(s.logText()).toContain('missed digest slot is too old to post; skipped');
    // And the next day's slot is posted as usual.
    await s.runUntil('2031-09-15T08:00:30Z');
    expect(slackPostsTo(slackChannel)).toHaveLength(3);
  });

  it('does not treat slots from before the schedule first ran as missed', async () => {
    const s = setup({ start: '2031-09-12T10:00:00Z' });
    s.start();
    await s.runUntil('2031-09-12T10:01:00Z');
    expect(slackPostsTo(slackChannel)).toHaveLength(0);
    expect(s.clock.nextTimerAt()).toEqual(new Date('2031-09-13T08:00:00Z'));
  });

  it.each([
    { zone: 'America/New_York', schedule: '30 2 * * *', start: '2031-03-07T12:00:00Z', end: '2031-03-10T12:00:00Z', days: ['03/08', '03/09', '03/10'] },
    { zone: 'Europe/London', schedule: '30 1 * * *', start: '2031-03-28T12:00:00Z', end: '2031-03-31T12:00:00Z', days: ['03/29', '03/30', '03/31'] },
  ])('neither skips nor doubles a slot on a spring-forward night ($zone)', async ({ zone, schedule, start, end, days }) => {
    const s = setup({ start, schedule, timeZone: zone });
    s.start();
    await s.runUntil(end);
    const posted = slackPostsTo(slackChannel);
    expect(posted).toHaveLength(3);
    const localDays = posted.map((call) => /^Story digest · \w{3} (\w{3} \d+)/.exec(String(call.body.text))?.[1]);
    expect(new Set(localDays).size).toBe(3);
    const slots = s.store.deliveries.openClaims();
    expect(slots).toEqual([]);
    const dayOf = (at: Date) => new Intl.DateTimeFormat('en-US', { timeZone: zone, month: '2-digit', day: '2-digit' }).format(at);
    const keys = posted.map((call) => new Date(String((call.body.metadata as { event_payload: { key: string } }).event_payload.key.split(':').slice(3).join(':'))));
    expect(keys.map(dayOf)).toEqual(days);
  });

  it.each([
    { zone: 'America/New_York', schedule: '30 1 * * *', start: '2031-11-01T00:00:00Z', end: '2031-11-04T00:00:00Z' },
    { zone: 'Europe/London', schedule: '30 1 * * *', start: '2031-10-25T00:00:00Z', end: '2031-10-28T00:00:00Z' },
  ])('neither skips nor doubles a slot on a fall-back night, even across a restart in the repeated hour ($zone)', async ({ zone, schedule, start, end }) => {
    const s = setup({ start, schedule, timeZone: zone });
    const first = s.start();
    // The night the clocks go back: 01:30 happens twice. Run past the first 01:30, then restart inside the repeat.
    const fallBackDay = zone === 'America/New_York' ? '2031-11-02' : '2031-10-26';
    const firstOccurrence = zone === 'America/New_York' ? `${fallBackDay}T05:30:00Z` : `${fallBackDay}T00:30:00Z`;
    const insideRepeat = zone === 'America/New_York' ? `${fallBackDay}T06:15:00Z` : `${fallBackDay}T01:15:00Z`;
    await s.runUntil(firstOccurrence);
    await s.runUntil(new Date(new Date(firstOccurrence).getTime() + 30_000).toISOString());
    first.stop();
    s.clock.advanceTo(new Date(insideRepeat));
    s.start();
    await s.runUntil(end);
    const posted = slackPostsTo(slackChannel);
    expect(posted).toHaveLength(3);
    const localDays = posted.map((call) => /^Story digest · \w{3} (\w{3} \d+)/.exec(String(call.body.text))?.[1]);
    expect(new Set(localDays).size).toBe(3);
  });

  it('logs a channel that is gone or forbidden and does not retry it; drops a gone subscription', async () => {
    const s = setup({ start: '2031-09-12T07:00:00Z', channels: [`discord:${discordChannel()}`] });
    const forbiddenChannel = s.channels[0]!.slice('discord:'.length);
    discord.failNext({ method: 'POST', path: new RegExp(`^/channels/${forbiddenChannel}/messages$`), status: 403, code: 50013, message: 'Missing Permissions' });
    slack.channelErrors.set('C0GONE', 'channel_not_found');
    s.store.subscriptions.subscribe('slack:C0GONE', new Date('2031-09-12T07:00:00Z'));
    s.start();
    await s.runUntil('2031-09-12T09:00:00Z');
    const discordAttempts = discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${forbiddenChannel}/messages`);
    expect(discordAttempts).toHaveLength(1);
    expect(slack.posts().filter((call) => call.body.channel === 'C0GONE')).toHaveLength(1);
    expect(s.store.deliveries.get(`discord:${forbiddenChannel}`, new Date('2031-09-12T08:00:00Z'))?.state).toBe('forbidden');
    expect(s.store.deliveries.get('slack:C0GONE', new Date('2031-09-12T08:00:00Z'))?.state).toBe('gone');
    expect(s.store.subscriptions.get('slack:C0GONE')).toBeNull();
    expect(s.logText()).toContain('cannot post the digest to this channel; not retrying');
    expect(s.logText()).toContain('removed the digest subscription of a channel that is gone');
    // The next day a forbidden channel gets one more try, not a loop.
    await s.runUntil('2031-09-13T09:00:00Z');
    expect(discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${forbiddenChannel}/messages`)).toHaveLength(2);
    expect(slack.posts().filter((call) => call.body.channel === 'C0GONE')).toHaveLength(1);
  });

  it('retries platform errors a bounded number of times, waiting on the clock between tries', async () => {
    const s = setup({ start: '2031-09-12T07:00:00Z', channels: [`slack:${slackChannel}`] });
    slack.failNext('chat.postMessage', 503);
    slack.failNext('chat.postMessage', 429, { retryAfter: 90 });
    s.start();
    await s.runUntil('2031-09-12T08:00:00Z');
    expect(s.clock.nextTimerAt()).toEqual(new Date('2031-09-12T08:00:30Z'));
    await s.runUntil('2031-09-12T08:00:30Z');
    // Rate limited: Slack's Retry-After (90 s) wins over the 2-minute backoff only when longer; here the backoff is.
    expect(s.clock.nextTimerAt()).toEqual(new Date('2031-09-12T08:02:30Z'));
    await s.runUntil('2031-09-12T08:10:00Z');
    expect(slackPostsTo(slackChannel)).toHaveLength(1);
    expect(s.store.deliveries.get(`slack:${slackChannel}`, new Date('2031-09-12T08:00:00Z'))).toMatchObject({ state: 'posted', attempts: 3 });

    for (let i = 0; i < 4; i++) slack.failNext('chat.postMessage', 500);
    await s.runUntil('2031-09-13T09:00:00Z');
    const tries = slack.posts().filter((call) => call.body.channel === slackChannel);
    expect(tries).toHaveLength(3 + 4);
    expect(s.store.deliveries.get(`slack:${slackChannel}`, new Date('2031-09-13T08:00:00Z'))).toMatchObject({ state: 'failed', attempts: 4 });
    expect(s.logText()).toContain('gave up posting the digest after repeated platform failures');
  });

  it('adds subscribed channels to the configured ones, and stops after an unsubscribe', async () => {
    const s = setup({ start: '2031-09-12T07:00:00Z', channels: [] });
    s.store.subscriptions.subscribe('slack:C0SUB', new Date('2031-09-12T07:30:00Z'));
    s.start();
    await s.runUntil('2031-09-12T08:00:30Z');
    expect(slackPostsTo('C0SUB')).toHaveLength(1);
    s.store.subscriptions.unsubscribe('slack:C0SUB');
    await s.runUntil('2031-09-13T08:00:30Z');
    expect(slackPostsTo('C0SUB')).toHaveLength(1);
  });

  it('claims nothing for a platform that is not running', async () => {
    const s = setup({ start: '2031-09-12T07:00:00Z', channels: ['slack:C0NOPLATFORM'] });
    s.start({ posters: new Map() });
    await s.runUntil('2031-09-12T08:00:30Z');
    expect(s.store.deliveries.get('slack:C0NOPLATFORM', new Date('2031-09-12T08:00:00Z'))).toBeNull();
    expect(s.logText()).toContain('no running platform can post to this digest channel');
  });
});

describe('digests of a live corpus', () => {
  it('shows a new article file under "what\'s new" in the next digest only, and nowhere else', async () => {
    const corpus = tempDir('storybot-sched-corpus-');
    cpSync(damDir, corpus, { recursive: true });
    const clock = createManualClock(new Date('2031-09-12T07:00:00Z'));
    const store = openAt(tempDir('storybot-sched-live-'));
    const opened = await openLiveStory({ dir: corpus, clock, articles: store.articles, watch: false, rescanMs: 0 });
    if (!opened.ok) throw new Error(opened.message);
    const live = opened.live;
    const composed: Digest[] = [];
    const parsed = parseSchedule('0 8 * * *', 'UTC');
    if (!parsed.ok) throw new Error(parsed.message);
    const scheduler = createDigestScheduler({
      schedule: parsed.schedule,
      clock,
      deliveries: store.deliveries,
      subscriptions: store.subscriptions,
      channels: [`slack:${slackChannel}`],
      posters: new Map([['slack', slackPoster(createLogger({ level: 'silent' }))]]),
      compose: (_channel, since, now) => {
        const digest = composeDigest(live.story(), { now, since, firstSeen: live.firstSeen });
        composed.push(digest);
        return digest;
      },
    });
    schedulers.push(scheduler);
    scheduler.start();
    const run = async (until: string) => {
      for (;;) {
        await scheduler.idle();
        const next = clock.nextTimerAt();
        if (next === null || next > new Date(until)) break;
        clock.advanceTo(next);
      }
      clock.advanceTo(new Date(until));
      await scheduler.idle();
    };
    await run('2031-09-12T08:00:30Z');

    clock.advanceTo(new Date('2031-09-12T12:00:00Z'));
    writeFileSync(join(corpus, '06-valley-wire-divers.txt'), readFileSync(updateFile));
    expect((await live.rescan()).added).toEqual(['06-valley-wire-divers.txt']);
    await run('2031-09-13T08:00:30Z');
    await run('2031-09-14T08:00:30Z');
    live.close();

    expect(composed).toHaveLength(3);
    const cited = (digest: Digest, kind: string) =>
      digest.sections.filter((part) => part.kind === kind).flatMap((part) => part.items.flatMap((item) => item.citations.map((citation) => citation.document)));
    const [, second, third] = composed as [Digest, Digest, Digest];
    expect(cited(second, 'new')).toContain('06-valley-wire-divers.txt');
    expect(cited(second, 'key')).not.toContain('06-valley-wire-divers.txt');
    expect(cited(second, 'upcoming')).not.toContain('06-valley-wire-divers.txt');
    expect(cited(third, 'new')).toEqual([]);
    expect(third.sections.find((part) => part.kind === 'new')?.note).toMatch(/^Nothing new since Sat Sep 13, 08:00 UTC\.$/);
    // What went to Slack is what was composed: the new fact sits in the "What's new" section of the second post.
    const posts = slackPostsTo(slackChannel);
    expect(posts).toHaveLength(3);
    const newBlock = (posts[1]!.body.blocks as Array<{ text?: { text: string } }>).find((block) => block.text?.text.startsWith("*What's new since"));
    expect(newBlock?.text?.text).toContain('second, smaller crack');
  });
});
