import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Config } from '../../src/config.js';
import { createMemoryChatConversations, type ChatConversations } from '../../src/conversation/chat-conversations.js';
import type { DigestDesk } from '../../src/digest/digest-desk.js';
import type { DigestPoster } from '../../src/digest/types.js';
import type { Log } from '../../src/log.js';
import type { StoryService } from '../../src/service.js';
import { commands } from './commands/index.js';
import { createDiscordDigestPoster } from './digest-poster.js';
import { discordRestOptions } from './discord-api.js';
import { createInteractionHandler } from './interaction-create.js';
import { createMessageHandler } from './message-create.js';
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
  /** Where threads', DMs' and replies' conversations are kept; defaults to memory, for this process only. */
  conversations?: ChatConversations;
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

// Guilds brings the server's channels, threads and roles (for role mentions); none of these is privileged. Without
// MessageContent Discord still sends the text of DMs and of messages that mention the bot (a reply that pings it
// does), which is all it answers unless DISCORD_THREAD_REPLIES=all asks it to follow whole threads.
const baseIntents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/**
 * Logs in to Discord and answers slash commands and mentions from the story; resolves once the client is ready
 * (its servers received). Throws when DISCORD_TOKEN is missing or Discord refuses the login.
 */
export async function startDiscordBot(options: DiscordBotOptions): Promise<DiscordBot> {
  const { config, service } = options;
  const log = options.log.child({ adapter: 'discord' });
  const token = config.DISCORD_TOKEN;
  if (token === undefined) throw new Error('startDiscordBot: DISCORD_TOKEN is not set');

  const threadReplies = config.DISCORD_THREAD_REPLIES;
  const client = new Client({
    intents: threadReplies === 'all' ? [...baseIntents, GatewayIntentBits.MessageContent] : baseIntents,
    // DM channels are not cached before their first message; without this partial, DMs are dropped.
    partials: [Partials.Channel],
    allowedMentions: noPings,
    // A question deleted before its answer arrives still gets the answer, as a plain message.
    failIfNotExists: false,
    rest: discordRestOptions(config),
  });
  const conversations = options.conversations ?? createMemoryChatConversations({ ttlMs: config.CONVERSATION_TTL_HOURS * 3_600_000 });
  const onInteraction = createInteractionHandler({ commands, service, conversations, log, ...(options.digests !== undefined ? { digests: options.digests } : {}) });
  const onMessage = createMessageHandler({ service, conversations, threadReplies, log });
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
    const summary = describeError(error);
    // Discord closes the gateway with 4014 when the application has not been allowed a privileged intent.
    const hint = summary.code === 'DisallowedIntents' || /disallowed intent/i.test(summary.message)
      ? ' (DISCORD_THREAD_REPLIES=all needs the Message Content intent turned on in the Developer Portal, Bot page)'
      : '';
    throw new Error(`startDiscordBot: could not log in to Discord: ${summary.message}${hint}`);
  }
  const readyClient = await ready;
  const applicationId = readyClient.application.id;
  log.info({ user: readyClient.user.tag, applicationId, guilds: readyClient.guilds.cache.size, threadReplies }, 'discord bot ready');
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
