import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Config } from '../../src/config.js';
import type { DigestDesk } from '../../src/digest/digest-desk.js';
import type { DigestPoster } from '../../src/digest/types.js';
import type { Log } from '../../src/log.js';
import type { StoryService } from '../../src/service.js';
import { commands } from './commands/index.js';
import { createDiscordDigestPoster } from './digest-poster.js';
import { discordRestOptions } from './discord-api.js';
import { createInteractionHandler } from './interaction-create.js';
import { createMentionHandler } from './message-create.js';
import { noPings } from './render-answer.js';
import { describeError, scrubSecrets } from './scrub.js';

/** Options for {@link startDiscordBot}. */
export type DiscordBotOptions = {
  /** Needs DISCORD_TOKEN; DISCORD_APPLICATION_ID is checked against the token's application; DISCORD_API_URL is honoured. */
  config: Config;
  service: StoryService;
  log: Log;
  /** Digests for `/digest`; without it the command says digests are off. */
  digests?: DigestDesk;
};

/** A running Discord bot. */
export type DiscordBot = {
  /** The logged-in discord.js client. */
  client: Client;
  /** Posts scheduled digests to channels as this bot. */
  digestPoster: DigestPoster;
  /** Disconnects from Discord; safe to call more than once. */
  stop(): Promise<void>;
};

// Guilds brings the server's channels and roles (for role mentions); no intent here is privileged. Without
// MessageContent Discord still sends the text of DMs and of messages that mention the bot, which is all it answers.
const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/**
 * Logs in to Discord and answers slash commands and mentions from the story; resolves once the client is ready
 * (its servers received). Throws when DISCORD_TOKEN is missing or Discord refuses the login.
 */
export async function startDiscordBot(options: DiscordBotOptions): Promise<DiscordBot> {
  const { config, service } = options;
  const log = options.log.child({ adapter: 'discord' });
  const token = config.DISCORD_TOKEN;
  if (token === undefined) throw new Error('startDiscordBot: DISCORD_TOKEN is not set');

  const client = new Client({
    intents,
    // DM channels are not cached before their first message; without this partial, DMs are dropped.
    partials: [Partials.Channel],
    allowedMentions: noPings,
    // A question deleted before its answer arrives still gets the answer, as a plain message.
    failIfNotExists: false,
    rest: discordRestOptions(config),
  });
  const onInteraction = createInteractionHandler({ commands, service, log, ...(options.digests !== undefined ? { digests: options.digests } : {}) });
  const onMessage = createMentionHandler({ service, log });
  client.on(Events.InteractionCreate, (interaction) => {
    onInteraction(interaction).catch((error: unknown) => log.error({ err: describeError(error) }, 'interaction handler failed'));
  });
  client.on(Events.MessageCreate, (message) => {
    onMessage(message).catch((error: unknown) => log.error({ err: describeError(error) }, 'message handler failed'));
  });
  client.on(Events.Error, (error) => log.error({ err: describeError(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ detail: scrubSecrets(message) }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ shardId, code: event.code }, 'discord gateway closed for good'));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    throw new Error(`startDiscordBot: could not log in to Discord: ${describeError(error).message}`);
  }
  const readyClient = await ready;
  const applicationId = readyClient.application.id;
  log.info({ user: readyClient.user.tag, applicationId, guilds: readyClient.guilds.cache.size }, 'discord bot ready');
  if (config.DISCORD_APPLICATION_ID !== undefined && config.DISCORD_APPLICATION_ID !== applicationId) {
    log.warn(
      { configured: config.DISCORD_APPLICATION_ID, applicationId },
      "DISCORD_APPLICATION_ID is not the token's application; commands deployed to it will not reach this bot",
    );
  }

  let stopped: Promise<void> | undefined;
  return {
    client,
    digestPoster: createDiscordDigestPoster({ token, rest: discordRestOptions(config), botUserId: readyClient.user.id }),
    stop() {
      stopped ??= client.destroy().then(() => log.info('discord bot stopped'));
      return stopped;
    },
  };
}
