import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { similarity } from '../src/answer/compose.js';
import { composeDigest } from '../src/digest/compose-digest.js';
import { cleanSentence, shortenSentence } from '../src/digest/sentence-text.js';
import type { Digest, DigestSection } from '../src/digest/types.js';
import { openStory } from '../src/open-story.js';
import { termsOf } from '../src/search/terms.js';
import type { Story } from '../src/story.js';

const damDir = fileURLToPath(new URL('./fixtures/stories/digest-dam/', import.meta.url));
const updateFile = fileURLToPath(new URL('./fixtures/stories/digest-dam-update/06-valley-wire-divers.txt', import.meta.url));
const newDocument = '06-valley-wire-divers.txt';
const folders: string[] = [];

async function storyOf(dir: string): Promise<Story> {
  const opened = await openStory({ dir });
  if (!opened.ok) throw new Error(opened.message);
  return opened.story;
}

function tempCorpus(files: Record<string, string> = {}, from: string | null = damDir): string {
  const dir = mkdtempSync(join(tmpdir(), 'storybot-digest-'));
  folders.push(dir);
  if (from !== null) cpSync(from, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function section(digest: Digest, kind: DigestSection['kind']): DigestSection {
  const found = digest.sections.find((candidate) => candidate.kind === kind);
  if (found === undefined) throw new Error(`no ${kind} section`);
  return found;
}

function citedDocuments(part: DigestSection): string[] {
  return part.items.flatMap((item) => item.citations.map((citation) => citation.document));
}

// The fixture's articles are from Sept. 10–11, 2031; the digest is composed on the morning of Friday Sept. 12.
const now = new Date('2031-09-12T08:00:00Z');
const seenBefore = new Date('2031-09-11T20:00:00Z');

describe('composeDigest on a story of several outlets', () => {
  let story: Story;
  let digest: Digest;

  beforeAll(async () => {
    story = await storyOf(damDir);
    digest = composeDigest(story, { now, since: null, firstSeen: () => seenBefore });
  });

  it('has the three sections in order, a few cited key developments, and a header that counts the coverage', () => {
    expect(digest.sections.map((part) => part.kind)).toEqual(['key', 'new', 'upcoming']);
    const key = section(digest, 'key');
    expect(key.items.length).toBeGreaterThanOrEqual(3);
    expect(key.items.length).toBeLessThanOrEqual(5);
    for (const item of key.items) expect(item.citations.length).toBeGreaterThan(0);
    expect(digest.header).toBe('Story digest · Fri Sep 12, 08:00 UTC · 5 articles from 4 outlets');
    expect(digest.text.startsWith(digest.header)).toBe(true);
  });

  it('cites sentences that stand, exactly, in the documents they name', () => {
    const citations = digest.sections.flatMap((part) => part.items.flatMap((item) => item.citations));
    expect(citations.length).toBeGreaterThan(4);
    for (const citation of citations) {
      expect(readFileSync(join(damDir, citation.document), 'utf8')).toContain(citation.passage);
      expect(story.article(citation.document)?.source ?? null).toBe(citation.source);
    }
  });

  it('numbers citations once across the digest, in reading order', () => {
    const numbers = digest.sections.flatMap((part) => part.items.flatMap((item) => item.citations.map((citation) => citation.n)));
    const firstSeen = [...new Set(numbers)];
    expect(firstSeen).toEqual(firstSeen.map((_, i) => i + 1));
    for (const n of firstSeen) expect(digest.text).toContain(`[${n}]`);
  });

  it('merges a fact that several outlets carry into one item citing each of them', () => {
    const evacuation = section(digest, 'key').items.find((item) => /12-metre crack/.test(item.text));
    expect(evacuation).toBeDefined();
    expect(new Set(evacuation!.citations.map((citation) => citation.source))).toEqual(new Set(['Valley Wire', 'Lakeside Herald']));
    const copies = digest.sections.flatMap((part) => part.items).filter((item) => /12-metre crack/.test(item.text));
    expect(copies).toHaveLength(1);
  });

  it('never lists two items that say the same thing', () => {
    const items = digest.sections.flatMap((part) => part.items);
    for (const [i, a] of items.entries()) {
      for (const b of items.slice(i + 1)) {
        expect(similarity(new Set(termsOf(a.text)), new Set(termsOf(b.text)))).toBeLessThan(0.5);
      }
    }
  });

  it('lists coming events with their days resolved against each article, and drops those already past', () => {
    const upcoming = section(digest, 'upcoming');
    const texts = upcoming.items.map((item) => item.text);
    expect(texts.some((text) => text.startsWith('Mon Sep 15: Governor Alma Reyes will visit the dam on Monday'))).toBe(true);
    expect(texts.some((text) => text.startsWith('Wed Sep 17: The county board will vote on emergency repair funding'))).toBe(true);
    // The roundup of Sept. 5 said inspectors "will return on Monday": Sept. 8, gone by Sept. 12.
    expect(citedDocuments(upcoming)).not.toContain('04-dam-roundup.txt');
    const later = composeDigest(story, { now: new Date('2031-09-16T08:00:00Z'), since: null, firstSeen: () => seenBefore });
    expect(section(later, 'upcoming').items.map((item) => item.text.slice(0, 11))).toEqual(['Wed Sep 17:']);
  });

  it('says in one line that this is the first digest when there is no earlier one', () => {
    expect(section(digest, 'new')).toMatchObject({ items: [], note: 'This is the first digest: there is no earlier one to compare with.' });
    expect(digest.text).toContain("What's new\nThis is the first digest");
  });

  it('stays readable in a minute and within one Discord embed and one Slack message', () => {
    expect(digest.text.length).toBeLessThanOrEqual(3500);
    for (const item of digest.sections.flatMap((part) => part.items)) expect(item.text.length).toBeLessThanOrEqual(240);
    expect(digest.text).toMatch(/\nSources\n\[\d+\]/);
  });
});

describe("composeDigest's what's new", () => {
  let story: Story;
  const since = new Date('2031-09-12T08:00:00Z');
  const firstSeen = (document: string) => (document === newDocument ? new Date('2031-09-12T12:00:00Z') : seenBefore);

  beforeAll(async () => {
    story = await storyOf(tempCorpus({ [newDocument]: readFileSync(updateFile, 'utf8') }));
  });

  it('lists what the new article adds, cites it nowhere else, and leaves out what it repeats', () => {
    const digest = composeDigest(story, { now: new Date('2031-09-13T08:00:00Z'), since, firstSeen });
    const fresh = section(digest, 'new');
    expect(fresh.title).toBe("What's new since Fri Sep 12, 08:00 UTC");
    expect(fresh.items.length).toBeGreaterThan(0);
    expect(new Set(citedDocuments(fresh))).toEqual(new Set([newDocument]));
    expect(fresh.items.some((item) => /second, smaller crack/.test(item.text))).toBe(true);
    // "Engineers found a 12-metre crack … on Tuesday" was reported on Sept. 10: not news on Sept. 13.
    expect(fresh.items.some((item) => /12-metre crack/.test(item.text))).toBe(false);
    expect(citedDocuments(section(digest, 'key'))).not.toContain(newDocument);
    expect(citedDocuments(section(digest, 'upcoming'))).not.toContain(newDocument);
  });

  it('no longer calls the article new in the digest after that, and says in one line that nothing is new', () => {
    const next = composeDigest(story, { now: new Date('2031-09-14T08:00:00Z'), since: new Date('2031-09-13T08:00:00Z'), firstSeen });
    const fresh = section(next, 'new');
    expect(fresh.items).toEqual([]);
    expect(fresh.note).toBe('Nothing new since Sat Sep 13, 08:00 UTC.');
    expect(next.text).toContain("What's new since Sat Sep 13, 08:00 UTC\nNothing new since Sat Sep 13, 08:00 UTC.");
  });

  it('reads the header and "since" in the digest\'s time zone', () => {
    const digest = composeDigest(story, { now: new Date('2031-09-13T08:00:00Z'), since, firstSeen, timeZone: 'Europe/London' });
    expect(digest.header).toMatch(/^Story digest · Sat Sep 13, 09:00 BST · 6 articles from 4 outlets$/);
    expect(section(digest, 'new').title).toBe("What's new since Fri Sep 12, 09:00 BST");
  });
});

describe('composeDigest on undated coverage', () => {
  const undated = `Harbour talks adjourned

Negotiators for the harbour pilots and the port authority adjourned talks on Wednesday without a deal, a union spokesman said.

Talks are scheduled to resume on Saturday at the harbour office, the mediator said.
`;

  it('keeps a weekday from an undated, recent article, marked as uncertain', async () => {
    const story = await storyOf(tempCorpus({ 'harbour.txt': undated }, null));
    const digest = composeDigest(story, { now, since: null, firstSeen: () => new Date('2031-09-11T08:00:00Z') });
    const items = section(digest, 'upcoming').items;
    expect(items).toHaveLength(1);
    expect(items[0]!.text).toMatch(/^Saturday \(day not certain: the article is undated\): Talks are scheduled to resume on Saturday/);
  });

  it('drops it when the undated article was first seen long ago', async () => {
    const story = await storyOf(tempCorpus({ 'harbour.txt': undated }, null));
    const digest = composeDigest(story, { now, since: null, firstSeen: () => new Date('2031-08-01T08:00:00Z') });
    expect(section(digest, 'upcoming')).toMatchObject({ items: [], note: 'Nothing scheduled that the coverage mentions.' });
  });
});

describe('composeDigest on a large story', () => {
  it('keeps to its length limit however many outlets carry each fact', async () => {
    const dir = tempCorpus();
    for (let i = 0; i < 30; i++) {
      const text = readFileSync(join(damDir, '01-valley-wire.txt'), 'utf8').replace('source: Valley Wire', `source: Outlet ${i}`);
      writeFileSync(join(dir, `wire-${i}.txt`), text);
    }
    const story = await storyOf(dir);
    const digest = composeDigest(story, { now, since: null, firstSeen: () => seenBefore });
    expect(digest.text.length).toBeLessThanOrEqual(3500);
    expect(section(digest, 'key').items.length).toBeGreaterThanOrEqual(3);
    for (const item of digest.sections.flatMap((part) => part.items)) expect(item.citations.length).toBeLessThanOrEqual(5);
  });
});

describe('digest sentence text', () => {
  it('removes aggregator reference markers and a run-in section label', () => {
    expect(cleanSentence('Key Developments: The county said the plan would be released [1][3].')).toBe('The county said the plan would be released.');
  });

  it('shortens a long sentence at a clause break, keeping a closing quote', () => {
    const long =
      'President Jane Roe said talks that the two envoys held with the prime minister in the capital on Tuesday were “very good,” and that they believed the other side had a genuine desire for peace after months of fighting.';
    expect(shortenSentence(long, 200)).toBe('President Jane Roe said talks that the two envoys held with the prime minister in the capital on Tuesday were “very good”…');
  });
});
