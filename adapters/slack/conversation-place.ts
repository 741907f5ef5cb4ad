// Conversation ids on Slack: a thread in a channel (the one a mention starts, or the one it was made in), and a DM
// (the DM as a whole, or a thread in it). Two threads never share an id.

/** The conversation id of a thread in a channel, named by its parent message's timestamp. */
export function threadConversation(channel: string, threadTs: string): string {
  return `slack:${channel}:${threadTs}`;
}

/** The conversation id of a DM with the bot: the DM itself, or a thread in it. */
export function dmConversation(channel: string, threadTs: string | undefined): string {
  return threadTs === undefined ? `slack:${channel}` : threadConversation(channel, threadTs);
}

/** The key under which one of the bot's messages is recorded in the reply log. */
export function replyKey(channel: string, ts: string): string {
  return `slack:${channel}:${ts}`;
}

/** Whether Slack message text mentions a user (`<@U123>` or `<@U123|name>`). */
export function mentionsUser(text: string, userId: string): boolean {
  return text.includes(`<@${userId}>`) || text.includes(`<@${userId}|`);
}
