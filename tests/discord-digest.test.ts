import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordDigestPoster } from '../adapters/discord/digest-poster.js';
import { renderDigestEmbed } from '../adapters/discord/render-digest.js';
import { startDiscordBot, type DiscordBot } from '../adapters/discord/start-discord.js';
import { createManualClock } from '../src/clock.js';
import { parseConfig } from '../src/config.js';
import { composeDigest } from '../src/digest/compose-digest.js';
import { createDigestDesk } from '../src/digest/digest-desk.js';
import { parseSchedule } from '../src/digest/schedule.js';
import type { Digest } from '../src/digest/types.js';
import { createLogger } from '../src/log.js';
import { openStory, serveInThread } from '../src/open-story.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { discordLimitViolations, FakeDiscord, type RecordedRequest } from './fakes/fake-discord.js';

const damDir = fileURLToPath(new URL('./fixtures/stories/digest-dam/', import.meta.url));
const log = createLogger({ level: 'silent' });
// The default member's permissions plus Manage Channels (1 << 4).
const manager = String(2248473465835073n | 16n);

type SentEmbed = { title?: string; description?: string; footer?: { text: string }; timestamp?: string };
type SentMessage = { content?: string; embeds?: SentEmbed[]; allowed_mentions?: { parse?: string[] } };

function isEdit(token: string) {
  return (request: RecordedRequest): boolean => request.method === 'PATCH' && request.path.endsWith(`/${token}/messages/@original`);
}

describe('/digest on Discord', () => {
  let fake: FakeDiscord;
  let bot: DiscordBot;
  let store: Store;
  let dataDir: string;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    dataDir = mkdtempSync(join(tmpdir(), 'storybot-discord-digest-'));
    const opened = openStore({ dir: dataDir });
    if (!opened.ok) throw new Error(opened.message);
    store = opened.store;
    const story = await openStory({ dir: damDir });
    if (!story.ok) throw new Error(story.message);
    const clock = createManualClock(new Date('2031-09-12T07:00:00Z'));
    const schedule = parseSchedule('0 8 * * *', 'UTC');
    if (!schedule.ok) throw new Error(schedule.message);
    const digests = createDigestDesk({
      clock,
      deliveries: store.deliveries,
      subscriptions: store.subscriptions,
      channels: [],
      schedule: schedule.schedule,
      compose: (_channel, since, now) => composeDigest(story.story, { now, since, firstSeen: () => null }),
    });
    const config = parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'silent' });
    if (!config.ok) throw new Error(JSON.stringify(config.errors));
    bot = await startDiscordBot({ config: config.config, service: serveInThread(story.service), log, digests });
  });

  afterAll(async () => {
    await bot.stop();
    await fake.close();
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(() => {
    for (const request of fake.messagesSent()) {
      expect(discordLimitViolations(request.body)).toEqual([]);
      expect((request.body as SentMessage).allowed_mentions?.parse).toEqual([]);
    }
  });

  it('shows the digest now as one embed, after deferring', async () => {
    const { token } = fake.slashCommand('digest');
    const edit = await fake.waitForRequest('the digest reply', isEdit(token));
    const [embed] = (edit.body as SentMessage).embeds ?? [];
    expect(embed?.title).toBe('Story digest · Fri Sep 12, 07:00 UTC · 5 articles from 4 outlets');
    expect(embed?.description).toMatch(/^\*\*Key developments\*\*\n• .+\[1\]/);
    expect(embed?.description).toContain('**Coming up**');
    expect(embed?.description).toMatch(/\*\*Sources\*\*\n\[1\]/);
    expect(embed?.footer?.text).toBe('Story digest');
    expect(embed?.timestamp).toBeUndefined();
    expect(store.deliveries.lastDelivered(`discord:${fake.channelId}`)).toBeNull();
  });

  it('subscribes and unsubscribes a channel for someone who may manage it', async () => {
    const subscribe = fake.slashCommand('digest', [{ name: 'action', value: 'subscribe' }], { permissions: manager });
    const subscribed = await fake.waitForRequest('the subscribe reply', isEdit(subscribe.token));
    expect((subscribed.body as SentMessage).content).toBe('This channel is now subscribed to the story digest; the next digest is due Fri Sep 12, 08:00 UTC.');
    expect(store.subscriptions.get(`discord:${fake.channelId}`)).not.toBeNull();

    const unsubscribe = fake.slashCommand('digest', [{ name: 'action', value: 'unsubscribe' }], { permissions: manager });
    const unsubscribed = await fake.waitForRequest('the unsubscribe reply', isEdit(unsubscribe.token));
    expect((unsubscribed.body as SentMessage).content).toBe('This channel will no longer get the story digest.');
    expect(store.subscriptions.get(`discord:${fake.channelId}`)).toBeNull();
  });

  it('refuses to subscribe a server channel for someone without Manage Channels', async () => {
    const { token } = fake.slashCommand('digest', [{ name: 'action', value: 'subscribe' }]);
    const reply = await fake.waitForRequest('the refusal', isEdit(token));
    expect((reply.body as SentMessage).content).toBe('Subscribing a channel to the digest needs the Manage Channels permission.');
    expect(store.subscriptions.list()).toEqual([]);
  });

  it('lets a person subscribe their DM with the bot', async () => {
    const { token } = fake.slashCommand('digest', [{ name: 'action', value: 'subscribe' }], { dm: true });
    await fake.waitForRequest('the DM subscribe reply', isEdit(token));
    expect(store.subscriptions.get(`discord:${fake.dmChannelId}`)).not.toBeNull();
  });
});

