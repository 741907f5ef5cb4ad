// Slack's text has two directions: what people type arrives with Slack's markup (`<@U1>`, `&amp;`), and what the bot
// sends is read as mrkdwn, where `<…>` makes mentions and links. This file owns both translations.

/**
 * Escapes the three characters Slack treats as control characters (`&`, `<`, `>`), so text the bot did not write
 * (article sentences, titles, outlet names, questions) cannot mention anyone, ping a channel or forge a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Turns a message as Slack delivers it into the plain question it asks. Mentions of people and broadcasts
 * (`<@U1>`, `<!here>`) address the workspace, not the story, so they are dropped (the bot's own mention with them);
 * channels and links become their visible labels; `&amp;`, `&lt;` and `&gt;` are decoded.
 */
export function plainTextFromSlack(text: string): string {
  const withoutMarkup = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = splitLabel(inner);
    if (target.startsWith('@')) return ' ';
    if (target.startsWith('#')) return label !== undefined ? `#${label}` : target;
    if (target.startsWith('!')) return target.startsWith('!date^') && label !== undefined ? label : ' ';
    return label ?? target;
  });
  return withoutMarkup
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar === -1 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

/**
 * Shortens already-escaped mrkdwn to at most `max` characters (UTF-16 units, as Slack counts), ending in `…`, never
 * cutting an `&amp;`-style entity or a surrogate pair in half.
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Makes a link target safe inside `<url|label>`: only http and https addresses, with the characters that would end
 * the link or start a mention percent-encoded and `&` escaped; null for anything else.
 */
export function safeLinkTarget(url: string | null): string | null {
  if (url === null || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[<>|\s]/g, (char) => encodeURIComponent(char)).replace(/&/g, '&amp;');
}
