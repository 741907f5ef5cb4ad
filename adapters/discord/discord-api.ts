import type { RESTOptions } from 'discord.js';
import type { Config } from '../../src/config.js';

/**
 * REST options for the bot and the deploy script: Discord's API by default, or `DISCORD_API_URL` (the base before
 * `/v10`, like Discord's own `https://discord.com/api`) for tests and proxies. The gateway address then comes from
 * that API's `GET /gateway/bot`, as it does from Discord's.
 */
export function discordRestOptions(config: Pick<Config, 'DISCORD_API_URL'>): Partial<RESTOptions> {
  // Spreading `api: undefined` over the library's defaults would erase Discord's address, so leave it out.
  return config.DISCORD_API_URL === undefined ? {} : { api: config.DISCORD_API_URL.replace(/\/+$/, '') };
}
