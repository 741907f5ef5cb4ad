import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLog } from '../src/log.js';
import { indexingSourcesFolder, pruneSavedIndexes } from '../src/search/index-cache.js';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// A data folder with saved indexes last used a, b, c … minutes ago, of the given sizes.
function dataFolder(files: Array<{ name: string; minutesAgo: number; bytes?: number }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'storybot-prune-'));
  folders.push(dir);
  for (const { name, minutesAgo, bytes = 10 } of files) {
    const path = join(dir, name);
    writeFileSync(path, 'x'.repeat(bytes));
    const at = new Date(Date.now() - minutesAgo * 60_000);
    utimesSync(path, at, at);
  }
  return dir;
}

describe('pruneSavedIndexes', () => {
  it('keeps the most recently used indexes up to the file limit, the one just saved always, and nothing else in the folder is touched', async () => {
    const dir = dataFolder([
      { name: 'story-index-aaaa.json', minutesAgo: 30 },
      { name: 'story-index-bbbb.json', minutesAgo: 10 },
      { name: 'story-index-cccc.json', minutesAgo: 20 },
      { name: 'story-index-dddd.json', minutesAgo: 90 },
      { name: 'storybot.db', minutesAgo: 900 },
    ]);
    const removed = await pruneSavedIndexes(dir, join(dir, 'story-index-dddd.json'), silentLog, { files: 2, bytes: 1_000 });
    expect(removed.sort()).toEqual(['story-index-aaaa.json', 'story-index-cccc.json']);
    expect(readdirSync(dir).sort()).toEqual(['story-index-bbbb.json', 'story-index-dddd.json', 'storybot.db']);
  });

  it('keeps within the byte limit, and removes the temporary files of saves that stopped over an hour ago', async () => {
    const dir = dataFolder([
      { name: 'story-index-aaaa.json', minutesAgo: 1, bytes: 600 },
      { name: 'story-index-bbbb.json', minutesAgo: 2, bytes: 600 },
      { name: 'story-index-cccc.json.123.tmp', minutesAgo: 120 },
      { name: 'story-index-dddd.json.456.tmp', minutesAgo: 5 },
    ]);
    const removed = await pruneSavedIndexes(dir, join(dir, 'story-index-aaaa.json'), silentLog, { files: 64, bytes: 1_000 });
    expect(removed.sort()).toEqual(['story-index-bbbb.json', 'story-index-cccc.json.123.tmp']);
  });
});

describe('indexingSourcesFolder', () => {
  const root = resolve(import.meta.dirname, '..');
  const sources = join(root, 'src', 'search');

  it('finds the indexing sources from the sources themselves and from a bundle below the project', async () => {
    expect(await indexingSourcesFolder(sources)).toBe(sources);
    // bin/storybot.js runs a bundle built into node_modules/.cache/storybot/<entry>-<hash>/.
    expect(await indexingSourcesFolder(join(root, 'node_modules', '.cache', 'storybot', 'cli-0123456789abcdef'))).toBe(sources);
  });

  it('keeps a folder with no project above it, whose fingerprint is then the format version alone', async () => {
    const lone = mkdtempSync(join(tmpdir(), 'storybot-bundle-'));
    try {
      expect(await indexingSourcesFolder(lone)).toBe(lone);
    } finally {
      rmSync(lone, { recursive: true, force: true });
    }
  });
});
