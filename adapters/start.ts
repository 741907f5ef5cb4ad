import { createSystemClock, type Clock } from '../src/clock.js';
import type { Config } from '../src/config.js';
import { createDigestDesk, type DigestDesk } from '../src/digest/digest-desk.js';
import { parseSchedule, type DigestSchedule } from '../src/digest/schedule.js';
import { createDigestScheduler, type DigestScheduler } from '../src/digest/scheduler.js';
import type { Digest, DigestPoster } from '../src/digest/types.js';
import type { EngineTestHooks } from '../src/engine/protocol.js';
import { createStoryEngine, type StoryEngine } from '../src/engine/story-engine.js';
import type { ArticleLog } from '../src/live-story.js';
import type { Log } from '../src/log.js';
import { openStore, type Store } from '../src/store/open-store.js';

/** Something `npm start` runs until the process is asked to stop. */
type Running = { name: string; stop(): Promise<void> };

/** Options for {@link startStorybot}. */
export type StartOptions = {
  config: Config;
  /** The corpus folder to follow (STORY_DIR or `--corpus`). */
  corpus: string;
  /** The state folder (DATA_DIR or `--data-dir`); defaults to the config's. */
  dataDir?: string;
  log: Log;
  /** The terminal for the console chat, used when no platform is configured. */
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The timer owner; defaults to the system clock. */
  clock?: Clock;
  /** Resolves when the bot should stop; defaults to SIGINT or SIGTERM. */
  until?: Promise<void>;
  /** Only tests set these (see the story engine). */
  testHooks?: EngineTestHooks;
};

/** How starting ended: stopped cleanly, or why it could not start (a store or corpus problem, named). */
export type StartResult = { ok: true } | { ok: false; message: string };

/**
 * Opens the store, starts the story engine on the corpus (a worker thread that follows the folder), starts every
 * configured platform (Discord when DISCORD_TOKEN is set, Slack when SLACK_BOT_TOKEN is) and the digest schedule
 * when DIGEST_SCHEDULE is set, and runs until stopped. Platforms connect at once and say the story is still loading
 * until its first index is built. With no platform, runs the console chat, once the story is open, until its input
 * ends.
 */
export async function startStorybot(options: StartOptions): Promise<StartResult> {
  const { config, log } = options;
  const clock = options.clock ?? createSystemClock();
  const dataDir = options.dataDir ?? config.DATA_DIR;
  const opened = openStore({ dir: dataDir, conversationTtlMs: config.CONVERSATION_TTL_HOURS * 3_600_000 });
  if (!opened.ok) return { ok: false, message: opened.message };
  const store = opened.store;
  log.debug({ path: store.path }, 'store opened');
  const engine = createStoryEngine({
    dir: options.corpus,
    cacheDir: dataDir,
    follow: { articles: store.articles, clock },
    answerTimeoutMs: config.ANSWER_TIMEOUT_MS,
    log,
    ...(options.testHooks === undefined ? {} : { testHooks: options.testHooks }),
  });
  const schedule = config.DIGEST_SCHEDULE === undefined ? null : scheduleOf(config.DIGEST_SCHEDULE, config.DIGEST_TIMEZONE);
  const compose = composerFor(engine, store.articles, config.DIGEST_TIMEZONE);
  const digests = createDigestDesk({
    clock,
    deliveries: store.deliveries,
    subscriptions: store.subscriptions,
    channels: config.DIGEST_CHANNELS,
    schedule,
    compose,
  });

  const running: Running[] = [];
  const posters = new Map<string, DigestPoster>();
  let scheduler: DigestScheduler | undefined;
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    scheduler?.stop();
    await scheduler?.idle();
    for (const part of running.reverse()) {
      try {
        await part.stop();
      } catch (error) {
        log.error({ part: part.name, err: error instanceof Error ? error.message : String(error) }, 'could not stop cleanly');
      }
    }
    await engine.close();
    store.close();
  };

  if (config.DISCORD_TOKEN === undefined && config.SLACK_BOT_TOKEN === undefined) {
    if (schedule !== null) log.warn('DIGEST_SCHEDULE is set but neither Discord nor Slack is configured, so no digest is posted');
    const start = await engine.ready();
    if (!start.ok) {
      await stopAll();
      return { ok: false, message: start.message };
    }
    const { startConsoleChat } = await import('./console/console-chat.js');
    await startConsoleChat({ service: engine.service, input: options.input, output: options.output });
    await stopAll();
    return { ok: true };
  }
  try {
    await startPlatforms({ config, log, clock, engine, store, digests, running, posters });
  } catch (error) {
    await stopAll();
    throw error;
  }
  log.info({ platforms: running.map((part) => part.name), digests: schedule?.pattern ?? null }, 'storybot is running; Ctrl-C stops it');
  // The story may still be loading: the digest schedule starts once it is open (a slot missed meanwhile is posted
  // then, as after any restart), and a folder that cannot be read stops the bot as soon as the engine finds out.
  const failed = engine.ready().then((start) => {
    if (!start.ok) return start.message;
    log.info('the story is open; questions are answered from it');
    if (schedule !== null && !stopping) {
      scheduler = createDigestScheduler({
        schedule,
        clock,
        deliveries: store.deliveries,
        subscriptions: store.subscriptions,
        channels: config.DIGEST_CHANNELS,
        posters,
        compose,
        log,
      });
      scheduler.start();
    }
    return new Promise<never>(() => undefined);
  });
  const stopped = (options.until ?? untilSignal(log)).then(() => null);
  const failure = await Promise.race([stopped, failed]);
  await stopAll();
  if (failure !== null) return { ok: false, message: failure };
  return { ok: true };
}

