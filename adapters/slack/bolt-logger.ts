import { inspect } from 'node:util';
import { LogLevel, type Logger } from '@slack/bolt';
import type { Log } from '../../src/log.js';

// Bolt, the Web API client and the Socket Mode client log free text, so secrets are scrubbed from the text itself:
// Slack tokens by shape, a payload's verification `token` field, the WebSocket URL's one-time `ticket`, and the
// configured secrets by value wherever they appear.
const secretShapes: readonly [RegExp, string][] = [
  [/\bxox[a-z]-[A-Za-z0-9-]+/g, '[redacted]'],
  [/\bxapp-[A-Za-z0-9-]+/g, '[redacted]'],
  [/("token"\s*:\s*")[^"]*(")/g, '$1[redacted]$2'],
  [/([?&]ticket=)[^&\s"']+/g, '$1[redacted]'],
];

type PinoLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * A Bolt logger that forwards to a pino logger, as a child bound to `{ adapter: 'slack' }`, with Slack tokens and the
 * given secrets removed from every line. Pino's level rules: Bolt's `setLevel` is ignored.
 */
export function createBoltLogger(log: Log, secrets: readonly (string | undefined)[] = []): Logger {
  const child = log.child({ adapter: 'slack' });
  const known = secrets.filter((secret): secret is string => secret !== undefined && secret.length >= 8);
  const scrub = (text: string): string => {
    let clean = text;
    for (const secret of known) clean = clean.split(secret).join('[redacted]');
    for (const [shape, replacement] of secretShapes) clean = clean.replace(shape, replacement);
    return clean;
  };
  const write =
    (level: PinoLevel) =>
    (...msg: unknown[]): void => {
      if (!child.isLevelEnabled(level)) return;
      // Parts are joined rather than passed to util.format, so a `%s` inside a logged payload stays literal.
      const text = scrub(msg.map(describePart).join(' '));
      const error = msg.find((part): part is Error => part instanceof Error);
      if (error === undefined) {
        child[level](text);
        return;
      }
      const code = (error as { code?: unknown }).code;
      const err = { type: error.name, message: scrub(error.message), stack: scrub(error.stack ?? ''), code };
      child[level]({ err }, text);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: () => boltLevelOf(child.levelVal),
    setName: () => {},
  };
}

function describePart(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.message;
  return inspect(part, { breakLength: Infinity, depth: 4 });
}

function boltLevelOf(levelVal: number): LogLevel {
  if (levelVal <= 20) return LogLevel.DEBUG;
  if (levelVal <= 30) return LogLevel.INFO;
  if (levelVal <= 40) return LogLevel.WARN;
  return LogLevel.ERROR;
}
