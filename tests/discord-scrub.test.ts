import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { describeError, scrubSecrets } from '../adapters/discord/scrub.js';

const interactionToken = Buffer.from('interaction:1200000000000001001:s3cr3t-part-of-the-interaction-token-that-is-long').toString('base64url');
const botToken = `${Buffer.from('1200000000000000001').toString('base64url')}.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB`;

describe('scrubSecrets', () => {
  it('removes the interaction token from webhook and callback URLs', () => {
    expect(scrubSecrets(`https://discord.com/api/v10/webhooks/1200000000000000001/${interactionToken}/messages/@original`)).toBe(
      'https://discord.com/api/v10/webhooks/1200000000000000001/[redacted]/messages/@original',
    );
    expect(scrubSecrets(`POST /interactions/1200000000000001001/${interactionToken}/callback?with_response=false`)).toBe(
      'POST /interactions/1200000000000001001/[redacted]/callback?with_response=false',
    );
  });

  it('removes bot tokens and authorization header values', () => {
    expect(scrubSecrets(`login failed for ${botToken}`)).toBe('login failed for [redacted]');
    expect(scrubSecrets('Authorization: Bot abc.def')).toBe('Authorization: Bot [redacted]');
  });

  it('leaves ordinary text, snowflakes and routes alone', () => {
    const text = 'Missing Permissions in channel 1200000000000000101 (POST /channels/1200000000000000101/messages)';
    expect(scrubSecrets(text)).toBe(text);
  });
});

describe('describeError', () => {
  it("keeps Discord's code, status and route of a REST error but not the token in its URL", () => {
    const url = `https://discord.com/api/v10/webhooks/1200000000000000001/${interactionToken}/messages/@original?thread_id=1`;
    const error = new DiscordAPIError({ code: 50013, message: 'Missing Permissions' }, 50013, 403, 'PATCH', url, { body: { content: 'x' } });
    const summary = describeError(error);
    expect(summary).toMatchObject({
      name: 'DiscordAPIError[50013]',
      message: 'Missing Permissions',
      code: 50013,
      status: 403,
      request: 'PATCH /api/v10/webhooks/1200000000000000001/[redacted]/messages/@original',
    });
    expect(JSON.stringify(summary)).not.toContain(interactionToken);
  });

  it('describes an HTTP error by status and route', () => {
    const url = `https://discord.com/api/v10/interactions/1200000000000001001/${interactionToken}/callback`;
    const summary = describeError(new HTTPError(503, 'Service Unavailable', 'post', url, { body: undefined }));
    expect(summary).toMatchObject({ status: 503, request: 'POST /api/v10/interactions/1200000000000001001/[redacted]/callback' });
    expect(JSON.stringify(summary)).not.toContain(interactionToken);
  });

  it('scrubs the message and stack of any error, and describes values that are not errors', () => {
    const summary = describeError(new Error(`request to /webhooks/1/${interactionToken} failed`));
    expect(summary.message).toBe('request to /webhooks/1/[redacted] failed');
    expect(summary.stack).not.toContain(interactionToken);
    expect(describeError('plain text')).toEqual({ name: 'string', message: 'plain text' });
  });

  it('keeps the code of a system error', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(describeError(error)).toMatchObject({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' });
  });
});