type PlatformDeps = {
  config: Config;
  log: Log;
  clock: Clock;
  engine: StoryEngine;
  store: Store;
  digests: DigestDesk;
  running: Running[];
  posters: Map<string, DigestPoster>;
};

async function startPlatforms({ config, log, clock, engine, store, digests, running, posters }: PlatformDeps): Promise<void> {
  // Threads, DMs and replies keep their conversations in the store, so a restart does not forget them.
  const conversations = { turns: store.conversations, replies: store.replies, now: () => clock.now() };
  if (config.DISCORD_TOKEN !== undefined) {
    const { startDiscordBot } = await import('./discord/start-discord.js');
    const bot = await startDiscordBot({ config, service: engine.service, log, digests, conversations });
    running.push({ name: 'discord', stop: bot.stop });
    posters.set('discord', bot.digestPoster);
  }
  if (config.SLACK_BOT_TOKEN !== undefined) {
    const { startSlackBot } = await import('./slack/start-slack.js');
    const { createStoreSeenEvents } = await import('./slack/seen-events.js');
    const bot = await startSlackBot({ config, service: engine.service, log, digests, conversations, seen: createStoreSeenEvents(store.seenKeys) });
    running.push({ name: 'slack', stop: bot.stop });
    posters.set('slack', bot.digestPoster);
  }
}

/**
 * The digest composer of a running bot: the story as the engine holds it at each call, articles' first-seen times
 * from the store, in the schedule's time zone. Channels due at the same slot usually share their "since", so a
 * digest composed in the last minute for the same "since" and an unchanged story is reused rather than composed again.
 */
export function composerFor(engine: StoryEngine, articles: Pick<ArticleLog, 'firstSeen'>, timeZone: string): (channel: string, since: Date | null, now: Date) => Promise<Digest> {
  let version = 0;
  engine.onChange(() => {
    version += 1;
  });
  let last: { since: number | null; at: number; version: number; digest: Digest } | null = null;
  return async (_channel, since, now) => {
    const key = since?.getTime() ?? null;
    if (last !== null && last.since === key && last.version === version && now.getTime() - last.at >= 0 && now.getTime() - last.at < 60_000) {
      return last.digest;
    }
    const composedFor = version;
    const digest = await engine.digest({ now, since, timeZone, firstSeen: (document) => articles.firstSeen(document) });
    last = { since: key, at: now.getTime(), version: composedFor, digest };
    return digest;
  };
}

function scheduleOf(pattern: string, timeZone: string): DigestSchedule {
  const parsed = parseSchedule(pattern, timeZone);
  // parseConfig has already checked the pattern, so a failure here is a programming error.
  if (!parsed.ok) throw new Error(`startStorybot: DIGEST_SCHEDULE is not a schedule: ${parsed.message}`);
  return parsed.schedule;
}

function untilSignal(log: Log): Promise<void> {
  return new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      log.info({ signal }, 'stopping');
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
