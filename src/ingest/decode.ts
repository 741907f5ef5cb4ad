import type { SkippedFile } from '../types.js';

/** Files larger than this many bytes are skipped as oversized (2 MiB). */
export const maxArticleBytes = 2 * 1024 * 1024;

/** An article file's text without its byte-order mark, or why its bytes are not an article. */
export type DecodeResult = { ok: true; text: string } | { ok: false; reason: SkippedFile['reason'] };

// Text files carry at most a stray control character or two; past this share of bytes the file is data.
const maxControlShare = 0.1;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes an article file's bytes as UTF-8, refusing empty, oversized, binary and non-UTF-8 files. */
export function decodeArticleBytes(bytes: Uint8Array, maxBytes = maxArticleBytes): DecodeResult {
  if (bytes.length > maxBytes) return { ok: false, reason: 'too-large' };
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not-utf8' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  return { ok: true, text };
}

function looksBinary(bytes: Uint8Array): boolean {
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0) return true;
    // Tab, line feed, form feed and carriage return are ordinary in text.
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) control++;
  }
  return bytes.length > 0 && control / bytes.length > maxControlShare;
}
