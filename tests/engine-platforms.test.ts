import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStorybot, type StartResult } from '../adapters/start.js';
import { parseConfig } from '../src/config.js';
import type { EngineTestHooks } from '../src/engine/protocol.js';
import { loadingText, timedOutText } from '../src/engine/story-engine.js';
import { FakeDiscord, type RecordedRequest } from './fakes/fake-discord.js';
import { eventCallback, FakeSlack, signSlackRequest } from './fakes/fake-slack.js';
import { freePort } from './helpers/free-port.js';
import { capturingLog } from './ingest-helpers.js';

const corpus = fileURLToPath(new URL('./fixtures/stories/discord-mini/', import.meta.url));
const signingSecret = 'signing-secret-for-storybot-engine-test';
const spinMarker = 'spin-until-the-deadline';
// Long enough that the platforms' own round trips come well inside it, however loaded the machine.
const answerTimeoutMs = 3_000;

type SentMessage = { content?: string; embeds?: { title?: string; description?: string }[] };

type Bot = { captured: ReturnType<typeof capturingLog>; eventsUrl: string; running: Promise<StartResult>; stop: () => void };

/** Starts storybot over the fake Discord and Slack and a data folder, and waits until it runs (and, unless still loading, its story is open). */
async function startOnFakes(discord: FakeDiscord, slack: FakeSlack, options: { dataDir: string; testHooks?: EngineTestHooks; settings?: Record<string, string>; storyOpens?: boolean }): Promise<Bot> {
  const captured = capturingLog();
  const slackPort = await freePort();
  const parsed = parseConfig({
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    SLACK_BOT_TOKEN: 'xoxb-1111-2222-storybot-engine-test-token',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_PORT: String(slackPort),
    SLACK_API_URL: slack.apiUrl,
    ...options.settings,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  let stop!: () => void;
  const until = new Promise<void>((resolve) => (stop = resolve));
  const running = startStorybot({
    config: parsed.config,
    corpus,
    dataDir: options.dataDir,
    log: captured.log,
    input: new PassThrough(),
    output: new PassThrough(),
    until,
    ...(options.testHooks === undefined ? {} : { testHooks: options.testHooks }),
  });
  if (options.storyOpens !== false) {
    await slack.waitFor('the story to be open', () => captured.lines().some((line) => line.msg === 'the story is open; questions are answered from it'), 15_000);
  }
  await slack.waitFor('the bot to be running', () => captured.lines().some((line) => line.msg === 'storybot is running; Ctrl-C stops it'), 15_000);
  return { captured, eventsUrl: `http://127.0.0.1:${slackPort}/slack/events`, running, stop };
}

/** Posts a signed Slack event to storybot, as Slack would. */
function postSlackEvent(eventsUrl: string, event: Record<string, unknown>): Promise<Response> {
  const raw = JSON.stringify(eventCallback(event, `Ev-${String(event.type)}-${String(event.ts)}`));
  return fetch(eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...signSlackRequest(signingSecret, raw) }, body: raw });
}

