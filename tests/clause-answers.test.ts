import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer-question.js';
import { Story } from '../src/story.js';
import { articleOf } from './ingest-helpers.js';

const story = new Story([
  articleOf(
    `---
title: Harbour works halted as crews walk out
source: Test Gazette
date: 2031-05-06
---
The harbour crane stopped on Monday because its hydraulic pump had failed after years without a service.
The ferry company cancelled its evening crossings due to high winds over the estuary, the operator said.
The pilot was in Dunmore awaiting a replacement part when the strike began.
Dock workers walked out on Tuesday, and the union said the pay offer was too small.
The port director praised the crews.
Cargo is usually unloaded with two gantry cranes on the north quay.
Pilots reach incoming ships typically via a launch from the harbour steps.`,
    'harbour.txt',
  ),
]);

function shortOf(question: string): string | null {
  const result = answerQuestion(story, question);
  expect(result.ok).toBe(true);
  return result.ok && !result.answer.abstained ? result.answer.short : null;
}

describe('why-questions', () => {
  it.each([
    ['Why did the harbour crane stop?', 'its hydraulic pump had failed after years without a service'],
    ['Why were the evening crossings cancelled?', 'high winds over the estuary'],
    ['Why was the pilot in Dunmore?', 'awaiting a replacement part'],
  ])('answer %j with the reason its sentence gives', (question, reason) => {
    expect(shortOf(question)).toBe(reason);
  });

  it('gives no short answer where the best sentence states no reason, rather than a fragment of it', () => {
    const result = answerQuestion(story, 'Why did the port director praise the crews?');
    expect(result.ok && result.answer.short).toBeNull();
    expect(result.ok && result.answer.answer).toContain('The port director praised the crews.');
  });
});

describe('how-questions', () => {
  it.each([
    ['How is cargo unloaded?', 'with two gantry cranes on the north quay'],
    ['How do pilots reach incoming ships?', 'via a launch from the harbour steps'],
  ])('answer %j with the way its sentence gives', (question, way) => {
    expect(shortOf(question)).toBe(way);
  });
});
