import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One REST request the fake received, in arrival order. */
export type RecordedRequest = {
  /** Order of arrival, from 1, shared by every request to this fake. */
  seq: number;
  method: string;
  /** The path after `/api/v10`, e.g. `/interactions/1/abc/callback`. */
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body, or null when there was none. */
  body: unknown;
  /** Whether an `Authorization: Bot <token>` header with the right token came with it. */
  authorized: boolean;
  /** The status the fake answered with. */
  status: number;
  /** Whether the status is a failure the test asked for with {@link FakeDiscord.failNext}. */
  failedOnPurpose: boolean;
  /** The JSON the fake answered with (a created message, say), or undefined for an empty answer. */
  response?: unknown;
};

/** A person or bot as Discord describes them. */
export type FakeUser = { id: string; username: string; global_name: string | null; discriminator: string; avatar: null; bot?: boolean };

/** A forced failure: the next request that matches gets this status and Discord-style error instead. */
export type FailureRule = { method: string; path: RegExp; status: number; code: number; message: string };

/** A message body's breaches of Discord's limits, empty when it is within them. */
export function discordLimitViolations(body: unknown): string[] {
  const problems: string[] = [];
  if (typeof body !== 'object' || body === null) return problems;
  const message = body as { content?: unknown; embeds?: unknown };
  if (typeof message.content === 'string' && message.content.length > 2000) problems.push(`content has ${message.content.length} > 2000 characters`);
  if (!Array.isArray(message.embeds)) return problems;
  if (message.embeds.length > 10) problems.push(`${message.embeds.length} > 10 embeds`);
  let total = 0;
  message.embeds.forEach((raw: unknown, i) => {
    const embed = raw as {
      title?: string;
      description?: string;
      footer?: { text: string };
      author?: { name: string };
      fields?: { name: string; value: string }[];
    };
    const check = (what: string, text: string | undefined, max: number): void => {
      if (text === undefined) return;
      total += text.length;
      if (text.length > max) problems.push(`embeds[${i}].${what} has ${text.length} > ${max} characters`);
      if (text.length === 0) problems.push(`embeds[${i}].${what} is empty`);
    };
    check('title', embed.title, 256);
    check('description', embed.description, 4096);
    check('footer.text', embed.footer?.text, 2048);
    check('author.name', embed.author?.name, 256);
    const fields = embed.fields ?? [];
    if (fields.length > 25) problems.push(`embeds[${i}] has ${fields.length} > 25 fields`);
    fields.forEach((field, j) => {
      check(`fields[${j}].name`, field.name, 256);
      check(`fields[${j}].value`, field.value, 1024);
    });
  });
  if (total > 6000) problems.push(`embeds have ${total} > 6000 characters in all`);
  return problems;
}

// Discord's gateway intent bits that need approval (GuildMembers, GuildPresences, MessageContent).
const privilegedIntents = (1 << 1) | (1 << 8) | (1 << 15);
const intentBits = { guilds: 1 << 0, guildMessages: 1 << 9, directMessages: 1 << 12, messageContent: 1 << 15 };

/** Options for {@link FakeDiscord.start}. */
export type FakeDiscordOptions = {
  /** Whether the application may use the privileged Message Content intent, as when it is on in the Developer Portal; defaults to false. */
  messageContentAllowed?: boolean;
};

/** How a message replies to another: the message it points to, and whether the reply pings that message's author (Discord's default). */
export type ReplyTo = { messageId: string; ping?: boolean };

type Session = { socket: WebSocket; sequence: number; intents: number };
type InteractionRecord = { applicationId: string; channelId: string; guildId: string | null; acknowledged: boolean };

/**
 * A fake Discord on 127.0.0.1: the REST API under `/api/v10` (the routes a bot calls) and a JSON, uncompressed
 * gateway on the same port. It records every request, keeps Discord's rules that matter to a bot (a token to act,
 * one response per interaction, message size limits, which events and message text each intent brings) and lets a
 * test dispatch gateway events.
 */
