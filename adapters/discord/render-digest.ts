import type { APIEmbed } from 'discord.js';
import { describeDigestSource, markersOf, sourcesOf } from '../../src/digest/render-text.js';
import type { Digest } from '../../src/digest/types.js';
import { discordLimits, truncate } from './embed-limits.js';
import { escapeText } from './render-answer.js';

const digestColor = 0x2f6fb3;

/** Footer words that mark a digest posted on schedule, as opposed to one shown on request. */
export const scheduledFooter = 'Scheduled story digest';

/**
 * Renders a digest as one embed: the header as title, each part's title in bold with its bullets and `[n]` markers
 * (or its one-line note) and the cited articles, all escaped, within the 4,096-character description. A scheduled
 * digest carries its slot as the embed's timestamp (Discord shows it in each reader's time) and says so in the footer.
 */
export function renderDigestEmbed(digest: Digest, scheduledFor: Date | null = null): APIEmbed {
  const blocks: string[] = [];
  for (const section of digest.sections) {
    const lines = [`**${escapeText(section.title)}**`];
    if (section.items.length === 0) lines.push(`*${escapeText(section.note ?? '')}*`);
    for (const item of section.items) lines.push(`• ${escapeText(item.text)} ${markersOf(item)}`.trimEnd());
    blocks.push(lines.join('\n'));
  }
  const sources = sourcesOf(digest.sections).map((source) => escapeText(describeDigestSource(source.numbers, source.citation)));
  if (sources.length > 0) blocks.push(['**Sources**', ...sources].join('\n'));
  const embed: APIEmbed = {
    title: truncate(escapeText(digest.header), discordLimits.title),
    description: truncate(blocks.join('\n\n'), discordLimits.description),
    color: digestColor,
    footer: { text: scheduledFor === null ? 'Story digest' : scheduledFooter },
  };
  if (scheduledFor !== null) embed.timestamp = scheduledFor.toISOString();
  return embed;
}
