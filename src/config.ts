import { z } from 'zod';
import { defaultConversationTtlHours } from './conversation/conversation-log.js';
import { parseSchedule } from './digest/schedule.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalUrl = optionalText.refine((value) => value === undefined || URL.canParse(value), {
  message: 'expected an absolute URL such as http://127.0.0.1:3000',
});

const snowflake = optionalText.refine((value) => value === undefined || /^\d{15,22}$/.test(value), {
  message: 'expected a Discord ID of 15 to 22 digits',
});

const digestChannel = z
  .string()
  .regex(/^(discord|slack):[A-Za-z0-9]+$/, 'expected discord:<channel id> or slack:<channel id>');

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** The environment variables storybot reads; every other module gets its settings from the parsed result. */
export const configSchema = z.object({
  STORY_DIR: optionalText.default('seeds').transform((value) => value ?? 'seeds'),
  DATA_DIR: optionalText.default('data').transform((value) => value ?? 'data'),
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .default('info')
    .transform((value) => (value === '' ? 'info' : value))
    .pipe(logLevel),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_URL: optionalUrl,
  // `all` needs the privileged Message Content intent: without it Discord blanks messages that do not mention the bot.
  DISCORD_THREAD_REPLIES: optionalText.transform((value, ctx) => {
    const mode = (value ?? 'mention').toLowerCase();
    if (!isThreadRepliesMode(mode)) {
      ctx.addIssue({ code: 'custom', message: 'expected mention (answer only when mentioned or replied to) or all (every message in a thread it answered in)' });
      return z.NEVER;
    }
    return mode;
  }),
  SLACK_BOT_TOKEN: optionalText.refine((value) => value === undefined || value.startsWith('xoxb-'), {
    message: 'expected a bot token that starts with xoxb-',
  }),
  SLACK_APP_TOKEN: optionalText.refine((value) => value === undefined || value.startsWith('xapp-'), {
    message: 'expected an app-level token that starts with xapp-',
  }),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_PORT: optionalText.transform((value, ctx) => {
    const port = Number(value ?? '3000');
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      ctx.addIssue({ code: 'custom', message: 'expected a port number from 1 to 65535' });
      return z.NEVER;
    }
    return port;
  }),
  SLACK_API_URL: optionalUrl,
  CONVERSATION_TTL_HOURS: optionalText.transform((value, ctx) => {
    const hours = Number(value ?? String(defaultConversationTtlHours));
    if (!Number.isFinite(hours) || hours <= 0 || hours > 8760) {
      ctx.addIssue({ code: 'custom', message: 'expected a number of hours greater than 0 and at most 8760, such as 24' });
      return z.NEVER;
    }
    return hours;
  }),
  ANSWER_TIMEOUT_MS: optionalText.transform((value, ctx) => {
    const ms = Number(value ?? '2000');
    if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) {
      ctx.addIssue({ code: 'custom', message: 'expected a whole number of milliseconds from 100 to 600000' });
      return z.NEVER;
    }
    return ms;
  }),
  DIGEST_SCHEDULE: optionalText,
  DIGEST_TIMEZONE: optionalText
    .default('UTC')
    .transform((value) => value ?? 'UTC')
    .refine(isTimeZone, { message: 'expected an IANA time zone such as Asia/Tokyo' }),
  DIGEST_CHANNELS: optionalText.transform((value, ctx) => {
    if (value === undefined) return [];
    const channels = value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    for (const channel of channels) {
      if (!digestChannel.safeParse(channel).success) {
        ctx.addIssue({ code: 'custom', message: 'expected a comma-separated list of discord:<channel id> or slack:<channel id>' });
        return z.NEVER;
      }
    }
    return channels;
  }),
});

/** Storybot's settings, parsed and defaulted. */
export type Config = z.infer<typeof configSchema>;

/** Why the environment could not be read, one line per setting and never the setting's value. */
export type ConfigError = { setting: string; expected: string };

/** A parsed configuration, or the settings that are wrong. */
export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: ConfigError[] };

/** Parses settings from an environment (process.env by default) without throwing. */
export function parseConfig(env: Record<string, string | undefined> = process.env): ConfigResult {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      setting: String(issue.path[0] ?? 'environment'),
      expected: issue.message,
    }));
    return { ok: false, errors };
  }
  const config = parsed.data;
  const errors: ConfigError[] = [];
  if ((config.DISCORD_TOKEN === undefined) !== (config.DISCORD_APPLICATION_ID === undefined)) {
    const missing = config.DISCORD_TOKEN === undefined ? 'DISCORD_TOKEN' : 'DISCORD_APPLICATION_ID';
    errors.push({ setting: missing, expected: 'required when the other Discord setting is set' });
  }
  if (config.SLACK_BOT_TOKEN !== undefined && config.SLACK_APP_TOKEN === undefined && config.SLACK_SIGNING_SECRET === undefined) {
    errors.push({
      setting: 'SLACK_SIGNING_SECRET',
      expected: 'required for HTTP mode when SLACK_APP_TOKEN (Socket Mode) is not set',
    });
  }
  if (config.SLACK_BOT_TOKEN === undefined && (config.SLACK_APP_TOKEN !== undefined || config.SLACK_SIGNING_SECRET !== undefined)) {
    errors.push({ setting: 'SLACK_BOT_TOKEN', expected: 'required when other Slack settings are set' });
  }
  if (config.DIGEST_SCHEDULE !== undefined) {
    const schedule = parseSchedule(config.DIGEST_SCHEDULE, config.DIGEST_TIMEZONE);
    if (!schedule.ok) errors.push({ setting: 'DIGEST_SCHEDULE', expected: `a cron expression of five fields, such as "0 8 * * *" (${schedule.message})` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}

/** Formats configuration errors as one readable line per setting. */
export function describeConfigErrors(errors: readonly ConfigError[]): string {
  return errors.map((error) => `${error.setting}: ${error.expected}`).join('\n');
}

/** Which messages in a Discord thread the bot answers: `mention` (those addressed to it) or `all` (needs Message Content). */
export type ThreadRepliesMode = 'mention' | 'all';

function isThreadRepliesMode(value: string): value is ThreadRepliesMode {
  return value === 'mention' || value === 'all';
}

function isTimeZone(value: string | undefined): boolean {
  if (value === undefined) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
