import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordBot, type DiscordBot } from '../adapters/discord/start-discord.js';
import { parseConfig, type Config } from '../src/config.js';
import type { ChatConversations } from '../src/conversation/chat-conversations.js';
import { startOverText } from '../src/conversation/converse.js';
import { createLogger } from '../src/log.js';
import { openStory, serveInThread } from '../src/open-story.js';
import type { StoryService } from '../src/service.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { discordLimitViolations, FakeDiscord, type RecordedRequest } from './fakes/fake-discord.js';

const corpus = fileURLToPath(new URL('./fixtures/stories/discord-mini/', import.meta.url));
const log = createLogger({ level: 'silent' });
const first = 'who is the harbour master?';
const followUp = 'what did she say?';
const readAsFollowUp = '*Read as: what did Tova Lindqvist say?*';

type SentMessage = { content?: string; embeds?: { title?: string; description?: string }[]; allowed_mentions?: { parse?: string[] } };

function configFor(fake: FakeDiscord, extra: Record<string, string> = {}): Config {
  const parsed = parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, ...extra });
  if (!parsed.ok) throw new Error(`test config: ${JSON.stringify(parsed.errors)}`);
  return parsed.config;
}

function sent(request: RecordedRequest): SentMessage {
  return request.body as SentMessage;
}

/** The description of the answer's embed, where the "Read as" line and the answer are. */
function description(request: RecordedRequest): string {
  return sent(request).embeds?.[0]?.description ?? '';
}

/** The id of the message the fake created for a request: what a person replies to. */
function createdId(request: RecordedRequest): string {
  return (request.response as { id: string }).id;
}

function isReplyTo(messageId: string) {
  return (request: RecordedRequest): boolean =>
    request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path) && (request.body as { message_reference?: { message_id: string } }).message_reference?.message_id === messageId;
}

function isEdit(token: string) {
  return (request: RecordedRequest): boolean => request.method === 'PATCH' && request.path.endsWith(`/${token}/messages/@original`);
}

function storeConversations(store: Store): ChatConversations {
  return { turns: store.conversations, replies: store.replies, now: () => new Date() };
}

