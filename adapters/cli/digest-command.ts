import { statSync } from 'node:fs';
import { join } from 'node:path';
import { composeDigest } from '../../src/digest/compose-digest.js';
import type { Digest } from '../../src/digest/types.js';
import type { Story } from '../../src/story.js';
import { openStore } from '../../src/store/open-store.js';

/** What `storybot digest` needs: the story, where the store is, and the flags. */
export type DigestCommandInput = {
  story: Story;
  /** The corpus folder, for file times when the store does not know an article. */
  corpus: string;
  dataDir: string;
  /** `--since` as typed, or undefined. */
  since: string | undefined;
  timeZone: string;
  now: Date;
};

/** The digest to print, or a message for stderr with the exit code it deserves. */
export type DigestCommandResult = { ok: true; digest: Digest } | { ok: false; message: string; exitCode: number };

/**
 * Composes the digest the CLI prints, reading the store (if there is one) without writing to it: "new" means first
 * seen after `--since`, else after the last digest any channel got, else nothing is new. An article the store has
 * not seen counts as first seen when its file was last modified.
 */
export function digestForCli(input: DigestCommandInput): DigestCommandResult {
  let since: Date | null = null;
  if (input.since !== undefined) {
    since = new Date(input.since);
    if (input.since.trim() === '' || Number.isNaN(since.getTime())) {
      return { ok: false, message: `storybot: --since expects an ISO 8601 time such as 2025-12-04T09:00:00Z, got "${input.since}"`, exitCode: 2 };
    }
  }
  const opened = openStore({ dir: input.dataDir, readOnly: true });
  if (!opened.ok && opened.reason !== 'missing') return { ok: false, message: opened.message, exitCode: 1 };
  const store = opened.ok ? opened.store : null;
  try {
    since ??= store?.deliveries.lastDeliveredAnywhere() ?? null;
    const firstSeen = (document: string): Date | null => store?.articles.firstSeen(document) ?? modifiedAt(join(input.corpus, document));
    return { ok: true, digest: composeDigest(input.story, { now: input.now, since, firstSeen, timeZone: input.timeZone }) };
  } finally {
    store?.close();
  }
}

/** The digest's JSON contract: exactly `{ text, sections }`. */
export function toDigestJson(digest: Digest): { text: string; sections: Digest['sections'] } {
  return { text: digest.text, sections: digest.sections };
}

function modifiedAt(path: string): Date | null {
  try {
    return statSync(path).mtime;
  } catch {
    return null;
  }
}
