import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';

const redacted = '[redacted]';

// Interaction and webhook tokens travel inside request paths: /interactions/<id>/<token>/…, /webhooks/<id>/<token>/….
const pathToken = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s"']+/g;
// A bot token: three base64url parts joined by dots, the first an encoded snowflake.
const botToken = /[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,}/g;
const authorizationHeader = /\b(Bot|Bearer)\s+[^\s"',]+/g;
// Nothing a person writes has 60 letters without a break; a bare token can.
const longOpaqueRun = /[A-Za-z0-9_-]{60,}/g;

/** Removes Discord secrets (bot tokens, interaction and webhook tokens, authorization values) from a text. */
export function scrubSecrets(text: string): string {
  return text
    .replace(pathToken, `$1${redacted}`)
    .replace(botToken, redacted)
    .replace(authorizationHeader, `$1 ${redacted}`)
    .replace(longOpaqueRun, redacted);
}

/** A thrown value as a plain object that is safe to log: name, message, Discord's code and status, scrubbed. */
export type ErrorSummary = {
  name: string;
  message: string;
  /** Discord's JSON error code (50013 Missing Permissions, 10062 Unknown interaction, …). */
  code?: number | string;
  /** The HTTP status of a failed Discord request. */
  status?: number;
  /** Method and route of a failed Discord request, tokens removed. */
  request?: string;
  stack?: string;
};

/**
 * Describes a thrown value for the logs without its secrets. Discord's REST errors carry the request URL (with the
 * interaction token in it) and body, so they are never logged raw.
 */
export function describeError(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { name: typeof error, message: scrubSecrets(String(error)) };
  const summary: ErrorSummary = { name: error.name, message: scrubSecrets(error.message) };
  if (error instanceof DiscordAPIError) {
    summary.code = error.code;
    summary.status = error.status;
    summary.request = `${error.method.toUpperCase()} ${scrubSecrets(routeOf(error.url))}`;
  } else if (error instanceof HTTPError) {
    summary.status = error.status;
    summary.request = `${error.method.toUpperCase()} ${scrubSecrets(routeOf(error.url))}`;
  } else if (error instanceof RateLimitError) {
    summary.request = `${error.method.toUpperCase()} ${scrubSecrets(error.route)}`;
  } else {
    // Node's system errors and discord.js's own errors carry a string code such as ECONNREFUSED or TokenInvalid.
    const { code } = error as { code?: unknown };
    if (typeof code === 'string' || typeof code === 'number') summary.code = code;
  }
  if (error.stack !== undefined) summary.stack = scrubSecrets(error.stack);
  return summary;
}

/** The path of a request URL without host or query, so neither a proxy's credentials nor parameters are logged. */
function routeOf(url: string): string {
  return URL.canParse(url) ? new URL(url).pathname : url.split('?')[0]!;
}
