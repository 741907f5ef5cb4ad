import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoltLogger } from '../adapters/slack/bolt-logger.js';
import { createSlackDigestPoster } from '../adapters/slack/digest-poster.js';
import { renderDigest } from '../adapters/slack/render-digest.js';
import { createStoreSeenEvents } from '../adapters/slack/seen-events.js';
import { startSlackBot, type SlackBot } from '../adapters/slack/start-slack.js';
import { createManualClock } from '../src/clock.js';
import { parseConfig } from '../src/config.js';
import { composeDigest } from '../src/digest/compose-digest.js';
import { createDigestDesk } from '../src/digest/digest-desk.js';
import { parseSchedule } from '../src/digest/schedule.js';
import type { Digest } from '../src/digest/types.js';
import { createLogger } from '../src/log.js';
import { openStory, serveInThread } from '../src/open-story.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { FakeSlack, signSlackRequest, slashCommand } from './fakes/fake-slack.js';
import { freePort } from './helpers/free-port.js';

const damDir = fileURLToPath(new URL('./fixtures/stories/digest-dam/', import.meta.url));
const botToken = 'xoxb-1111-2222-storybot-digest-slack-token';
const signingSecret = 'signing-secret-for-storybot-digest-tests';
const log = createLogger({ level: 'silent' });

type Block = { type: string; text?: { text: string }; elements?: { text: string }[] };

