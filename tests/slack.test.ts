import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBoltLogger } from '../adapters/slack/bolt-logger.js';
import { renderAskResult } from '../adapters/slack/render-blocks.js';
import { createMemorySeenEvents } from '../adapters/slack/seen-events.js';
import { escapeMrkdwn } from '../adapters/slack/slack-text.js';
import { startSlackBot, type SlackBot } from '../adapters/slack/start-slack.js';
import { describeConfigErrors, parseConfig, type Config } from '../src/config.js';
import { createLogger, type Log } from '../src/log.js';
import { openStory, serveInThread } from '../src/open-story.js';
import type { StoryService } from '../src/service.js';
import { eventCallback, FakeSlack, signSlackRequest, slashCommand, type ApiCall, type Envelope } from './fakes/fake-slack.js';
import { freePort } from './helpers/free-port.js';
import { memoryStream } from './helpers/memory-stream.js';

const fixtureDir = new URL('./fixtures/stories/slack-mini/', import.meta.url).pathname;
const botToken = 'xoxb-1111-2222-storybot-test-bot-token';
const appToken = 'xapp-1-A0STORYBOT-3333-storybot-test-app-token';
const signingSecret = 'signing-secret-for-storybot-tests-0123';
const desk = 'C0DESK';
const answerable = 'when will the footbridge reopen?';
// The fixture article sentence that carries `<!channel>`, `<@U123>` and `&`.
const noticeQuestion = 'what did the works committee post on its notice board?';

type Block = { type: string; text?: { type: string; text: string }; elements?: { type: string; text: string }[] };

let service: StoryService;

beforeAll(async () => {
  const opened = await openStory({ dir: fixtureDir });
  if (!opened.ok) throw new Error(opened.message);
  service = serveInThread(opened.service);
});

let tsCounter = 0;
/** A fresh Slack message timestamp, so every message in a file is distinct. */
function nextTs(): string {
  tsCounter += 1;
  return `1710000000.${String(tsCounter).padStart(6, '0')}`;
}

function captureLog(): { log: Log; text: () => string } {
  const { destination, text } = memoryStream();
  return { log: createLogger({ level: 'debug', pretty: false, destination }), text };
}

function slackConfig(env: Record<string, string>): Config {
  const parsed = parseConfig({ LOG_LEVEL: 'debug', ...env });
  if (!parsed.ok) throw new Error(describeConfigErrors(parsed.errors));
  return parsed.config;
}

function mentionEvent(text: string, ts: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'app_mention', user: 'U0EDITOR', text, ts, channel: desk, event_ts: ts, client_msg_id: `client-${ts}`, ...extra };
}

function dmEvent(text: string, ts: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'message', channel: 'D0EDITOR', channel_type: 'im', user: 'U0EDITOR', text, ts, event_ts: ts, client_msg_id: `client-${ts}`, ...extra };
}

function blocksOf(message: { body: Record<string, unknown> }): Block[] {
  return message.body.blocks as Block[];
}

/** Everything the app sent to Slack, as one string: posts, response_url replies and socket acks. */
function everythingSent(fake: FakeSlack): string {
  return JSON.stringify([fake.posts().map((call) => call.body), fake.responses.map((response) => response.body), fake.acks]);
}

function expectNoPings(sent: string): void {
  expect(sent).not.toContain('<!channel>');
  expect(sent).not.toContain('<!here>');
  expect(sent).not.toContain('<!everyone>');
  expect(sent).not.toContain('<@');
}

/** Checks one posted answer: accepted by the fake, made with the bot token, a section then numbered sources. */
function expectCitedAnswer(post: ApiCall): void {
  expect(post.response.ok).toBe(true);
  expect(post.token).toBe('bot');
  const blocks = blocksOf(post);
  expect(blocks[0]?.type).toBe('section');
  expect(blocks[0]?.text?.type).toBe('mrkdwn');
  expect(blocks[0]?.text?.text).toMatch(/\[1\]/);
  const context = blocks.find((block) => block.type === 'context');
  expect(context?.elements?.[0]?.text).toMatch(/^\[1\] /);
  expect(typeof post.body.text).toBe('string');
  expect(String(post.body.text)).toContain('[1]');
}

