import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { describeConfigErrors, parseConfig, type Config } from '../../src/config.js';
import { createLogger, type Log } from '../../src/log.js';
import { commands } from './commands/index.js';
import { discordRestOptions } from './discord-api.js';
import { describeError } from './scrub.js';

/** Where commands were registered and which. */
export type DeployResult = {
  /** `guild` registers in DISCORD_GUILD_ID only, at once; `global` reaches every server, within about an hour. */
  scope: 'guild' | 'global';
  /** The names Discord now has, in registration order. */
  names: string[];
};

/**
 * Registers every slash command with Discord, replacing the application's earlier set: in DISCORD_GUILD_ID when
 * set, globally otherwise. Throws when DISCORD_TOKEN or DISCORD_APPLICATION_ID is missing or Discord refuses.
 */
export async function deployCommands(options: { config: Config; log: Log }): Promise<DeployResult> {
  const { config } = options;
  const log = options.log.child({ adapter: 'discord' });
  const token = config.DISCORD_TOKEN;
  const applicationId = config.DISCORD_APPLICATION_ID;
  if (token === undefined || applicationId === undefined) {
    throw new Error('deployCommands: DISCORD_TOKEN and DISCORD_APPLICATION_ID must both be set');
  }
  const guildId = config.DISCORD_GUILD_ID;
  const route = guildId === undefined ? Routes.applicationCommands(applicationId) : Routes.applicationGuildCommands(applicationId, guildId);
  const rest = new REST(discordRestOptions(config)).setToken(token);
  const registered = (await rest.put(route, { body: commands.map((command) => command.data) })) as RESTPutAPIApplicationCommandsResult;
  const result: DeployResult = { scope: guildId === undefined ? 'global' : 'guild', names: registered.map((command) => command.name) };
  log.info({ scope: result.scope, guildId, applicationId, commands: result.names }, 'slash commands registered');
  return result;
}

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const parsed = parseConfig();
  if (!parsed.ok) {
    process.stderr.write(`storybot: configuration problem\n${describeConfigErrors(parsed.errors)}\n`);
    return 78;
  }
  const log = createLogger({ level: parsed.config.LOG_LEVEL });
  if (parsed.config.DISCORD_TOKEN === undefined || parsed.config.DISCORD_APPLICATION_ID === undefined) {
    process.stderr.write('storybot: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (see docs/discord.md) to deploy the slash commands\n');
    return 78;
  }
  try {
    const result = await deployCommands({ config: parsed.config, log });
    const where = result.scope === 'guild' ? `server ${parsed.config.DISCORD_GUILD_ID}` : 'every server (global; may take up to an hour)';
    process.stdout.write(`Registered ${result.names.length} commands in ${where}: ${result.names.map((name) => `/${name}`).join(' ')}\n`);
    return 0;
  } catch (error) {
    const summary = describeError(error);
    log.error({ adapter: 'discord', err: summary }, 'could not register the slash commands');
    const hint = summary.status === 401 ? ' (check DISCORD_TOKEN)' : summary.status === 403 || summary.status === 404 ? ' (check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID)' : '';
    process.stderr.write(`storybot: could not register the slash commands: ${summary.message}${hint}\n`);
    return 1;
  }
}

// Run as a script (`tsx adapters/discord/deploy-commands.ts`), not when imported by a test.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
