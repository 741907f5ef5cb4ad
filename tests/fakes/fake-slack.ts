import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

// A fake of the parts of Slack that storybot's Bolt app talks to, on 127.0.0.1:
// the Web API (`<apiUrl><method>`), `response_url` endpoints, and the Socket Mode WebSocket that
// `apps.connections.open` points to. It records what the app sends, never token values.

/** Which kind of token an API call carried, judged by its prefix; the token itself is never stored. */
export type TokenKind = 'bot' | 'app' | 'other' | 'none';

/** One Web API call as the fake received it. */
export type ApiCall = {
  method: string;
  /** The parsed body; form fields holding JSON (such as `blocks`) are parsed too. */
  body: Record<string, unknown>;
  token: TokenKind;
  /** What the fake answered. */
  response: Record<string, unknown>;
};

/** One POST to a `response_url` the fake handed out. */
export type ResponseUrlPost = { id: string; body: Record<string, unknown> };

/** One message the app sent back over the Socket Mode WebSocket (an acknowledgement). */
export type SocketAck = { envelope_id: string; payload?: unknown };

/** A Socket Mode envelope as Slack sends it. */
export type Envelope = {
  envelope_id: string;
  type: 'events_api' | 'slash_commands' | 'interactive';
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
};

/** The workspace the fake pretends to be, as `auth.test` reports it. */
export type FakeIdentity = { botUserId: string; botId: string; teamId: string; appId: string };

const defaultIdentity: FakeIdentity = { botUserId: 'U0STORYBOT', botId: 'B0STORYBOT', teamId: 'T0NEWSROOM', appId: 'A0STORYBOT' };

