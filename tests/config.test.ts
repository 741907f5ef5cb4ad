import { describe, expect, it } from 'vitest';
import { describeConfigErrors, parseConfig } from '../src/config.js';

describe('parseConfig', () => {
  it('defaults the story folder, data folder, log level, Slack port and time zone', () => {
    const result = parseConfig({});
    expect(result).toMatchObject({ ok: true, config: { STORY_DIR: 'seeds', DATA_DIR: 'data', LOG_LEVEL: 'info', SLACK_PORT: 3000, DIGEST_TIMEZONE: 'UTC', DIGEST_CHANNELS: [], CONVERSATION_TTL_HOURS: 24 } });
  });

  it('reads the answer deadline in milliseconds, 2,000 unless set, and refuses one that is not a whole number from 100 to 600,000', () => {
    expect(parseConfig({})).toMatchObject({ ok: true, config: { ANSWER_TIMEOUT_MS: 2000 } });
    expect(parseConfig({ ANSWER_TIMEOUT_MS: '750' })).toMatchObject({ ok: true, config: { ANSWER_TIMEOUT_MS: 750 } });
    for (const value of ['50', '2.5', 'soon', '700000']) {
      expect(parseConfig({ ANSWER_TIMEOUT_MS: value })).toEqual({
        ok: false,
        errors: [{ setting: 'ANSWER_TIMEOUT_MS', expected: 'expected a whole number of milliseconds from 100 to 600000' }],
      });
    }
  });

  it('reads which Discord thread messages count, mention-only unless set, and refuses any other word without echoing it', () => {
    expect(parseConfig({})).toMatchObject({ ok: true, config: { DISCORD_THREAD_REPLIES: 'mention' } });
    expect(parseConfig({ DISCORD_THREAD_REPLIES: 'ALL' })).toMatchObject({ ok: true, config: { DISCORD_THREAD_REPLIES: 'all' } });
    expect(parseConfig({ DISCORD_THREAD_REPLIES: 'everything-secret' })).toEqual({
      ok: false,
      errors: [
        {
          setting: 'DISCORD_THREAD_REPLIES',
          expected: 'expected mention (answer only when mentioned or replied to) or all (every message in a thread it answered in)',
        },
      ],
    });
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', SLACK_PORT: '', DIGEST_SCHEDULE: '' })).toMatchObject({ ok: true });
  });

  it('names each bad setting and what it expects, never the value', () => {
    const result = parseConfig({
      SLACK_BOT_TOKEN: 'xoxp-user-token-value',
      SLACK_SIGNING_SECRET: 'shh',
      SLACK_PORT: '99999',
      DISCORD_API_URL: 'not a url',
      DIGEST_TIMEZONE: 'Mars/Olympus',
      LOG_LEVEL: 'loud',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = describeConfigErrors(result.errors);
    for (const setting of ['SLACK_BOT_TOKEN', 'SLACK_PORT', 'DISCORD_API_URL', 'DIGEST_TIMEZONE', 'LOG_LEVEL']) expect(text).toContain(setting);
    expect(text).not.toContain('xoxp-user-token-value');
    expect(text).not.toContain('Mars/Olympus');
  });

  it('asks for the missing half of the Discord and Slack settings', () => {
    const discord = parseConfig({ DISCORD_TOKEN: 'abc' });
    expect(discord.ok ? [] : discord.errors.map((error) => error.setting)).toEqual(['DISCORD_APPLICATION_ID']);
    const slack = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(slack.ok ? [] : slack.errors.map((error) => error.setting)).toEqual(['SLACK_SIGNING_SECRET']);
  });

  it('reads digest channels as a list and rejects malformed ones', () => {
    expect(parseConfig({ DIGEST_CHANNELS: 'discord:123456789012345678, slack:C0123ABCD' })).toMatchObject({
      ok: true,
      config: { DIGEST_CHANNELS: ['discord:123456789012345678', 'slack:C0123ABCD'] },
    });
    const bad = parseConfig({ DIGEST_CHANNELS: 'teams:42' });
    expect(bad.ok ? [] : bad.errors.map((error) => error.setting)).toEqual(['DIGEST_CHANNELS']);
  });

  it('reads how long conversations are kept, in hours, and names the setting when it is not a positive number', () => {
    expect(parseConfig({ CONVERSATION_TTL_HOURS: '1.5' })).toMatchObject({ ok: true, config: { CONVERSATION_TTL_HOURS: 1.5 } });
    for (const value of ['0', '-3', 'a day', '9000']) {
      const result = parseConfig({ CONVERSATION_TTL_HOURS: value });
      expect(result).toEqual({ ok: false, errors: [{ setting: 'CONVERSATION_TTL_HOURS', expected: 'expected a number of hours greater than 0 and at most 8760, such as 24' }] });
    }
  });
});