describe('Discord conversations', () => {
  let fake: FakeDiscord;
  let bot: DiscordBot;
  let service: StoryService;
  let store: Store;
  let dataDir: string;
  let mention: string;

  function openTestStore(): Store {
    const opened = openStore({ dir: dataDir });
    if (!opened.ok) throw new Error(opened.message);
    return opened.store;
  }

  /** Sends a message and waits for the bot's reply to it. */
  async function ask(content: string, where: Parameters<FakeDiscord['message']>[1] = {}): Promise<RecordedRequest> {
    const { id } = fake.message(content, where);
    return fake.waitForRequest(`the reply to "${content}"`, isReplyTo(id));
  }

  beforeAll(async () => {
    const opened = await openStory({ dir: corpus });
    if (!opened.ok) throw new Error(opened.message);
    service = serveInThread(opened.service);
    fake = await FakeDiscord.start();
    mention = `<@${fake.bot.id}>`;
    dataDir = mkdtempSync(join(tmpdir(), 'storybot-discord-conversations-'));
    store = openTestStore();
    bot = await startDiscordBot({ config: configFor(fake), service, log, conversations: storeConversations(store) });
  });

  afterAll(async () => {
    await bot?.stop();
    store?.close();
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(() => {
    for (const request of fake.messagesSent()) {
      expect(sent(request).allowed_mentions?.parse).toEqual([]);
      expect(discordLimitViolations(request.body)).toEqual([]);
    }
    expect(fake.requests.filter((request) => request.status >= 400).map((request) => `${request.method} ${request.path} → ${request.status}`)).toEqual([]);
  });

  it("reads a follow-up in a thread against that thread's question, and the same words in another thread on their own", async () => {
    const threadA = fake.createThread('harbour questions').id;
    const threadB = fake.createThread('other questions').id;
    const answer = await ask(`${mention} ${first}`, { threadId: threadA });
    expect(answer.path).toBe(`/channels/${threadA}/messages`);
    expect(description(answer)).toContain('**Tova Lindqvist**');

    const inThread = await ask(`${mention} ${followUp}`, { threadId: threadA });
    expect(inThread.path).toBe(`/channels/${threadA}/messages`);
    expect(sent(inThread).embeds?.[0]?.title).toBe(followUp);
    expect(description(inThread).split('\n\n')[0]).toBe(readAsFollowUp);

    const elsewhere = await ask(`${mention} ${followUp}`, { threadId: threadB });
    expect(elsewhere.path).toBe(`/channels/${threadB}/messages`);
    expect(description(elsewhere)).not.toContain('Read as');
  });

  it("continues the conversation of the answer a person replies to, while a new mention in the channel starts afresh", async () => {
    const answer = await ask(`${mention} ${first}`);
    expect(answer.path).toBe(`/channels/${fake.channelId}/messages`);
    const reply = await ask(followUp, { replyTo: { messageId: createdId(answer) } });
    expect(description(reply).split('\n\n')[0]).toBe(readAsFollowUp);
    // The reply to that reply is the same conversation still: the bot's second answer is remembered too.
    const again = await ask('where did the first crossing leave from?', { replyTo: { messageId: createdId(reply) } });
    expect(description(again)).toContain('Wrenport');

    const fresh = await ask(`${mention} ${followUp}`);
    expect(description(fresh)).not.toContain('Read as');
  });

  it('ignores a reply that does not ping the bot, whose text Discord withholds without the Message Content intent', async () => {
    const answer = await ask(`${mention} ${first}`);
    const silent = fake.message(followUp, { replyTo: { messageId: createdId(answer), ping: false } });
    // Gateway events are handled in order, and a message is passed over before anything is awaited.
    await ask(`${mention} ${first}`);
    expect(fake.requests.some(isReplyTo(silent.id))).toBe(false);
  });

  it('continues the conversation of a /ask answer replied to, and reads /ask in a thread against the thread', async () => {
    const command = fake.slashCommand('ask', [{ name: 'question', value: first }]);
    const edit = await fake.waitForRequest('the /ask answer', isEdit(command.token));
    const reply = await ask(followUp, { replyTo: { messageId: createdId(edit) } });
    expect(description(reply).split('\n\n')[0]).toBe(readAsFollowUp);

    const thread = fake.createThread('asked with a command').id;
    await ask(`${mention} ${first}`, { threadId: thread });
    const inThread = fake.slashCommand('ask', [{ name: 'question', value: followUp }], { threadId: thread });
    const threadEdit = await fake.waitForRequest('the /ask answer in the thread', isEdit(inThread.token));
    expect(description(threadEdit).split('\n\n')[0]).toBe(readAsFollowUp);
  });

  it('answers /ask in a channel on its own, whatever was asked there before', async () => {
    await ask(`${mention} ${first}`);
    const command = fake.slashCommand('ask', [{ name: 'question', value: followUp }]);
    const edit = await fake.waitForRequest('the standalone /ask answer', isEdit(command.token));
    expect(description(edit)).not.toContain('Read as');
  });

  it('starts a thread over on /new and on "start over"', async () => {
    const thread = fake.createThread('starting over').id;
    await ask(`${mention} ${first}`, { threadId: thread });
    expect(description(await ask(`${mention} ${followUp}`, { threadId: thread })).split('\n\n')[0]).toBe(readAsFollowUp);
    const command = fake.slashCommand('new', [], { threadId: thread });
    const edit = await fake.waitForRequest('the /new reply', isEdit(command.token));
    expect(sent(edit).content).toBe(startOverText);
    expect(description(await ask(`${mention} ${followUp}`, { threadId: thread }))).not.toContain('Read as');

    await ask(`${mention} ${first}`, { threadId: thread });
    expect(sent(await ask(`${mention} start over`, { threadId: thread })).content).toBe(startOverText);
    expect(description(await ask(`${mention} ${followUp}`, { threadId: thread }))).not.toContain('Read as');
  });

  it('keeps one conversation in a DM, without mentions, until "new"', async () => {
    await ask(first, { dm: true });
    const reply = await ask(followUp, { dm: true });
    expect(reply.path).toBe(`/channels/${fake.dmChannelId}/messages`);
    expect(description(reply).split('\n\n')[0]).toBe(readAsFollowUp);
    expect(sent(await ask('new', { dm: true })).content).toBe(startOverText);
    expect(description(await ask(followUp, { dm: true }))).not.toContain('Read as');
  });

  it("keeps a thread's context and a reply chain across a restart over the same database file", async () => {
    const thread = fake.createThread('before the restart').id;
    await ask(`${mention} ${first}`, { threadId: thread });
    const answer = await ask(`${mention} ${first}`);

    await bot.stop();
    store.close();
    store = openTestStore();
    bot = await startDiscordBot({ config: configFor(fake), service, log, conversations: storeConversations(store) });

    const inThread = await ask(`${mention} ${followUp}`, { threadId: thread });
    expect(description(inThread).split('\n\n')[0]).toBe(readAsFollowUp);
    const reply = await ask(followUp, { replyTo: { messageId: createdId(answer) } });
    expect(description(reply).split('\n\n')[0]).toBe(readAsFollowUp);
  });
});

describe('Discord conversations with DISCORD_THREAD_REPLIES=all', () => {
  let fake: FakeDiscord;
  let bot: DiscordBot;
  let mention: string;

  beforeAll(async () => {
    const opened = await openStory({ dir: corpus });
    if (!opened.ok) throw new Error(opened.message);
    fake = await FakeDiscord.start({ messageContentAllowed: true });
    mention = `<@${fake.bot.id}>`;
    bot = await startDiscordBot({ config: configFor(fake, { DISCORD_THREAD_REPLIES: 'all' }), service: serveInThread(opened.service), log });
  });

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('identifies with the Message Content intent', () => {
    expect(fake.identifies.at(-1)!.intents & (1 << 15)).not.toBe(0);
  });

  it('answers every person in a thread it has answered in, without a mention, and nobody in a thread it has not', async () => {
    const answered = fake.createThread('followed').id;
    const other = fake.createThread('not followed').id;
    const { id: question } = fake.message(`${mention} ${first}`, { threadId: answered });
    await fake.waitForRequest('the answer in the thread', isReplyTo(question));

    const ignored = [
      fake.message(followUp, { threadId: other }).id,
      fake.message(followUp, { threadId: answered, author: fake.otherBot }).id,
      fake.message(followUp, { threadId: answered, author: fake.bot }).id,
    ];
    const { id: plain } = fake.message(followUp, { threadId: answered });
    const reply = await fake.waitForRequest('the answer without a mention', isReplyTo(plain));
    expect(description(reply).split('\n\n')[0]).toBe(readAsFollowUp);
    for (const id of ignored) expect(fake.requests.some(isReplyTo(id))).toBe(false);
  });

  it('still answers in a channel only when mentioned', async () => {
    const { id: unmentioned } = fake.message(first);
    const { id: mentioned } = fake.message(`${mention} ${first}`);
    await fake.waitForRequest('the answer to the mention', isReplyTo(mentioned));
    expect(fake.requests.some(isReplyTo(unmentioned))).toBe(false);
  });
});

describe('startDiscordBot with DISCORD_THREAD_REPLIES=all where the intent is not allowed', () => {
  it('fails to start and names the setting and the intent it needs', async () => {
    const fake = await FakeDiscord.start();
    try {
      const opened = await openStory({ dir: corpus });
      if (!opened.ok) throw new Error(opened.message);
      await expect(startDiscordBot({ config: configFor(fake, { DISCORD_THREAD_REPLIES: 'all' }), service: serveInThread(opened.service), log })).rejects.toThrow(
        /^startDiscordBot: could not log in to Discord: .+ \(DISCORD_THREAD_REPLIES=all needs the Message Content intent turned on in the Developer Portal, Bot page\)$/,
      );
    } finally {
      await fake.close();
    }
  });
});
