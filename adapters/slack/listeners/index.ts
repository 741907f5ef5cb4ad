import type { App } from '@slack/bolt';
import { storyRoutes } from './commands/index.js';
import { storyCommand } from './commands/story-command.js';
import { appMention } from './events/app-mention.js';
import type { ListenerDeps } from './listener-deps.js';
import { directMessage } from './messages/direct-message.js';
import { threadReply } from './messages/thread-reply.js';

/** Attaches every storybot listener to a Bolt app: channel mentions, replies in its threads, direct messages and `/story`. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.event('app_mention', appMention(deps));
  app.message(directMessage(deps));
  app.message(threadReply(deps));
  app.command('/story', storyCommand(deps, storyRoutes));
}
