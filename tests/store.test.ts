import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion, migrations } from '../src/store/migrations.js';
import { openStore, storeFileName, type Store } from '../src/store/open-store.js';

const folders: string[] = [];
const stores: Store[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'storybot-store-'));
  folders.push(dir);
  return dir;
}

function open(dir: string): Store {
  const opened = openStore({ dir });
  if (!opened.ok) throw new Error(opened.message);
  stores.push(opened.store);
  return opened.store;
}

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of folders.splice(0)) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

const at = (iso: string) => new Date(iso);

describe('openStore', () => {
  it('creates the data folder and a WAL database at its latest schema version', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const store = open(dir);
    expect(store.path).toBe(join(dir, storeFileName));
    const db = new Database(store.path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
    expect(tables).toEqual(['articles', 'bot_replies', 'conversation_turns', 'digest_posts', 'meta', 'seen_keys', 'subscriptions']);
    db.close();
  });

  it('migrates a version-1 database forward and keeps its rows', () => {
    const dir = tempDir();
    const db = new Database(join(dir, storeFileName));
    db.transaction(() => {
      migrations[0]!.up(db);
      db.pragma('user_version = 1');
    })();
    db.prepare("INSERT INTO subscriptions (channel, created_at) VALUES ('slack:C1', '2031-01-01T00:00:00.000Z')").run();
    db.close();

    const store = open(dir);
    expect(store.subscriptions.list()).toEqual([{ channel: 'slack:C1', createdAt: at('2031-01-01T00:00:00.000Z') }]);
    expect(store.seenKeys.claim(['event:E1'], at('2031-01-01T00:00:00Z'))).toBe(true);
    const check = new Database(join(dir, storeFileName), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(latestVersion);
    check.close();
  });

  it('keeps every record across a close and reopen', () => {
    const dir = tempDir();
    const first = open(dir);
    first.articles.recordPresent([{ document: 'a.txt', contentHash: 'h1' }], at('2031-09-10T08:00:00Z'));
    first.subscriptions.subscribe('discord:123456789012345678', at('2031-09-10T09:00:00Z'));
    expect(first.deliveries.claim('slack:C1', at('2031-09-11T08:00:00Z'), 'one', at('2031-09-11T08:00:01Z')).claimed).toBe(true);
    first.deliveries.noteAttempt('slack:C1', at('2031-09-11T08:00:00Z'), 'one', { at: at('2031-09-11T08:00:01Z'), attempts: 1, composedAt: at('2031-09-11T08:00:01Z') });
    expect(first.deliveries.finish('slack:C1', at('2031-09-11T08:00:00Z'), 'one', { state: 'posted', at: at('2031-09-11T08:00:02Z'), messageId: 'M1' })).toBe(true);
    first.close();

    const second = open(dir);
    expect(second.articles.firstSeen('a.txt')).toEqual(at('2031-09-10T08:00:00Z'));
    expect(second.subscriptions.get('discord:123456789012345678')?.createdAt).toEqual(at('2031-09-10T09:00:00Z'));
    const record = second.deliveries.get('slack:C1', at('2031-09-11T08:00:00Z'));
    expect(record).toMatchObject({ state: 'posted', messageId: 'M1', attempts: 1, claimedBy: 'one' });
    expect(second.deliveries.lastDelivered('slack:C1')).toEqual(at('2031-09-11T08:00:01Z'));
  });

  it('refuses a file that is not a database, names it, and leaves it as it was', () => {
    const dir = tempDir();
    const path = join(dir, storeFileName);
    writeFileSync(path, 'this is not a database, it is a shopping list: eggs, flour, more eggs\n'.repeat(200));
    const opened = openStore({ dir });
    expect(opened).toMatchObject({ ok: false, reason: 'corrupt' });
    if (opened.ok) return;
    expect(opened.message).toContain(path);
    expect(opened.message).toMatch(/not a readable storybot database/);
    const reopened = openStore({ dir });
    expect(reopened.ok).toBe(false);
  });

  it('refuses a database written by a newer storybot', () => {
    const dir = tempDir();
    const db = new Database(join(dir, storeFileName));
    db.pragma(`user_version = ${latestVersion + 5}`);
    db.close();
    const opened = openStore({ dir });
    expect(opened).toMatchObject({ ok: false, reason: 'newer-schema' });
    if (!opened.ok) expect(opened.message).toContain(`schema version ${latestVersion + 5}`);
  });

  it('refuses a data folder that is a file', () => {
    const parent = tempDir();
    const notAFolder = join(parent, 'data');
    writeFileSync(notAFolder, 'x');
    const opened = openStore({ dir: join(notAFolder, 'inner') });
    expect(opened).toMatchObject({ ok: false, reason: 'unwritable' });
    if (!opened.ok) expect(opened.message).toContain(join(notAFolder, 'inner'));
  });

  it.skipIf(!fileModesCanBeTested)('refuses a read-only data folder with a message naming the database', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const readOnly = join(dir, 'locked');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    // Root ignores file modes, so as root the check runs in a child process that has dropped to an ordinary user.
    const result = process.getuid?.() === 0 ? openAsUnprivileged(readOnly) : openStore({ dir: readOnly });
    expect(result).toMatchObject({ ok: false, reason: 'unwritable' });
    if (!result.ok) expect(result.message).toContain(join(readOnly, storeFileName));
  });

  it.skipIf(!fileModesCanBeTested)('refuses an existing store it cannot write, rather than running without one', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const data = join(dir, 'data');
    const existing = open(data);
    existing.subscriptions.subscribe('slack:C1', at('2031-01-01T00:00:00Z'));
    existing.close();
    chmodSync(data, 0o555);
    chmodSync(join(data, storeFileName), 0o444);
    const result = process.getuid?.() === 0 ? openAsUnprivileged(data) : openStore({ dir: data });
    expect(result).toMatchObject({ ok: false, reason: 'unwritable' });
    if (!result.ok) expect(result.message).toContain(join(data, storeFileName));
    chmodSync(data, 0o755);
  });

  it('opens read-only without creating anything, and says when there is no store', () => {
    const dir = join(tempDir(), 'absent');
    expect(openStore({ dir, readOnly: true })).toMatchObject({ ok: false, reason: 'missing' });
    const store = open(join(dir));
    store.subscriptions.subscribe('slack:C9', at('2031-01-01T00:00:00Z'));
    const reader = openStore({ dir, readOnly: true });
    expect(reader.ok).toBe(true);
    if (!reader.ok) return;
    expect(reader.store.subscriptions.list().map((subscription) => subscription.channel)).toEqual(['slack:C9']);
    expect(() => reader.store.subscriptions.subscribe('slack:C10', at('2031-01-01T00:00:00Z'))).toThrow(/readonly/i);
    reader.store.close();
  });
});

