import { describe, expect, it } from 'vitest';
import { renderAskResult, renderFailure, renderHelp, renderSources, slackLimits, type SlackMessage } from '../adapters/slack/render-blocks.js';
import { escapeMrkdwn, fitText, plainTextFromSlack, safeLinkTarget } from '../adapters/slack/slack-text.js';
import type { Answer, AskResult, Citation, SourceSummary, StoryOverview } from '../src/types.js';

const overview: StoryOverview = {
  title: 'Harbour <!channel> & ferry strike',
  articles: 3,
  outlets: ['Coast <@U1> Post', 'Bay Times'],
  firstDate: '2031-05-01',
  lastDate: '2031-05-03',
};

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    id: `${n}.md#0`,
    document: `${n}.md`,
    source: 'Bay Times',
    credits: [],
    date: '2031-05-02',
    title: 'Ferry crews walk out',
    passage: `Sentence ${n}.`,
    also: [],
    ...overrides,
  };
}

function answered(overrides: Partial<Answer> = {}): AskResult {
  return {
    ok: true,
    answer: {
      question: 'when does the strike end?',
      resolved: 'when does the strike end?',
      answer: 'Crews said the strike ends on Sunday. [1] Talks resume Monday. [2]',
      short: 'Sunday',
      abstained: false,
      kind: 'time',
      citations: [citation(1), citation(2, { source: 'Coast Post', also: [{ document: '3.md', source: 'Harbour Wire', date: null, passage: 'Talks resume Monday.' }] })],
      ...overrides,
    },
  };
}

function sectionTexts(message: SlackMessage): string[] {
  return message.blocks.flatMap((block) => (block.type === 'section' && block.text !== undefined ? [block.text.text] : []));
}

function contextTexts(message: SlackMessage): string[] {
  return message.blocks.flatMap((block) => (block.type === 'context' ? block.elements.map((element) => ('text' in element ? element.text : '')) : []));
}

/** Slack's limits, checked the way Slack checks them. */
function expectWithinLimits(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
  expect(message.text.length).toBeGreaterThan(0);
  for (const text of sectionTexts(message)) {
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(slackLimits.sectionText);
  }
  for (const block of message.blocks) {
    if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(slackLimits.contextElements);
  }
  for (const text of contextTexts(message)) expect(text.length).toBeLessThanOrEqual(slackLimits.contextElementText);
}

function expectNoPings(message: SlackMessage): void {
  const all = JSON.stringify(message);
  for (const ping of ['<!channel>', '<!here>', '<!everyone>', '<@']) expect(all).not.toContain(ping);
}

describe('escapeMrkdwn', () => {
  it('escapes the three characters Slack treats as markup', () => {
    expect(escapeMrkdwn('<!channel> & <@U123> > <#C1>')).toBe('&lt;!channel&gt; &amp; &lt;@U123&gt; &gt; &lt;#C1&gt;');
  });

  it('escapes an ampersand that already looks like an entity, so the text reads as written', () => {
    expect(escapeMrkdwn('AT&amp;T')).toBe('AT&amp;amp;T');
  });
});

describe('plainTextFromSlack', () => {
  it('drops the bot mention and other mentions and broadcasts', () => {
    expect(plainTextFromSlack('<@U0BOT> <!here> who said <@U123|jo> it?')).toBe('who said it?');
    expect(plainTextFromSlack('<!subteam^S1|@desk> <!channel> why?')).toBe('why?');
  });

  it('keeps channel names, link labels and dates as people see them', () => {
    expect(plainTextFromSlack('see <#C1|desk> and <https://example.test/a|the memo> or <https://example.test/b>')).toBe(
      'see #desk and the memo or https://example.test/b',
    );
    expect(plainTextFromSlack('what happened on <!date^1700000000^{date}|Nov 14>?')).toBe('what happened on Nov 14?');
  });

  it('decodes Slack’s escapes once, ampersand last', () => {
    expect(plainTextFromSlack('is 3 &lt; 4 &amp;&amp; R&amp;D &amp;lt; 5?')).toBe('is 3 < 4 && R&D &lt; 5?');
  });
});