/** Starts the fakes and storybot before a describe's tests and stops them after; the returned object holds them. */
function useBotOnFakes(dataDirPrefix: string, options: { testHooks?: EngineTestHooks; settings?: Record<string, string>; storyOpens?: boolean }) {
  const running = {} as { discord: FakeDiscord; slack: FakeSlack; bot: Bot };
  const dataDir = mkdtempSync(join(tmpdir(), dataDirPrefix));
  beforeAll(async () => {
    running.discord = await FakeDiscord.start();
    running.slack = await FakeSlack.start();
    running.bot = await startOnFakes(running.discord, running.slack, { dataDir, ...options });
  }, 30_000);
  afterAll(async () => {
    running.bot.stop();
    await running.bot.running;
    await running.discord.close();
    await running.slack.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return running;
}

describe('storybot with a stuck answer, on Discord and Slack at once', () => {
  const running = useBotOnFakes('storybot-engine-platforms-', { testHooks: { spinOnQuestion: spinMarker }, settings: { ANSWER_TIMEOUT_MS: String(answerTimeoutMs) } });

  function mention(user: string, text: string, ts: string): Promise<Response> {
    return postSlackEvent(running.bot.eventsUrl, { type: 'app_mention', user, text: `<@U0STORYBOT> ${text}`, ts, channel: 'C0DESK', event_ts: ts, client_msg_id: `client-${ts}` });
  }

  const threadPost = (ts: string) => () => running.slack.posts().find((call) => call.body.thread_ts === ts);

  it('answers other users while one answer spins, and gives the stuck asker a short apology', async () => {
    const stuckTs = '1710000100.000001';
    const otherTs = '1710000100.000002';
    expect((await mention('U0EDITOR', `who is the harbour master? ${spinMarker}`, stuckTs)).status).toBe(200);

    // While the worker spins, the main thread still takes Slack's events and Discord's interactions.
    expect((await mention('U0REPORTER', 'who is the harbour master?', otherTs)).status).toBe(200);
    const { id, token } = running.discord.slashCommand('ask', [{ name: 'question', value: 'How much did the repairs cost?' }]);
    await running.discord.waitForRequest('the deferral of /ask', (request) => request.path === `/interactions/${id}/${token}/callback`);
    expect(threadPost(stuckTs)()).toBeUndefined();

    const apology = await running.slack.waitFor('the apology to the stuck asker', threadPost(stuckTs), 15_000);
    expect(apology.body.text).toBe(timedOutText);
    const other = await running.slack.waitFor('the answer to the other Slack user', threadPost(otherTs), 15_000);
    expect(String(other.body.text)).toContain('Tova Lindqvist');
    const edit = await running.discord.waitForRequest('the answer to /ask', (request: RecordedRequest) => request.method === 'PATCH' && request.path.endsWith(`/${token}/messages/@original`), 15_000);
    expect((edit.body as SentMessage).embeds?.[0]?.description).toContain('$180,000');

    const warning = running.bot.captured.lines().find((line) => line.msg === 'a request ran past its deadline; restarting the story engine');
    expect(warning).toMatchObject({ level: 40, request: 'ask', timeoutMs: answerTimeoutMs });
    expect(running.bot.captured.raw()).not.toContain(spinMarker);
  }, 30_000);

  it('gives a stuck Discord asker the apology, only they can see, while a Slack user is answered', async () => {
    const { token } = running.discord.slashCommand('ask', [{ name: 'question', value: `How much did the repairs cost? ${spinMarker}` }]);
    const ts = '1710000100.000004';
    expect((await mention('U0REPORTER', 'who is the harbour master?', ts)).status).toBe(200);
    const apology = await running.discord.waitForRequest('the apology to the stuck /ask', (request) => request.method === 'POST' && request.path.endsWith(`/${token}`), 15_000);
    expect(apology.body).toMatchObject({ content: timedOutText, flags: 64 });
    const answer = await running.slack.waitFor('the Slack answer queued behind it', threadPost(ts), 15_000);
    expect(String(answer.body.text)).toContain('Tova Lindqvist');
  }, 20_000);

  it('answers the asker whose question was stuck, once they ask again', async () => {
    const ts = '1710000100.000003';
    await mention('U0EDITOR', 'who is the harbour master?', ts);
    const answer = await running.slack.waitFor('the answer after the restart', threadPost(ts), 15_000);
    expect(String(answer.body.text)).toContain('Tova Lindqvist');
  }, 20_000);
});

describe('storybot keeps thread conversations in its store, on Discord and Slack, across a restart', () => {
  let discord: FakeDiscord;
  let slack: FakeSlack;
  let bot: Bot | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'storybot-engine-conversations-'));

  async function startBot(): Promise<void> {
    bot = await startOnFakes(discord, slack, { dataDir });
  }

  async function stopBot(): Promise<void> {
    bot?.stop();
    expect(await bot?.running).toEqual({ ok: true });
  }

  async function slackEvent(event: Record<string, unknown>): Promise<void> {
    expect((await postSlackEvent(bot!.eventsUrl, event)).status).toBe(200);
  }

  beforeAll(async () => {
    discord = await FakeDiscord.start();
    slack = await FakeSlack.start();
    await startBot();
  }, 30_000);

  afterAll(async () => {
    bot?.stop();
    await bot?.running;
    await discord.close();
    await slack.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("reads a follow-up in a thread against the question asked there before the restart", async () => {
    const slackThread = '1710000200.000001';
    await slackEvent({ type: 'app_mention', user: 'U0EDITOR', text: '<@U0STORYBOT> who is the harbour master?', ts: slackThread, channel: 'C0DESK', event_ts: slackThread });
    const slackAnswer = await slack.waitFor('the Slack answer', () => slack.posts().find((call) => call.body.thread_ts === slackThread), 15_000);
    expect(String(slackAnswer.body.text)).toContain('Tova Lindqvist');
    const thread = discord.createThread('harbour').id;
    const question = discord.message(`<@${discord.bot.id}> who is the harbour master?`, { threadId: thread });
    const isReplyTo = (id: string) => (request: RecordedRequest) => request.method === 'POST' && (request.body as { message_reference?: { message_id: string } }).message_reference?.message_id === id;
    await discord.waitForRequest('the Discord answer in the thread', isReplyTo(question.id), 15_000);

    await stopBot();
    await startBot();

    // In Slack's thread, a reply needs no mention: the store says the bot answered there.
    const reply = '1710000200.000002';
    await slackEvent({ type: 'message', channel: 'C0DESK', channel_type: 'channel', user: 'U0EDITOR', text: 'what did she say?', ts: reply, thread_ts: slackThread, event_ts: reply });
    const followUp = await slack.waitFor('the Slack follow-up', () => slack.posts().filter((call) => call.body.thread_ts === slackThread)[1], 15_000);
    expect(String(followUp.body.text)).toContain('Read as: what did Tova Lindqvist say?');
    const discordFollowUp = discord.message(`<@${discord.bot.id}> what did she say?`, { threadId: thread });
    const answer = await discord.waitForRequest('the Discord follow-up', isReplyTo(discordFollowUp.id), 15_000);
    expect((answer.body as SentMessage).embeds?.[0]?.description).toContain('*Read as: what did Tova Lindqvist say?*');
  }, 60_000);
});

describe('storybot while its story is still loading, on Discord and Slack', () => {
  // The worker holds off opening the story for longer than the test runs: every question meets a story still loading.
  const running = useBotOnFakes('storybot-engine-loading-', { testHooks: { openingDelayMs: 120_000 }, storyOpens: false });

  it('connects at once and tells a Slack asker and a Discord asker that the story is still loading', async () => {
    expect(running.bot.captured.lines().some((line) => line.msg === 'the story is open; questions are answered from it')).toBe(false);
    const ts = '1710000300.000001';
    const response = await postSlackEvent(running.bot.eventsUrl, { type: 'app_mention', user: 'U0EDITOR', text: '<@U0STORYBOT> who is the harbour master?', ts, channel: 'C0DESK', event_ts: ts });
    expect(response.status).toBe(200);
    const reply = await running.slack.waitFor('the loading reply on Slack', () => running.slack.posts().find((call) => call.body.thread_ts === ts), 15_000);
    expect(reply.body.text).toBe(loadingText);

    const { token } = running.discord.slashCommand('ask', [{ name: 'question', value: 'How much did the repairs cost?' }]);
    const told = await running.discord.waitForRequest(
      'the loading reply on Discord',
      (request: RecordedRequest) => request.path.includes(token) && JSON.stringify(request.body ?? '').includes(loadingText),
      15_000,
    );
    expect(JSON.stringify(told.body)).toContain('still loading');
  }, 30_000);
});
