import { readFileSync } from 'node:fs';

/** A linear scorer: a weight per named feature (a feature the file does not name weighs nothing) and a bias. */
export type LinearModel = { weights: Record<string, number>; bias: number };

/** A logistic model with the probability below which storybot abstains. */
export type ThresholdModel = LinearModel & { threshold: number };

/** The fitted weights of every learned decision in answering. */
export type AnswerModel = {
  version: 1;
  /** What the weights were fitted on, for people reading the file. */
  trainedOn: string;
  /** Ranks retrieved passages: a softmax over one question's passages, positive for a passage holding the answer. */
  passage: LinearModel;
  /** Ranks candidate answer spans within the best passages. */
  span: LinearModel;
  /** For a story of one article: the probability that it answers the question; below `threshold` storybot abstains. */
  answerable: ThresholdModel;
  /**
   * The same for a story of several articles. Several outlets repeat what a story is about, so a topic none of
   * them mentions is a stronger sign the coverage does not say than it is in one long article.
   */
  answerableWide: ThresholdModel;
  /** The probability that a yes/no question's answer is yes. */
  yesNo: LinearModel;
};

/** The weights as fitted by `npm run train`, read once from answer-model.json beside this file. */
export const answerModel: AnswerModel = loadAnswerModel(new URL('./answer-model.json', import.meta.url));

/** Reads and checks a model file; throws naming the file and what is wrong when it is not a model. */
export function loadAnswerModel(url: URL): AnswerModel {
  const value: unknown = JSON.parse(readFileSync(url, 'utf8'));
  const problem = modelProblem(value);
  if (problem !== null) throw new Error(`answer-model: ${url.pathname} is not a model file: ${problem}`);
  return value as AnswerModel;
}

// Checked by hand, not with zod: the shape is small and fixed, and importing zod took some 75 ms of every start of
// the story engine, on the way to a warm `storybot ask`'s first answer.
function modelProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'not a JSON object';
  if (value.version !== 1) return 'version is not 1';
  if (typeof value.trainedOn !== 'string') return 'trainedOn is not a string';
  for (const key of ['passage', 'span', 'answerable', 'answerableWide', 'yesNo'] as const) {
    const problem = linearProblem(value[key], key === 'answerable' || key === 'answerableWide');
    if (problem !== null) return `${key}: ${problem}`;
  }
  return null;
}

function linearProblem(value: unknown, withThreshold: boolean): string | null {
  if (!isRecord(value)) return 'not a JSON object';
  if (!isRecord(value.weights) || !Object.values(value.weights).every(isNumber)) return 'weights are not numbers by feature name';
  if (!isNumber(value.bias)) return 'bias is not a number';
  if (withThreshold && !isNumber(value.threshold)) return 'threshold is not a number';
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

const ordered = new WeakMap<LinearModel, number[]>();

/** A model's weights in the order of a feature list (0 for a feature it does not name); worked out once per model. */
export function weightsFor(model: LinearModel, names: readonly string[]): readonly number[] {
  let weights = ordered.get(model);
  if (weights === undefined) {
    weights = names.map((name) => model.weights[name] ?? 0);
    ordered.set(model, weights);
  }
  return weights;
}

/** The dot product of weights and values plus the bias. */
export function linearScore(weights: readonly number[], values: readonly number[], bias = 0): number {
  let score = bias;
  for (let i = 0; i < weights.length; i++) score += weights[i]! * values[i]!;
  return score;
}

/** The logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
