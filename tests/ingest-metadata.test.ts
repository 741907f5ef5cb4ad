import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGluedJoins, readDateline, sameOutlet } from '../src/ingest/article-metadata.js';
import { readFrontMatter } from '../src/ingest/front-matter.js';
import { readCorpus } from '../src/ingest/read-corpus.js';
import type { SkippedFile } from '../src/types.js';
import { articleOf, capturingLog, removeCorpus, writeCorpus } from './ingest-helpers.js';

describe('parseArticle metadata', () => {
  it('takes title, source, date and url from front matter over anything in the text', () => {
    const article = articleOf(
      [
        '---',
        'title: "Glassworks to close, 600 jobs lost"',
        "source: 'Northfield Evening Star'",
        'date: 2024-11-08T07:30:00Z',
        'url: https://northfield-star.example/glassworks',
        '---',
        'Riverside Post',
        '',
        'A different headline on the page',
        '',
        'LEEDSBY, Nov 7 (AFP) - The Harlow glassworks will close in January, its owner said on Thursday.',
      ].join('\n'),
    );
    expect(article).toMatchObject({
      title: 'Glassworks to close, 600 jobs lost',
      source: 'Northfield Evening Star',
      date: '2024-11-08',
      url: 'https://northfield-star.example/glassworks',
      credits: ['AFP'],
    });
    expect(article.passages.map((passage) => passage.text)).not.toContain('title: "Glassworks to close, 600 jobs lost"');
  });

  it('reads a date line with a zone offset and "Updated" glued on as the date, not as text', () => {
    const article = articleOf(
      [
        'Lakes to share water under draft deal',
        '',
        'By Jane Doe',
        '',
        'October 12, 2031 9:58 PM GMT+5Updated 2 hours ago',
        '',
        'ALMATY, Oct 12 (Test Wire) - Two countries opened talks on Monday on sharing the waters of two rivers.',
      ].join('\n'),
    );
    expect(article.date).toBe('2031-10-12');
    expect(article.passages.map((passage) => passage.text).join(' ')).not.toMatch(/GMT|Updated/);
  });

  it('reads a date line whose time comes before the date, and one that shares its line with the byline', () => {
    const timeFirst = articleOf(
      ['Harbour cranes idle as strike enters second day', '', 'By SAM ROE and JO DOE Associated Press', 'Updated 7:18 PM GMT+8, June 14, 2031', '', 'PORT ELLEN (AP) — Dock workers stayed off the job on Monday.'].join('\n'),
    );
    expect(timeFirst.date).toBe('2031-06-14');
    const withByline = articleOf(
      ['Harbour Strike: Talks Resume — All You Need To Know', '', 'Written By: Jo Doe | Updated: Jun 15, 2031, 16:05 IST', '', 'Dock workers and port owners met again on Tuesday.'].join('\n'),
    );
    expect(withByline.date).toBe('2031-06-15');
    expect(withByline.passages.map((passage) => passage.text).join(' ')).not.toMatch(/IST|Written/);
  });

  it('reads a masthead set in capitals as the outlet, and skips the breadcrumb under it for the headline', () => {
    const article = articleOf(
      ['THE HARBOUR LEDGER', 'Port news, without the noise | Sunday, June 13, 2031', '', 'Home › Business › Shipping', '', 'Strike Talks Collapse as Port Owners Walk Out', '', 'Talks to end the dock strike collapsed on Saturday.'].join('\n'),
    );
    expect(article).toMatchObject({ source: 'THE HARBOUR LEDGER', title: 'Strike Talks Collapse as Port Owners Walk Out', date: '2031-06-13' });
  });

  it('reads a masthead, a headline and a dateline with its agency credited', () => {
    const article = articleOf(
      [
        'Lakeshore Tribune',
        '',
        'Ferry operator cancels winter crossings',
        '',
        'LONDON, March 3 (AFP) - The Isle Link ferry company cancelled all winter crossings on Monday, citing fuel costs that rose 30% since March 1, 2031.',
        '',
        'The company said about 900 passengers a day would be affected.',
      ].join('\n'),
    );
    expect(article).toMatchObject({
      title: 'Ferry operator cancels winter crossings',
      source: 'Lakeshore Tribune',
      date: '2031-03-03',
      url: null,
      credits: ['AFP'],
    });
    expect(article.passages[1]!.text).toBe('The Isle Link ferry company cancelled all winter crossings on Monday, citing fuel costs that rose 30% since March 1, 2031.');
  });

  it('takes the outlet of a dateline without a place as the source when there is no masthead', () => {
    const article = articleOf('(AP) — Firefighters contained a blaze at the Orrin Hills landfill on Sunday, officials said.\n');
    expect(article).toMatchObject({ source: 'AP', credits: [], date: null, title: null });
    expect(article.passages[0]!.text).toBe('Firefighters contained a blaze at the Orrin Hills landfill on Sunday, officials said.');
  });

  it('keeps the date null when a dateline gives a month and day but the article names no year', () => {
    const article = articleOf(
      'Sept. 9 (DPA) — Rail unions in Kessel agreed to a 2030 target for new signalling, the transport ministry said.\n\nThe 2031 budget sets aside 4 billion euros.\n',
    );
    expect(article.source).toBe('DPA');
    expect(article.date).toBeNull();
  });

  it('takes the year of a dateline from a date in the text that falls close to it', () => {
    const nearby = articleOf('BRANTFORD, Dec 5 (Newsline) – Talks resumed on Friday after a pause that began on Nov. 28, 2029.\n');
    expect(nearby.date).toBe('2029-12-05');
    const sameDay = articleOf('Jan. 2 (Newsline) — Crews worked through the night. The storm of Jan 2 2030 cut power to 4,000 homes.\n');
    expect(sameDay.date).toBe('2030-01-02');
  });

  it('reads a byline and a labelled publication date, leaving both out of the passages', () => {
    const article = articleOf(
      [
        'Eastgate Herald',
        '',
        'Council approves new cycle lanes on Mill Road',
        '',
        'By Jane Doe and Omar Haddad',
        '',
        'Published: 5 December 2030',
        '',
        'Eastgate council approved 12 km of protected cycle lanes on Tuesday.',
      ].join('\n'),
    );
    expect(article).toMatchObject({ title: 'Council approves new cycle lanes on Mill Road', source: 'Eastgate Herald', date: '2030-12-05' });
    expect(article.passages.map((passage) => passage.text)).toEqual([
      'Council approves new cycle lanes on Mill Road',
      'Eastgate council approved 12 km of protected cycle lanes on Tuesday.',
    ]);
  });

  it('reads a standalone date line under the headline with a time after it', () => {
    const article = articleOf('Bridge inspection finds cracked bearings\n\nThursday, April 3, 2031 10:45 a.m. EDT\n\nInspectors found two cracked bearings on the Wexley bridge.\n');
    expect(article.date).toBe('2031-04-03');
    expect(article.passages).toHaveLength(2);
  });

  it('dates an article with no dateline from the first full date of its lead paragraph', () => {
    const article = articleOf('Flood barrier tested\nOn Monday, June 9 2031, engineers raised the Tolland flood barrier for the first time.\n');
    expect(article.date).toBe('2031-06-09');
  });

  it('credits the outlets of an aggregator\'s sources list and leaves the source unknown', () => {
    const article = articleOf(
      [
        'Wildfire Near Pell Valley Forces Evacuations',
        'Updated (2 articles)',
        'About 2,000 residents of Pell Valley were told to leave their homes on Sunday [1][2].',
        'Sources',
        '-',
        '1.',
        'Mountain Courier: Pell Valley fire grows: Covers the evacuation order .',
        '-',
        '2.',
        'KPVX News: Crews battle wildfire: Describes the firefighting effort .',
      ].join('\n'),
    );
    expect(article).toMatchObject({ source: null, credits: ['Mountain Courier', 'KPVX News'], title: 'Wildfire Near Pell Valley Forces Evacuations' });
    expect(article.passages.map((passage) => passage.text)).toEqual([
      'Wildfire Near Pell Valley Forces Evacuations',
      'About 2,000 residents of Pell Valley were told to leave their homes on Sunday [1][2].',
    ]);
  });

  it('credits the outlets of a "Source:" line', () => {
    const article = articleOf('Orchard owners count frost losses\n\nFrost destroyed a third of the Amberley apple crop.\n\nSource: Farm Weekly\n');
    expect(article.credits).toEqual(['Farm Weekly']);
  });

  it('splits a headline glued to its deck and takes the first phrase as the title', () => {
    const article = articleOf(
      'Canal repairs to finish by summer, council saysWork on three locks resumes MondayBoaters warned of short closures\n\nRepairs to the Ashby canal will finish by July, the council said.\n',
    );
    expect(article.title).toBe('Canal repairs to finish by summer, council says');
    expect(article.passages.slice(0, 3).map((passage) => [passage.role, passage.text])).toEqual([
      ['headline', 'Canal repairs to finish by summer, council says'],
      ['headline', 'Work on three locks resumes Monday'],
      ['headline', 'Boaters warned of short closures'],
    ]);
  });

  it('keeps brand names with inner capitals whole in a short headline', () => {
    const article = articleOf('Workers at PlayHouse Studios walk out\n\nAnimators at PlayHouse Studios walked out on Friday.\n');
    expect(article.title).toBe('Workers at PlayHouse Studios walk out');
  });

  it('leaves the title null when the article starts with running text', () => {
    const article = articleOf('The Harbin Street market will reopen on Saturday, the council said.\nStallholders welcomed the news.\n');
    expect(article.title).toBeNull();
    expect(article.source).toBeNull();
  });

  it('takes a repeated first line as the headline even when it ends with a period', () => {
    const article = articleOf('Drought declared in Corran county.\n\nDrought declared in Corran county.\n\nOfficials declared a drought on Monday after six dry months.\n');
    expect(article.title).toBe('Drought declared in Corran county.');
    expect(article.passages.filter((passage) => passage.text === 'Drought declared in Corran county.')).toHaveLength(1);
  });

  it('does not take a short headline for a masthead when running text follows it', () => {
    const article = articleOf('Exports Hit Record\n\nExports from Port Selva rose 12% in May, customs data showed.\n');
    expect(article.source).toBeNull();
    expect(article.title).toBe('Exports Hit Record');
  });

  it('strips a dateline with invisible characters inside it from the first passage', () => {
    const file = 'LON\u200BDON, March 3 (AFP) - Ferry crossings resumed on Monday.\n';
    const article = articleOf(file);
    expect(article.source).toBe('AFP');
    expect(article.passages[0]!.text).toBe('Ferry crossings resumed on Monday.');
  });

  it('does not take a section label or kicker for a masthead', () => {
    const article = articleOf('World News\n\nEXCLUSIVE\n\nMinisters meet to discuss fishing quotas\n\nFisheries ministers met in Tromvik on Monday.\n');
    expect(article.source).toBeNull();
    expect(article.title).toBe('Ministers meet to discuss fishing quotas');
  });
});

