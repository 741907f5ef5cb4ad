import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackBot, type SlackBot } from '../adapters/slack/start-slack.js';
import { describeConfigErrors, parseConfig } from '../src/config.js';
import { startOverText } from '../src/conversation/converse.js';
import { createLogger } from '../src/log.js';
import { openStory, serveInThread } from '../src/open-story.js';
import type { StoryService } from '../src/service.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { eventCallback, FakeSlack, signSlackRequest, type ApiCall } from './fakes/fake-slack.js';
import { freePort } from './helpers/free-port.js';

const fixtureDir = new URL('./fixtures/stories/slack-mini/', import.meta.url).pathname;
const botToken = 'xoxb-1111-2222-storybot-conversation-token';
const signingSecret = 'signing-secret-for-storybot-conversations';
const desk = 'C0DESK';
const first = 'who is the town engineer?';
const followUp = 'what did she say?';
const readAs = '_Read as: what did Priya Okafor say?_';
const log = createLogger({ level: 'silent' });

let tsCounter = 0;
/** A fresh Slack message timestamp, so every message in the file is distinct. */
function nextTs(): string {
  tsCounter += 1;
  return `1720000000.${String(tsCounter).padStart(6, '0')}`;
}

/** A person's message in a channel (a thread reply when `threadTs` is given), as the `message.channels` event brings it. */
function channelMessage(text: string, ts: string, threadTs?: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    channel: desk,
    channel_type: 'channel',
    user: 'U0EDITOR',
    text,
    ts,
    event_ts: ts,
    client_msg_id: `client-${ts}`,
    ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
    ...extra,
  };
}

function mentionEvent(text: string, ts: string, threadTs?: string): Record<string, unknown> {
  return { type: 'app_mention', user: 'U0EDITOR', text: `<@U0STORYBOT> ${text}`, ts, channel: desk, event_ts: ts, client_msg_id: `client-${ts}`, ...(threadTs === undefined ? {} : { thread_ts: threadTs }) };
}

function dmEvent(text: string, ts: string): Record<string, unknown> {
  return { type: 'message', channel: 'D0EDITOR', channel_type: 'im', user: 'U0EDITOR', text, ts, event_ts: ts, client_msg_id: `client-${ts}` };
}

/** The first block's text: the "Read as" line when the bot shows how it read the question. */
function firstBlockText(post: ApiCall): string {
  const [block] = post.body.blocks as { type: string; text?: { text: string }; elements?: { text: string }[] }[];
  return block?.type === 'context' ? (block.elements?.[0]?.text ?? '') : (block?.text?.text ?? '');
}