describe('fitText', () => {
  it('leaves short text alone and cuts long text to the limit with an ellipsis', () => {
    expect(fitText('short', 10)).toBe('short');
    const cut = fitText('a'.repeat(50), 10);
    expect(cut).toHaveLength(10);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never leaves half an entity or half a surrogate pair', () => {
    expect(fitText('abc &amp; def', 7)).toBe('abc…');
    expect(fitText('ab😀cd', 4)).toBe('ab…');
  });
});

describe('safeLinkTarget', () => {
  it('keeps http and https addresses, escaping what would end the link', () => {
    expect(safeLinkTarget('https://example.test/a?b=1&c=2')).toBe('https://example.test/a?b=1&amp;c=2');
    expect(safeLinkTarget('https://example.test/a|b>c')).toBe('https://example.test/a%7Cb%3Ec');
  });

  it('refuses other schemes and non-URLs', () => {
    expect(safeLinkTarget('javascript:alert(1)')).toBeNull();
    expect(safeLinkTarget('not a url')).toBeNull();
    expect(safeLinkTarget(null)).toBeNull();
  });
});

describe('renderAskResult', () => {
  it('puts the short answer in bold over the answer, and numbers the sources in a context block', () => {
    const message = renderAskResult(answered(), overview);
    const [section] = sectionTexts(message);
    expect(section).toBe('*Sunday*\nCrews said the strike ends on Sunday. [1] Talks resume Monday. [2]');
    expect(message.blocks.map((block) => block.type)).toEqual(['section', 'context']);
    const sources = contextTexts(message);
    expect(sources).toHaveLength(2);
    expect(sources[0]).toBe('[1] Bay Times · May 2, 2031 · "Ferry crews walk out"');
    expect(sources[1]).toContain('[2] Coast Post');
    expect(sources[1]).toContain('also carried by Harbour Wire');
    expectWithinLimits(message);
  });

  it('carries the same words in the text fallback', () => {
    const message = renderAskResult(answered(), overview);
    expect(message.text).toContain('Sunday');
    expect(message.text).toContain('Crews said the strike ends on Sunday. [1] Talks resume Monday. [2]');
    for (const line of contextTexts(message)) expect(message.text).toContain(line);
  });

  it('leaves out the bold line when there is no short answer', () => {
    const message = renderAskResult(answered({ short: null }), overview);
    expect(sectionTexts(message)[0]).toBe('Crews said the strike ends on Sunday. [1] Talks resume Monday. [2]');
  });

  it('escapes article sentences, titles and outlet names so they cannot ping anyone', () => {
    const hostile = answered({
      short: '<!here>',
      answer: 'The union wrote "<!channel> walk out & <@U123> leads" on its board. [1]',
      citations: [citation(1, { source: 'Coast <!everyone> Post', title: 'Strike <@U9> & talks', also: [{ document: 'x', source: '<!here> Wire', date: null, passage: '' }] })],
    });
    const message = renderAskResult(hostile, overview);
    expectNoPings(message);
    expect(sectionTexts(message)[0]).toContain('&lt;!channel&gt; walk out &amp; &lt;@U123&gt; leads');
    expect(contextTexts(message)[0]).toContain('Coast &lt;!everyone&gt; Post');
    expect(message.text).toContain('&lt;!channel&gt;');
  });

  it('keeps within Slack’s limits however long the answer and however many the sources', () => {
    const many = Array.from({ length: 14 }, (_, i) => citation(i + 1, { title: 'T'.repeat(3000) }));
    const message = renderAskResult(answered({ answer: '&'.repeat(2000), short: '<'.repeat(500), citations: many }), overview);
    expectWithinLimits(message);
    const sources = contextTexts(message).join(' ');
    for (let n = 1; n <= 9; n += 1) expect(sources).toContain(`[${n}]`);
    expect(sectionTexts(message)[0]).not.toMatch(/&[a-z]{0,3}…$/);
  });

  it('abstains in a friendly way and says what it covers and where to look', () => {
    const message = renderAskResult(answered({ abstained: true, answer: "The coverage of this story doesn't say.", short: null, citations: [] }), overview);
    const [section] = sectionTexts(message);
    expect(section).toContain("The coverage of this story doesn't say.");
    expect(section).toContain('/story sources');
    expect(section).toContain('3 articles');
    expect(contextTexts(message)).toHaveLength(0);
    expectNoPings(message);
  });

  it('shows how a follow-up was read, in a small italic line first, when it differs from what was typed', () => {
    const message = renderAskResult(answered({ question: 'and when?', resolved: 'when does the <!here> strike & lockout end?' }), overview);
    expect(message.blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '_Read as: when does the ‹!here› strike &amp; lockout end?_' }] });
    expect(message.blocks[1]?.type).toBe('section');
    expect(message.text.startsWith('_Read as: when does the ‹!here› strike &amp; lockout end?_\nSunday')).toBe(true);
    expectWithinLimits(message);
  });

  it('shows the reading of an unanswered follow-up too, and none when it matches what was typed', () => {
    const abstained = renderAskResult(answered({ question: 'why?', resolved: 'why does the strike end?', abstained: true, short: null, citations: [], answer: "The coverage of this story doesn't say." }), overview);
    expect(contextTexts(abstained)).toEqual(['_Read as: why does the strike end?_']);
    expect(renderAskResult(answered({ question: 'When does the strike end', resolved: 'when does the strike end?' }), overview).blocks[0]?.type).toBe('section');
  });

  it('gives a refused question its message', () => {
    const refused: AskResult = { ok: false, reason: 'empty-question', message: 'Please ask a question about the story.', question: '' };
    const message = renderAskResult(refused, overview);
    expect(sectionTexts(message)).toEqual(['Please ask a question about the story.']);
    expect(message.text).toBe('Please ask a question about the story.');
  });
});

