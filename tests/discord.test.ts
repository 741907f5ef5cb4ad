import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../adapters/discord/commands/index.js';
import { composeQuestion, questionWords } from '../adapters/discord/commands/question-words.js';
import { deployCommands } from '../adapters/discord/deploy-commands.js';
import { mentionsBot, stripBotMentions } from '../adapters/discord/message-create.js';
import { startDiscordBot, type DiscordBot } from '../adapters/discord/start-discord.js';
import { parseConfig, type Config } from '../src/config.js';
import { createLogger, type Log } from '../src/log.js';
import { openStory, serveInThread } from '../src/open-story.js';
import type { StoryService } from '../src/service.js';
import { discordLimitViolations, FakeDiscord, type RecordedRequest } from './fakes/fake-discord.js';
import { memoryStream } from './helpers/memory-stream.js';

const corpus = fileURLToPath(new URL('./fixtures/stories/discord-mini/', import.meta.url));

type SentEmbed = { title?: string; description?: string; footer?: { text: string }; fields?: { name: string; value: string }[] };
type SentMessage = {
  content?: string;
  embeds?: SentEmbed[];
  flags?: number;
  allowed_mentions?: { parse?: string[]; replied_user?: boolean };
  message_reference?: { message_id: string };
};

function configFor(fake: FakeDiscord, extra: Record<string, string> = {}): Config {
  const parsed = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    LOG_LEVEL: 'silent',
    ...extra,
  });
  if (!parsed.ok) throw new Error(`test config: ${JSON.stringify(parsed.errors)}`);
  return parsed.config;
}

/** A real logger writing JSON lines to memory, so tests can read what the bot logged. */
function memoryLog(): { log: Log; lines: string[] } {
  const { destination, chunks } = memoryStream();
  return { log: createLogger({ level: 'debug', pretty: false, destination }), lines: chunks };
}

async function openFixtureStory(): Promise<StoryService> {
  const opened = await openStory({ dir: corpus });
  if (!opened.ok) throw new Error(`fixture story: ${opened.message}`);
  return serveInThread(opened.service);
}

function sent(request: RecordedRequest): SentMessage {
  return request.body as SentMessage;
}

function isEdit(token: string) {
  return (request: RecordedRequest): boolean => request.method === 'PATCH' && request.path.endsWith(`/${token}/messages/@original`);
}

function isReplyTo(messageId: string) {
  return (request: RecordedRequest): boolean =>
    request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path) && sent(request).message_reference?.message_id === messageId;
}

/** Every text of a sent message a person would read. */
function visibleText(message: SentMessage): string[] {
  const texts = [message.content ?? ''];
  for (const embed of message.embeds ?? []) {
    texts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '');
    for (const field of embed.fields ?? []) texts.push(field.name, field.value);
  }
  return texts;
}

function expectNoPingsAndWithinLimits(request: RecordedRequest): void {
  const message = sent(request);
  expect(message.allowed_mentions?.parse, `${request.method} ${request.path}`).toEqual([]);
  expect(discordLimitViolations(message)).toEqual([]);
  for (const text of visibleText(message)) expect(text).not.toMatch(/@(everyone|here)/);
}

