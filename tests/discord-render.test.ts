import { describe, expect, it } from 'vitest';
import { discordLimits, embedLength, fitEmbeds, packLines, truncate } from '../adapters/discord/embed-limits.js';
import { escapeText, renderAnswer, renderSources } from '../adapters/discord/render-answer.js';
import type { Answer, Citation, SourceSummary, StoryOverview } from '../src/types.js';
import { discordLimitViolations } from './fakes/fake-discord.js';

const overview: StoryOverview = {
  title: 'Ferry service resumes after storm repairs',
  articles: 2,
  outlets: ['Harbour Ledger', 'Coastline Weekly'],
  firstDate: '2025-03-03',
  lastDate: '2025-03-04',
};

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    id: `00${n}.txt#0`,
    document: `00${n}.txt`,
    source: 'Harbour Ledger',
    credits: [],
    date: '2025-03-03',
    title: 'Ferry resumes crossings',
    passage: 'The ferry resumed crossings on Monday.',
    also: [],
    ...overrides,
  };
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: 'when did the ferry resume?',
    resolved: 'when did the ferry resume?',
    answer: 'The ferry resumed crossings on Monday. [1] It runs six times a day from Wednesday. [2]',
    short: 'Monday',
    abstained: false,
    kind: 'time',
    citations: [citation(1), citation(2, { source: 'Coastline Weekly', title: 'Timetable returns', also: [{ document: '003.txt', source: 'Island Radio', date: null, passage: 'x' }] })],
    ...overrides,
  };
}

function source(i: number, title: string, url: string | null = null): SourceSummary {
  return { document: `${i}.txt`, title, source: `Outlet ${i}`, credits: [], date: '2025-03-04', url, passages: 10 };
}

