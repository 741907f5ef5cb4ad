import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { maxArticleBytes } from '../ingest/decode.js';
import { listArticleFiles } from '../ingest/read-corpus.js';
import type { Log } from '../log.js';
import { Story, type StorySnapshot } from '../story.js';
import type { Article, SkippedFile } from '../types.js';

/** Bumped whenever the saved shape changes, so that an older file is rebuilt rather than misread. */
export const indexFormatVersion = 2;

/** One corpus file as last hashed: its content hash, and the size and time that vouch for it while they hold. */
export type FileStamp = { name: string; size: number; mtimeMs: number; hash: string };

/** What a saved index is valid for: the corpus files' content hashes, the format and the code that builds it. */
export type CorpusKey = {
  /** One hash over every article file's name and content hash, the format version and the indexing code. */
  key: string;
  /** Every .txt and .md file of the folder, as hashed. */
  files: FileStamp[];
};

/** Where saved indexes live and how to report on them. */
export type IndexCacheOptions = { cacheDir: string; log: Log };

/**
 * A saved story with the files it was built from (`stamps`), or the corpus key to save a rebuilt one under (null
 * when the folder cannot be read, or was not hashed because changed files were accepted).
 */
export type CacheLookup = { story: Story; skipped: SkippedFile[]; stamps: FileStamp[] } | { story: null; corpus: CorpusKey | null };

type CacheHeader = { storybot: 'index-cache'; version: number; code: string; key: string; checksum: string; passages: number; files: FileStamp[] };
type CachePayload = { story: StorySnapshot; skipped: readonly SkippedFile[] };

const readsInFlight = 16;
// Stats of unchanged files all go at once (up to this many), so they run while the saved index is parsed.
const statsInFlight = 4096;

// The modules whose code decides what is saved (passages, terms, names): a change to any of them makes saved
// indexes stale, so their text is part of the key. Answering code is not, since answers are worked out afresh.
const indexingCode = ['../ingest', '../text', '../search', '../language', '../story.ts', '../types.ts'];
let codeFingerprint: Promise<string> | undefined;

/**
 * Hashes what a saved index depends on: every .txt and .md file of the corpus folder by name and content (files
 * too large to be read count by name and size), the format version and the indexing code. A file whose size and
 * modification time match `known` keeps its known content hash unread, so an unchanged folder of thousands of
 * articles costs a stat each. Null when the folder cannot be read.
 */
export async function corpusKey(dir: string, known: ReadonlyMap<string, FileStamp> = new Map()): Promise<CorpusKey | null> {
  const names = await listArticleFiles(dir);
  if (names === null) return null;
  const files: FileStamp[] = [];
  // Unchanged files cost a stat each and can go many at a time; changed ones are read a few at a time.
  const inFlight = known.size > 0 ? statsInFlight : readsInFlight;
  for (let from = 0; from < names.length; from += inFlight) {
    const batch = names.slice(from, from + inFlight);
    for (const stamp of await Promise.all(batch.map((name) => stampOf(dir, name, known.get(name))))) if (stamp !== null) files.push(stamp);
  }
  const lines = files.map((file) => `${file.name}\t${file.hash}`);
  const key = createHash('sha256')
    .update(`storybot index ${indexFormatVersion}\n${await indexingCodeFingerprint()}\n${lines.join('\n')}`)
    .digest('hex');
  return { key, files };
}

function indexingCodeFingerprint(): Promise<string> {
  codeFingerprint ??= fingerprintCode();
  return codeFingerprint;
}

// The content hash is the same as Article.contentHash, so the key can be checked against the articles read.
async function stampOf(dir: string, name: string, known: FileStamp | undefined): Promise<FileStamp | null> {
  const path = join(dir, name);
  try {
    const info = await stat(path);
    if (!info.isFile()) return null;
    const stamp = { name, size: info.size, mtimeMs: info.mtimeMs };
    if (known !== undefined && known.size === info.size && known.mtimeMs === info.mtimeMs) return { ...stamp, hash: known.hash };
    if (info.size > maxArticleBytes) return { ...stamp, hash: `too-large:${info.size}` };
    return { ...stamp, hash: createHash('sha256').update(await readFile(path)).digest('hex') };
  } catch {
    return { name, size: -1, mtimeMs: -1, hash: 'unreadable' };
  }
}

async function fingerprintCode(): Promise<string> {
  const hash = createHash('sha256');
  const here = await indexingSourcesFolder(dirname(fileURLToPath(import.meta.url)));
  const files = async (path: string): Promise<string[]> => {
    const info = await stat(path);
    if (!info.isDirectory()) return [path];
    const names = (await readdir(path)).sort();
    return (await Promise.all(names.map((name) => files(join(path, name))))).flat();
  };
  try {
    for (const part of indexingCode) {
      for (const file of await files(resolve(here, part))) hash.update(`${file.slice(here.length)}\n`).update(await readFile(file));
    }
  } catch {
    // Running from a bundle without its sources: the format version alone keys the code.
    return 'no-sources';
  }
  return hash.digest('hex');
}

