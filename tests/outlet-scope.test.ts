import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer-question.js';
import { analyzeQuestion } from '../src/answer/question.js';
import { planQuery } from '../src/answer/query-plan.js';
import { termKey } from '../src/search/terms.js';
import { outletsOfCitations, readOutletScope, readOutletsAsked } from '../src/answer/outlet-scope.js';
import { resolveFollowUp } from '../src/conversation/resolve-follow-up.js';
import { turnOf, type ConversationTurn } from '../src/conversation/turn.js';
import { Story } from '../src/story.js';
import type { Answer } from '../src/types.js';
import { articleOf } from './ingest-helpers.js';

// Three reports of one meeting: a wire story, a local paper, and an aggregator page that credits a third outlet.
const story = new Story([
  articleOf(
    `---
title: Port talks resume in Lisbon
source: Test Wire
date: 2031-06-05
---
The dockworkers' union and the port authority met in Lisbon on Friday to restart wage talks.
Union leader Ana Costa said the two sides would meet again on Monday.`,
    'wire.txt',
  ),
  articleOf(
    `---
title: Strike costs port millions, mayor says
source: Harbor Times
date: 2031-06-06
---
Port managers and union officials met in Lisbon on Friday, the city's mayor said.
Mayor Rui Lopes said the strike had cost the port 4 million euros.`,
    'times.txt',
  ),
  articleOf(
    `---
title: Lisbon port dispute, the essentials
date: 2031-06-06
---
Dock workers sat down with port managers in Lisbon on Friday for the first time in a month.
Sources: Daily Planet`,
    'roundup.txt',
  ),
]);

function answered(question: string, conversation?: readonly ConversationTurn[]): Answer {
  const result = answerQuestion(story, question, { conversation });
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.answer;
}

const documentsOf = (answer: Answer) => new Set(answer.citations.map((citation) => citation.document));

describe('readOutletScope', () => {
  it.each([
    ['Who met in Lisbon, according to Harbor Times?', 'Who met in Lisbon?', 'Harbor Times'],
    ['who met in lisbon according to the harbor times', 'who met in lisbon?', 'Harbor Times'],
    ['According to Test Wire, when will they meet again?', 'when will they meet again?', 'Test Wire'],
    ["In the Harbor Times's report: what did the strike cost?", 'what did the strike cost?', 'Harbor Times'],
    ['What does Test Wire say about the wage talks?', 'What about the wage talks?', 'Test Wire'],
    ["What's the latest from Harbor Times?", "What's the latest?", 'Harbor Times'],
    ['And Test Wire?', '', 'Test Wire'],
    ['what about the Daily Planet?', '', 'Daily Planet'],
    ['What does Harbor Times say?', '', 'Harbor Times'],
    ['According to the Times, who met in Lisbon?', 'who met in Lisbon?', 'Harbor Times'],
  ])('reads %j as %j asked of %s', (question, asked, outlet) => {
    expect(readOutletScope(question, story)).toMatchObject({ question: asked, outlet });
  });

  it('reads nothing into a question that names no outlet of the story, or names one as its topic', () => {
    expect(readOutletScope('Who met in Lisbon?', story)).toBeNull();
    expect(readOutletScope('Who met in Lisbon, according to the New York Times?', story)).toBeNull();
    expect(readOutletScope('Who owns the Harbor Times?', story)).toBeNull();
  });

  it('reads a name by its last word only when no other outlet of the story shares it', () => {
    const twoTimes = new Story([
      articleOf(`---\ntitle: Port talks\nsource: Harbor Times\ndate: 2031-06-05\n---\nThe union met the port authority on Friday.`, 'a.txt'),
      articleOf(`---\ntitle: Port talks\nsource: Valley Times\ndate: 2031-06-05\n---\nThe union met port managers on Friday.`, 'b.txt'),
    ]);
    expect(readOutletScope('According to the Times, who met?', twoTimes)).toBeNull();
    expect(readOutletScope('According to the Valley Times, who met?', twoTimes)).toMatchObject({ outlet: 'Valley Times', question: 'who met?' });
  });

  it("keeps an outlet to its own articles, and an outlet only credited to the pages that carry it", () => {
    expect([...readOutletScope('And Harbor Times?', story)!.documents]).toEqual(['times.txt']);
    expect([...readOutletScope('And the Daily Planet?', story)!.documents]).toEqual(['roundup.txt']);
  });
});