describe('the delivery log', () => {
  const slot = at('2031-09-12T08:00:00Z');

  it('lets exactly one of two connections claim a slot for a channel', () => {
    const dir = tempDir();
    const one = open(dir);
    const two = open(dir);
    const first = one.deliveries.claim('slack:C1', slot, 'one', at('2031-09-12T08:00:00Z'));
    const second = two.deliveries.claim('slack:C1', slot, 'two', at('2031-09-12T08:00:00Z'));
    expect(first.claimed).toBe(true);
    expect(second).toMatchObject({ claimed: false, record: { state: 'claimed', claimedBy: 'one' } });
    expect(two.deliveries.claim('slack:C2', slot, 'two', at('2031-09-12T08:00:00Z')).claimed).toBe(true);
  });

  it('ends a claim only for its holder, and hands an abandoned claim to one taker', () => {
    const store = open(tempDir());
    store.deliveries.claim('slack:C1', slot, 'one', at('2031-09-12T08:00:00Z'));
    expect(store.deliveries.finish('slack:C1', slot, 'two', { state: 'posted', at: slot })).toBe(false);
    const stale = store.deliveries.get('slack:C1', slot)!;
    expect(store.deliveries.takeOver(stale, 'two', at('2031-09-12T08:20:00Z'))).toBe(true);
    expect(store.deliveries.takeOver(stale, 'three', at('2031-09-12T08:20:00Z'))).toBe(false);
    expect(store.deliveries.finish('slack:C1', slot, 'one', { state: 'posted', at: slot })).toBe(false);
    expect(store.deliveries.finish('slack:C1', slot, 'two', { state: 'posted', at: slot, messageId: 'M' })).toBe(true);
    expect(store.deliveries.openClaims()).toEqual([]);
  });

  it('records a skipped slot once and never over a claim', () => {
    const store = open(tempDir());
    expect(store.deliveries.recordSkipped('slack:C1', slot, 'one', at('2031-09-12T20:00:00Z'), 'missed')).toBe(true);
    expect(store.deliveries.recordSkipped('slack:C1', slot, 'two', at('2031-09-12T21:00:00Z'), 'missed')).toBe(false);
    expect(store.deliveries.claim('slack:C1', slot, 'three', at('2031-09-12T21:00:00Z'))).toMatchObject({ claimed: false, record: { state: 'skipped' } });
  });
});