describe('readDateline', () => {
  it('reads place, date and outlet in the common wire forms', () => {
    expect(readDateline('WASHINGTON, Dec 5 (Newswire) – Officials met.')).toMatchObject({ outlet: 'Newswire', day: { year: null, month: 12, day: 5 } });
    expect(readDateline('KYIV, Ukraine, Feb. 24, 2030 (AP) — Sirens sounded.')).toMatchObject({ outlet: 'AP', day: { year: 2030, month: 2, day: 24 } });
    expect(readDateline('Dec. 4 (UPX) — Talks began.')).toMatchObject({ outlet: 'UPX', day: { month: 12, day: 4 } });
    expect(readDateline('NEW YORK, 3 March - Stocks fell.')).toMatchObject({ outlet: null, day: { month: 3, day: 3 } });
  });

  it('does not read a timeline entry or an ordinary sentence as a dateline', () => {
    expect(readDateline('Dec 2, 2030 – Talks open in Geneva.')).toBeNull();
    expect(readDateline('Key Developments: the envoy will travel on Monday.')).toBeNull();
    expect(readDateline('The mayor — speaking on Monday — said no.')).toBeNull();
  });
});

describe('sameOutlet', () => {
  it('matches names that differ by case, a leading "The", a generic word or initials', () => {
    expect(sameOutlet('The Valley Ledger', 'valley ledger')).toBe(true);
    expect(sameOutlet('KTVZ', 'KTVZ News')).toBe(true);
    expect(sameOutlet('ABC', 'Abbey Broadcasting Company')).toBe(true);
    expect(sameOutlet('Harbour Gazette', 'Harbour Post')).toBe(false);
  });
});

