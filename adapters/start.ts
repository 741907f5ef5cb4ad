import type { Config } from '../src/config.js';
import type { Log } from '../src/log.js';
import type { StoryService } from '../src/service.js';

/** Something `npm start` runs until the process is asked to stop. */
type Running = { name: string; stop(): Promise<void> };

/** Options for {@link startStorybot}. */
export type StartOptions = {
  config: Config;
  service: StoryService;
  log: Log;
  /** The terminal for the console chat, used when no platform is configured. */
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
};

/**
 * Starts every configured platform (Discord when DISCORD_TOKEN is set, Slack when SLACK_BOT_TOKEN is) and runs until
 * SIGINT or SIGTERM; with neither configured, runs the console chat until its input ends.
 */
export async function startStorybot(options: StartOptions): Promise<void> {
  const { config, service, log } = options;
  const running: Running[] = [];
  const stopAll = async () => {
    for (const part of running.reverse()) {
      try {
        await part.stop();
      } catch (error) {
        log.error({ part: part.name, err: error instanceof Error ? error.message : String(error) }, 'could not stop cleanly');
      }
    }
  };
  try {
    if (config.DISCORD_TOKEN !== undefined) {
      const { startDiscordBot } = await import('./discord/start-discord.js');
      running.push({ name: 'discord', ...(await startDiscordBot({ config, service, log })) });
    }
    if (config.SLACK_BOT_TOKEN !== undefined) {
      const { startSlackBot } = await import('./slack/start-slack.js');
      running.push({ name: 'slack', ...(await startSlackBot({ config, service, log })) });
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  if (running.length === 0) {
    const { startConsoleChat } = await import('./console/console-chat.js');
    await startConsoleChat({ service, input: options.input, output: options.output });
    return;
  }
  log.info({ platforms: running.map((part) => part.name) }, 'storybot is running; Ctrl-C stops it');
  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      log.info({ signal }, 'stopping');
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  await stopAll();
}
