import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer-question.js';
import { readNextQuestion } from '../src/answer/whats-next.js';
import { resolveFollowUp } from '../src/conversation/resolve-follow-up.js';
import { turnOf } from '../src/conversation/turn.js';
import { Story } from '../src/story.js';
import type { Answer } from '../src/types.js';
import { articleOf } from './ingest-helpers.js';

// A strike told over three days: the latest article (Thursday, June 12) schedules a vote; the earliest (Tuesday)
// scheduled talks for a Wednesday that has since passed.
const story = new Story([
  articleOf(
    `---
title: Port strike talks set
source: Test Wire
date: 2031-06-10
---
The dockworkers' union went on strike at the port of Kelso on Monday.
Union and port negotiators will meet on Wednesday to restart wage talks, the mediator said.`,
    'tuesday.txt',
  ),
  articleOf(
    `---
title: Port strike talks resume
source: Harbor Times
date: 2031-06-11
---
Union and port negotiators met on Wednesday for six hours without a deal.
The mediator said both sides had moved on pay.
The mediator will brief the city council on Thursday.`,
    'wednesday.txt',
  ),
  articleOf(
    `---
title: Tentative deal reached at Kelso port
source: Test Wire
date: 2031-06-12
---
The union and the port reached a tentative deal late on Thursday to end the strike.
Members will vote on the deal on Monday, and dockworkers are scheduled to return to work on Tuesday.`,
    'thursday.txt',
  ),
]);

function answered(question: string): Answer {
  const result = answerQuestion(story, question);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.answer;
}

describe('readNextQuestion', () => {
  it.each([
    ["What's next?", { topic: '', asksWhen: false }],
    ['so what happens next for the union?', { topic: 'the union?', asksWhen: false }],
    ['What are the next steps?', { topic: 'steps', asksWhen: false }],
    ['When is the next vote?', { topic: 'vote', asksWhen: true }],
    ['Any upcoming meetings?', { topic: 'meetings', asksWhen: false }],
    ["What's on the agenda?", { topic: '', asksWhen: false }],
  ])('reads %j', (question, next) => {
    const read = readNextQuestion(question);
    expect(read?.asksWhen).toBe(next.asksWhen);
    expect(read?.topic.replace(/\?$/, '')).toBe(next.topic.replace(/\?$/, ''));
  });

  it.each(['What happened next?', 'Who is next in line for the job?', 'When did they meet?', 'What is the union demanding?'])('reads nothing into %j', (question) => {
    expect(readNextQuestion(question)).toBeNull();
  });
});

describe('what comes next', () => {
  it("answers from what the latest coverage schedules, nearest first, and not from a day that has passed", () => {
    const answer = answered("What's next?");
    expect(answer.abstained).toBe(false);
    expect(answer.citations.map((citation) => citation.document)).toEqual(['thursday.txt']);
    expect(answer.answer).toContain('vote on the deal on Monday');
    expect(answer.answer).not.toContain('restart wage talks');
    // Thursday is the latest coverage's own day: an earlier article's Thursday is what that coverage reports on.
    expect(answer.answer).not.toContain('brief the city council');
  });

  it('gives the day of the next event of the kind asked about as the short answer', () => {
    expect(answered('When is the next vote?').short).toBe('Monday (Jun 16, 2031)');
    expect(answered('When is the next vote?').kind).toBe('time');
  });

  it('answers as any other question when the coverage schedules nothing of the kind asked about', () => {
    const answer = answered('When is the next court hearing?');
    expect(answer.short).not.toBe('Monday (Jun 16, 2031)');
  });

  it('reads "what\'s next?" in a conversation as what comes next in the story, and "what happened next?" as what the article tells after the last answer', () => {
    const first = answered('When did the negotiators meet?');
    const turns = [turnOf('When did the negotiators meet?', first, new Date('2031-06-12T10:00:00Z'))];
    expect(resolveFollowUp("What's next?", turns, story).reading).toBe('standalone');
    expect(resolveFollowUp('What happened next?', turns, story).reading).toBe('next');
    const result = answerQuestion(story, "What's next?", { conversation: turns });
    if (!result.ok) throw new Error(result.message);
    expect(result.answer.answer).toContain('vote on the deal on Monday');
  });
});