describe('a question asked of one outlet', () => {
  it("cites only that outlet's articles, where the whole coverage cites others too", () => {
    expect(documentsOf(answered('Who met in Lisbon?')).size).toBeGreaterThan(1);
    expect(documentsOf(answered('Who met in Lisbon, according to Harbor Times?'))).toEqual(new Set(['times.txt']));
    expect(documentsOf(answered('According to the Daily Planet, who sat down with port managers in Lisbon?'))).toEqual(new Set(['roundup.txt']));
  });

  it("answers \"what does X say?\" with that outlet's own reporting", () => {
    const answer = answered('What does Test Wire say?');
    expect(answer.abstained).toBe(false);
    expect(documentsOf(answer)).toEqual(new Set(['wire.txt']));
  });

  it('abstains when the outlet does not say, though another outlet does', () => {
    expect(answered('How much has the strike cost the port?').abstained).toBe(false);
    expect(answered('How much has the strike cost the port, according to Test Wire?').abstained).toBe(true);
  });
});

describe('an outlet as a follow-up', () => {
  const at = new Date('2031-06-07T09:00:00Z');

  it('asks the last question again of that outlet ("And Harbor Times?"), and of another after it', () => {
    const first = answered('Who met in Lisbon?');
    const turns = [turnOf('Who met in Lisbon?', first, at)];
    expect(resolveFollowUp('And Harbor Times?', turns, story)).toMatchObject({ resolved: 'Who met in Lisbon, according to Harbor Times?', reading: 'outlet' });
    const scoped = answered('And Harbor Times?', turns);
    expect(scoped.resolved).toBe('Who met in Lisbon, according to Harbor Times?');
    expect(documentsOf(scoped)).toEqual(new Set(['times.txt']));
    const next = [...turns, turnOf('And Harbor Times?', scoped, at)];
    expect(resolveFollowUp('what does Test Wire say?', next, story).resolved).toBe('Who met in Lisbon, according to Test Wire?');
    expect(documentsOf(answered('what does Test Wire say?', next))).toEqual(new Set(['wire.txt']));
  });

  it('asks which outlets carry what the last question asked about ("Which outlets reported that?")', () => {
    const first = answered('How much has the strike cost the port?');
    const turns = [turnOf('How much has the strike cost the port?', first, at)];
    expect(resolveFollowUp('Which outlets reported that?', turns, story)).toMatchObject({ resolved: 'Which outlets reported how much has the strike cost the port?', reading: 'outlet' });
    expect(answered('Which outlets reported that?', turns).short).toBe('Harbor Times');
  });
});

describe('which outlets reported something', () => {
  it.each([
    ['Which outlets reported the meeting in Lisbon?', 'What about the meeting in Lisbon?'],
    ['What news agencies confirmed that the talks resume on Monday?', 'What about the talks resume on Monday?'],
    ['which newspapers have reported on the strike cost', 'What about the strike cost?'],
  ])('reads %j as asking which outlets carry %j', (question, asked) => {
    expect(readOutletsAsked(question)).toEqual({ question: asked });
  });

  it('reads nothing into a question about something an outlet did, or one that names no outlet word', () => {
    expect(readOutletsAsked('Which union leaders met in Lisbon?')).toBeNull();
    expect(readOutletsAsked('Who reported the leak to the police?')).toBeNull();
  });

  it('names the outlets that carry the cited sentences as the direct answer', () => {
    const answer = answered('Which outlets reported that the strike cost the port 4 million euros?');
    expect(answer.short).toBe('Harbor Times');
    expect(answered('What newspapers said the union and the port authority met in Lisbon?').short).toMatch(/Test Wire|Harbor Times|Daily Planet/);
  });
});

describe('outletsOfCitations', () => {
  it('names as many outlets as the direct answer has room for, and counts the rest', () => {
    const cite = (source: string, also: string[] = []) => ({ source, credits: [], also: also.map((copy) => ({ source: copy })) });
    expect(outletsOfCitations([cite('Test Wire', ['Test Daily'])])).toBe('Test Wire and Test Daily');
    expect(outletsOfCitations([cite('THE HARBOUR LEDGER', ['The Harbour Ledger', 'Test Daily'])])).toBe('THE HARBOUR LEDGER and Test Daily');
    const many = Array.from({ length: 9 }, (_, i) => `The Very Long Regional Evening Chronicle ${i + 1}`);
    const text = outletsOfCitations([cite(many[0]!, many.slice(1))])!;
    expect(text.length).toBeLessThanOrEqual(120);
    expect(text).toMatch(/^The Very Long Regional Evening Chronicle 1, .* and \d+ others$/);
  });
});

describe('a noun and its verb', () => {
  it('meet across "-cession" and "-cede": a concession is found where someone conceded', () => {
    const race = new Story([
      articleOf(`---\ntitle: Mayor's race ends\nsource: Test Wire\ndate: 2031-12-04\n---\nThe challenger conceded on Thursday after the recount.`, 'race.txt'),
    ]);
    const concept = planQuery(analyzeQuestion('When was the concession?'), race.index).concepts.find((c) => c.term === termKey('concession'));
    expect(concept?.related).toContain(termKey('conceded'));
    const result = answerQuestion(race, 'Which outlets reported the concession?');
    if (!result.ok) throw new Error(result.message);
    expect(result.answer.short).toBe('Test Wire');
  });
});

