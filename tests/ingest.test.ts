import { chmod, mkdir, readFile, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { maxArticleBytes, parseArticle, readCorpus } from '../src/ingest/read-corpus.js';
import { capturingLog, foldForCitation, removeCorpus, writeCorpus } from './ingest-helpers.js';

const story = 'Tram drivers in Velmora began a 48-hour strike on Tuesday. The city council said 120 trams stayed in depots.\n';
const storyFixture = join(import.meta.dirname, 'fixtures', 'stories', 'harbor-strike');

const made: string[] = [];
async function corpus(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await writeCorpus(files);
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map(removeCorpus));
});

describe('readCorpus', () => {
  it('reads every .txt and .md article in name order and ignores other files, dot-files and subfolders', async () => {
    const dir = await corpus({
      'b.md': story,
      'a.txt': story,
      'notes.json': '{"a": 1}',
      'questions.jsonl': '{"q": "x"}\n',
      '.hidden.txt': story,
    });
    await mkdir(join(dir, 'nested'));
    await mkdir(join(dir, 'folder.txt'));
    const result = await readCorpus(dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.articles.map((article) => article.document)).toEqual(['a.txt', 'b.md']);
    expect(result.skipped).toEqual([]);
  });

  it('skips binary files with a warning naming the file', async () => {
    const capture = capturingLog();
    const dir = await corpus({
      'good.txt': story,
      'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]),
      'controls.txt': Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x01 + (i % 7)))),
    });
    const result = await readCorpus(dir, { log: capture.log });
    expect(result.ok && result.skipped).toEqual([
      { document: 'controls.txt', reason: 'binary' },
      { document: 'image.txt', reason: 'binary' },
    ]);
    const warnings = capture.lines().filter((line) => line.level === 40);
    expect(warnings.map((line) => [line.document, line.reason, line.msg])).toEqual([
      ['controls.txt', 'binary', 'skipped an article file'],
      ['image.txt', 'binary', 'skipped an article file'],
    ]);
  });

  it('skips empty and whitespace-only files as empty', async () => {
    const dir = await corpus({ 'good.txt': story, 'empty.txt': '', 'blank.md': ' \r\n\n\t\n', 'bom-only.txt': '\uFEFF' });
    const result = await readCorpus(dir);
    expect(result.ok && result.skipped).toEqual([
      { document: 'blank.md', reason: 'empty' },
      { document: 'bom-only.txt', reason: 'empty' },
      { document: 'empty.txt', reason: 'empty' },
    ]);
  });

  it('skips files that are not UTF-8', async () => {
    const latin1 = Buffer.from('Caf\xe9 owners in Velmora said trade fell by half.\n', 'latin1');
    const dir = await corpus({ 'good.txt': story, 'latin1.txt': latin1 });
    const result = await readCorpus(dir);
    expect(result.ok && result.skipped).toEqual([{ document: 'latin1.txt', reason: 'not-utf8' }]);
  });

  it('skips files over the size limit without reading their text', async () => {
    const capture = capturingLog();
    const dir = await corpus({ 'good.txt': story, 'huge.txt': Buffer.alloc(maxArticleBytes + 1, 'a'), 'long.md': `${story}${story}` });
    const result = await readCorpus(dir, { log: capture.log });
    expect(result.ok && result.skipped).toEqual([{ document: 'huge.txt', reason: 'too-large' }]);
    const small = await readCorpus(dir, { maxArticleBytes: story.length + 10 });
    expect(small.ok && small.skipped).toEqual([
      { document: 'huge.txt', reason: 'too-large' },
      { document: 'long.md', reason: 'too-large' },
    ]);
    expect(capture.raw()).toContain('huge.txt');
  });

  it('skips files it cannot open (a dangling link) as unreadable', async () => {
    const dir = await corpus({ 'good.txt': story });
    await symlink(join(dir, 'gone.txt'), join(dir, 'broken.txt'));
    const result = await readCorpus(dir);
    expect(result.ok && result.skipped).toEqual([{ document: 'broken.txt', reason: 'unreadable' }]);
  });

  it.skipIf(process.getuid?.() === 0)('skips files without read permission as unreadable', async () => {
    const dir = await corpus({ 'good.txt': story, 'locked.txt': story });
    await chmod(join(dir, 'locked.txt'), 0o000);
    const result = await readCorpus(dir);
    expect(result.ok && result.skipped).toEqual([{ document: 'locked.txt', reason: 'unreadable' }]);
  });

  it('skips files with no text left after boilerplate removal', async () => {
    const dir = await corpus({ 'good.txt': story, 'furniture.txt': 'Sign up here.\n\nAdvertisement\n\nShare this article\n\n-\n' });
    const result = await readCorpus(dir);
    expect(result.ok && result.skipped).toEqual([{ document: 'furniture.txt', reason: 'no-text' }]);
  });

  it('never writes an article\'s content into a warning', async () => {
    const capture = capturingLog();
    const secretish = 'Quillon harbour pilots said the dredger Marisol ran aground.';
    const dir = await corpus({ 'good.txt': story, 'bad.txt': Buffer.from(`${secretish}\u0000`) });
    await readCorpus(dir, { log: capture.log });
    expect(capture.raw()).toContain('bad.txt');
    expect(capture.raw()).not.toContain('Quillon');
  });

  it('returns an error value naming the folder when no article can be read', async () => {
    const dir = await corpus({ 'empty.txt': '', 'data.csv': 'a,b\n' });
    const result = await readCorpus(dir);
    expect(result).toEqual({ ok: false, reason: 'no-articles', message: `storybot: no readable .txt or .md article in ${dir}` });
  });

  it('returns an error value naming the folder when the folder is missing', async () => {
    const dir = join(await corpus({}), 'does-not-exist');
    const result = await readCorpus(dir);
    expect(result).toEqual({ ok: false, reason: 'missing-folder', message: `storybot: cannot read the corpus folder ${dir}` });
  });

  it('reads CRLF files, strips a byte-order mark and keeps zero-width characters out of the normalized text only', async () => {
    const crlf = 'Velmora Courier\r\n\r\nTram strike halts city\r\n\r\nTram drivers began a strike on Tuesday. Depots stayed shut.\r\n';
    const zeroWidth = '\uFEFFVelmora tram\u200B drivers walked out on Tuesday.\r\nThe council called the strike "regrettable."\r\n';
    const dir = await corpus({ 'crlf.txt': crlf, 'zero-width.txt': zeroWidth });
    const result = await readCorpus(dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first, second] = result.articles;
    expect(first!.title).toBe('Tram strike halts city');
    expect(first!.passages.map((passage) => passage.text)).toEqual(['Tram strike halts city', 'Tram drivers began a strike on Tuesday.', 'Depots stayed shut.']);
    expect(first!.passages.every((passage) => !passage.text.includes('\r'))).toBe(true);
    expect(second!.passages[0]!.text).toBe('Velmora tram\u200B drivers walked out on Tuesday.');
    expect(second!.passages[0]!.normalized).toBe('Velmora tram drivers walked out on Tuesday.');
    expect(second!.passages[1]!.normalized).toBe('The council called the strike "regrettable."');
  });

  it('hashes each file\'s bytes so a changed file can be told apart', async () => {
    const dir = await corpus({ 'a.txt': story, 'b.txt': story, 'c.txt': `${story}More trams returned on Friday.\n` });
    const result = await readCorpus(dir);
    if (!result.ok) throw new Error(result.message);
    const [a, b, c] = result.articles.map((article) => article.contentHash);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('reads the harbor-strike fixture story with every passage standing in its file', async () => {
    const result = await readCorpus(storyFixture);
    if (!result.ok) throw new Error(result.message);
    expect(result.articles).toHaveLength(5);
    expect(result.skipped).toEqual([]);
    for (const article of result.articles) {
      const file = (await readFile(join(storyFixture, article.document), 'utf8')).replace(/^\uFEFF/, '');
      const folded = foldForCitation(file);
      for (const passage of article.passages) {
        expect(file.includes(passage.text), passage.id).toBe(true);
        expect(folded.includes(foldForCitation(passage.text)), passage.id).toBe(true);
        expect(passage.id).toBe(`${article.document}#${passage.position}`);
      }
      expect(article.passages.map((passage) => passage.position)).toEqual(article.passages.map((_, i) => i));
    }
    const names = await readdir(storyFixture);
    expect(names).toContain('questions.jsonl');
  });
});

describe('parseArticle', () => {
  it('accepts a Buffer and reports the reason it skips one', () => {
    expect(parseArticle('x.txt', Buffer.alloc(0))).toEqual({ document: 'x.txt', reason: 'empty' });
    expect(parseArticle('x.txt', Buffer.from([0xff, 0xfe, 0x41]))).toEqual({ document: 'x.txt', reason: 'not-utf8' });
  });
});