describe('the Discord digest poster', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  const digest: Digest = {
    header: 'Story digest · Fri Sep 12, 08:00 UTC · 1 article from 1 outlet',
    text: 'Story digest',
    sections: [
      {
        kind: 'key',
        title: 'Key developments',
        note: null,
        items: [{ text: 'Crews wrote "@everyone **now**" on the board.', citations: [{ n: 1, document: 'a.txt', source: 'Gazette', passage: 'x', date: null, title: null }] }],
      },
    ],
  };
  const slot = new Date('2031-09-12T08:00:00Z');
  const poster = () => createDiscordDigestPoster({ token: fake.token, rest: { api: fake.apiUrl }, botUserId: fake.bot.id });

  it('posts one embed that pings no one, and finds it again by its slot', async () => {
    const channel = fake.nextId();
    const marker = { key: `storybot-digest:discord:${channel}:${slot.toISOString()}`, slot };
    const outcome = await poster().post(channel, digest, marker);
    expect(outcome.status).toBe('posted');
    const request = fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`)!;
    const body = request.body as SentMessage & { nonce: string; enforce_nonce: boolean };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.enforce_nonce).toBe(true);
    expect(body.embeds?.[0]?.description).toContain('@\u200beveryone \\*\\*now\\*\\*');
    expect(await poster().findPosted!(channel, marker)).toEqual({ status: 'found', messageId: (outcome as { messageId: string }).messageId });
    expect(await poster().findPosted!(channel, { ...marker, slot: new Date('2031-09-13T08:00:00Z') })).toEqual({ status: 'not-found' });
    // The same delivery sent again (a retry after a lost answer) is the same message: Discord keeps the nonce.
    expect(await poster().post(channel, digest, marker)).toEqual(outcome);
    expect(fake.channelMessages(channel)).toHaveLength(1);
  });

  it.each([
    { status: 404, code: 10003, message: 'Unknown Channel', expected: 'gone' },
    { status: 403, code: 50001, message: 'Missing Access', expected: 'forbidden' },
    { status: 403, code: 50013, message: 'Missing Permissions', expected: 'forbidden' },
    { status: 500, code: 0, message: 'Internal Server Error', expected: 'retryable' },
    { status: 400, code: 50035, message: 'Invalid Form Body', expected: 'failed' },
  ])('reads Discord error $code ($status) as $expected', async ({ status, code, message, expected }) => {
    const channel = fake.nextId();
    fake.failNext({ method: 'POST', path: new RegExp(`^/channels/${channel}/messages$`), status, code, message });
    const outcome = await poster().post(channel, digest, { key: `k-${channel}`, slot });
    expect(outcome.status).toBe(expected);
    expect(fake.requests.filter((r) => r.path === `/channels/${channel}/messages`)).toHaveLength(1);
  });

  it('keeps a rendered digest within one embed however long its text', () => {
    const long: Digest = { ...digest, sections: [{ ...digest.sections[0]!, items: Array.from({ length: 40 }, (_, i) => ({ text: `${'A long sentence. '.repeat(12)} ${i}`, citations: [] })) }] };
    expect(discordLimitViolations({ embeds: [renderDigestEmbed(long, slot)] })).toEqual([]);
  });
});