describe('the article log', () => {
  it('keeps first-seen times through changes and marks removals', () => {
    const store = open(tempDir());
    store.articles.recordPresent([{ document: 'a.txt', contentHash: 'h1' }], at('2031-09-10T08:00:00Z'));
    store.articles.recordPresent([{ document: 'a.txt', contentHash: 'h2' }], at('2031-09-11T08:00:00Z'));
    expect(store.articles.firstSeen('a.txt')).toEqual(at('2031-09-10T08:00:00Z'));
    store.articles.recordRemoved(['a.txt'], at('2031-09-12T08:00:00Z'));
    expect(store.articles.firstSeen('a.txt')).toBeNull();
    store.articles.recordPresent([{ document: 'a.txt', contentHash: 'h2' }], at('2031-09-13T08:00:00Z'));
    expect(store.articles.firstSeen('a.txt')).toEqual(at('2031-09-10T08:00:00Z'));
    store.articles.recordRemoved(['a.txt'], at('2031-09-14T08:00:00Z'));
    store.articles.recordPresent([{ document: 'a.txt', contentHash: 'h3' }], at('2031-09-15T08:00:00Z'));
    expect(store.articles.firstSeen('a.txt')).toEqual(at('2031-09-15T08:00:00Z'));
  });
});

describe('seen keys', () => {
  it('recognises a repeat by any of its keys, and forgets keys after the retention period', () => {
    const store = open(tempDir());
    expect(store.seenKeys.claim(['event:E1', 'message:C1:1.0'], at('2031-09-12T08:00:00Z'))).toBe(true);
    expect(store.seenKeys.claim(['event:E2', 'message:C1:1.0'], at('2031-09-12T08:01:00Z'))).toBe(false);
    expect(store.seenKeys.claim(['event:E1'], at('2031-09-14T08:00:00Z'))).toBe(true);
  });
});

// Root ignores file modes, so as root these checks run in a child process that has dropped to an ordinary user; that
// needs a checkout the ordinary user can read. Where it cannot (a clone under /root, say), the checks are skipped and
// the not-a-folder test above still covers an unwritable store.
const fileModesCanBeTested = process.getuid?.() !== 0 || unprivilegedCanRunProject();

function unprivilegedCanRunProject(): boolean {
  const probe = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', 'process.exit(0)'], {
    uid: 65534,
    gid: 65534,
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, HOME: tmpdir() },
  });
  return probe.status === 0;
}

function openAsUnprivileged(dir: string): { ok: boolean; reason?: string; message?: string } {
  const script = `import { openStore } from ${JSON.stringify(new URL('../src/store/open-store.ts', import.meta.url).pathname)};
const result = openStore({ dir: ${JSON.stringify(dir)} });
if (result.ok) result.store.close();
process.stdout.write(JSON.stringify(result.ok ? { ok: true } : result));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
    uid: 65534,
    gid: 65534,
    cwd: new URL('..', import.meta.url).pathname,
    encoding: 'utf8',
    env: { ...process.env, HOME: tmpdir() },
  });
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { ok: boolean; reason?: string; message?: string };
}
