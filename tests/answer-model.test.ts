import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerModel, loadAnswerModel } from '../src/answer/answer-model.js';

describe('loadAnswerModel', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storybot-model-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const fileWith = async (name: string, content: unknown) => {
    const path = join(dir, name);
    await writeFile(path, JSON.stringify(content));
    return pathToFileURL(path);
  };

  it('reads the committed model, every stage with its weights', () => {
    expect(answerModel.version).toBe(1);
    for (const stage of [answerModel.passage, answerModel.span, answerModel.answerable, answerModel.answerableWide, answerModel.yesNo]) {
      expect(Number.isFinite(stage.bias)).toBe(true);
    }
    expect(Object.keys(answerModel.passage.weights).length).toBeGreaterThan(0);
    expect(Number.isFinite(answerModel.answerable.threshold)).toBe(true);
  });

  it('reads a model file written as training writes it', async () => {
    const url = await fileWith('copy.json', answerModel);
    expect(loadAnswerModel(url)).toEqual(answerModel);
  });

  it('refuses a file of another shape, naming the file and what is wrong', async () => {
    const cases: Array<[unknown, string]> = [
      [[], 'not a JSON object'],
      [{ ...answerModel, version: 2 }, 'version is not 1'],
      [{ ...answerModel, span: { ...answerModel.span, weights: { words: 'heavy' } } }, 'span: weights are not numbers by feature name'],
      [{ ...answerModel, answerableWide: { ...answerModel.answerableWide, threshold: undefined } }, 'answerableWide: threshold is not a number'],
      [{ ...answerModel, yesNo: null }, 'yesNo: not a JSON object'],
    ];
    for (const [index, [content, problem]] of cases.entries()) {
      const url = await fileWith(`bad-${index}.json`, content);
      expect(() => loadAnswerModel(url)).toThrow(`answer-model: ${url.pathname} is not a model file: ${problem}`);
    }
  });
});