/**
 * The folder of the indexing code's sources for a module run from `folder`: that folder when it holds them, else the
 * src/search of the project above it (bin/storybot.js runs a bundle in node_modules/.cache/storybot/…), else `folder`.
 */
// Without the second case every version of the indexing code had one fingerprint under the bundle, and an upgrade kept
// a saved index its new code would not have built.
export async function indexingSourcesFolder(folder: string): Promise<string> {
  const exists = (path: string) => stat(path).then(
    () => true,
    () => false,
  );
  for (let at = folder; dirname(at) !== at; at = dirname(at)) {
    if (await exists(join(at, 'index-cache.ts'))) return at;
    if (await exists(join(at, 'src', 'search', 'index-cache.ts'))) return join(at, 'src', 'search');
  }
  return folder;
}

/** The file a corpus folder's saved index is kept in: one per folder, replaced when the corpus changes. */
export function cacheFileOf(cacheDir: string, dir: string): string {
  const folder = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16);
  return join(cacheDir, `story-index-${folder}.json`);
}

/**
 * Loads the saved story of a corpus folder when it was saved for the folder's current key (or, with
 * `acceptChangedFiles`, by the same format and indexing code, for the caller to bring up to date); otherwise returns
 * that key, to save a rebuilt story under. A damaged file is reported and left to be rebuilt, never thrown.
 */
export async function loadCachedStory(dir: string, options: IndexCacheOptions & { acceptChangedFiles?: boolean }): Promise<CacheLookup> {
  const file = cacheFileOf(options.cacheDir, dir);
  let bytes: Buffer | null = null;
  try {
    bytes = await readFile(file);
  } catch {
    // No saved index yet.
  }
  let header: CacheHeader | null = null;
  let payload: Buffer | null = null;
  if (bytes !== null) {
    try {
      // The header line is read first, so a stale file is passed over without parsing the whole index.
      const newline = bytes.indexOf(10);
      if (newline < 0) throw new Error('no header line');
      header = parseHeader(bytes.subarray(0, newline).toString('utf8'));
      payload = bytes.subarray(newline + 1);
    } catch (error) {
      warnDamaged(options, file, error);
    }
  }
  // A caller that accepts changed files compares them with the saved stamps itself: hashing them here would be a
  // second pass over the whole folder. Otherwise the folder's files are stat'ed, in the thread pool, while the saved
  // index is parsed: on a large story each takes a good part of the start.
  const accepting = options.acceptChangedFiles === true;
  const keying = accepting ? Promise.resolve(null) : corpusKey(dir, new Map((header?.files ?? []).map((stamp) => [stamp.name, stamp])));
  if (header === null || payload === null) return { story: null, corpus: await keying };
  if (header.version !== indexFormatVersion || header.code !== (await indexingCodeFingerprint())) {
    options.log.info({ file }, 'the saved index is from another version of storybot; rebuilding');
    return { story: null, corpus: await keying };
  }
  let restored: { story: Story; skipped: SkippedFile[] } | { error: unknown };
  try {
    if (createHash('sha1').update(payload).digest('hex') !== header.checksum) throw new Error('checksum mismatch');
    const saved = JSON.parse(payload.toString('latin1')) as CachePayload;
    const story = Story.fromSnapshot(saved.story);
    if (story.passageCount !== header.passages) throw new Error(`the header says ${header.passages} passages, the index holds ${story.passageCount}`);
    restored = { story, skipped: Array.isArray(saved.skipped) ? [...saved.skipped] : [] };
  } catch (error) {
    restored = { error };
  }
  const corpus = await keying;
  if (corpus === null && !accepting) return { story: null, corpus };
  if (corpus !== null && header.key !== corpus.key) {
    options.log.info({ file }, 'the saved index is for another version of the corpus; rebuilding');
    return { story: null, corpus };
  }
  if ('error' in restored) {
    warnDamaged(options, file, restored.error);
    return { story: null, corpus };
  }
  return { ...restored, stamps: header.files };
}

function parseHeader(line: string): CacheHeader {
  const header = JSON.parse(line) as Partial<CacheHeader> | null;
  if (header?.storybot !== 'index-cache' || typeof header.code !== 'string' || typeof header.key !== 'string' || typeof header.checksum !== 'string' || !Array.isArray(header.files)) {
    throw new Error('not a storybot index cache');
  }
  const files = header.files.filter(
    (stamp): stamp is FileStamp =>
      typeof stamp?.name === 'string' && typeof stamp.size === 'number' && typeof stamp.mtimeMs === 'number' && typeof stamp.hash === 'string',
  );
  return { ...(header as CacheHeader), files };
}