// A small deterministic generator, so the "any input" tests are the same on every run.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('renderAnswer', () => {
  it('puts the question in the title, the short answer in bold and the cited answer in the description', () => {
    const rendered = renderAnswer({ ok: true, answer: answer() }, overview);
    expect(rendered.ok).toBe(true);
    if (!rendered.ok) return;
    expect(rendered.embeds).toHaveLength(1);
    const [embed] = rendered.embeds;
    expect(embed?.title).toBe('when did the ferry resume?');
    expect(embed?.description).toBe('**Monday**\n\nThe ferry resumed crossings on Monday. [1] It runs six times a day from Wednesday. [2]');
    expect(embed?.fields).toEqual([
      {
        name: 'Sources',
        value: '[1] Harbour Ledger · Mar 3, 2025 · "Ferry resumes crossings"\n[2] Coastline Weekly · Mar 3, 2025 · "Timetable returns" · also carried by Island Radio',
      },
    ]);
    expect(embed?.footer?.text).toBe('Story: Ferry service resumes after storm repairs · 2 articles');
  });

  it('shows how a follow-up was read, in italics above the answer, escaped and unable to ping', () => {
    const rendered = renderAnswer({ ok: true, answer: answer({ question: 'and when?', resolved: 'when did the *ferry* <@123> @everyone resume?' }) }, overview);
    if (!rendered.ok) throw new Error('expected embeds');
    const description = rendered.embeds[0]?.description ?? '';
    expect(description.split('\n\n')[0]).toBe('*Read as: when did the \\*ferry\\* ‹@123› ＠everyone resume?*');
    expect(description.split('\n\n')[1]).toBe('**Monday**');
  });

  it('shows no reading when the question answered is the one typed', () => {
    const rendered = renderAnswer({ ok: true, answer: answer({ question: 'When did the ferry resume', resolved: 'when did the ferry resume?' }) }, overview);
    if (!rendered.ok) throw new Error('expected embeds');
    expect(rendered.embeds[0]?.description).not.toContain('Read as');
  });

  it('leaves out the bold line when there is no short answer', () => {
    const rendered = renderAnswer({ ok: true, answer: answer({ short: null }) }, overview);
    expect(rendered.ok && rendered.embeds[0]?.description?.startsWith('The ferry resumed')).toBe(true);
  });

  it('says what the bot covers when the coverage does not answer', () => {
    const abstention = answer({ answer: "The coverage of this story doesn't say.", short: null, abstained: true, citations: [] });
    const rendered = renderAnswer({ ok: true, answer: abstention }, overview);
    if (!rendered.ok) throw new Error('expected embeds');
    const [embed] = rendered.embeds;
    expect(embed?.description).toBe(
      'The coverage of this story doesn\'t say.\n\nI answer questions about "Ferry service resumes after storm repairs" from 2 articles (Harbour Ledger, Coastline Weekly). Try /sources.',
    );
    expect(embed?.fields).toBeUndefined();
    const cited = renderAnswer({ ok: true, answer: answer() }, overview);
    if (!cited.ok) throw new Error('expected embeds');
    expect(embed?.color).not.toBe(cited.embeds[0]?.color);
  });

  it("passes a refused question's message on as plain content", () => {
    const rendered = renderAnswer({ ok: false, reason: 'empty-question', message: 'Please ask a question about the story.', question: '' }, overview);
    expect(rendered).toEqual({ ok: false, content: 'Please ask a question about the story.' });
  });

  it('escapes markdown and defuses @everyone and @here in the question', () => {
    const rendered = renderAnswer({ ok: true, answer: answer({ question: '@everyone **who** met _where_? @here [x](https://example.com)' }) }, overview);
    if (!rendered.ok) throw new Error('expected embeds');
    expect(rendered.embeds[0]?.title).toBe('@\u200beveryone \\*\\*who\\*\\* met \\_where\\_? @\u200bhere \\[x](https://example.com)');
  });

  it('escapes markdown in article text but keeps the [n] markers', () => {
    const rendered = renderAnswer({ ok: true, answer: answer({ answer: 'Fares rose to **$4** for _adults_. [1]', short: '$4*' }) }, overview);
    if (!rendered.ok) throw new Error('expected embeds');
    expect(rendered.embeds[0]?.description).toBe('**$4\\***\n\nFares rose to \\*\\*$4\\*\\* for \\_adults\\_. [1]');
  });

  it('cuts a long question to the 256-character title limit', () => {
    const rendered = renderAnswer({ ok: true, answer: answer({ question: `who ${'really '.repeat(100)}met?` }) }, overview);
    if (!rendered.ok) throw new Error('expected embeds');
    const title = rendered.embeds[0]?.title ?? '';
    expect(title.length).toBeLessThanOrEqual(discordLimits.title);
    expect(title.endsWith('…')).toBe(true);
  });

  it('stays within every Discord limit for an answer with very many long citations', () => {
    const citations = Array.from({ length: 80 }, (_, i) => citation(i + 1, { title: `Headline ${i} ${'word '.repeat(100)}` }));
    const huge = answer({ question: 'q'.repeat(1000), answer: `${'Long answer. '.repeat(50)}[1]`, citations });
    const rendered = renderAnswer({ ok: true, answer: huge }, { ...overview, title: 'T'.repeat(3000) });
    if (!rendered.ok) throw new Error('expected embeds');
    expect(discordLimitViolations({ embeds: rendered.embeds })).toEqual([]);
    const fields = rendered.embeds[0]?.fields ?? [];
    expect(fields[0]?.name).toBe('Sources');
    expect(fields[0]?.value.startsWith('[1] Harbour Ledger')).toBe(true);
  });
});