export class FakeDiscord {
  readonly token = `${Buffer.from('1200000000000000001').toString('base64url')}.FakeTk.${randomBytes(24).toString('base64url')}`;
  readonly requests: RecordedRequest[] = [];
  /** Gateway IDENTIFY payloads received, newest last. */
  readonly identifies: { token: string; intents: number }[] = [];
  /** What the fake refused about the protocol itself (wrong encoding, compression); empty when all was well. */
  readonly protocolErrors: string[] = [];

  readonly applicationId = '1200000000000000001';
  readonly guildId = '1200000000000000100';
  readonly channelId = '1200000000000000101';
  readonly botRoleId = '1200000000000000102';
  readonly dmChannelId = '1200000000000000103';
  readonly bot: FakeUser = { id: '1200000000000000001', username: 'storybot', global_name: null, discriminator: '0', avatar: null, bot: true };
  readonly person: FakeUser = { id: '1200000000000000200', username: 'reporter', global_name: 'A Reporter', discriminator: '0', avatar: null };
  readonly otherBot: FakeUser = { id: '1200000000000000300', username: 'otherbot', global_name: null, discriminator: '0', avatar: null, bot: true };

  readonly #server: Server;
  readonly #gateway: WebSocketServer;
  readonly #sessions = new Set<Session>();
  readonly #interactions = new Map<string, InteractionRecord>();
  readonly #failures: FailureRule[] = [];
  /** Messages the bot sent to each channel through `POST /channels/:id/messages`, oldest first. */
  readonly #channelMessages = new Map<string, { message: object; nonce: string | null }[]>();
  /** Threads created with {@link FakeDiscord.createThread}: Discord lists active ones in GUILD_CREATE. */
  readonly #threads: object[] = [];
  /** Every message the fake knows by id (people's and the bot's), for replies that point to one. */
  readonly #messages = new Map<string, { id: string; author: FakeUser; channel_id: string; [key: string]: unknown }>();
  #allowedPrivileged = 0;
  #nextId = 1200000000000001000n;
  #seq = 0;
  #port = 0;