describe('startDiscordBot', () => {
  let fake: FakeDiscord;
  let bot: DiscordBot;
  let service: StoryService;
  let logs: string[];
  const interactionTokens: string[] = [];

  function slashCommand(name: string, question?: string, where: { dm?: boolean } = {}): { id: string; token: string } {
    const interaction = fake.slashCommand(name, question === undefined ? [] : [{ name: 'question', value: question }], where);
    interactionTokens.push(interaction.token);
    return interaction;
  }

  beforeAll(async () => {
    service = await openFixtureStory();
    fake = await FakeDiscord.start();
    const memory = memoryLog();
    logs = memory.lines;
    bot = await startDiscordBot({ config: configFor(fake), service, log: memory.log });
  });

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  afterEach(() => {
    for (const request of fake.messagesSent()) expectNoPingsAndWithinLimits(request);
    const refused = fake.requests.filter((request) => request.status >= 400 && !request.failedOnPurpose);
    expect(refused.map((request) => `${request.method} ${request.path} → ${request.status}`)).toEqual([]);
    const written = logs.join('');
    expect(written).not.toContain(fake.token);
    for (const token of interactionTokens) expect(written).not.toContain(token);
  });

  it('logs in through the API in DISCORD_API_URL and identifies without a privileged intent', () => {
    expect(bot.client.user?.id).toBe(fake.bot.id);
    expect(fake.requests.find((request) => request.path === '/gateway/bot')?.authorized).toBe(true);
    const [identify] = fake.identifies;
    expect(identify?.token).toBe(fake.token);
    const privileged = (1 << 1) | (1 << 8) | (1 << 15);
    expect(identify!.intents & privileged).toBe(0);
    expect(identify!.intents & (1 << 9)).not.toBe(0); // GuildMessages, for mentions in servers
    expect(identify!.intents & (1 << 12)).not.toBe(0); // DirectMessages
    expect(logs.join('')).toContain('"adapter":"discord"');
  });

  it('defers /ask before editing the reply into an embed with cited sources', async () => {
    const { id, token } = slashCommand('ask', 'How much did the repairs cost?');
    const edit = await fake.waitForRequest('edit of the deferred /ask reply', isEdit(token));
    const deferral = fake.requests.find((request) => request.method === 'POST' && request.path === `/interactions/${id}/${token}/callback`);
    expect(deferral?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(deferral!.seq).toBeLessThan(edit.seq);

    const [embed] = sent(edit).embeds ?? [];
    expect(embed?.title).toBe('How much did the repairs cost?');
    const markers = [...(embed?.description ?? '').matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    expect(markers.length).toBeGreaterThan(0);
    const sources = embed?.fields?.filter((field) => field.name.startsWith('Sources')) ?? [];
    expect(sources[0]?.name).toBe('Sources');
    const listed = sources.flatMap((field) => field.value.split('\n')).map((line) => Number(/^\[(\d+)\] \S/.exec(line)?.[1]));
    for (const n of markers) expect(listed).toContain(n);
    expect(embed?.footer?.text).toContain((await service.overview()).title);
  });

  it('asks /who with its text as the rest of the question', async () => {
    const { token } = slashCommand('who', 'is the harbour master?');
    const edit = await fake.waitForRequest('edit of the /who reply', isEdit(token));
    const [embed] = sent(edit).embeds ?? [];
    expect(embed?.title).toBe('who is the harbour master?');
    expect(embed?.fields?.[0]?.value).toMatch(/^\[1\] /);
  });

  it('answers /ask in a DM with the bot', async () => {
    const { token } = slashCommand('ask', 'who is the harbour master?', { dm: true });
    const edit = await fake.waitForRequest('edit of the DM /ask reply', isEdit(token));
    expect(sent(edit).embeds?.[0]?.title).toBe('who is the harbour master?');
  });

  it('answers a refused question with a message only the asker sees', async () => {
    const refusal = await service.ask('   ');
    expect(refusal.ok).toBe(false);
    const { id, token } = slashCommand('ask', '   ');
    const followUp = await fake.waitForRequest('ephemeral follow-up', (request) => request.method === 'POST' && request.path.endsWith(`/${token}`));
    const deferral = fake.requests.find((request) => request.path === `/interactions/${id}/${token}/callback`)!;
    const deletion = fake.requests.find((request) => request.method === 'DELETE' && request.path.endsWith(`/${token}/messages/@original`));
    expect(deferral.seq).toBeLessThan(deletion!.seq);
    expect(deletion!.seq).toBeLessThan(followUp.seq);
    const message = sent(followUp);
    expect(message.flags).toBe(64);
    expect(message.embeds ?? []).toEqual([]);
    expect(message.content).toBe(!refusal.ok ? refusal.message : '');
  });

  it('lists every article of the story for /sources', async () => {
    const { token } = slashCommand('sources');
    const edit = await fake.waitForRequest('edit of the /sources reply', isEdit(token));
    const [embed] = sent(edit).embeds ?? [];
    const lines = (embed?.fields ?? []).flatMap((field) => field.value.split('\n'));
    const articles = await service.sources();
    expect(lines).toHaveLength(articles.length);
    lines.forEach((line, i) => expect(line.startsWith(`${i + 1}. `)).toBe(true));
    expect(embed?.description).toContain(`${articles.length} articles`);
  });

  it('answers a mention in a server as a reply, asking without the mention', async () => {
    const { id } = fake.message(`<@${fake.bot.id}> who is the harbour master?`);
    const reply = await fake.waitForRequest('reply to the mention', isReplyTo(id));
    expect(reply.path).toBe(`/channels/${fake.channelId}/messages`);
    expect(reply.authorized).toBe(true);
    expect(sent(reply).allowed_mentions).toEqual({ parse: [], replied_user: false });
    const [embed] = sent(reply).embeds ?? [];
    expect(embed?.title).toBe('who is the harbour master?');
    expect(embed?.description).toMatch(/\[1\]/);
  });

  it("answers a mention of the bot's role like a mention of the bot", async () => {
    const { id } = fake.message(`How much did the repairs cost? <@&${fake.botRoleId}>`);
    const reply = await fake.waitForRequest('reply to the role mention', isReplyTo(id));
    expect(sent(reply).embeds?.[0]?.title).toBe('How much did the repairs cost?');
  });

  it('answers in a DM, with or without a mention', async () => {
    const mention = fake.message(`<@${fake.bot.id}> who is the harbour master?`, { dm: true });
    const plain = fake.message('How much did the repairs cost?', { dm: true });
    const first = await fake.waitForRequest('reply to the DM mention', isReplyTo(mention.id));
    const second = await fake.waitForRequest('reply to the plain DM', isReplyTo(plain.id));
    expect(first.path).toBe(`/channels/${fake.dmChannelId}/messages`);
    expect(sent(first).embeds?.[0]?.title).toBe('who is the harbour master?');
    expect(sent(second).embeds?.[0]?.title).toBe('How much did the repairs cost?');
  });

  it('ignores messages of bots, its own included, and server messages that do not mention it', async () => {
    const question = `<@${fake.bot.id}> who is the harbour master?`;
    const ignored = [
      fake.message(question, { author: fake.otherBot }).id,
      fake.message(question, { author: fake.bot }).id,
      fake.message('who is the harbour master?').id,
    ];
    // Gateway events are handled in order, so once the last one is answered the others have been passed over.
    const last = fake.message(question).id;
    await fake.waitForRequest('reply to the person', isReplyTo(last));
    for (const id of ignored) expect(fake.requests.some(isReplyTo(id))).toBe(false);
  });

  it('sends nothing that can ping when a question carries @everyone or @here', async () => {
    const { token } = slashCommand('ask', '@everyone who is the harbour master?');
    const { id } = fake.message(`<@${fake.bot.id}> @here @everyone who is the harbour master?`);
    const edit = await fake.waitForRequest('edit of the @everyone /ask', isEdit(token));
    const reply = await fake.waitForRequest('reply to the @everyone mention', isReplyTo(id));
    for (const request of [edit, reply]) {
      expect(sent(request).allowed_mentions?.parse).toEqual([]);
      // The core drops mention syntax from questions, and the adapter breaks any that remain: none survives intact.
      expect(JSON.stringify(sent(request))).not.toMatch(/@(?:everyone|here)/);
      expect(sent(request).embeds?.[0]?.title).toContain('harbour master');
    }
  });

  it('escapes markdown and keeps the title of a long question within 256 characters', async () => {
    const question = `**who** is the _harbour_ master ${'and what did the ferry carry '.repeat(30)}?`;
    const { id } = fake.message(`<@${fake.bot.id}> ${question}`);
    const reply = await fake.waitForRequest('reply to the long question', isReplyTo(id));
    const title = sent(reply).embeds?.[0]?.title ?? '';
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title.startsWith('\\*\\*who\\*\\* is the \\_harbour\\_ master')).toBe(true);
    expect(title.endsWith('…')).toBe(true);
  });

  it('says what it covers when the coverage does not answer', async () => {
    const { token } = slashCommand('ask', 'zyxwvut qqqqrst?');
    const edit = await fake.waitForRequest('edit of the unanswerable /ask', isEdit(token));
    const [embed] = sent(edit).embeds ?? [];
    expect(embed?.description).toContain('Try /sources');
    expect(embed?.description).toContain(`${(await service.sources()).length} articles`);
    expect(embed?.fields ?? []).toEqual([]);
  });

  it('apologises in the reply and logs the failure without tokens when Discord rejects the answer', async () => {
    fake.failNext({ method: 'PATCH', path: /\/messages\/@original$/, status: 400, code: 50035, message: 'Invalid Form Body' });
    const { token } = slashCommand('ask', 'who is the harbour master?');
    const apology = await fake.waitForRequest('apology edit', (request) => isEdit(token)(request) && request.status === 200);
    expect(sent(apology).content).toMatch(/sorry/i);
    expect(sent(apology).embeds).toEqual([]);
    const failure = logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'command failed');
    expect(failure).toMatchObject({ adapter: 'discord', command: 'ask', guildId: fake.guildId, channelId: fake.channelId });
    expect(failure?.err).toMatchObject({ code: 50035, status: 400, request: expect.stringContaining('/webhooks/') as unknown });
    expect(JSON.stringify(failure)).toContain('[redacted]');
  });
});