describe('renderSources', () => {
  it('lists each article as a numbered line with outlet, date and title', () => {
    const [embed] = renderSources([source(1, 'Ferry resumes', 'https://news.example/ferry'), source(2, 'Timetable returns')], overview);
    expect(embed?.title).toBe('Sources: Ferry service resumes after storm repairs');
    expect(embed?.description).toBe('2 articles from 2 outlets, newest first.');
    expect(embed?.fields).toEqual([
      {
        name: 'Articles',
        value: '1. Outlet 1 · Mar 4, 2025 · "Ferry resumes" · [link](<https://news.example/ferry>)\n2. Outlet 2 · Mar 4, 2025 · "Timetable returns"',
      },
    ]);
  });

  it('links only http and https addresses', () => {
    const [embed] = renderSources([source(1, 'Ferry', 'javascript:alert(1)')], overview);
    expect(embed?.fields?.[0]?.value).toBe('1. Outlet 1 · Mar 4, 2025 · "Ferry"');
  });

  it('splits a long list over fields and counts what does not fit', () => {
    const sources = Array.from({ length: 400 }, (_, i) => source(i + 1, `A headline that goes on ${'and on '.repeat(30)}`));
    const embeds = renderSources(sources, overview);
    expect(discordLimitViolations({ embeds })).toEqual([]);
    const values = (embeds[0]?.fields ?? []).map((field) => field.value);
    expect(values.length).toBeGreaterThan(1);
    const lines = values.flatMap((value) => value.split('\n'));
    const note = lines.at(-1) ?? '';
    const hidden = Number(/^…and (\d+) more articles\.$/.exec(note)?.[1]);
    const shown = lines.filter((line) => /^\d+\. /.test(line));
    expect(shown.length + hidden).toBe(400);
    shown.forEach((line, i) => expect(line.startsWith(`${i + 1}. Outlet ${i + 1} ·`)).toBe(true));
  });

  it('says so when there is no article', () => {
    const [embed] = renderSources([], { ...overview, articles: 0, outlets: [] });
    expect(embed?.description).toBe('The story has no articles yet.');
    expect(embed?.fields).toEqual([]);
  });
});

describe('escapeText', () => {
  it('escapes headings, lists and masked links as well as inline formatting', () => {
    expect(escapeText('# Big\n- item\n1. first\n`code` ||spoiler|| ~~gone~~')).toBe('\\# Big\n\\- item\n1\\. first\n\\`code\\` \\|\\|spoiler\\|\\| \\~\\~gone\\~\\~');
  });
});

describe('truncate', () => {
  it('returns text within the limit unchanged', () => {
    expect(truncate('short', 5)).toBe('short');
  });

  it('cuts at a word boundary near the end and adds an ellipsis', () => {
    expect(truncate('the ferry resumed crossings on Monday', 20)).toBe('the ferry resumed…');
  });

  it('never splits a surrogate pair or leaves a dangling escape', () => {
    expect(truncate('ab\u{1F600}cd', 4)).toBe('ab…');
    expect(truncate('abc\\*defgh', 5)).toBe('abc…');
  });

  it('never exceeds the limit for any text', () => {
    const next = random(7);
    const alphabet = ['a', ' ', '\\', '*', '\u{1F600}', 'é', '\n'];
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: Math.floor(next() * 80) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const max = Math.floor(next() * 60);
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      if (text.length <= max) expect(cut).toBe(text);
      expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });
});

describe('packLines', () => {
  it('joins lines into chunks no longer than the limit', () => {
    expect(packLines(['aaaa', 'bbbb', 'cccc'], 9)).toEqual(['aaaa\nbbbb', 'cccc']);
  });

  it('truncates a line longer than the limit', () => {
    expect(packLines(['x'.repeat(20)], 10)).toEqual([`${'x'.repeat(9)}…`]);
  });
});

describe('fitEmbeds', () => {
  it('brings any set of embeds within the per-part, per-embed and per-message limits', () => {
    const next = random(11);
    for (let round = 0; round < 50; round++) {
      const embeds = Array.from({ length: 1 + Math.floor(next() * 14) }, () => ({
        title: 't'.repeat(Math.floor(next() * 400)) || undefined,
        description: 'd'.repeat(1 + Math.floor(next() * 6000)),
        footer: { text: 'f'.repeat(1 + Math.floor(next() * 2500)) },
        fields: Array.from({ length: Math.floor(next() * 40) }, () => ({ name: 'n'.repeat(1 + Math.floor(next() * 300)), value: 'v'.repeat(1 + Math.floor(next() * 1500)) })),
      }));
      const fitted = fitEmbeds(embeds);
      expect(discordLimitViolations({ embeds: fitted })).toEqual([]);
      expect(fitted.length).toBeGreaterThan(0);
    }
  });

  it('keeps the first field and drops later ones before shortening the description', () => {
    const fields = Array.from({ length: 10 }, (_, i) => ({ name: `F${i}`, value: 'v'.repeat(1000) }));
    const [embed] = fitEmbeds([{ description: 'short', fields }]);
    expect(embed?.description).toBe('short');
    expect(embed?.fields?.[0]?.name).toBe('F0');
    expect(embedLength(embed!)).toBeLessThanOrEqual(discordLimits.embedsTotal);
  });
});
