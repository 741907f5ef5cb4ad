import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer-question.js';
import { composeDigest } from '../src/digest/compose-digest.js';
import { Story } from '../src/story.js';
import { normalizeForMatch } from '../src/text/normalize.js';
import { safeRenderedText } from '../src/text/safe-text.js';
import { articleOf } from './ingest-helpers.js';

// What can ping someone in Discord or Slack, and the invisible controls that reorder or hide text.
const pingSyntax = /(?<![\p{L}\p{N}_])@(?:everyone|here|channel)\b|<[@!#][^<>]*>/iu;
const invisibleControls = /\p{Default_Ignorable_Code_Point}/u;

const hostile = `---
title: Crews start early on the Alder bridge
source: Valley Courier
date: 2031-03-03
---
The works committee posted "@everyone <!channel> bridge crews start at 6 a.m. and <@U123> will sign off <!subteam^S0CREW|@crew>" on its notice board, a clerk said.

The repairs, which cost \u202Eabout $180,000, were paid from the emergency fund, the\u200B county said.

Inspectors will check the bridge again on Friday, the county\u2066 said, before it reopens to traffic.
`;

describe('safeRenderedText', () => {
  it('defuses mention syntax and broadcasts, keeping the words readable', () => {
    expect(safeRenderedText('@everyone <!channel> and <@U123>, <#C1|desk>, <@&42>, <!subteam^S1|@team>, mail@here.com, @Here')).toBe(
      '＠everyone ‹!channel› and ‹@U123›, ‹#C1|desk›, ‹@&42›, ‹!subteam^S1|@team›, mail@here.com, ＠Here',
    );
  });

  it('removes bidirectional and zero-width controls and breaks no line where a chat app would', () => {
    expect(safeRenderedText('a\u202Eb\u2066c\u2069d\u200Be\u200Ff\u061Cg\uFEFFh\u2028i')).toBe('abcdefgh i');
  });

  it('leaves safe text as it is', () => {
    const text = 'The ferry resumed on Monday [1] at 7:15 a.m. — "We rebuilt the ramp," Lindqvist said. [2]';
    expect(safeRenderedText(text)).toBe(text);
  });
});

describe('answers and digests quoting an article with pings and controls', () => {
  const story = new Story([articleOf(hostile, 'notice.txt')]);

  it('renders the answer safe while its citation keeps the passage verbatim', () => {
    for (const question of ['What did the works committee post on its notice board?', 'How much did the repairs cost?']) {
      const result = answerQuestion(story, question);
      if (!result.ok) throw new Error(result.message);
      expect(result.answer.citations.length).toBeGreaterThan(0);
      expect(result.answer.answer).not.toMatch(pingSyntax);
      expect(result.answer.answer).not.toMatch(invisibleControls);
      expect(result.answer.short ?? '').not.toMatch(pingSyntax);
      for (const citation of result.answer.citations) expect(hostile).toContain(citation.passage);
    }
    const notice = answerQuestion(story, 'What did the works committee post on its notice board?');
    expect(notice.ok && notice.answer.citations[0]?.passage).toContain('<!channel>');
  });

  it('renders the digest text and its bullets safe', () => {
    const digest = composeDigest(story, { now: new Date('2031-03-04T08:00:00Z'), since: null, firstSeen: () => new Date('2031-03-03T09:00:00Z') });
    const bullets = digest.sections.flatMap((section) => section.items.map((item) => item.text));
    expect(bullets.length).toBeGreaterThan(0);
    for (const text of [digest.text, ...bullets]) {
      expect(text).not.toMatch(pingSyntax);
      expect(text).not.toMatch(invisibleControls);
    }
  });
});

describe('normalizeForMatch', () => {
  it('removes the Arabic letter mark with the other invisible controls', () => {
    expect(normalizeForMatch('Har\u061Cbour\u200B Gazette\u202E')).toBe('Harbour Gazette');
  });
});