function warnDamaged(options: IndexCacheOptions, file: string, error: unknown): void {
  options.log.warn({ file, reason: error instanceof Error ? error.message : String(error) }, 'ignoring a damaged saved index; rebuilding it');
}

/**
 * Saves a story for the corpus key it was built under, replacing the folder's earlier file at once (written aside,
 * then renamed). Nothing is saved when the articles read differ from the files hashed for the key, which means a
 * file changed while the story was being built. Failures are reported, never thrown.
 */
export async function saveCachedStory(dir: string, corpus: CorpusKey, story: Story, skipped: readonly SkippedFile[], options: IndexCacheOptions): Promise<boolean> {
  const file = cacheFileOf(options.cacheDir, dir);
  if (!matchesKey(story.articles(), skipped, corpus)) {
    options.log.info({ dir }, 'the corpus changed while it was indexed; not saving the index');
    return false;
  }
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    // Every character beyond ASCII is written as a \u escape: a one-byte string decodes at once and parses faster
    // than the two-byte string a single curly quote would otherwise make of the whole file.
    const json = JSON.stringify({ story: story.toSnapshot(), skipped } satisfies CachePayload).replace(/[\u0080-\uffff]/g, asciiEscape);
    const payload = Buffer.from(json, 'latin1');
    const header: CacheHeader = {
      storybot: 'index-cache',
      version: indexFormatVersion,
      code: await indexingCodeFingerprint(),
      key: corpus.key,
      checksum: createHash('sha1').update(payload).digest('hex'),
      passages: story.passageCount,
      files: corpus.files,
    };
    await mkdir(options.cacheDir, { recursive: true });
    await writeFile(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), payload]));
    await rename(temporary, file);
    options.log.debug({ file, bytes: payload.length }, 'saved the index');
    await pruneSavedIndexes(options.cacheDir, file, options.log);
    return true;
  } catch (error) {
    options.log.warn({ file, reason: error instanceof Error ? error.message : String(error) }, 'could not save the index');
    await rm(temporary, { force: true }).catch(() => undefined);
    return false;
  }
}

/**
 * How many saved indexes one data folder keeps, and how many bytes they may take together (1 GiB). Every corpus
 * folder asked about has its own (a scorer asks about dozens), so the least recently used go past these.
 */
export const savedIndexLimits = { files: 64, bytes: 1024 ** 3 };

/**
 * Removes the least recently used saved indexes of a data folder beyond the limits (never `keep`, the one just
 * saved), and the temporary files of saves that stopped halfway over an hour ago; returns the names removed. Use is
 * read from the file's access time (which reading it updates, at least daily) or else its save. Failures are
 * reported, never thrown: another process may be pruning too.
 */
export async function pruneSavedIndexes(cacheDir: string, keep: string, log: Log, limits = savedIndexLimits): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(cacheDir)).filter((name) => name.startsWith('story-index-'));
  } catch {
    return [];
  }
  const entries: Array<{ name: string; path: string; usedMs: number; size: number; temporary: boolean }> = [];
  for (const name of names) {
    const path = join(cacheDir, name);
    const info = await stat(path).catch(() => null);
    if (info?.isFile()) entries.push({ name, path, usedMs: Math.max(info.atimeMs, info.mtimeMs), size: info.size, temporary: name.endsWith('.tmp') });
  }
  const now = Date.now();
  const removing = entries.filter((entry) => entry.temporary && now - entry.usedMs > 3_600_000);
  let files = 0;
  let bytes = 0;
  for (const entry of entries.filter((entry) => !entry.temporary).sort((a, b) => Number(b.path === keep) - Number(a.path === keep) || b.usedMs - a.usedMs)) {
    files += 1;
    bytes += entry.size;
    if (entry.path !== keep && (files > limits.files || bytes > limits.bytes)) removing.push(entry);
  }
  for (const entry of removing) await rm(entry.path, { force: true }).catch((error: unknown) => log.warn({ file: entry.path, reason: String(error) }, 'could not remove an old saved index'));
  if (removing.length > 0) log.debug({ removed: removing.map((entry) => entry.name) }, 'removed saved indexes not used lately');
  return removing.map((entry) => entry.name);
}

function asciiEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function matchesKey(articles: readonly Article[], skipped: readonly SkippedFile[], corpus: CorpusKey): boolean {
  const hashes = new Map(corpus.files.map((file) => [file.name, file.hash]));
  if (articles.some((article) => hashes.get(article.document) !== article.contentHash)) return false;
  const seen = new Set([...articles.map((article) => article.document), ...skipped.map((file) => file.document)]);
  return corpus.files.every((file) => seen.has(file.name));
}
