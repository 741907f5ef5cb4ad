import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoryEngine, type StoryEngine } from '../src/engine/story-engine.js';
import { openStory } from '../src/open-story.js';
import { brokenPromises, storyTextOf } from './properties/answer-promises.js';
import { materialOf, storyQuestion, type StoryMaterial } from './properties/question-arbitraries.js';

// Every fixture story and the seed story. Questions run in the story engine under a deadline far beyond what any
// needs (milliseconds), so a question that hangs fails its property instead of hanging the suite. `npm run fuzz`
// asks many more.
const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'tests/fixtures/stories');
const stories = [
  ...readdirSync(fixtures)
    .filter((name) => statSync(join(fixtures, name)).isDirectory())
    .map((name) => ({ name, dir: join(fixtures, name) })),
  { name: 'seeds', dir: join(root, 'seeds') },
];
const generousDeadlineMs = 10_000;
const questionsPerStory = 60;
// One draw of questions for every run, so that `npm test` passes or fails on the code alone and a failure can be
// replayed; PROPERTY_SEED draws others. Exploring many draws is `npm run fuzz`'s job, and what it finds joins the
// examples below.
const seed = Number(process.env.PROPERTY_SEED ?? 20_261_207);

describe.each(stories)('answers about $name', ({ dir }) => {
  let engine: StoryEngine;
  let material: StoryMaterial;
  let storyText: string;
  const files = new Map<string, string>();
  const documentText = (document: string): string => {
    let text = files.get(document);
    if (text === undefined) {
      text = readFileSync(join(dir, document), 'utf8').replace(/^\uFEFF/, '');
      files.set(document, text);
    }
    return text;
  };

  beforeAll(async () => {
    const opened = await openStory({ dir });
    if (!opened.ok) throw new Error(opened.message);
    material = materialOf(opened.story);
    storyText = storyTextOf(opened.story.articles().flatMap((article) => article.passages.map((passage) => passage.text)));
    engine = createStoryEngine({ dir, answerTimeoutMs: generousDeadlineMs });
    const start = await engine.ready();
    if (!start.ok) throw new Error(start.message);
  }, 30_000);

  afterAll(async () => {
    await engine?.close();
  });

  it('end and keep their promises for generated questions: verbatim citations, lengths, readable short answers, no pings', async () => {
    await fc.assert(
      fc.asyncProperty(storyQuestion(material), async (question) => {
        const result = await engine.service.ask(question);
        expect(brokenPromises(question, result, documentText, storyText)).toEqual([]);
      }),
      // Questions that once broke a promise: when-questions answered by the date of a cited copy, and of a timeline line;
      // a who-question described by words run across a glued heading's set-off ("Pole;Poland's grid operator").
      { numRuns: questionsPerStory, seed, examples: [['when Tomasz Wielgus,, according to the THE NOWHERE TIMES?'], ['when people are evacuated'], ['who is weeks," Pietrzak said.']] },
    );
  }, 60_000);
});