describe('/story digest, subscribe and unsubscribe', () => {
  let fake: FakeSlack;
  let bot: SlackBot;
  let store: Store;
  let dataDir: string;
  let eventsUrl: string;
  let trigger = 0;

  beforeAll(async () => {
    fake = await FakeSlack.start();
    dataDir = mkdtempSync(join(tmpdir(), 'storybot-slack-digest-'));
    const opened = openStore({ dir: dataDir });
    if (!opened.ok) throw new Error(opened.message);
    store = opened.store;
    const story = await openStory({ dir: damDir });
    if (!story.ok) throw new Error(story.message);
    const clock = createManualClock(new Date('2031-09-12T06:30:00Z'));
    const schedule = parseSchedule('0 8 * * *', 'Europe/London');
    if (!schedule.ok) throw new Error(schedule.message);
    const digests = createDigestDesk({
      clock,
      deliveries: store.deliveries,
      subscriptions: store.subscriptions,
      channels: ['slack:C0CONFIGURED'],
      schedule: schedule.schedule,
      compose: (_channel, since, now) => composeDigest(story.story, { now, since, firstSeen: () => null, timeZone: 'Europe/London' }),
    });
    const port = await freePort();
    const config = parseConfig({ SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_PORT: String(port), SLACK_API_URL: fake.apiUrl, LOG_LEVEL: 'silent' });
    if (!config.ok) throw new Error(JSON.stringify(config.errors));
    bot = await startSlackBot({ config: config.config, service: serveInThread(story.service), log, digests });
    eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  });

  afterAll(async () => {
    await bot.stop();
    await fake.close();
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function command(text: string, channel = 'C0DESK'): Promise<Record<string, unknown>> {
    const responseUrl = fake.responseUrl();
    const id = responseUrl.split('/').at(-1);
    const form = new URLSearchParams({ ...slashCommand(text, responseUrl, `trigger-digest-${++trigger}`), channel_id: channel }).toString();
    const response = await fetch(eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(signingSecret, form) },
      body: form,
    });
    expect(response.status).toBe(200);
    const reply = await fake.waitFor(`the reply to /story ${text}`, () => fake.responses.find((posted) => posted.id === id));
    return reply.body;
  }

  it('shows the digest now, to the channel, in Block Kit with numbered sources', async () => {
    const reply = await command('digest');
    expect(reply.response_type).toBe('in_channel');
    const blocks = reply.blocks as Block[];
    expect(blocks[0]?.elements?.[0]?.text).toMatch(/^\*Story digest · Fri Sep 12, 07:30 BST · 5 articles from 4 outlets\*$/);
    const sections = blocks.filter((block) => block.type === 'section').map((block) => block.text?.text ?? '');
    expect(sections[0]).toMatch(/^\*Key developments\*\n• .+ \[1\]/);
    expect(sections[1]).toMatch(/^\*What's new\*\n_This is the first digest/);
    expect(sections[2]).toMatch(/^\*Coming up\*\n• /);
    expect(sections[2]).toContain('\n• Mon Sep 15: Governor Alma Reyes will visit the dam on Monday, her office said. [');
    expect(blocks.at(-1)?.type).toBe('context');
    expect(blocks.at(-1)?.elements?.[0]?.text).toMatch(/^\[1\]/);
    expect(String(reply.text)).toMatch(/^Story digest · /);
    // Showing a digest records nothing.
    expect(store.deliveries.lastDelivered('slack:C0DESK')).toBeNull();
  });

  it('subscribes the channel, says so once, and unsubscribes it', async () => {
    const subscribed = await command('subscribe');
    expect(String(subscribed.text)).toBe('This channel is now subscribed to the story digest; the next digest is due Fri Sep 12, 08:00 BST.');
    expect(subscribed.response_type).toBe('in_channel');
    expect(store.subscriptions.get('slack:C0DESK')?.createdAt).toEqual(new Date('2031-09-12T06:30:00Z'));
    expect(String((await command('subscribe')).text)).toMatch(/^This channel is already subscribed/);
    expect(String((await command('unsubscribe')).text)).toBe('This channel will no longer get the story digest.');
    expect(store.subscriptions.get('slack:C0DESK')).toBeNull();
    expect(String((await command('unsubscribe')).text)).toBe('This channel was not subscribed to the story digest.');
  });

  it("leaves a channel set in DIGEST_CHANNELS to the bot's settings", async () => {
    expect(String((await command('unsubscribe', 'C0CONFIGURED')).text)).toMatch(/from the bot's settings \(DIGEST_CHANNELS\)/);
    expect(store.subscriptions.list()).toEqual([]);
  });

  it('lists the digest subcommands in its help', async () => {
    const help = String((await command('help')).text);
    for (const usage of ['/story digest', '/story subscribe', '/story unsubscribe']) expect(help).toContain(usage);
  });
});

describe('renderDigest for Slack', () => {
  const citation = { n: 1, document: 'a.txt', source: 'Gazette <!here>', passage: 'x', date: '2031-09-10', title: 'Title & <@U99>' };
  const digest: Digest = {
    header: 'Story digest · Fri Sep 12, 08:00 UTC · 1 article from 1 outlet',
    text: 'Story digest <!channel>',
    sections: [
      { kind: 'key', title: 'Key developments', note: null, items: [{ text: 'Crews posted "<!channel> & <@U123>" on the board.', citations: [citation] }] },
      { kind: 'new', title: "What's new", note: 'Nothing new since <b>.', items: [] },
      { kind: 'upcoming', title: 'Coming up', note: 'Nothing scheduled that the coverage mentions.', items: [] },
    ],
  };

  it('escapes everything that came from the coverage, so nothing can ping', () => {
    const message = renderDigest(digest);
    const sent = JSON.stringify(message);
    expect(sent).not.toMatch(/<!channel>|<!here>|<@U/);
    expect(sent).toContain('&lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(message.text).toBe('Story digest &lt;!channel&gt;');
  });
});

describe('the Slack digest poster', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await FakeSlack.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  const digest: Digest = {
    header: 'Story digest',
    text: 'Story digest\n\nKey developments\n• A fact. [1]',
    sections: [{ kind: 'key', title: 'Key developments', note: null, items: [{ text: 'A fact.', citations: [{ n: 1, document: 'a.txt', source: null, passage: 'A fact.', date: null, title: null }] }] }],
  };
  const marker = { key: 'storybot-digest:slack:C1:2031-09-12T08:00:00.000Z', slot: new Date('2031-09-12T08:00:00Z') };

  function poster() {
    return createSlackDigestPoster({ token: botToken, apiUrl: fake.apiUrl, logger: createBoltLogger(log), botId: fake.identity.botId, timeoutMs: 5000 });
  }

  it('tells a gone channel, a forbidden one, a rate limit and a server error apart', async () => {
    fake.channelErrors.set('C0GONE', 'is_archived');
    fake.channelErrors.set('C0NOTIN', 'not_in_channel');
    expect(await poster().post('C0GONE', digest, marker)).toEqual({ status: 'gone', detail: 'is_archived' });
    expect(await poster().post('C0NOTIN', digest, marker)).toEqual({ status: 'forbidden', detail: 'not_in_channel' });
    fake.failNext('chat.postMessage', 429, { retryAfter: 7 });
    expect(await poster().post('C1', digest, marker)).toMatchObject({ status: 'retryable', ambiguous: false, retryAfterMs: 7000 });
    fake.failNext('chat.postMessage', 502);
    expect(await poster().post('C1', digest, marker)).toMatchObject({ status: 'retryable', ambiguous: true });
  });

  it('finds its own digest for a slot by the metadata it posted, and nothing for another slot', async () => {
    const posted = await poster().post('C2', digest, marker);
    expect(posted.status).toBe('posted');
    expect(await poster().findPosted!('C2', marker)).toEqual({ status: 'found', messageId: (posted as { messageId: string }).messageId });
    expect(await poster().findPosted!('C2', { ...marker, key: 'storybot-digest:slack:C2:2031-09-13T08:00:00.000Z' })).toEqual({ status: 'not-found' });
  });
});

describe('createStoreSeenEvents', () => {
  it('recognises a repeated Slack delivery after a restart, through the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'storybot-seen-'));
    try {
      const clock = createManualClock(new Date('2031-09-12T08:00:00Z'));
      const first = openStore({ dir });
      if (!first.ok) throw new Error(first.message);
      const seen = createStoreSeenEvents(first.store.seenKeys, clock);
      expect(await seen.claim(['event:Ev1', 'message:C1:1.000001'])).toBe(true);
      expect(await seen.claim(['event:Ev1'])).toBe(false);
      first.store.close();
      const second = openStore({ dir });
      if (!second.ok) throw new Error(second.message);
      expect(await createStoreSeenEvents(second.store.seenKeys, clock).claim(['message:C1:1.000001', 'event:Ev1-retry'])).toBe(false);
      second.store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
