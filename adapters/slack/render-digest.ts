import type { types } from '@slack/bolt';
import { describeDigestSource, markersOf, sourcesOf } from '../../src/digest/render-text.js';
import type { Digest } from '../../src/digest/types.js';
import { slackLimits, type SlackMessage } from './render-blocks.js';
import { escapeMrkdwn, fitText } from './slack-text.js';

/**
 * Renders a digest as one Slack message: a context line with the header, one section per part (its title in bold,
 * then bullets with `[n]` markers, or its one-line note), and a context block naming the cited articles. Every text
 * that came from the coverage is escaped, so no article can mention anyone or post `<!channel>`.
 */
export function renderDigest(digest: Digest): SlackMessage {
  const blocks: types.KnownBlock[] = [{ type: 'context', elements: [{ type: 'mrkdwn', text: fitText(`*${escapeMrkdwn(digest.header)}*`, slackLimits.contextElementText) }] }];
  for (const section of digest.sections) {
    const lines = [`*${escapeMrkdwn(section.title)}*`];
    if (section.items.length === 0) lines.push(`_${escapeMrkdwn(section.note ?? '')}_`);
    for (const item of section.items) lines.push(`• ${escapeMrkdwn(item.text)} ${markersOf(item)}`.trimEnd());
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fitText(lines.join('\n'), slackLimits.sectionText) } });
  }
  const sources = sourcesOf(digest.sections).map((source) => escapeMrkdwn(describeDigestSource(source.numbers, source.citation)));
  if (sources.length > 0) {
    const max = slackLimits.contextElements;
    const grouped = sources.length <= max ? sources : [...sources.slice(0, max - 1), sources.slice(max - 1).join('\n')];
    blocks.push({ type: 'context', elements: grouped.map((text) => ({ type: 'mrkdwn', text: fitText(text, slackLimits.contextElementText) })) });
  }
  return { text: fitText(escapeMrkdwn(digest.text), slackLimits.fallbackText), blocks };
}
