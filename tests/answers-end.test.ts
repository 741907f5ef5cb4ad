import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAnswerJson } from '../adapters/cli/answer-json.js';
import { answerQuestion, maxQuestionLength } from '../src/answer/answer-question.js';
import { createStoryEngine, type StoryEngine } from '../src/engine/story-engine.js';
import { findQuantities } from '../src/language/quantities.js';
import { Story } from '../src/story.js';
import { countClauseBreaks } from '../src/text/clause-breaks.js';
import type { AskResult } from '../src/types.js';
import { articleOf, foldForCitation } from './ingest-helpers.js';

// Each question runs in the story engine under a deadline far beyond what it needs (a few milliseconds to a second
// here), so a question that hangs or crawls again fails its test instead of hanging the suite.
const generousDeadlineMs = 15_000;
const root = join(import.meta.dirname, '..');
const folders: string[] = [];
const engines: StoryEngine[] = [];

afterAll(async () => {
  for (const engine of engines) await engine.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function storyFolder(files: Record<string, string>, copyFrom?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'storybot-ends-'));
  folders.push(dir);
  if (copyFrom !== undefined) cpSync(copyFrom, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function engineOver(dir: string): Promise<StoryEngine> {
  const engine = createStoryEngine({ dir, answerTimeoutMs: generousDeadlineMs });
  engines.push(engine);
  const start = await engine.ready();
  if (!start.ok) throw new Error(start.message);
  return engine;
}

// Ends in time, and every passage it cites stands in its file.
function expectEnded(result: AskResult, dir: string): void {
  if (!result.ok) throw new Error(`no answer: ${result.reason}: ${result.message}`);
  for (const citation of result.answer.citations) {
    expect(foldForCitation(readFileSync(join(dir, citation.document), 'utf8'))).toContain(foldForCitation(citation.passage));
  }
}

const snowArticle = "Heavy snow disrupted trains in Paris, Lyon and Paris's suburbs on Monday, the rail operator said.\n";

// An article in the manner of the Wikipedia one on EU law, whose lists name a country twice.
const euLawArticle = `---
title: European Union law
source: Law Review
date: 2024-05-02
---
European Union law is a body of treaties and legislation that have direct or indirect effect on the laws of European Union member states.

The six founding states were Belgium, France, Germany, Italy, Luxembourg and the Netherlands.

Denmark, Ireland and the United Kingdom joined in 1973, followed by Greece in 1981 and Portugal and Spain in 1986.

Although it is part of Denmark, Greenland signed a treaty in 1985 giving it a special status, so Iceland, Norway and Greenland stayed outside the customs rules.

A referendum was held in Greenland in 1982, and another in Ireland in 2008.

In 2005 the proposed constitution was rejected by voters in France and the Netherlands.

Before the Treaty of Lisbon 2007 took effect, Ireland refused to consent to changes, as for a time did Poland, the Netherlands, France and Ireland's parliament.
`;

// A 175 KB run-on sentence, a 230 KB list of figures and a 100,000-line front matter that never closes (1.9 MB).
const runOn = `Talks drag on\n\n${Array.from({ length: 1700 }, (_, i) => `${['Jane Doe', 'Omar Haddad', 'Lena Fischer'][i % 3]} met ${['Aiko Tanaka', 'Carlos Mendez'][i % 2]} in ${['Springfield', 'Rivertown', 'Lakeside'][i % 3]}, and officials said talks would continue`).join(', ')}.\n`;
const figures = `Figures released\n\nThe figures were ${Array.from({ length: 40_000 }, (_, i) => String(((i + 1) * 7919) % 100_000)).join(', ')}.\n`;
const unclosedFrontMatter = `---\n${Array.from({ length: 100_000 }, (_, i) => `k${i}: value ${i}\n`).join('')}`;

describe('the story engine on questions that never used to end', () => {
  it('answers "Where were trains disrupted?" from one article whose list names Paris twice', async () => {
    const dir = storyFolder({ 'snow.txt': snowArticle });
    const result = await (await engineOver(dir)).service.ask('Where were trains disrupted?');
    expectEnded(result, dir);
    expect(result.ok && result.answer.short).toMatch(/Paris/);
    expect(result.ok && result.answer.citations.map((citation) => citation.passage)).toEqual([snowArticle.trim()]);
  });

  it('answers which-country questions about an article whose lists name a country twice', async () => {
    const dir = storyFolder({ 'eu-law.txt': euLawArticle });
    const engine = await engineOver(dir);
    for (const question of ['Which country in 1985 signed a treaty to give it special status?', 'Which country refused to content to changes in the Treaty of Lisbon 2007?']) {
      const result = await engine.service.ask(question);
      expectEnded(result, dir);
      expect(result.ok && result.answer.citations.length).toBeGreaterThan(0);
    }
  });

  describe('on the seed story with hostile articles added', () => {
    let dir: string;
    let engine: StoryEngine;
    beforeAll(async () => {
      dir = storyFolder({ 'zz-run-on.txt': runOn, 'zz-figures.txt': figures, 'zz-unclosed.txt': unclosedFrontMatter }, join(root, 'seeds'));
      engine = await engineOver(dir);
    }, 60_000);

    it('answers "Which city did Russia reportedly capture?"', async () => {
      expectEnded(await engine.service.ask('Which city did Russia reportedly capture?'), dir);
    });

    it('answers a who-question that a 175 KB run-on sentence matches, and one about the seed story beside it', async () => {
      const springfield = await engine.service.ask('who met in Springfield?');
      expectEnded(springfield, dir);
      expect(springfield.ok && springfield.answer.short).toMatch(/Doe|Haddad|Fischer|Tanaka|Mendez/);
      expectEnded(await engine.service.ask('who met in Miami?'), dir);
    });

    it('answers how-many over a 230 KB list of figures', async () => {
      expectEnded(await engine.service.ask('how many figures were there?'), dir);
    });

    it('composes the digest of a story holding all three', async () => {
      const digest = await engine.digest({ now: new Date('2025-12-06T08:00:00Z'), since: null, timeZone: 'UTC', firstSeen: () => null });
      expect(digest.text).toMatch(/^Story digest/);
    });
  });
});

describe('findQuantities', () => {
  it('finds every figure of a list of 40,000 (bare years apart), each once', () => {
    const found = findQuantities(figures);
    const numbers = Array.from({ length: 40_000 }, (_, i) => String(((i + 1) * 7919) % 100_000));
    expect(found.map((quantity) => quantity.text)).toEqual(numbers.filter((number) => !/^(?:1[89]|20|21)\d\d$/.test(number)));
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });

  it('keeps a scale or unit glued to a figure with it ("1bn", "200m", "20mn")', () => {
    expect(findQuantities('It is targeting sales of 1bn next year.').map((quantity) => quantity.text)).toEqual(['1bn next']);
    expect(findQuantities('It will sell 200m condoms.').map((quantity) => quantity.text)).toEqual(['200m condoms']);
    expect(findQuantities('About 20mn viewers watched.').map((quantity) => quantity.text)).toEqual(['About 20mn viewers']);
    expect(findQuantities('It fell 30 metres.').map((quantity) => quantity.text)).toEqual(['30 metres']);
  });

  it('reads a length in parts as one duration, and no currency code inside a word ("hours 20")', () => {
    const read = (text: string) => findQuantities(text).map((quantity) => [quantity.text, quantity.kind]);
    expect(read('The siege lasted 11 hours and 10 minutes.')).toEqual([['11 hours and 10 minutes', 'duration']]);
    expect(read('It took 3 hours 20 minutes.')).toEqual([['3 hours 20 minutes', 'duration']]);
    expect(read('for two years, three months')).toEqual([['two years, three months', 'duration']]);
    expect(read('after 2 hours and 5 people')).toEqual([['2 hours', 'duration'], ['5 people', 'count']]);
    expect(read('a fine of Rs 20 lakh')).toEqual([['Rs 20 lakh', 'money']]);
  });
});

describe('countClauseBreaks', () => {
  it('counts the breaks inside a span as a scan of that span alone does', () => {
    const sentence = 'Talks resumed in Springfield, and the mayor said; then — while crowds waited — officials, or aides, left: and so on';
    const scan = (from: number, to: number) => (sentence.slice(from, to).match(/[,;:—–]|\s(?:and|but|while|whereas|or)\s/g) ?? []).length;
    for (let from = 0; from <= sentence.length; from += 3) {
      for (let to = from; to <= sentence.length; to += 5) {
        // A joining word cut by the span's edge is no break either way; the spans here start and end inside words or at breaks.
        if (/\s/.test(sentence.charAt(from - 1)) || /\s/.test(sentence.charAt(to))) continue;
        expect(countClauseBreaks(sentence, from, to), `${from}–${to}`).toBe(scan(from, to));
      }
    }
  });
});

describe('answerQuestion on a question padded to 5 MB', () => {
  const story = new Story([articleOf(snowArticle, 'snow.txt')]);
  for (const [padding, name] of [
    [' ', 'spaces'],
    ['\u200B', 'zero-width spaces'],
    ['😀', 'emoji'],
  ] as const) {
    it(`refuses it as too long, without normalising or echoing it, when the padding is ${name}`, () => {
      const question = `Where were trains disrupted?${padding.repeat(Math.ceil(5_000_000 / padding.length))}`;
      const result = answerQuestion(story, question);
      expect(result).toMatchObject({ ok: false, reason: 'too-long', message: `That question is ${question.length} characters long; please keep it under ${maxQuestionLength}.` });
      const json = toAnswerJson(question, result);
      expect(json).toMatchObject({ abstained: true, citations: [], error: 'too-long' });
      expect(json.question.length).toBeLessThanOrEqual(81);
      expect(JSON.stringify(json).length).toBeLessThan(400);
    });
  }
});
