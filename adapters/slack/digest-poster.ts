import { webApi, type Logger } from '@slack/bolt';
import type { DeliveryMarker, DigestPoster, LookupOutcome, PostOutcome } from '../../src/digest/types.js';
import { renderDigest } from './render-digest.js';
import { describeSlackError } from './slack-error.js';

/** The Slack message metadata type that marks a scheduled digest, so a later look at the channel can find it. */
export const digestEventType = 'storybot_digest';

/** Options for {@link createSlackDigestPoster}. */
export type SlackDigestPosterOptions = {
  token: string;
  /** The Web API base URL (SLACK_API_URL), or undefined for Slack's. */
  apiUrl?: string;
  logger: Logger;
  /** The bot's own bot id, so only its messages count when looking for a digest. */
  botId: string;
  /** How long one Web API call may take, in milliseconds; defaults to 20,000. */
  timeoutMs?: number;
};

// Slack error names, by what they mean for a digest: the channel is gone, the bot may not post there, or a retry
// cannot help. Anything else (internal_error, service_unavailable, fatal_error…) is worth retrying.
const goneErrors = new Set(['channel_not_found', 'is_archived', 'channel_is_archived']);
const forbiddenErrors = new Set([
  'not_in_channel',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'ekm_access_denied',
  'team_access_not_granted',
  'missing_scope',
]);
const finalErrors = new Set(['invalid_blocks', 'msg_too_long', 'invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'invalid_metadata_format', 'invalid_metadata_schema', 'too_many_attachments', 'no_text']);

/**
 * Posts digests with `chat.postMessage` (Block Kit, escaped, links not unfurled) carrying message metadata with the
 * delivery's key, and finds an earlier one through `conversations.history`. The Web API client does not retry or
 * wait out rate limits itself: the scheduler owns retries, through its clock.
 */
export function createSlackDigestPoster(options: SlackDigestPosterOptions): DigestPoster {
  const client = new webApi.WebClient(options.token, {
    ...(options.apiUrl !== undefined ? { slackApiUrl: options.apiUrl } : {}),
    logger: options.logger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 20_000,
  });
  return {
    async post(channelId, digest, marker): Promise<PostOutcome> {
      const message = renderDigest(digest);
      try {
        const result = await client.chat.postMessage({
          channel: channelId,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          metadata: { event_type: digestEventType, event_payload: { key: marker.key } },
        });
        return { status: 'posted', messageId: result.ts ?? '' };
      } catch (error) {
        return outcomeOf(error);
      }
    },
    async findPosted(channelId: string, marker: DeliveryMarker): Promise<LookupOutcome> {
      try {
        // A digest is never posted before its slot, so the channel is read from the slot on, page by page.
        let cursor: string | undefined;
        for (let page = 0; page < maxPages; page++) {
          const result = await client.conversations.history({
            channel: channelId,
            oldest: String(Math.floor(marker.slot.getTime() / 1000) - 60),
            limit: 200,
            include_all_metadata: true,
            ...(cursor !== undefined ? { cursor } : {}),
          });
          const found = (result.messages ?? []).find(
            (message) =>
              message.bot_id === options.botId &&
              message.metadata?.event_type === digestEventType &&
              (message.metadata.event_payload as { key?: unknown } | undefined)?.key === marker.key,
          );
          if (found?.ts !== undefined) return { status: 'found', messageId: found.ts };
          cursor = result.response_metadata?.next_cursor;
          if (result.has_more !== true || cursor === undefined || cursor === '') break;
        }
        return { status: 'not-found' };
      } catch (error) {
        const { slackError, message } = describeSlackError(error);
        // A channel that is gone holds no digest; anything else leaves the question open.
        if (slackError !== undefined && goneErrors.has(slackError)) return { status: 'not-found' };
        return { status: 'failed', detail: slackError ?? message };
      }
    },
  };
}

// How far back a lookup reads a busy channel: ten pages of two hundred messages.
const maxPages = 10;

function outcomeOf(error: unknown): PostOutcome {
  const { code, slackError, message } = describeSlackError(error);
  if (code === webApi.ErrorCode.RateLimitedError) {
    const retryAfter = (error as { retryAfter?: number }).retryAfter;
    return { status: 'retryable', ambiguous: false, detail: 'rate limited', ...(retryAfter !== undefined ? { retryAfterMs: retryAfter * 1000 } : {}) };
  }
  if (code === webApi.ErrorCode.PlatformError && slackError !== undefined) {
    if (goneErrors.has(slackError)) return { status: 'gone', detail: slackError };
    if (forbiddenErrors.has(slackError)) return { status: 'forbidden', detail: slackError };
    if (finalErrors.has(slackError)) return { status: 'failed', detail: slackError };
    if (slackError === 'ratelimited') return { status: 'retryable', ambiguous: false, detail: slackError };
    return { status: 'retryable', ambiguous: false, detail: slackError };
  }
  // An HTTP error or a broken connection may come after Slack accepted the message: the scheduler looks before retrying.
  return { status: 'retryable', ambiguous: true, detail: slackError ?? message };
}