describe('slack adapter over HTTP', () => {
  let fake: FakeSlack;
  let bot: SlackBot;
  let eventsUrl: string;
  let logs: () => string;

  beforeEach(async () => {
    fake = await FakeSlack.start();
    const port = await freePort();
    const captured = captureLog();
    logs = captured.text;
    const config = slackConfig({ SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_PORT: String(port), SLACK_API_URL: fake.apiUrl });
    bot = await startSlackBot({ config, service, log: captured.log });
    eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  });

  afterEach(async () => {
    await bot.stop();
    await fake.close();
  });

  type Signature = 'good' | 'tampered' | 'stale';

  async function postJson(body: unknown, options: { signature?: Signature; retryNum?: number } = {}): Promise<Response> {
    const raw = JSON.stringify(body);
    return post(raw, 'application/json', options);
  }

  async function post(raw: string, contentType: string, options: { signature?: Signature; retryNum?: number }): Promise<Response> {
    const signature = options.signature ?? 'good';
    const timestamp = Math.floor(Date.now() / 1000) - (signature === 'stale' ? 6 * 60 : 0);
    const headers: Record<string, string> = { 'content-type': contentType, ...signSlackRequest(signingSecret, raw, timestamp) };
    // A tampered request is signed for one body and sends another (one byte longer).
    const sent = signature === 'tampered' ? `${raw} ` : raw;
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    return fetch(eventsUrl, { method: 'POST', headers, body: sent });
  }

  async function postCommand(text: string, signature: Signature = 'good'): Promise<{ response: Response; responseId: string }> {
    const responseUrl = fake.responseUrl();
    const form = new URLSearchParams(slashCommand(text, responseUrl, `trigger-${nextTs()}`)).toString();
    const response = await post(form, 'application/x-www-form-urlencoded', { signature });
    return { response, responseId: responseUrl.split('/').at(-1) ?? '' };
  }

  /** Asks one more question and waits for its answer: anything sent before it has been handled by then. */
  async function settle(): Promise<void> {
    const ts = nextTs();
    expect((await postJson(eventCallback(mentionEvent(`<@U0STORYBOT> ${answerable}`, ts), `Ev-settle-${ts}`))).status).toBe(200);
    await fake.waitFor('the settling answer', () => fake.posts().find((call) => call.body.thread_ts === ts));
  }

  it('checks the bot token with auth.test against SLACK_API_URL before serving', () => {
    const checks = fake.callsTo('auth.test');
    expect(checks).toHaveLength(1);
    expect(checks[0]?.token).toBe('bot');
  });

  it('answers the url_verification challenge', async () => {
    const response = await postJson({ token: 'fake-verification-token', challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
  });

  it('answers a signed mention in a thread under it, citing numbered sources', async () => {
    const ts = nextTs();
    const response = await postJson(eventCallback(mentionEvent(`<@U0STORYBOT> ${answerable}`, ts), 'Ev-mention'));
    expect(response.status).toBe(200);
    const post = await fake.waitFor('the threaded answer', () => fake.posts().find((call) => call.body.thread_ts === ts));
    expect(post.body.channel).toBe(desk);
    expectCitedAnswer(post);
    // The bot's mention is stripped before asking: the reply is exactly the answer to the bare question.
    expect(post.body.text).toBe(renderAskResult(await service.ask(answerable), await service.overview()).text);
  });

  it('answers a mention made inside a thread in that thread', async () => {
    const parent = nextTs();
    const ts = nextTs();
    await postJson(eventCallback(mentionEvent(`<@U0STORYBOT> ${answerable}`, ts, { thread_ts: parent }), 'Ev-in-thread'));
    const post = await fake.waitFor('the answer in the thread', () => fake.posts().find((call) => call.body.thread_ts === parent));
    expectCitedAnswer(post);
    expect(fake.posts().filter((call) => call.body.thread_ts === ts)).toHaveLength(0);
  });

  it('rejects a tampered signature with 401 and posts nothing', async () => {
    const ts = nextTs();
    const response = await postJson(eventCallback(mentionEvent(`<@U0STORYBOT> ${answerable}`, ts), 'Ev-tampered'), { signature: 'tampered' });
    expect(response.status).toBe(401);
    await settle();
    expect(fake.posts().filter((call) => call.body.thread_ts === ts)).toHaveLength(0);
    expect(fake.posts()).toHaveLength(1);
  });

  it('rejects a signature older than five minutes with 401 and posts nothing', async () => {
    const ts = nextTs();
    const response = await postJson(eventCallback(mentionEvent(`<@U0STORYBOT> ${answerable}`, ts), 'Ev-stale'), { signature: 'stale' });
    expect(response.status).toBe(401);
    await settle();
    expect(fake.posts().filter((call) => call.body.thread_ts === ts)).toHaveLength(0);
  });

  it('answers a retried event (X-Slack-Retry-Num) once', async () => {
    const ts = nextTs();
    const body = eventCallback(mentionEvent(`<@U0STORYBOT> ${answerable}`, ts), 'Ev-retried');
    expect((await postJson(body)).status).toBe(200);
    await fake.waitFor('the first answer', () => fake.posts().find((call) => call.body.thread_ts === ts));
    expect((await postJson(body, { retryNum: 1 })).status).toBe(200);
    expect((await postJson(body, { retryNum: 2 })).status).toBe(200);
    await settle();
    expect(fake.posts().filter((call) => call.body.thread_ts === ts)).toHaveLength(1);
  });

  it('answers the same message delivered twice under different event ids once', async () => {
    const ts = nextTs();
    await postJson(eventCallback(mentionEvent(`<@U0STORYBOT> ${answerable}`, ts), 'Ev-first-copy'));
    await postJson(eventCallback(mentionEvent(`<@U0STORYBOT> ${answerable}`, ts), 'Ev-second-copy'));
    await settle();
    expect(fake.posts().filter((call) => call.body.thread_ts === ts)).toHaveLength(1);
  });

  it('ignores messages from bots, its own included', async () => {
    const own = nextTs();
    const otherBot = nextTs();
    const botMessage = nextTs();
    await postJson(eventCallback(mentionEvent(`<@U0STORYBOT> ${answerable}`, own, { user: 'U0STORYBOT', bot_id: 'B0STORYBOT' }), 'Ev-own'));
    await postJson(eventCallback(mentionEvent(`<@U0STORYBOT> ${answerable}`, otherBot, { user: 'U0OTHERBOT', bot_id: 'B0OTHERBOT' }), 'Ev-other-bot'));
    await postJson(eventCallback(dmEvent(answerable, botMessage, { subtype: 'bot_message', bot_id: 'B0OTHERBOT', user: undefined }), 'Ev-bot-message'));
    await settle();
    expect(fake.posts()).toHaveLength(1);
  });

  it('answers a direct message in the DM, not in a thread', async () => {
    const ts = nextTs();
    await postJson(eventCallback(dmEvent(answerable, ts), 'Ev-dm'));
    const post = await fake.waitFor('the DM answer', () => fake.posts().find((call) => call.body.channel === 'D0EDITOR'));
    expectCitedAnswer(post);
    expect(post.body.thread_ts).toBeUndefined();
  });

  it('ignores edits and other message subtypes in a DM', async () => {
    await postJson(eventCallback(dmEvent(answerable, nextTs(), { subtype: 'message_changed' }), 'Ev-edit'));
    await settle();
    expect(fake.posts().filter((call) => call.body.channel === 'D0EDITOR')).toHaveLength(0);
  });

  it('escapes article text and the question so nothing posted can ping anyone', async () => {
    const ts = nextTs();
    await postJson(eventCallback(mentionEvent(`<@U0STORYBOT> <!here> ${noticeQuestion} <!channel> <@U0EDITOR>`, ts), 'Ev-escape'));
    const post = await fake.waitFor('the answer quoting the notice', () => fake.posts().find((call) => call.body.thread_ts === ts));
    expectCitedAnswer(post);
    // The cited sentence reached Slack with its mention syntax defused by the core and its ampersand escaped.
    expect(JSON.stringify(post.body)).toContain('‹!channel› bridge crews start at 6 a.m. &amp; ‹@U123› will sign off');
    expectNoPings(everythingSent(fake));
  });

  it('refuses an empty mention politely, in the thread', async () => {
    const ts = nextTs();
    await postJson(eventCallback(mentionEvent('<@U0STORYBOT>', ts), 'Ev-empty'));
    const post = await fake.waitFor('the refusal', () => fake.posts().find((call) => call.body.thread_ts === ts));
    const refusal = await service.ask('');
    if (refusal.ok) throw new Error('expected the service to refuse an empty question');
    expect(post.body.text).toBe(escapeMrkdwn(refusal.message));
    expect(blocksOf(post).some((block) => block.type === 'context')).toBe(false);
  });

  it('acknowledges /story at once and answers through response_url, for the channel to see', async () => {
    const { response, responseId } = await postCommand(answerable);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const reply = await fake.waitFor('the /story answer', () => fake.responses.find((r) => r.id === responseId));
    expect(reply.body.response_type).toBe('in_channel');
    const blocks = reply.body.blocks as Block[];
    expect(blocks[0]?.type).toBe('section');
    expect(blocks.find((block) => block.type === 'context')?.elements?.[0]?.text).toMatch(/^\[1\] /);
    expect(fake.posts()).toHaveLength(0);
  });

  it('lists the articles for /story sources, to the asker only', async () => {
    const { responseId } = await postCommand('sources');
    const reply = await fake.waitFor('the source list', () => fake.responses.find((r) => r.id === responseId));
    expect(reply.body.response_type).toBe('ephemeral');
    const listed = (reply.body.blocks as Block[]).map((block) => block.text?.text ?? '').join('\n');
    for (const [i] of (await service.sources()).entries()) expect(listed).toContain(`${i + 1}. `);
    // The fixture's second title has an `&`; an article with an address gets a link.
    expect(listed).toContain('&amp;');
    if ((await service.sources()).some((source) => source.url !== null)) expect(listed).toMatch(/<https:\/\/[^|>]+\|link>/);
    expectNoPings(everythingSent(fake));
  });

  it('explains itself for /story help, naming every subcommand', async () => {
    const { responseId } = await postCommand('help');
    const reply = await fake.waitFor('the help', () => fake.responses.find((r) => r.id === responseId));
    expect(reply.body.response_type).toBe('ephemeral');
    const help = JSON.stringify(reply.body.blocks);
    expect(help).toContain('/story sources');
    expect(help).toContain('/story help');
    expect(help).toContain('/story &lt;question&gt;');
  });

  it('refuses an empty /story politely, to the asker only', async () => {
    const { responseId } = await postCommand('   ');
    const reply = await fake.waitFor('the refusal', () => fake.responses.find((r) => r.id === responseId));
    const refusal = await service.ask('');
    if (refusal.ok) throw new Error('expected the service to refuse an empty question');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.text).toBe(escapeMrkdwn(refusal.message));
  });

  it('rejects a slash command with a bad signature and sends nothing', async () => {
    const { response, responseId } = await postCommand('sources', 'tampered');
    expect(response.status).toBe(401);
    await settle();
    expect(fake.responses.filter((r) => r.id === responseId)).toHaveLength(0);
  });

  it('never writes the tokens or the signing secret to the logs', async () => {
    await postJson(eventCallback(mentionEvent(`<@U0STORYBOT> ${answerable}`, nextTs()), 'Ev-logs'));
    await postCommand('help');
    await settle();
    await fake.waitFor('the help reply', () => fake.responses.length === 1);
    const written = logs();
    expect(written).toContain('"adapter":"slack"');
    expect(written).not.toContain(botToken);
    expect(written).not.toContain(signingSecret);
  });
});

describe('slack adapter in Socket Mode', () => {
  let fake: FakeSlack;
  let bot: SlackBot;
  let logs: () => string;
  let envelopes = 0;

  beforeEach(async () => {
    fake = await FakeSlack.start();
    const captured = captureLog();
    logs = captured.text;
    const config = slackConfig({ SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_API_URL: fake.apiUrl });
    bot = await startSlackBot({ config, service, log: captured.log });
  });

  afterEach(async () => {
    await bot.stop();
    await fake.close();
  });

  function eventEnvelope(event: Record<string, unknown>, eventId: string, retry?: { attempt: number; reason: string }): Envelope {
    envelopes += 1;
    return {
      envelope_id: `envelope-${envelopes}`,
      type: 'events_api',
      payload: eventCallback(event, eventId),
      accepts_response_payload: false,
      retry_attempt: retry?.attempt ?? 0,
      retry_reason: retry?.reason ?? '',
    };
  }

  async function push(envelope: Envelope): Promise<void> {
    fake.pushEnvelope(envelope);
    await fake.waitFor(`the ack of ${envelope.envelope_id}`, () => fake.acks.find((ack) => ack.envelope_id === envelope.envelope_id));
  }

  async function settle(): Promise<void> {
    const ts = nextTs();
    await push(eventEnvelope(mentionEvent(`<@U0STORYBOT> ${answerable}`, ts), `Ev-settle-${ts}`));
    await fake.waitFor('the settling answer', () => fake.posts().find((call) => call.body.thread_ts === ts));
  }

  it('opens the socket with the app token and checks the bot token', () => {
    expect(fake.callsTo('apps.connections.open').map((call) => call.token)).toEqual(['app']);
    expect(fake.callsTo('auth.test').map((call) => call.token)).toEqual(['bot']);
    expect(fake.socketEvents).toEqual(['open']);
  });

  it('acknowledges a mention envelope and answers in a thread', async () => {
    const ts = nextTs();
    const envelope = eventEnvelope(mentionEvent(`<@U0STORYBOT> ${answerable}`, ts), 'Ev-socket-mention');
    await push(envelope);
    const post = await fake.waitFor('the threaded answer', () => fake.posts().find((call) => call.body.thread_ts === ts));
    expect(post.body.channel).toBe(desk);
    expectCitedAnswer(post);
  });

  it('acknowledges a redelivered envelope (retry_attempt) but answers once', async () => {
    const ts = nextTs();
    await push(eventEnvelope(mentionEvent(`<@U0STORYBOT> ${answerable}`, ts), 'Ev-socket-retry'));
    await fake.waitFor('the first answer', () => fake.posts().find((call) => call.body.thread_ts === ts));
    await push(eventEnvelope(mentionEvent(`<@U0STORYBOT> ${answerable}`, ts), 'Ev-socket-retry', { attempt: 1, reason: 'timeout' }));
    await settle();
    expect(fake.posts().filter((call) => call.body.thread_ts === ts)).toHaveLength(1);
  });

  it('acknowledges but ignores messages from bots', async () => {
    await push(eventEnvelope(mentionEvent(`<@U0STORYBOT> ${answerable}`, nextTs(), { user: 'U0STORYBOT', bot_id: 'B0STORYBOT' }), 'Ev-socket-own'));
    await push(eventEnvelope(dmEvent(answerable, nextTs(), { subtype: 'bot_message', bot_id: 'B0OTHERBOT', user: undefined }), 'Ev-socket-bot'));
    await settle();
    expect(fake.posts()).toHaveLength(1);
  });

  it('answers a direct message in the DM without a thread', async () => {
    await push(eventEnvelope(dmEvent(noticeQuestion, nextTs()), 'Ev-socket-dm'));
    const post = await fake.waitFor('the DM answer', () => fake.posts().find((call) => call.body.channel === 'D0EDITOR'));
    expectCitedAnswer(post);
    expect(post.body.thread_ts).toBeUndefined();
    expectNoPings(everythingSent(fake));
  });

  it('acknowledges a /story envelope and replies through response_url', async () => {
    const responseUrl = fake.responseUrl();
    const envelope: Envelope = {
      envelope_id: 'envelope-command',
      type: 'slash_commands',
      payload: slashCommand('sources', responseUrl, 'trigger-socket-sources'),
      accepts_response_payload: true,
    };
    await push(envelope);
    const ack = fake.acks.find((a) => a.envelope_id === 'envelope-command');
    expect(ack?.payload).toEqual({});
    const id = responseUrl.split('/').at(-1);
    const reply = await fake.waitFor('the source list', () => fake.responses.find((r) => r.id === id));
    expect(reply.body.response_type).toBe('ephemeral');
    expect((reply.body.blocks as Block[]).length).toBeGreaterThan(1);
  });

  it('closes the socket on stop and never logs the tokens', async () => {
    await settle();
    await bot.stop();
    await fake.waitFor('the socket to close', () => fake.socketEvents.includes('close'));
    const written = logs();
    expect(written).toContain('"adapter":"slack"');
    expect(written).not.toContain(botToken);
    expect(written).not.toContain(appToken);
  });
});

describe('startSlackBot', () => {
  it('fails with the reason when Slack rejects the bot token', async () => {
    const fake = await FakeSlack.start();
    fake.authError = 'invalid_auth';
    try {
      const config = slackConfig({ SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_PORT: String(await freePort()), SLACK_API_URL: fake.apiUrl });
      await expect(startSlackBot({ config, service, log: captureLog().log })).rejects.toThrow(
        'startSlackBot: Slack did not accept SLACK_BOT_TOKEN (invalid_auth)',
      );
    } finally {
      await fake.close();
    }
  });
});

describe('createMemorySeenEvents', () => {
  it('claims a question the first time and refuses any repeat sharing a key', async () => {
    const seen = createMemorySeenEvents();
    expect(await seen.claim(['event:Ev1', 'message:C1:1.0'])).toBe(true);
    expect(await seen.claim(['event:Ev1'])).toBe(false);
    expect(await seen.claim(['event:Ev2', 'message:C1:1.0'])).toBe(false);
    expect(await seen.claim(['event:Ev3', 'message:C1:2.0'])).toBe(true);
  });

  it('forgets the least recently seen keys beyond its capacity', async () => {
    const seen = createMemorySeenEvents({ capacity: 2 });
    await seen.claim(['a']);
    await seen.claim(['b']);
    await seen.claim(['a']);
    await seen.claim(['c']);
    expect(await seen.claim(['b'])).toBe(true);
    expect(await seen.claim(['c'])).toBe(false);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => createMemorySeenEvents({ capacity: 0 })).toThrow('createMemorySeenEvents: capacity must be a positive integer, got 0');
  });
});