  private constructor() {
    this.#server = createServer((request, response) => {
      void this.#handle(request, response);
    });
    this.#gateway = new WebSocketServer({ server: this.#server });
    this.#gateway.on('connection', (socket, request) => this.#connect(socket, request));
  }

  /** Starts a fake on a free port of 127.0.0.1. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    if (options.messageContentAllowed === true) fake.#allowedPrivileged = intentBits.messageContent;
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  /** The value for DISCORD_API_URL: the base before `/v10`, like `https://discord.com/api`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  /** A new snowflake, larger than every earlier one. */
  nextId(): string {
    this.#nextId += 1n;
    return this.#nextId.toString();
  }

  /** Makes the next request matching `method` and `path` fail with a Discord error. */
  failNext(rule: FailureRule): void {
    this.#failures.push(rule);
  }

  /** Sends a gateway dispatch (op 0) to every identified session that the event's intent reaches. */
  dispatch(type: string, data: object, intent?: number): void {
    for (const session of this.#sessions) {
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      session.sequence += 1;
      session.socket.send(JSON.stringify({ op: 0, t: type, s: session.sequence, d: data }));
    }
  }

  /**
   * Dispatches a chat input command as a person used it in the test server (or in a DM with the bot) and returns the
   * interaction's id and token, which only Discord and the bot know. `permissions` is the member's permission bits in
   * the server (by default nearly all of them).
   */
  slashCommand(name: string, options: { name: string; value: string }[] = [], where: { dm?: boolean; threadId?: string; permissions?: string } = {}): { id: string; token: string } {
    const id = this.nextId();
    // Shaped like Discord's: base64url of "interaction:<id>:<secret>".
    const token = Buffer.from(`interaction:${id}:${randomBytes(90).toString('base64url')}`).toString('base64url');
    const dm = where.dm === true;
    const channelId = dm ? this.dmChannelId : (where.threadId ?? this.channelId);
    this.#interactions.set(token, { applicationId: this.applicationId, channelId, guildId: dm ? null : this.guildId, acknowledged: false });
    const common = {
      id,
      application_id: this.applicationId,
      type: 2,
      data: { id: this.#commandId(name), name, type: 1, options: options.map((option) => ({ ...option, type: 3 })) },
      channel_id: channelId,
      token,
      version: 1,
      app_permissions: '2248473465835073',
      locale: 'en-US',
      entitlements: [],
      attachment_size_limit: 10485760,
    };
    if (dm) {
      this.dispatch('INTERACTION_CREATE', {
        ...common,
        channel: { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [this.person] },
        user: this.person,
        authorizing_integration_owners: { '1': this.person.id },
        context: 1,
      });
    } else {
      this.dispatch('INTERACTION_CREATE', {
        ...common,
        guild_id: this.guildId,
        guild: { id: this.guildId, locale: 'en-US', features: [] },
        guild_locale: 'en-US',
        channel: where.threadId === undefined ? this.#textChannel() : this.#thread(where.threadId),
        member: this.#member(this.person, where.permissions ?? '2248473465835073'),
        authorizing_integration_owners: { '0': this.guildId },
        context: 0,
      });
    }
    return { id, token };
  }

  /**
   * Dispatches a message as Discord would to this bot: its mentions parsed from the text, and its text blanked when
   * the bot lacks the MessageContent intent and the message is in a server and does not mention it.
   */
  message(content: string, options: { author?: FakeUser; dm?: boolean; threadId?: string; replyTo?: ReplyTo } = {}): { id: string } {
    const id = this.nextId();
    const author = options.author ?? this.person;
    const dm = options.dm === true;
    const channelId = dm ? this.dmChannelId : (options.threadId ?? this.channelId);
    const users = [this.bot, this.person, this.otherBot];
    const mentioned = [...content.matchAll(/<@!?(\d+)>/g)].map((match) => users.find((user) => user.id === match[1])).filter((user) => user !== undefined);
    // A reply that pings lists the replied message's author among the mentions, as Discord does.
    const replied = options.replyTo === undefined ? undefined : this.#messages.get(options.replyTo.messageId);
    if (replied !== undefined && options.replyTo?.ping !== false && !mentioned.some((user) => user.id === replied.author.id)) mentioned.push(replied.author);
    const roles = [...content.matchAll(/<@&(\d+)>/g)].map((match) => match[1]!);
    const mentionsBot = mentioned.some((user) => user.id === this.bot.id) || roles.includes(this.botRoleId);
    const channelType = dm ? 1 : options.threadId !== undefined ? 11 : 0;
    this.#messages.set(id, { id, author, channel_id: channelId, content, type: 0 });
    for (const session of this.#sessions) {
      const intent = dm ? intentBits.directMessages : intentBits.guildMessages;
      if ((session.intents & intent) === 0) continue;
      const visible = dm || mentionsBot || author.id === this.bot.id || (session.intents & intentBits.messageContent) !== 0;
      const data = {
        id,
        channel_id: channelId,
        ...(dm ? { channel_type: channelType } : { guild_id: this.guildId, channel_type: channelType, member: this.#member(author) }),
        ...(options.replyTo === undefined
          ? {}
          : {
              message_reference: { type: 0, message_id: options.replyTo.messageId, channel_id: channelId, ...(dm ? {} : { guild_id: this.guildId }) },
              referenced_message: replied ?? null,
            }),
        author,
        content: visible ? content : '',
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: mentioned.map((user) => (dm ? user : { ...user, member: this.#member(user) })),
        mention_roles: roles,
        attachments: [],
        embeds: [],
        pinned: false,
        type: options.replyTo === undefined ? 0 : 19,
        flags: 0,
        components: [],
      };
      session.sequence += 1;
      session.socket.send(JSON.stringify({ op: 0, t: 'MESSAGE_CREATE', s: session.sequence, d: data }));
    }
    return { id };
  }

  /**
   * Creates a public thread in the test channel, as a person would, and tells every session that has the Guilds
   * intent (THREAD_CREATE); a session that identifies later finds it in GUILD_CREATE, as Discord lists active threads.
   */
  createThread(name: string): { id: string } {
    const id = this.nextId();
    const thread = {
      id,
      type: 11,
      guild_id: this.guildId,
      parent_id: this.channelId,
      owner_id: this.person.id,
      name,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      flags: 0,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false, create_timestamp: new Date().toISOString() },
    };
    this.#threads.push(thread);
    this.dispatch('THREAD_CREATE', { ...thread, newly_created: true }, intentBits.guilds);
    return { id };
  }

  /** The messages the bot created in a channel through `POST /channels/:id/messages`, oldest first. */
  channelMessages(channelId: string): object[] {
    return (this.#channelMessages.get(channelId) ?? []).map((entry) => entry.message);
  }

  /** The recorded requests that send or edit a message: channel messages, interaction replies and follow-ups. */
  messagesSent(): RecordedRequest[] {
    return this.requests.filter(
      (request) =>
        (request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path)) ||
        (request.method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/[^/]+$/.test(request.path)) ||
        (request.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(request.path)),
    );
  }

  /** Waits until a recorded request matches, polling; fails after `timeoutMs` with what was received instead. */
  async waitForRequest(description: string, matches: (request: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.requests.find(matches);
      if (found !== undefined) return found;
      if (Date.now() > deadline) {
        const seen = this.requests.map((request) => `${request.method} ${request.path} → ${request.status}`).join('\n  ');
        throw new Error(`FakeDiscord: no ${description} within ${timeoutMs} ms; received:\n  ${seen}\n${this.protocolErrors.join('\n')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Closes every gateway connection and the HTTP server. */
  async close(): Promise<void> {
    for (const session of this.#sessions) session.socket.terminate();
    this.#sessions.clear();
    await new Promise<void>((resolve) => this.#gateway.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #connect(socket: WebSocket, request: IncomingMessage): void {
    const params = new URL(request.url ?? '/', 'ws://127.0.0.1').searchParams;
    if (params.get('v') !== '10' || params.get('encoding') !== 'json' || params.has('compress')) {
      this.protocolErrors.push(`gateway connection with unsupported parameters: ${params.toString()}`);
      socket.close(4012, 'FakeDiscord speaks v10 JSON without compression only');
      return;
    }
    const session: Session = { socket, sequence: 0, intents: 0 };
    socket.on('message', (raw) => this.#onGatewayMessage(session, String(raw)));
    socket.on('close', () => this.#sessions.delete(session));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
  }

  #onGatewayMessage(session: Session, raw: string): void {
    const payload = JSON.parse(raw) as { op: number; d: unknown };
    if (payload.op === 1) {
      session.socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
    } else if (payload.op === 2) {
      const identify = payload.d as { token: string; intents: number; compress?: boolean };
      this.identifies.push({ token: identify.token, intents: identify.intents });
      if (identify.token !== this.token) {
        session.socket.close(4004, 'Authentication failed.');
        return;
      }
      if ((identify.intents & privilegedIntents & ~this.#allowedPrivileged) !== 0) {
        session.socket.close(4014, 'Disallowed intent(s).');
        return;
      }
      if (identify.compress === true) this.protocolErrors.push('IDENTIFY asked for payload compression');
      session.intents = identify.intents;
      this.#sessions.add(session);
      this.#ready(session);
    } else if (payload.op === 6) {
      // Sessions are not kept; a resume is refused and the client identifies again.
      session.socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
    }
  }

  #ready(session: Session): void {
    const send = (type: string, data: object): void => {
      session.sequence += 1;
      session.socket.send(JSON.stringify({ op: 0, t: type, s: session.sequence, d: data }));
    };
    send('READY', {
      v: 10,
      user: { ...this.bot, verified: true, mfa_enabled: false, flags: 0 },
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: randomBytes(16).toString('hex'),
      resume_gateway_url: `ws://127.0.0.1:${this.#port}`,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      user_settings: {},
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      _trace: ['fake-discord'],
    });
    send('GUILD_CREATE', {
      id: this.guildId,
      name: 'Newsroom',
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.person.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 1,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      roles: [
        { id: this.guildId, name: '@everyone', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: '2248473465835073', managed: false, mentionable: false, flags: 0 },
        {
          id: this.botRoleId,
          name: 'storybot',
          color: 0,
          hoist: false,
          icon: null,
          unicode_emoji: null,
          position: 1,
          permissions: '274877991936',
          managed: true,
          mentionable: false,
          flags: 0,
          tags: { bot_id: this.bot.id },
        },
      ],
      emojis: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: this.channelId,
      system_channel_flags: 0,
      rules_channel_id: null,
      max_members: 500000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      stickers: [],
      joined_at: '2025-01-01T00:00:00.000000+00:00',
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [this.#member(this.bot, undefined, [this.botRoleId]), this.#member(this.person)],
      channels: [this.#textChannel()],
      threads: [...this.#threads],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    });
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const method = request.method ?? 'GET';
    const prefix = '/api/v10';
    // Clients percent-encode path segments ("@original" arrives as "%40original"); Discord routes on the decoded path.
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname;
    const authorized = request.headers.authorization === `Bot ${this.token}`;
    const recorded: RecordedRequest = { seq: ++this.#seq, method, path, query: Object.fromEntries(url.searchParams), body, authorized, status: 0, failedOnPurpose: false };
    this.requests.push(recorded);
    const reply = (status: number, payload?: unknown): void => {
      recorded.status = status;
      recorded.response = payload;
      if (payload === undefined) {
        response.writeHead(status).end();
        return;
      }
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    const failure = this.#failures.findIndex((rule) => rule.method === method && rule.path.test(path));
    if (failure !== -1) {
      const [rule] = this.#failures.splice(failure, 1);
      recorded.failedOnPurpose = true;
      reply(rule!.status, { code: rule!.code, message: rule!.message });
      return;
    }
    if (!pathname.startsWith(`${prefix}/`)) {
      reply(404, { message: '404: Not Found', code: 0 });
      return;
    }
    const result = this.#route(method, path, url.searchParams, body, authorized);
    reply(result.status, result.body);
  }

  #route(method: string, path: string, query: URLSearchParams, body: unknown, authorized: boolean): { status: number; body?: unknown } {
    const unauthorized = { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    let match: RegExpExecArray | null;

    if (method === 'GET' && path === '/gateway/bot') {
      if (!authorized) return unauthorized;
      return {
        status: 200,
        body: {
          url: `ws://127.0.0.1:${this.#port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
        },
      };
    }
    if (method === 'GET' && path === '/users/@me') return authorized ? { status: 200, body: this.bot } : unauthorized;
    if (method === 'GET' && path === '/applications/@me') {
      return authorized ? { status: 200, body: { id: this.applicationId, name: 'storybot', bot: this.bot, flags: 0 } } : unauthorized;
    }

    if ((match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === 'POST') {
      const interaction = this.#interactions.get(match[2]!);
      if (interaction === undefined) return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
      if (interaction.acknowledged) return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
      const callback = body as { type: number; data?: unknown };
      if (callback.type === 4) {
        const problems = discordLimitViolations(callback.data);
        if (problems.length > 0) return invalidFormBody(problems);
      }
      interaction.acknowledged = true;
      if (query.get('with_response') === 'true') {
        return { status: 200, body: { interaction: { id: match[1], type: 2 }, resource: { type: callback.type } } };
      }
      return { status: 204 };
    }

    if ((match = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path))) {
      const [, applicationId, token, messageId] = match;
      const interaction = this.#interactions.get(token!);
      if (interaction === undefined || applicationId !== interaction.applicationId) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
      if (!interaction.acknowledged) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
      if (method === 'DELETE' && messageId !== undefined) return { status: 204 };
      if ((method === 'PATCH' && messageId !== undefined) || (method === 'POST' && messageId === undefined)) {
        const problems = discordLimitViolations(body);
        if (problems.length > 0) return invalidFormBody(problems);
        const id = messageId === undefined || messageId === '@original' ? this.nextId() : messageId;
        return { status: 200, body: this.#sentMessage(id, interaction.channelId, interaction.guildId, body, { webhook_id: applicationId, application_id: applicationId }) };
      }
    }

    if ((match = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') {
      if (!authorized) return unauthorized;
      const problems = discordLimitViolations(body);
      if (problems.length > 0) return invalidFormBody(problems);
      const channelId = match[1]!;
      const { message_reference: reference, nonce, enforce_nonce: enforceNonce } = body as {
        message_reference?: { message_id: string };
        nonce?: string;
        enforce_nonce?: boolean;
      };
      const history = this.#channelMessages.get(channelId) ?? [];
      // Discord answers a repeat of an enforced nonce with the message it already created, and creates no other.
      const repeat = enforceNonce === true && nonce !== undefined ? history.find((entry) => entry.nonce === nonce) : undefined;
      if (repeat !== undefined) return { status: 200, body: repeat.message };
      const inGuild = channelId === this.channelId || this.#threads.some((thread) => (thread as { id: string }).id === channelId);
      const message = this.#sentMessage(this.nextId(), channelId, inGuild ? this.guildId : null, body, {
        ...(reference === undefined ? {} : { message_reference: { type: 0, message_id: reference.message_id, channel_id: channelId }, type: 19 }),
      });
      this.#channelMessages.set(channelId, [...history, { message, nonce: nonce ?? null }]);
      return { status: 200, body: message };
    }
    if ((match = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'GET') {
      if (!authorized) return unauthorized;
      const limit = Math.min(100, Number(query.get('limit') ?? '50'));
      const history = this.#channelMessages.get(match[1]!) ?? [];
      return { status: 200, body: history.map((entry) => entry.message).reverse().slice(0, limit) };
    }
    if (/^\/channels\/\d+\/typing$/.test(path) && method === 'POST') return authorized ? { status: 204 } : unauthorized;

    if ((match = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path)) && (method === 'PUT' || method === 'GET')) {
      if (!authorized) return unauthorized;
      if (match[1] !== this.applicationId) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
      if (method === 'GET') return { status: 200, body: [] };
      const list = Array.isArray(body) ? (body as { name: string }[]) : [];
      return {
        status: 200,
        body: list.map((command) => ({ ...command, id: this.#commandId(command.name), application_id: this.applicationId, version: this.nextId(), ...(match![2] === undefined ? {} : { guild_id: match![2] }) })),
      };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  #sentMessage(id: string, channelId: string, guildId: string | null, body: unknown, extra: object): object {
    const sent = body as { content?: string; embeds?: unknown[]; flags?: number };
    const message = {
      id,
      channel_id: channelId,
      ...(guildId === null ? {} : { guild_id: guildId }),
      author: this.bot,
      content: sent.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: sent.embeds ?? [],
      pinned: false,
      type: 0,
      flags: sent.flags ?? 0,
      components: [],
      ...extra,
    };
    this.#messages.set(id, message);
    return message;
  }

  #commandId(name: string): string {
    // Stable per name, as Discord keeps a command's id across re-registrations.
    let hash = 0n;
    for (const char of name) hash = (hash * 31n + BigInt(char.charCodeAt(0))) % 1_000_000n;
    return (1300000000000000000n + hash).toString();
  }

  #thread(id: string): object {
    const thread = this.#threads.find((candidate) => (candidate as { id: string }).id === id);
    if (thread === undefined) throw new Error(`FakeDiscord: no thread ${id}; create it with createThread`);
    return thread;
  }

  #textChannel(): object {
    return {
      id: this.channelId,
      type: 0,
      guild_id: this.guildId,
      name: 'newsroom',
      position: 0,
      permission_overwrites: [],
      parent_id: null,
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
    };
  }

  #member(user: FakeUser, permissions?: string, roles: string[] = []): object {
    return {
      user,
      roles,
      joined_at: '2025-01-01T00:00:00.000000+00:00',
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      premium_since: null,
      communication_disabled_until: null,
      ...(permissions === undefined ? {} : { permissions }),
    };
  }
}

function invalidFormBody(problems: string[]): { status: number; body: unknown } {
  return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: { _errors: problems.map((message) => ({ code: 'BASE_TYPE_MAX_LENGTH', message })) } } };
}