describe('readFrontMatter', () => {
  it('ignores a rule line that never closes and unknown keys', () => {
    expect(readFrontMatter('---\nNot front matter at all\n').bodyStart).toBe(0);
    const read = readFrontMatter('---\r\nauthor: Sam\r\ntitle: Plain title # a comment\r\ndate: 7 May 2031\r\n---\r\nBody.');
    expect(read.fields).toEqual({ title: 'Plain title', source: null, date: '2031-05-07', url: null });
    expect(read.bodyStart).toBe('---\r\nauthor: Sam\r\ntitle: Plain title # a comment\r\ndate: 7 May 2031\r\n---\r\n'.length);
  });
});

describe('findGluedJoins', () => {
  it('finds a deck glued to a headline after a word, a closing quote or a figure', () => {
    const line = "Mayor says harbour deal 'saves the port'Unions call the vote for Friday morningTalks resume at noon on the docks";
    const joins = findGluedJoins(line);
    expect(joins.map((at) => line.slice(at, at + 6))).toEqual(['Unions', 'Talks ']);
  });

  it('leaves short lines whole', () => {
    expect(findGluedJoins('PlayStation sales rise as FridayCrews return')).toEqual([]);
  });
});

describe('metadata problems', () => {
  const unclosed = ['---', 'title: Port strike enters fourth day', 'source: Harbour Gazette', 'date: 2026-03-05', '', 'CALDER, March 5 — Dock workers stayed out for a fourth day on Thursday.', ''].join('\n');

  it('reads the fields of front matter that never closes, and keeps them out of the passages', () => {
    const article = articleOf(unclosed);
    expect(article).toMatchObject({ title: 'Port strike enters fourth day', source: 'Harbour Gazette', date: '2026-03-05' });
    expect(article.passages.map((passage) => passage.text)).toEqual(['Dock workers stayed out for a fourth day on Thursday.']);
  });

  it('warns about front matter that never closes and a date that is no calendar date, naming the file', async () => {
    const dir = await writeCorpus({ 'unclosed.txt': unclosed, 'bad-date.md': '---\ntitle: Strike talks\ndate: 2025-13-45\n---\nTalks resumed on Monday in the port of Calder.\n' });
    const capture = capturingLog();
    try {
      const result = await readCorpus(dir, { log: capture.log });
      expect(result.ok && result.articles.find((article) => article.document === 'bad-date.md')?.date).toBeNull();
      const warnings = capture.lines().filter((line) => line.level === 40);
      expect(warnings).toEqual([
        expect.objectContaining({ document: 'bad-date.md', problem: 'invalid-date', value: '2025-13-45', msg: 'the front matter date is not a calendar date; the date is looked for in the text instead' }),
        expect.objectContaining({ document: 'unclosed.txt', problem: 'unclosed-front-matter', msg: 'the front matter has no closing ---; its fields were read up to the first other line' }),
      ]);
    } finally {
      await removeCorpus(dir);
    }
  });

  it('reads a masthead that zero-width or bidi characters hide, instead of crediting the dateline', () => {
    for (const masthead of ['Harbour\u200BGazette', '\u061CHarbour Gazette', 'Harbour\u2060Gazette', 'Har\u200Bbour Ga\u034Fzette']) {
      const article = articleOf(`${masthead}\nPort strike enters fourth day as talks stall\nCALDER, March 5 (Wire Service) — Dock workers stayed out for a fourth day on Thursday.\n`);
      expect(article, JSON.stringify(masthead)).toMatchObject({ source: 'Harbour Gazette', credits: ['Wire Service'] });
    }
  });

  it('joins at most 8,000 characters of unfinished lines into one passage', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `k${i}: value ${i}`).join('\n');
    const article = articleOf(`Field dump\n\n${lines}\n`);
    expect(Math.max(...article.passages.map((passage) => passage.text.length))).toBeLessThanOrEqual(8_000);
    expect(article.passages.map((passage) => passage.text).join('\n')).toContain('k19999: value 19999');
  });

  it('documents in the README every reason a file is skipped', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const reasons: Array<SkippedFile['reason']> = ['empty', 'binary', 'not-utf8', 'too-large', 'unreadable', 'no-text'];
    for (const reason of reasons) expect(readme).toContain(`\`${reason}\``);
  });
});