describe('createBoltLogger', () => {
  it('forwards to pino as the slack child and scrubs tokens and secrets', () => {
    const captured = captureLog();
    const logger = createBoltLogger(captured.log, [signingSecret]);
    logger.warn('calling with', botToken, 'and', appToken, `secret=${signingSecret}`);
    logger.error(new Error(`failed for ${botToken}`));
    logger.debug('{"token":"verification-value","ok":true} wss://x.test/link/?ticket=abc123&app_id=A1');
    const written = captured.text();
    expect(written).toContain('"adapter":"slack"');
    expect(written).toContain('[redacted]');
    for (const secret of [botToken, appToken, signingSecret, 'verification-value', 'abc123']) expect(written).not.toContain(secret);
  });

  it('reports pino’s level to Bolt', () => {
    const logger = createBoltLogger(createLogger({ level: 'warn', pretty: false, destination: new Writable({ write: (_c, _e, cb) => cb() }) }));
    expect(logger.getLevel()).toBe('warn');
  });
});

describe('adapters/slack/manifest.json', () => {
  type Manifest = {
    display_information: { name: string };
    features: { bot_user: { display_name: string }; app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean }; slash_commands: { command: string; usage_hint?: string }[] };
    oauth_config: { scopes: { bot: string[] } };
    settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
  };

  it('subscribes to the events and command the listeners handle, with only the scopes they need', async () => {
    const manifest = JSON.parse(await readFile(new URL('../adapters/slack/manifest.json', import.meta.url), 'utf8')) as Manifest;
    expect(manifest.display_information.name).toBe('storybot');
    expect(manifest.features.bot_user.display_name).toBe('storybot');
    // The message events bring replies in threads the bot answered in (channels, private channels, group DMs) and DMs.
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.channels', 'message.groups', 'message.im', 'message.mpim']);
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual(['/story']);
    expect(manifest.features.slash_commands[0]?.usage_hint).toBeTruthy();
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history', 'mpim:history']);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(false);
    // People can only DM the bot when the Messages tab is on and writable.
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });
});