/** A fake Slack on 127.0.0.1 (port chosen by the OS); start with {@link FakeSlack.start}, end with {@link FakeSlack.close}. */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly acks: SocketAck[] = [];
  /** How many Socket Mode connections have been opened and closed, for tests of start and stop. */
  readonly socketEvents: ('open' | 'close')[] = [];
  readonly identity: FakeIdentity;
  /** When set, `auth.test` fails with this Slack error, as it does for a revoked or mistyped token. */
  authError: string | null = null;
  /** Slack errors that `chat.postMessage` and `conversations.history` answer for a channel (`channel_not_found`…). */
  readonly channelErrors = new Map<string, string>();
  /** Messages posted with `chat.postMessage`, per channel, oldest first, as `conversations.history` returns them. */
  readonly channelMessages = new Map<string, Record<string, unknown>[]>();
  private readonly failures: Array<{ method: string; status: number; retryAfter?: number; afterRecording?: boolean }> = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private nextTs = 1;
  private nextResponseUrl = 1;

  private constructor(
    private readonly server: Server,
    identity: FakeIdentity,
  ) {
    this.identity = identity;
    this.wss.on('connection', (socket) => this.onSocket(socket));
  }

  /** Starts the fake on an OS-chosen port of 127.0.0.1. */
  static async start(identity: Partial<FakeIdentity> = {}): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = createServer((req, res) => {
      fake?.onRequest(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    fake = new FakeSlack(server, { ...defaultIdentity, ...identity });
    const created = fake;
    server.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/socket') {
        socket.destroy();
        return;
      }
      created.wss.handleUpgrade(req, socket, head, (ws) => created.wss.emit('connection', ws, req));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The base URL to give the app as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  private get origin(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** A fresh `response_url` pointing at this fake, as Slack puts in a slash command payload. */
  responseUrl(): string {
    return `${this.origin}/respond/${this.nextResponseUrl++}`;
  }

  /** The recorded calls of one Web API method. */
  callsTo(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** The messages the app posted with `chat.postMessage`. */
  posts(): ApiCall[] {
    return this.callsTo('chat.postMessage');
  }

  /**
   * Makes the next call of a Web API method fail at the HTTP level: `status` 500 or 503 as a server error, 429 with
   * `retryAfter` seconds as a rate limit. With `afterRecording`, the call is carried out (a message is posted) and only
   * the answer is an error, as when Slack's response is lost on the way back.
   */
  failNext(method: string, status: number, options: { retryAfter?: number; afterRecording?: boolean } = {}): void {
    this.failures.push({ method, status, ...options });
  }

  /** Sends an envelope to every connected Socket Mode client; throws when none is connected. */
  pushEnvelope(envelope: Envelope): void {
    const open = [...this.sockets].filter((socket) => socket.readyState === WebSocket.OPEN);
    if (open.length === 0) throw new Error('fake-slack: no Socket Mode client is connected');
    for (const socket of open) socket.send(JSON.stringify(envelope));
  }

  /** Polls until `find` returns a value, or fails after `timeoutMs` naming what it waited for. */
  async waitFor<T>(what: string, find: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined && found !== false) return found;
      if (Date.now() > deadline) throw new Error(`fake-slack: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Closes every socket and the server. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const raw = await readBody(req);
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const body = parseBody(raw, req.headers['content-type']);
      const token = tokenKind(req.headers.authorization);
      const failure = this.failures.findIndex((rule) => rule.method === method);
      const rule = failure === -1 ? undefined : this.failures.splice(failure, 1)[0];
      if (rule !== undefined && rule.afterRecording !== true) {
        const response = { ok: false, error: `http_${rule.status}` };
        this.calls.push({ method, body, token, response });
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (rule.retryAfter !== undefined) headers['retry-after'] = String(rule.retryAfter);
        res.writeHead(rule.status, headers).end(JSON.stringify(response));
        return;
      }
      const response = this.answer(method, body, token);
      this.calls.push({ method, body, token, response });
      if (rule !== undefined) {
        res.writeHead(rule.status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'internal_error' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(response));
      return;
    }
    const respond = /^\/respond\/(\d+)$/.exec(url.pathname);
    if (req.method === 'POST' && respond !== null) {
      this.responses.push({ id: respond[1] ?? '', body: parseBody(raw, req.headers['content-type']) });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    res.writeHead(404).end();
  }

  private answer(method: string, body: Record<string, unknown>, token: TokenKind): Record<string, unknown> {
    const { botUserId, botId, teamId } = this.identity;
    switch (method) {
      case 'auth.test':
        if (token !== 'bot') return { ok: false, error: 'not_authed' };
        if (this.authError !== null) return { ok: false, error: this.authError };
        return { ok: true, url: 'https://newsroom.fake-slack.test/', team: 'Newsroom', user: 'storybot', team_id: teamId, user_id: botUserId, bot_id: botId };
      case 'apps.connections.open':
        if (token !== 'app') return { ok: false, error: 'not_allowed_token_type' };
        return { ok: true, url: `${this.origin.replace(/^http/, 'ws')}/socket` };
      case 'chat.postMessage': {
        if (token !== 'bot') return { ok: false, error: 'not_authed' };
        const channelError = this.channelErrors.get(String(body.channel));
        if (channelError !== undefined) return { ok: false, error: channelError };
        const problem = blockProblem(body.blocks);
        if (problem !== null) return { ok: false, error: 'invalid_blocks', errors: [problem] };
        const ts = `1700000000.${String(this.nextTs++).padStart(6, '0')}`;
        const message = { type: 'message', text: body.text, user: botUserId, bot_id: botId, ts, ...(body.metadata !== undefined ? { metadata: body.metadata } : {}) };
        const channel = String(body.channel);
        this.channelMessages.set(channel, [...(this.channelMessages.get(channel) ?? []), message]);
        return { ok: true, channel: body.channel, ts, message };
      }
      case 'conversations.history': {
        if (token !== 'bot') return { ok: false, error: 'not_authed' };
        const channelError = this.channelErrors.get(String(body.channel));
        if (channelError !== undefined) return { ok: false, error: channelError };
        const includeMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true';
        const messages = [...(this.channelMessages.get(String(body.channel)) ?? [])]
          .reverse()
          .slice(0, Number(body.limit ?? 100))
          .map((message) => (includeMetadata ? message : { ...message, metadata: undefined }));
        return { ok: true, messages, has_more: false };
      }
      default:
        return { ok: true };
    }
  }

  // @slack/socket-mode 3 resolves start() on a `hello` message; it pings every few seconds and expects pongs (which
  // ws sends by itself); it reconnects on a `disconnect` message. Server pings are optional, so the fake sends none.
  private onSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    this.socketEvents.push('open');
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as SocketAck;
      if (typeof message.envelope_id === 'string') this.acks.push(message);
    });
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.socketEvents.push('close');
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake-slack', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.identity.appId },
      }),
    );
  }
}

/** Headers Slack would send with a request body: `x-slack-request-timestamp` and the v0 HMAC-SHA256 signature. */
export function signSlackRequest(signingSecret: string, body: string, timestampSec = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestampSec), 'x-slack-signature': `v0=${signature}` };
}

/** An Events API `event_callback` body wrapping one event, as Slack delivers it over HTTP or in an envelope. */
export function eventCallback(event: Record<string, unknown>, eventId: string, identity: FakeIdentity = defaultIdentity): Record<string, unknown> {
  return {
    token: 'fake-verification-token',
    team_id: identity.teamId,
    api_app_id: identity.appId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ enterprise_id: null, team_id: identity.teamId, user_id: identity.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** A `/story` slash command payload, as Slack sends it (form fields over HTTP, an object in an envelope). */
export function slashCommand(text: string, responseUrl: string, triggerId: string, identity: FakeIdentity = defaultIdentity): Record<string, string> {
  return {
    token: 'fake-verification-token',
    team_id: identity.teamId,
    team_domain: 'newsroom',
    channel_id: 'C0DESK',
    channel_name: 'desk',
    user_id: 'U0EDITOR',
    user_name: 'editor',
    command: '/story',
    text,
    api_app_id: identity.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId,
  };
}

function tokenKind(authorization: string | undefined): TokenKind {
  if (authorization === undefined) return 'none';
  if (authorization.startsWith('Bearer xoxb-')) return 'bot';
  if (authorization.startsWith('Bearer xapp-')) return 'app';
  return 'other';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  return body;
}

// The checks Slack makes that a renderer could fail: block count, section and context sizes.
function blockProblem(blocks: unknown): string | null {
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length > 50) return `too many blocks: ${blocks.length}`;
  for (const block of blocks as { type?: string; text?: { text?: string }; elements?: { text?: string }[] }[]) {
    if (block.type === 'section' && (block.text?.text ?? '').length > 3000) return 'section text over 3000 characters';
    if (block.type === 'section' && (block.text?.text ?? '').length === 0) return 'empty section text';
    if (block.type === 'context') {
      if ((block.elements ?? []).length > 10) return 'context block with more than 10 elements';
      if ((block.elements ?? []).some((element) => (element.text ?? '').length > 2000)) return 'context element over 2000 characters';
    }
  }
  return null;
}