describe('startDiscordBot when answering fails', () => {
  let fake: FakeDiscord;
  let bot: DiscordBot;
  let logs: string[];

  beforeAll(async () => {
    const story = await openFixtureStory();
    // The one fake of an outside failure: a story service whose storage has gone away.
    const broken: StoryService = {
      ask: async () => {
        throw new Error('story index unavailable');
      },
      sources: () => story.sources(),
      overview: () => story.overview(),
    };
    fake = await FakeDiscord.start();
    const memory = memoryLog();
    logs = memory.lines;
    bot = await startDiscordBot({ config: configFor(fake), service: broken, log: memory.log });
  });

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('edits the deferred reply into a short apology and logs where it happened', async () => {
    const { id, token } = fake.slashCommand('ask', [{ name: 'question', value: 'who is the harbour master?' }]);
    const edit = await fake.waitForRequest('apology edit', isEdit(token));
    const deferral = fake.requests.find((request) => request.path === `/interactions/${id}/${token}/callback`)!;
    expect(deferral.seq).toBeLessThan(edit.seq);
    expect(sent(edit).content).toMatch(/sorry/i);
    expectNoPingsAndWithinLimits(edit);
    const failure = logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'command failed');
    expect(failure).toMatchObject({ level: 50, command: 'ask', interactionId: id, guildId: fake.guildId, channelId: fake.channelId });
    expect(failure?.err).toMatchObject({ name: 'Error', message: 'story index unavailable' });
    expect(logs.join('')).not.toContain(token);
  });

  it('replies to a mention with the apology', async () => {
    const { id } = fake.message(`<@${fake.bot.id}> who is the harbour master?`);
    const reply = await fake.waitForRequest('apology reply', isReplyTo(id));
    expect(sent(reply).content).toMatch(/sorry/i);
    expectNoPingsAndWithinLimits(reply);
  });

  it('still lists the sources', async () => {
    const { token } = fake.slashCommand('sources');
    const edit = await fake.waitForRequest('/sources edit', isEdit(token));
    expect(sent(edit).embeds?.[0]?.fields?.length).toBeGreaterThan(0);
  });
});

