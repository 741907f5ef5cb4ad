// What storybot renders from articles (an answer's quoted sentences, a digest's bullets, titles and outlets) is read
// by people in chat apps and by any program that takes the CLI's JSON. Passages stay verbatim for citations; the
// rendered text goes through here, so that it can neither ping anyone nor be shown in a misleading order.

// Every invisible format character (zero-width spaces and joiners, bidirectional marks, embeddings, overrides and
// isolates, the Arabic letter mark, soft hyphens, variation selectors, tags): an unclosed U+202E reverses how all
// that follows it is displayed, the [n] markers included.
const invisible = /\p{Default_Ignorable_Code_Point}/gu;
// Line and paragraph separators break a line where a chat app shows none.
const separators = /[\u2028\u2029]/g;
// Discord and Slack mention syntax: <@U123>, <@!123>, <@&role>, <#C123>, <!channel>, <!here>, <!subteam^S1|@team>.
const mentionSyntax = /<([@!#][^<>\n]{0,200})>/g;
// Broadcast words that ping in chat apps when written with an at sign.
const broadcast = /(?<![\p{L}\p{N}_])@(?=(?:everyone|here|channel)\b)/giu;

/**
 * Makes rendered text safe to show: invisible format characters removed, line separators made spaces, mention
 * syntax put in single guillemets (`‹@U123›`) and the at sign of `@everyone`, `@here` and `@channel` made a full-width
 * `＠`, so the words still read as the article wrote them and nothing pings. Safe text comes back unchanged.
 */
export function safeRenderedText(text: string): string {
  return text.replace(invisible, '').replace(separators, ' ').replace(mentionSyntax, '‹$1›').replace(broadcast, '＠');
}