describe('renderSources', () => {
  const source = (i: number, overrides: Partial<SourceSummary> = {}): SourceSummary => ({
    document: `${i}.md`,
    credits: [],
    title: `Article ${i}`,
    source: 'Bay Times',
    date: '2031-05-01',
    url: null,
    passages: 10,
    ...overrides,
  });

  it('numbers every article, escapes titles and links only safe addresses', () => {
    const message = renderSources(
      [source(1, { title: 'Talks <!here> & strike', url: 'https://example.test/a?x=1&y=2' }), source(2, { url: 'javascript:alert(1)' })],
      overview,
    );
    const listed = sectionTexts(message).join('\n');
    expect(listed).toContain('1. Bay Times · May 1, 2031 · "Talks &lt;!here&gt; &amp; strike" · <https://example.test/a?x=1&amp;y=2|link>');
    expect(listed).toContain('2. Bay Times · May 1, 2031 · "Article 2"');
    expect(listed).not.toContain('javascript');
    expectNoPings(message);
    expectWithinLimits(message);
  });

  it('splits a long list over sections and says how many it had to leave out', () => {
    const sources = Array.from({ length: 400 }, (_, i) => source(i + 1, { title: 'A long headline '.repeat(40) }));
    const message = renderSources(sources, overview);
    expectWithinLimits(message);
    const listed = sectionTexts(message).join('\n');
    expect(listed).toContain('\n1. ');
    const shown = listed.split('\n').filter((line) => /^\d+\. /.test(line)).length;
    expect(shown).toBeLessThan(400);
    expect(contextTexts(message).at(-1)).toBe(`…and ${400 - shown} more not shown here.`);
  });
});

describe('renderHelp', () => {
  it('explains mentions, DMs and every command given', () => {
    const message = renderHelp(
      [
        { usage: '/story <question>', description: 'answer a question' },
        { usage: '/story sources', description: 'list the articles' },
      ],
      overview,
    );
    const [text] = sectionTexts(message);
    expect(text).toContain('`/story &lt;question&gt;`: answer a question');
    expect(text).toContain('`/story sources`: list the articles');
    expect(text).toContain('direct message');
    expect(text).toContain('every reply there is a follow-up');
    expect(text).toContain('"start over"');
    expect(text).toContain('Harbour &lt;!channel&gt; &amp; ferry strike');
    expectNoPings(message);
  });
});

describe('renderFailure', () => {
  it('apologises without blaming the question', () => {
    const message = renderFailure();
    expect(sectionTexts(message)).toHaveLength(1);
    expect(message.text).toContain('Please try again');
  });
});
