import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open-store.js';
import { runStorybot, type CliRun } from './helpers/run-storybot.js';

const root = join(import.meta.dirname, '..');
const damDir = join(root, 'tests/fixtures/stories/digest-dam');
const folders: string[] = [];

const storybot = (args: string[], env: Record<string, string> = {}) => runStorybot(args, '', env);

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'storybot-digest-cli-'));
  folders.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

type DigestJson = {
  text: string;
  sections: Array<{ kind: string; title: string; items: Array<{ text: string; citations: Array<{ n: number; document: string; source: string | null; passage: string }> }> }>;
};

describe('storybot digest --json', () => {
  let run: CliRun;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = join(tempDir(), 'data');
    run = await storybot(['digest', '--json', '--corpus', damDir, '--data-dir', dataDir]);
  }, 30_000);

  it('prints exactly { text, sections } on stdout, and nothing else', () => {
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const digest = JSON.parse(run.stdout) as DigestJson;
    expect(Object.keys(digest).sort()).toEqual(['sections', 'text']);
    expect(digest.text).toMatch(/^Story digest · .+ · 5 articles from 4 outlets\n/);
    expect(digest.sections.map((section) => section.kind)).toEqual(['key', 'new', 'upcoming']);
  });

  it('cites with n, document, source and the exact sentence, numbered across the digest', () => {
    const digest = JSON.parse(run.stdout) as DigestJson;
    const citations = digest.sections.flatMap((section) => section.items.flatMap((item) => item.citations));
    expect(citations.length).toBeGreaterThan(3);
    for (const citation of citations) {
      expect(citation).toEqual(expect.objectContaining({ n: expect.any(Number), document: expect.any(String), passage: expect.any(String) }));
      expect('source' in citation).toBe(true);
      expect(readFileSync(join(damDir, citation.document), 'utf8')).toContain(citation.passage);
    }
    expect(Math.min(...citations.map((citation) => citation.n))).toBe(1);
  });

  it('records nothing: no store is created by printing a digest (only the index is saved, to start from next time)', () => {
    expect(existsSync(join(dataDir, 'storybot.db'))).toBe(false);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('story-index-'))).toHaveLength(1);
  });
});

describe('storybot digest', () => {
  it('counts articles first seen after --since as new, from the store where it knows them', async () => {
    const dataDir = tempDir();
    const opened = openStore({ dir: dataDir });
    if (!opened.ok) throw new Error(opened.message);
    const { store } = opened;
    store.articles.recordPresent(
      ['01-valley-wire.txt', '02-lakeside-herald.md', '04-dam-roundup.txt', '05-kmrn-radio.txt'].map((document) => ({ document, contentHash: 'x' })),
      new Date('2031-09-10T12:00:00Z'),
    );
    store.articles.recordPresent([{ document: '03-metro-tribune.txt', contentHash: 'x' }], new Date('2031-09-11T12:00:00Z'));
    store.close();
    const run = await storybot(['digest', '--json', '--corpus', damDir, '--data-dir', dataDir, '--since', '2031-09-11T00:00:00Z'], { DIGEST_TIMEZONE: 'UTC' });
    expect(run.code).toBe(0);
    const digest = JSON.parse(run.stdout) as DigestJson;
    const fresh = digest.sections.find((section) => section.kind === 'new')!;
    expect(fresh.title).toBe("What's new since Thu Sep 11, 00:00 UTC");
    expect(new Set(fresh.items.flatMap((item) => item.citations.map((citation) => citation.document)))).toEqual(new Set(['03-metro-tribune.txt']));
  });

  it('prints the plain digest without --json', async () => {
    const run = await storybot(['digest', '--corpus', damDir, '--data-dir', join(tempDir(), 'none')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Story digest · /);
    expect(run.stdout).toContain('\nKey developments\n• ');
    expect(run.stdout).toContain('\nSources\n[1]');
  });

  it('refuses a --since that is not a time, with exit code 2', async () => {
    const run = await storybot(['digest', '--corpus', damDir, '--since', 'last tuesday']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--since expects an ISO 8601 time');
    expect(run.stdout).toBe('');
  });

  it('refuses a corrupt store instead of ignoring it', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'storybot.db'), 'garbage '.repeat(1000));
    const run = await storybot(['digest', '--corpus', damDir, '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(join(dataDir, 'storybot.db'));
  });
});
