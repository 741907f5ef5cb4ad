import type { APIEmbed, APIEmbedField } from 'discord.js';

/** Discord's size limits for one message, in UTF-16 code units (Discord counts characters; this never undercounts). */
export const discordLimits = {
  content: 2000,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author name of all of a message's embeds together. */
  embedsTotal: 6000,
} as const;

const ellipsis = '…';

/**
 * Shortens text to at most `max` characters, ending with "…" when cut; prefers a word boundary in the last fifth,
 * never splits a surrogate pair and never leaves a dangling markdown escape.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = max - ellipsis.length;
  const space = text.lastIndexOf(' ', cut);
  if (space > cut * 0.8) cut = space;
  let head = text.slice(0, cut);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  head = head.replace(/\s+$/, '');
  // An odd run of trailing backslashes would escape the ellipsis and show a stray "\".
  const slashes = /\\+$/.exec(head)?.[0].length ?? 0;
  if (slashes % 2 === 1) head = head.slice(0, -1);
  return `${head}${ellipsis}`;
}

/** Groups lines into newline-joined chunks of at most `max` characters; a line longer than `max` is truncated. */
export function packLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current === '') current = line;
    else if (current.length + 1 + line.length <= max) current += `\n${line}`;
    else {
      chunks.push(current);
      current = line;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** The characters of an embed that count towards the 6,000 shared by a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  let length = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  length += embed.footer?.text.length ?? 0;
  length += embed.author?.name.length ?? 0;
  for (const field of embed.fields ?? []) length += field.name.length + field.value.length;
  return length;
}

/**
 * Makes a message's embeds fit Discord: each part cut to its limit, at most 25 fields and 10 embeds; when all of
 * them exceed 6,000 characters, trailing fields are dropped and descriptions shortened, last embed first, and as a
 * last resort trailing embeds are dropped (one embed with one field and no description always fits).
 */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const fitted = embeds.slice(0, discordLimits.embedsPerMessage).map(fitEmbed);
  let excess = fitted.reduce((sum, embed) => sum + embedLength(embed), 0) - discordLimits.embedsTotal;
  for (let i = fitted.length - 1; i >= 0 && excess > 0; i--) {
    const before = embedLength(fitted[i]!);
    fitted[i] = shrinkEmbed(fitted[i]!, excess);
    excess -= before - embedLength(fitted[i]!);
  }
  while (excess > 0 && fitted.length > 1) excess -= embedLength(fitted.pop()!);
  return fitted;
}

function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (embed.title !== undefined) fitted.title = truncate(embed.title, discordLimits.title);
  if (embed.description !== undefined) fitted.description = truncate(embed.description, discordLimits.description);
  if (embed.footer !== undefined) fitted.footer = { ...embed.footer, text: truncate(embed.footer.text, discordLimits.footerText) };
  if (embed.author !== undefined) fitted.author = { ...embed.author, name: truncate(embed.author.name, discordLimits.authorName) };
  if (embed.fields !== undefined) {
    fitted.fields = embed.fields.slice(0, discordLimits.fields).map(
      (field): APIEmbedField => ({
        ...field,
        name: truncate(field.name, discordLimits.fieldName),
        value: truncate(field.value, discordLimits.fieldValue),
      }),
    );
  }
  return fitted;
}

function shrinkEmbed(embed: APIEmbed, excess: number): APIEmbed {
  const shrunk: APIEmbed = { ...embed };
  let saved = 0;
  if (embed.fields !== undefined) {
    // Keep the first field: it is the one readers look for (the sources of an answer).
    const fields = [...embed.fields];
    while (saved < excess && fields.length > 1) {
      const dropped = fields.pop()!;
      saved += dropped.name.length + dropped.value.length;
    }
    shrunk.fields = fields;
  }
  if (saved < excess && embed.description !== undefined) {
    const description = truncate(embed.description, Math.max(0, embed.description.length - (excess - saved)));
    if (description === '') delete shrunk.description;
    else shrunk.description = description;
  }
  return shrunk;
}
