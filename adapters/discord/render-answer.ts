import { escapeMarkdown, type APIEmbed, type APIEmbedField, type MessageMentionOptions } from 'discord.js';
import { resolvedDiffers } from '../../src/conversation/converse.js';
import { describeCitation, describeCoverage, describeSource } from '../../src/format.js';
import { safeRenderedText } from '../../src/text/safe-text.js';
import type { Answer, AskResult, SourceSummary, StoryOverview } from '../../src/types.js';
import { discordLimits, fitEmbeds, packLines, truncate } from './embed-limits.js';

/** What to send for an asked question: embeds for an answer or abstention, or the core's message for a refusal. */
export type RenderedAnswer = { ok: true; embeds: APIEmbed[] } | { ok: false; content: string };

/** The short apology sent when answering failed after the user was told to wait. */
export const apologyText = 'Sorry, something went wrong while answering. Please try again in a moment.';

/** Allowed mentions for everything the bot sends: nothing it says can ping a user, a role, everyone or the asker. */
export const noPings = { parse: [], repliedUser: false } as const satisfies MessageMentionOptions;

/** How commands and hints refer to the article list, in abstentions. */
export const sourcesHint = '/sources';

const answerColor = 0x2f6fb3;
const abstainColor = 0x8a929b;
// One citation or article line; longer ones (aggregator headlines run to hundreds of characters) are cut.
const maxLineLength = 300;
const maxStoryTitleInFooter = 150;
// The "Read as" line quotes a question, which a mention may make up to 2,000 characters long.
const maxReadAsLength = 300;

/**
 * Makes text from users or articles inert in Discord markdown: formatting, headings, lists and masked links are
 * escaped, and `@everyone`/`@here` get a zero-width space (allowed mentions already stop pings; this also stops the
 * highlight).
 */
export function escapeText(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  return escaped.replace(/@(everyone|here)\b/g, '@\u200b$1');
}

/** Renders the outcome of asking as Discord wants it, within Discord's limits. */
export function renderAnswer(result: AskResult, overview: StoryOverview): RenderedAnswer {
  if (!result.ok) return { ok: false, content: truncate(escapeText(result.message), discordLimits.content) };
  return { ok: true, embeds: fitEmbeds([answerEmbed(result.answer, overview)]) };
}

/** Renders the story's articles as one embed: numbered lines of outlet, date and title, split over fields. */
export function renderSources(sources: readonly SourceSummary[], overview: StoryOverview): APIEmbed[] {
  const outlets = overview.outlets.length;
  const title = truncate(`Sources: ${escapeText(oneLine(overview.title))}`, discordLimits.title);
  const description =
    sources.length === 0
      ? 'The story has no articles yet.'
      : `${plural(sources.length, 'article')}${outlets > 0 ? ` from ${plural(outlets, 'outlet')}` : ''}, newest first.`;
  const footer = storyFooter(overview);
  const lines = sources.map((source, i) => `${i + 1}. ${sourceLine(source)}`);
  const fields = sourceFields(lines, discordLimits.embedsTotal - title.length - description.length - footer.length);
  return fitEmbeds([{ title, description, color: answerColor, footer: { text: footer }, fields }]);
}

/**
 * The italic line that says how a follow-up was understood ("Read as: when did they meet?"), or null when the
 * question answered is the one typed.
 */
export function readAsLine(answer: Pick<Answer, 'question' | 'resolved'>): string | null {
  if (!resolvedDiffers(answer.question, answer.resolved)) return null;
  return `*Read as: ${truncate(escapeText(oneLine(safeRenderedText(answer.resolved))), maxReadAsLength)}*`;
}

function answerEmbed(answer: Answer, overview: StoryOverview): APIEmbed {
  const parts: string[] = [];
  const readAs = readAsLine(answer);
  if (readAs !== null) parts.push(readAs);
  if (answer.short !== null && !answer.abstained) parts.push(`**${escapeText(answer.short)}**`);
  parts.push(escapeText(answer.answer));
  if (answer.abstained) parts.push(escapeText(describeCoverage(overview, sourcesHint)));
  const embed: APIEmbed = {
    title: truncate(escapeText(oneLine(answer.question)), discordLimits.title),
    description: truncate(parts.join('\n\n'), discordLimits.description),
    color: answer.abstained ? abstainColor : answerColor,
    footer: { text: storyFooter(overview) },
  };
  if (answer.citations.length > 0) {
    const lines = answer.citations.map((citation) => `[${citation.n}] ${truncate(escapeText(oneLine(describeCitation(citation))), maxLineLength)}`);
    embed.fields = packLines(lines, discordLimits.fieldValue).map((value, i) => ({ name: i === 0 ? 'Sources' : 'Sources (continued)', value }));
  }
  return embed;
}

/** Fields of article lines within `budget` characters and 25 fields; what does not fit is counted in a last line. */
function sourceFields(lines: readonly string[], budget: number): APIEmbedField[] {
  const chunks = packLines(lines, discordLimits.fieldValue);
  const fields: APIEmbedField[] = [];
  let used = 0;
  let shown = 0;
  // Room for the "…and N more" line, added to the last field or as a field of its own.
  const reserve = 64;
  for (const chunk of chunks) {
    const name = fields.length === 0 ? 'Articles' : '\u200b';
    if (fields.length === discordLimits.fields - 1 || used + name.length + chunk.length > budget - reserve) break;
    fields.push({ name, value: chunk });
    used += name.length + chunk.length;
    shown += chunk.split('\n').length;
  }
  const hidden = lines.length - shown;
  if (hidden > 0) {
    const note = `…and ${plural(hidden, 'more article')}.`;
    const last = fields.at(-1);
    if (last !== undefined && last.value.length + 1 + note.length <= discordLimits.fieldValue) last.value += `\n${note}`;
    else fields.push({ name: fields.length === 0 ? 'Articles' : '\u200b', value: note });
  }
  return fields;
}

/** An article's line: outlet · date · "title", cut to length, then a link when the article has an address. */
function sourceLine(source: SourceSummary): string {
  // Cut before adding the link, so a long headline never cuts a link in half.
  const line = truncate(escapeText(oneLine(describeSource(source))), maxLineLength);
  const url = safeLink(source.url);
  return url === null ? line : `${line} · [link](<${url}>)`;
}

/** An http(s) address safe inside a markdown link, or null. */
function safeLink(url: string | null): string | null {
  if (url === null || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const href = parsed.href.replace(/[()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return href.length <= 512 ? href : null;
}

function storyFooter(overview: StoryOverview): string {
  return `Story: ${truncate(overview.title, maxStoryTitleInFooter)} · ${plural(overview.articles, 'article')}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