describe('Slack conversations', () => {
  let fake: FakeSlack;
  let bot: SlackBot;
  let store: Store;
  let service: StoryService;
  let dataDir: string;
  let eventsUrl: string;

  async function start(): Promise<void> {
    const opened = openStore({ dir: dataDir });
    if (!opened.ok) throw new Error(opened.message);
    store = opened.store;
    const port = await freePort();
    const parsed = parseConfig({ SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_PORT: String(port), SLACK_API_URL: fake.apiUrl, LOG_LEVEL: 'silent' });
    if (!parsed.ok) throw new Error(describeConfigErrors(parsed.errors));
    bot = await startSlackBot({ config: parsed.config, service, log, conversations: { turns: store.conversations, replies: store.replies, now: () => new Date() } });
    eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  }

  async function send(event: Record<string, unknown>): Promise<void> {
    const raw = JSON.stringify(eventCallback(event, `Ev-${String(event.type)}-${String(event.ts)}`));
    const response = await fetch(eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...signSlackRequest(signingSecret, raw) }, body: raw });
    expect(response.status).toBe(200);
  }

  const postsIn = (threadTs: string) => fake.posts().filter((call) => call.body.thread_ts === threadTs);

  /** Waits for the bot's `n`th post in a thread. */
  function nthPostIn(threadTs: string, n: number): Promise<ApiCall> {
    return fake.waitFor(`post ${n} in thread ${threadTs}`, () => postsIn(threadTs)[n - 1]);
  }

  /** Asks one more question in a new thread and waits for its answer: anything sent before it has been handled by then. */
  async function settle(): Promise<void> {
    const ts = nextTs();
    await send(mentionEvent(first, ts));
    await nthPostIn(ts, 1);
  }

  /** Starts a thread with a mention and waits for the answer in it; returns the thread's timestamp. */
  async function answeredThread(): Promise<string> {
    const thread = nextTs();
    await send(mentionEvent(first, thread));
    const answer = await nthPostIn(thread, 1);
    expect(String(answer.body.text)).toContain('Priya Okafor');
    return thread;
  }

  beforeAll(async () => {
    const opened = await openStory({ dir: fixtureDir });
    if (!opened.ok) throw new Error(opened.message);
    service = serveInThread(opened.service);
    fake = await FakeSlack.start();
    dataDir = mkdtempSync(join(tmpdir(), 'storybot-slack-conversations-'));
    await start();
  });

  afterAll(async () => {
    await bot?.stop();
    store?.close();
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("reads a follow-up mention in a thread against that thread's question, and the same words in another thread on their own", async () => {
    const thread = await answeredThread();
    await send(mentionEvent(followUp, nextTs(), thread));
    expect(firstBlockText(await nthPostIn(thread, 2))).toBe(readAs);

    const other = nextTs();
    await send(mentionEvent(followUp, other));
    const alone = await nthPostIn(other, 1);
    expect(JSON.stringify(alone.body)).not.toContain('Read as');
  });

  it('answers a reply without a mention in a thread it has answered in, and not in a thread it has not', async () => {
    const thread = await answeredThread();
    const unanswered = nextTs();
    await send(channelMessage('a thread among people', unanswered));
    await send(channelMessage(followUp, nextTs(), unanswered));
    await send(channelMessage(followUp, nextTs(), thread));
    const reply = await nthPostIn(thread, 2);
    expect(firstBlockText(reply)).toBe(readAs);
    await settle();
    expect(postsIn(unanswered)).toEqual([]);
    expect(fake.posts().filter((call) => call.body.thread_ts === undefined)).toEqual([]);
  });

  it('ignores its own posts, other bots, edits and top-level messages, and answers a reply that mentions it once', async () => {
    const thread = await answeredThread();
    await send(channelMessage(followUp, nextTs(), thread, { user: 'U0STORYBOT', bot_id: 'B0STORYBOT' }));
    await send(channelMessage(followUp, nextTs(), thread, { subtype: 'bot_message', bot_id: 'B0OTHERBOT', user: undefined }));
    await send(channelMessage(followUp, nextTs(), thread, { user: 'U0OTHERBOT', bot_id: 'B0OTHERBOT' }));
    await send(channelMessage(followUp, nextTs(), thread, { subtype: 'message_changed' }));
    await send(channelMessage(first, nextTs()));
    // A reply that mentions the bot arrives twice, as a mention and as a message; it is answered once.
    const both = nextTs();
    await send(channelMessage(`<@U0STORYBOT> ${followUp}`, both, thread));
    await send(mentionEvent(followUp, both, thread));
    expect(firstBlockText(await nthPostIn(thread, 2))).toBe(readAs);
    await settle();
    expect(postsIn(thread)).toHaveLength(2);
    expect(fake.posts().filter((call) => call.body.thread_ts === undefined)).toEqual([]);
  });

  it('starts a thread over on "start over" and goes on answering replies in it', async () => {
    const thread = await answeredThread();
    await send(channelMessage('start over', nextTs(), thread));
    expect((await nthPostIn(thread, 2)).body.text).toBe(startOverText);
    await send(channelMessage(followUp, nextTs(), thread));
    const fresh = await nthPostIn(thread, 3);
    expect(JSON.stringify(fresh.body)).not.toContain('Read as');
  });

  it('keeps one conversation in a DM until "new"', async () => {
    const dmPosts = () => fake.posts().filter((call) => call.body.channel === 'D0EDITOR');
    await send(dmEvent(first, nextTs()));
    await fake.waitFor('the first DM answer', () => dmPosts()[0]);
    await send(dmEvent(followUp, nextTs()));
    const reply = await fake.waitFor('the DM follow-up', () => dmPosts()[1]);
    expect(firstBlockText(reply)).toBe(readAs);
    expect(reply.body.thread_ts).toBeUndefined();
    await send(dmEvent('new', nextTs()));
    expect((await fake.waitFor('the DM reset', () => dmPosts()[2])).body.text).toBe(startOverText);
    await send(dmEvent(followUp, nextTs()));
    expect(JSON.stringify((await fake.waitFor('the DM answer after the reset', () => dmPosts()[3])).body)).not.toContain('Read as');
  });

  it("keeps a thread's context, and answers its replies without a mention, after a restart over the same database file", async () => {
    const thread = await answeredThread();
    await bot.stop();
    store.close();
    await start();
    await send(channelMessage(followUp, nextTs(), thread));
    expect(firstBlockText(await nthPostIn(thread, 2))).toBe(readAs);
  });
});
