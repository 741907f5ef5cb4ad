import { App, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Config } from '../../src/config.js';
import { createMemoryChatConversations, type ChatConversations } from '../../src/conversation/chat-conversations.js';
import type { DigestDesk } from '../../src/digest/digest-desk.js';
import type { DigestPoster } from '../../src/digest/types.js';
import type { Log } from '../../src/log.js';
import type { StoryService } from '../../src/service.js';
import { createBoltLogger } from './bolt-logger.js';
import { createSlackDigestPoster } from './digest-poster.js';
import { registerListeners } from './listeners/index.js';
import { createMemorySeenEvents, type SeenEvents } from './seen-events.js';
import { describeSlackError } from './slack-error.js';

/** Options for {@link startSlackBot}. */
export type SlackBotOptions = {
  /** Needs SLACK_BOT_TOKEN, and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP on SLACK_PORT). */
  config: Config;
  service: StoryService;
  log: Log;
  /** Where handled questions are remembered; defaults to an in-memory store of 10,000 keys. */
  seen?: SeenEvents;
  /** Digests for `/story digest`, `subscribe` and `unsubscribe`; without it those subcommands say digests are off. */
  digests?: DigestDesk;
  /** Where threads' and DMs' conversations are kept; defaults to memory, for this process only. */
  conversations?: ChatConversations;
};

/**
 * A running Slack bot: the Bolt app, the poster that sends scheduled digests as this bot, and how to stop it
 * (resolves once the server is closed or the socket is gone).
 */
export type SlackBot = { app: App; digestPoster: DigestPoster; stop(): Promise<void> };

/**
 * Starts the Slack bot: in Socket Mode when SLACK_APP_TOKEN is set, otherwise over HTTP on SLACK_PORT, where Slack
 * sends events and commands to `/slack/events`. Checks the bot token with `auth.test` first and throws if Slack rejects it.
 */
export async function startSlackBot(options: SlackBotOptions): Promise<SlackBot> {
  const { config, service } = options;
  const token = config.SLACK_BOT_TOKEN;
  const appToken = config.SLACK_APP_TOKEN;
  const signingSecret = config.SLACK_SIGNING_SECRET;
  if (token === undefined) throw new Error('startSlackBot: SLACK_BOT_TOKEN is not set');
  if (appToken === undefined && signingSecret === undefined) {
    throw new Error('startSlackBot: set SLACK_APP_TOKEN for Socket Mode or SLACK_SIGNING_SECRET for HTTP mode');
  }
  const log = options.log.child({ adapter: 'slack' });
  const logger = createBoltLogger(options.log, [token, appToken, signingSecret]);
  const clientOptions = (): webApi.WebClientOptions =>
    config.SLACK_API_URL !== undefined ? { slackApiUrl: config.SLACK_API_URL } : {};

  // One auth.test, made here rather than inside Bolt, so a bad token fails start-up with a clear message and the
  // bot's ids are known (Bolt skips its own auth.test when given both ids).
  // A few quick retries only: a bot that cannot reach Slack at start-up should say so, not wait half an hour.
  const identity = await identify(new webApi.WebClient(token, { ...clientOptions(), logger, retryConfig: { retries: 2 } }));

  const receiver =
    appToken !== undefined
      ? new SocketModeReceiver({ appToken, logger, logLevel: logger.getLevel(), installerOptions: { clientOptions: clientOptions() } })
      : undefined;
  const app = new App({
    token,
    botId: identity.botId,
    botUserId: identity.botUserId,
    logger,
    logLevel: logger.getLevel(),
    clientOptions: clientOptions(),
    convoStore: false,
    ...(receiver !== undefined ? { socketMode: true, receiver } : { signingSecret, port: config.SLACK_PORT }),
  });
  app.error(async (error) => {
    log.error({ err: describeSlackError(error) }, 'Bolt could not handle a Slack request');
  });
  const conversations = options.conversations ?? createMemoryChatConversations({ ttlMs: config.CONVERSATION_TTL_HOURS * 3_600_000 });
  registerListeners(app, {
    service,
    conversations,
    seen: options.seen ?? createMemorySeenEvents(),
    log,
    ...(options.digests !== undefined ? { digests: options.digests } : {}),
  });
  const digestPoster = createSlackDigestPoster({ token, apiUrl: config.SLACK_API_URL, logger, botId: identity.botId });

  await app.start();
  const mode = receiver !== undefined ? 'socket' : 'http';
  log.info({ mode, port: mode === 'http' ? config.SLACK_PORT : undefined, team: identity.teamId, botUser: identity.botUserId }, 'slack bot started');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (receiver === undefined) {
        await app.stop();
      } else {
        // The receiver's stop() returns before the socket has closed; wait for the client to say it has.
        const disconnected = new Promise<void>((resolve) => receiver.client.once('disconnected', () => resolve()));
        await app.stop();
        await disconnected;
      }
      log.info({ mode }, 'slack bot stopped');
    })();
    return stopping;
  };
  return { app, digestPoster, stop };
}

type BotIdentity = { botId: string; botUserId: string; teamId: string | undefined };

async function identify(client: webApi.WebClient): Promise<BotIdentity> {
  let result: webApi.AuthTestResponse;
  try {
    result = await client.auth.test();
  } catch (error) {
    const { slackError, message } = describeSlackError(error);
    throw new Error(`startSlackBot: Slack did not accept SLACK_BOT_TOKEN (${slackError ?? message})`);
  }
  if (result.user_id === undefined || result.bot_id === undefined) {
    throw new Error('startSlackBot: SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot_id)');
  }
  return { botId: result.bot_id, botUserId: result.user_id, teamId: result.team_id };
}
