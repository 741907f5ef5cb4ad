import type { types } from '@slack/bolt';
import { resolvedDiffers } from '../../src/conversation/converse.js';
import { describeCitation, describeCoverage, describeSource } from '../../src/format.js';
import { safeRenderedText } from '../../src/text/safe-text.js';
import type { AskResult, Answer, SourceSummary, StoryOverview } from '../../src/types.js';
import { escapeMrkdwn, fitText, safeLinkTarget } from './slack-text.js';

/** Slack's Block Kit limits that the renderers keep to (characters are UTF-16 units, as Slack counts them). */
export const slackLimits = {
  /** Characters in a section block's text. */
  sectionText: 3000,
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** Elements in one context block. */
  contextElements: 10,
  /** Characters in one context element's text. */
  contextElementText: 2000,
  /** Characters the renderers put in a message's plain `text` fallback (Slack itself truncates at 40,000). */
  fallbackText: 3000,
} as const;

/** A message as Slack takes it: Block Kit blocks and the `text` fallback used for notifications and screen readers. */
export type SlackMessage = { text: string; blocks: types.KnownBlock[] };

/** One line of the help text: how a command is typed and what it does. */
export type CommandHelp = { usage: string; description: string };

// The "Read as" line quotes a question, which a mention may make thousands of characters long.
const maxReadAsLength = 300;

/** Where the bot points people who want the article list. */
export const sourcesHint = '/story sources';

/** Renders the outcome of asking: an answer with its numbered sources, a friendly abstention, or why the question was refused. */
export function renderAskResult(result: AskResult, overview: StoryOverview): SlackMessage {
  if (!result.ok) return plainMessage(escapeMrkdwn(result.message));
  const { answer } = result;
  const message = answer.abstained
    ? plainMessage(`${escapeMrkdwn(answer.answer)}\n${escapeMrkdwn(describeCoverage(overview, sourcesHint))}`)
    : renderAnswer(answer);
  const readAs = readAsLine(answer);
  if (readAs === null) return message;
  return { text: fitText(`${readAs}\n${message.text}`, slackLimits.fallbackText), blocks: [contextBlock([readAs]), ...message.blocks] };
}

/**
 * The small italic line that says how a follow-up was understood ("Read as: when did they meet?"), or null when the
 * question answered is the one typed.
 */
export function readAsLine(answer: Pick<Answer, 'question' | 'resolved'>): string | null {
  if (!resolvedDiffers(answer.question, answer.resolved)) return null;
  const resolved = safeRenderedText(answer.resolved).replace(/\s+/g, ' ').trim();
  return `_Read as: ${fitText(escapeMrkdwn(resolved), maxReadAsLength)}_`;
}

function renderAnswer(answer: Answer): SlackMessage {
  const body = escapeMrkdwn(answer.answer);
  const short = answer.short !== null && answer.short.trim() !== '' ? escapeMrkdwn(answer.short.trim()) : null;
  const sectionText = fitText(short !== null ? `*${short}*\n${body}` : body, slackLimits.sectionText);
  const sourceLines = answer.citations.map((citation) => escapeMrkdwn(`[${citation.n}] ${describeCitation(citation)}`));
  const blocks: types.KnownBlock[] = [section(sectionText)];
  if (sourceLines.length > 0) blocks.push(contextBlock(sourceLines));
  const text = fitText([short, body, ...sourceLines].filter((line) => line !== null).join('\n'), slackLimits.fallbackText);
  return { text, blocks };
}

/** Renders the story's articles as a numbered list, split over as many sections as Slack's limits need. */
export function renderSources(sources: readonly SourceSummary[], overview: StoryOverview): SlackMessage {
  const count = `${sources.length} article${sources.length === 1 ? '' : 's'}`;
  const heading = `*I answer from ${count} about "${storyTitle(overview)}":*`;
  // Each line stays well under a section's limit with its link, so no line has to be cut inside a `<url|link>`.
  const lines = sources.map((source, i) => {
    const line = fitText(`${i + 1}. ${escapeMrkdwn(describeSource(source))}`, 2000);
    const href = safeLinkTarget(source.url);
    return href !== null && href.length <= 900 ? `${line} · <${href}|link>` : line;
  });
  // Two block slots are kept: the heading, and the "and N more" note that says when a long list was cut.
  const maxSections = slackLimits.blocksPerMessage - 2;
  const sections: string[][] = [];
  let shown = 0;
  for (const line of lines) {
    const last = sections.at(-1);
    if (last !== undefined && [...last, line].join('\n').length <= slackLimits.sectionText) last.push(line);
    else if (sections.length < maxSections) sections.push([line]);
    else break;
    shown += 1;
  }
  const blocks: types.KnownBlock[] = [section(heading), ...sections.map((group) => section(group.join('\n')))];
  const hidden = sources.length - shown;
  if (hidden > 0) blocks.push(contextBlock([`…and ${hidden} more not shown here.`]));
  const text = fitText([heading, ...lines].join('\n'), slackLimits.fallbackText);
  return { text, blocks };
}

/** Renders what the bot does and how to ask it, one line per command. */
export function renderHelp(commands: readonly CommandHelp[], overview: StoryOverview): SlackMessage {
  const lines = [
    `I answer questions about "${storyTitle(overview)}" from the articles that cover it, and number the sentences I used.`,
    '• Mention me in a channel I am in, for example `@storybot when is the next hearing?`. I answer in a thread, and every reply there is a follow-up: no need to mention me again.',
    '• Send me a direct message with your question; follow-ups there are read against what you asked before.',
    '• Say "start over" in a thread or DM to begin a new conversation there.',
    ...commands.map((command) => `• \`${escapeMrkdwn(command.usage)}\`: ${escapeMrkdwn(command.description)}`),
  ];
  return plainMessage(fitText(lines.join('\n'), slackLimits.sectionText));
}

/** A short notice from the bot itself (such as "Starting over: …"), escaped like any other text. */
export function renderNotice(text: string): SlackMessage {
  return plainMessage(escapeMrkdwn(text));
}

/** The reply when answering failed for a reason that is the bot's fault, not the question's. */
export function renderFailure(): SlackMessage {
  return plainMessage('Sorry, something went wrong while I was answering. Please try again in a moment.');
}

function storyTitle(overview: StoryOverview): string {
  return fitText(escapeMrkdwn(overview.title), 300);
}

function plainMessage(mrkdwn: string): SlackMessage {
  // The section limit is the tighter of the two, so one cut serves both the block and the fallback.
  const text = fitText(mrkdwn, Math.min(slackLimits.sectionText, slackLimits.fallbackText));
  return { text, blocks: [section(text)] };
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** A context block with one element per line; lines beyond the element limit share the last element. */
function contextBlock(lines: readonly string[]): types.ContextBlock {
  const max = slackLimits.contextElements;
  const groups = lines.length <= max ? lines : [...lines.slice(0, max - 1), lines.slice(max - 1).join('  ')];
  return {
    type: 'context',
    elements: groups.map((text) => ({ type: 'mrkdwn', text: fitText(text, slackLimits.contextElementText) })),
  };
}
