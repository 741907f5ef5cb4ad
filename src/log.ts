import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type prettyFactory from 'pino-pretty';

/** The logger type every module takes, so none of them imports pino itself. */
export type Log = Logger;

/** Options for {@link createLogger}. */
export type LoggerOptions = {
  /** Minimum level written; `silent` writes nothing. Defaults to `info`. */
  level?: string;
  /** Human-readable lines instead of JSON; defaults to whether stderr is a terminal. */
  pretty?: boolean;
  /** Where lines go; defaults to stderr so stdout stays clean for `--json` output. */
  destination?: NodeJS.WritableStream;
};

// Secrets can arrive inside error objects and request options; pino blanks these paths wherever they appear.
const redactedPaths = [
  'token',
  '*.token',
  '*.*.token',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.*.headers.authorization',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
];

/** Creates the process logger: pino, JSON or pretty, always on stderr, with token fields redacted. */
export function createLogger(options: LoggerOptions = {}): Log {
  const level = options.level ?? 'info';
  const usePretty = options.pretty ?? Boolean(process.stderr.isTTY);
  const base = { level, redact: { paths: redactedPaths, censor: '[redacted]' }, base: undefined };
  if (usePretty) {
    // Loaded only for a terminal: most processes (the engine's worker, a piped `storybot ask`) write JSON, and the
    // pretty printer's packages took 30 ms of every start.
    const pretty = createRequire(import.meta.url)('pino-pretty') as typeof prettyFactory;
    return pino(base, pretty({ destination: options.destination ?? 2, colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss' }));
  }
  return pino(base, options.destination ?? pino.destination({ dest: 2, sync: true }));
}

/** A logger that writes nothing, for tests and library callers that pass none. */
export const silentLog: Log = pino({ level: 'silent' });
