import { describe, expect, it } from 'vitest';
import { answerQuestion, readQuestion } from '../src/answer/answer-question.js';
import { besideTermsOf, standsBeside } from '../src/answer/list-siblings.js';
import { Story } from '../src/story.js';
import { articleOf } from './ingest-helpers.js';

const story = new Story([
  articleOf(
    `---
title: Engines of the valley
source: Test Gazette
date: 2031-05-06
---
Steam engines drove the machinery in factories, mills and mines across the valley for a century.
Electric motors and diesel engines gradually replaced the old steam engines after 1920.
The valley bank lent money throughout the county, including farms, shops and mills.
Cleaner heat sources such as solar power, tidal power or geothermal energy may be used instead.
The museum keeps two engines and a boiler from the Halden works.`,
    'valley.txt',
  ),
]);

function shortOf(question: string): string | null {
  const result = answerQuestion(story, question);
  expect(result.ok).toBe(true);
  return result.ok ? result.answer.short : null;
}

describe('besideTermsOf', () => {
  it.each([
    ['Along with mills and mines, in what industrial locations did steam drive machines?', ['mill', 'mine']],
    ['Besides electric motors, what replaced the steam engines?', ['electr', 'motor']],
    ['apart from car crashes what r ppl dying of', ['car', 'crash']],
  ])('reads the things %j sets its answer beside', (question, terms) => {
    expect([...besideTermsOf(question)].sort()).toEqual(terms.sort());
  });

  it.each(['What replaced the steam engines?', 'Where did the bank lend money besides the county?'])('finds none in %j', (question) => {
    expect(besideTermsOf(question).size).toBe(0);
  });
});

describe('a question that names things the answer is listed with', () => {
  it.each([
    ['Along with geothermal and tidal, what is a cleaner heat source?', 'geothermal energy', 'solar power'],
    ['Along with solar and tidal, what cleaner heat source may be used?', 'solar power', 'geothermal energy'],
  ])('answers %j with another item of the list, not with the span the model scores best', (question, modelsBest, listed) => {
    expect(readQuestion(story, question).spans[0]?.span.text).toBe(modelsBest);
    expect(shortOf(question)).toBe(listed);
  });

  it('keeps the answers the list already gave', () => {
    expect(shortOf('Along with mills and mines, where did steam engines drive machinery?')).toBe('factories');
    expect(shortOf('Besides electric motors, what replaced the old steam engines?')).toBe('diesel engines');
  });

  it('does not reach past a word that opens another list', () => {
    const reading = readQuestion(story, 'Besides farms and shops, where did the bank lend money?');
    const county = reading.spans.find(({ span }) => span.text === 'the county');
    expect(county, 'the county is a candidate span').toBeDefined();
    expect(standsBeside(county!.span, besideTermsOf(reading.analysis.text))).toBe(false);
  });

  it('does not count a span that names one of the things itself', () => {
    const reading = readQuestion(story, 'Along with mills and mines, where did steam engines drive machinery?');
    const beside = besideTermsOf(reading.analysis.text);
    const listed = reading.spans.filter(({ span }) => standsBeside(span, beside)).map(({ span }) => span.text);
    expect(listed).toContain('factories');
    expect(listed.some((text) => /\bmills?\b|\bmines?\b/i.test(text))).toBe(false);
  });
});