describe('startDiscordBot with a token Discord refuses', () => {
  it('rejects with the reason and leaves nothing running', async () => {
    const fake = await FakeDiscord.start();
    try {
      const service = await openFixtureStory();
      const config = configFor(fake, { DISCORD_TOKEN: 'not-the-token' });
      await expect(startDiscordBot({ config, service, log: memoryLog().log })).rejects.toThrow(
        'startDiscordBot: could not log in to Discord: An invalid token was provided.',
      );
      expect(fake.identifies).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});

describe('deployCommands', () => {
  let fake: FakeDiscord;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });

  afterAll(async () => {
    await fake?.close();
  });

  const names = ['ask', ...questionWords, 'new', 'sources', 'digest'];

  it('registers every command in the server named by DISCORD_GUILD_ID', async () => {
    const result = await deployCommands({ config: configFor(fake, { DISCORD_GUILD_ID: fake.guildId }), log: memoryLog().log });
    expect(result).toEqual({ scope: 'guild', names });
    const put = fake.requests.find((request) => request.method === 'PUT' && request.path === `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(put?.authorized).toBe(true);
    expect((put?.body as { name: string }[]).map((command) => command.name)).toEqual(names);
  });

  it('registers every command globally without DISCORD_GUILD_ID', async () => {
    const result = await deployCommands({ config: configFor(fake), log: memoryLog().log });
    expect(result).toEqual({ scope: 'global', names });
    const put = fake.requests.find((request) => request.method === 'PUT' && request.path === `/applications/${fake.applicationId}/commands`);
    expect(put?.authorized).toBe(true);
    const registered = put?.body as { name: string; options?: { name: string; type: number; required: boolean; max_length: number }[] }[];
    expect(registered.map((command) => command.name)).toEqual(names);
    for (const command of registered.filter((entry) => !['new', 'sources', 'digest'].includes(entry.name))) {
      expect(command.options).toEqual([expect.objectContaining({ name: 'question', type: 3, required: true, max_length: 300 })]);
    }
  });

  it('refuses to run without a token and an application id', async () => {
    const parsed = parseConfig({ LOG_LEVEL: 'silent' });
    if (!parsed.ok) throw new Error('test config');
    await expect(deployCommands({ config: parsed.config, log: memoryLog().log })).rejects.toThrow(
      'deployCommands: DISCORD_TOKEN and DISCORD_APPLICATION_ID must both be set',
    );
  });
});

describe('Discord commands', () => {
  it('have unique names and descriptions within Discord limits', () => {
    const names = commands.map((command) => command.data.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of commands) {
      expect(command.data.name).toMatch(/^[a-z]{1,32}$/);
      expect(command.data.description.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('composeQuestion', () => {
  it('continues the question word with the text', () => {
    expect(composeQuestion('who', ' met on Monday ')).toBe('who met on Monday');
  });

  it('does not repeat a question word the text already starts with', () => {
    expect(composeQuestion('when', 'When did the ferry resume?')).toBe('When did the ferry resume?');
  });

  it('asks the bare word when the text is blank', () => {
    expect(composeQuestion('why', '   ')).toBe('why');
  });
});

describe('mention helpers', () => {
  const ids = { userId: '1200000000000000001', roleId: '1200000000000000102' };

  it('find the bot by user, nickname and role mention, and no one else', () => {
    expect(mentionsBot('<@1200000000000000001> hi', ids)).toBe(true);
    expect(mentionsBot('hi <@!1200000000000000001>', ids)).toBe(true);
    expect(mentionsBot('<@&1200000000000000102> hi', ids)).toBe(true);
    expect(mentionsBot('<@1200000000000000002> hi', ids)).toBe(false);
    expect(mentionsBot('<@12000000000000000012> hi', { userId: '1200000000000000001', roleId: null })).toBe(false);
  });

  it('strip every mention of the bot and keep the rest of the text', () => {
    expect(stripBotMentions('<@1200000000000000001>  who met <@1200000000000000002>? <@&1200000000000000102>', ids)).toBe(
      'who met <@1200000000000000002>?',
    );
  });
});
