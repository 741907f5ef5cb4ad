import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, RateLimitError, REST, Routes, type APIMessage, type RESTOptions } from 'discord.js';
import type { DeliveryMarker, DigestPoster, LookupOutcome, PostOutcome } from '../../src/digest/types.js';
import { noPings } from './render-answer.js';
import { renderDigestEmbed, scheduledFooter } from './render-digest.js';

/** Options for {@link createDiscordDigestPoster}. */
export type DiscordDigestPosterOptions = {
  token: string;
  /** REST options (DISCORD_API_URL) as the bot uses them. */
  rest: Partial<RESTOptions>;
  /** The bot's user id, so only its own messages count when looking for a digest. */
  botUserId: string;
};

// Discord JSON error codes that say the channel is gone or closed to the bot; retrying cannot change them.
const goneCodes = new Set([10003]);
const forbiddenCodes = new Set([50001, 50013, 50007, 50083]);

/**
 * Posts digests to a channel as one embed through Discord's REST API, mentioning no one, with a nonce derived from
 * the delivery key and `enforce_nonce`, so Discord itself drops a repeat of the same post sent within minutes; finds
 * an earlier one among the channel's recent messages by its author, footer and slot timestamp. Its REST client
 * neither retries nor waits out rate limits: the scheduler owns retries, through its clock.
 */
export function createDiscordDigestPoster(options: DiscordDigestPosterOptions): DigestPoster {
  const rest = new REST({ ...options.rest, retries: 0, rejectOnRateLimit: () => true, timeout: 15_000 }).setToken(options.token);
  return {
    async post(channelId, digest, marker): Promise<PostOutcome> {
      try {
        const message = (await rest.post(Routes.channelMessages(channelId), {
          body: {
            embeds: [renderDigestEmbed(digest, marker.slot)],
            allowed_mentions: { parse: noPings.parse },
            nonce: nonceOf(marker),
            enforce_nonce: true,
          },
        })) as APIMessage;
        return { status: 'posted', messageId: message.id };
      } catch (error) {
        return outcomeOf(error);
      }
    },
    async findPosted(channelId: string, marker: DeliveryMarker): Promise<LookupOutcome> {
      try {
        // Newest first, page by page, back to the slot: a digest is never posted before its slot.
        let before: string | undefined;
        for (let page = 0; page < maxPages; page++) {
          const query = new URLSearchParams({ limit: '100', ...(before !== undefined ? { before } : {}) });
          const messages = (await rest.get(Routes.channelMessages(channelId), { query })) as APIMessage[];
          const found = messages.find((message) => message.author.id === options.botUserId && carriesMarker(message, marker));
          if (found !== undefined) return { status: 'found', messageId: found.id };
          const oldest = messages.at(-1);
          if (oldest === undefined || messages.length < 100 || new Date(oldest.timestamp).getTime() < marker.slot.getTime()) break;
          before = oldest.id;
        }
        return { status: 'not-found' };
      } catch (error) {
        if (error instanceof DiscordAPIError && goneCodes.has(Number(error.code))) return { status: 'not-found' };
        return { status: 'failed', detail: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

// How far back a lookup reads a busy channel: ten pages of a hundred messages.
const maxPages = 10;

function carriesMarker(message: APIMessage, marker: DeliveryMarker): boolean {
  return message.embeds.some(
    (embed) => embed.footer?.text === scheduledFooter && embed.timestamp !== undefined && new Date(embed.timestamp).getTime() === marker.slot.getTime(),
  );
}

// Discord keeps a nonce at most 25 characters long.
function nonceOf(marker: DeliveryMarker): string {
  return createHash('sha256').update(marker.key).digest('base64url').slice(0, 25);
}

function outcomeOf(error: unknown): PostOutcome {
  if (error instanceof RateLimitError) return { status: 'retryable', ambiguous: false, detail: 'rate limited', retryAfterMs: error.retryAfter };
  if (error instanceof DiscordAPIError) {
    const code = Number(error.code);
    if (goneCodes.has(code) || error.status === 404) return { status: 'gone', detail: `${code} ${error.message}` };
    if (forbiddenCodes.has(code) || error.status === 403) return { status: 'forbidden', detail: `${code} ${error.message}` };
    if (error.status >= 500) return { status: 'retryable', ambiguous: true, detail: `${error.status} ${error.message}` };
    return { status: 'failed', detail: `${code} ${error.message}` };
  }
  if (error instanceof HTTPError) return { status: 'retryable', ambiguous: error.status >= 500, detail: `${error.status} ${error.message}` };
  // A timeout or a broken connection may come after Discord created the message: the scheduler looks before retrying.
  return { status: 'retryable', ambiguous: true, detail: error instanceof Error ? error.message : String(error) };
}
