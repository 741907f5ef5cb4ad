import { readFileSync } from 'node:fs';
import { z } from 'zod';

const linearSchema = z.object({
  /** Feature name to weight; a feature the file does not name weighs nothing. */
  weights: z.record(z.string(), z.number()),
  bias: z.number(),
});

const modelSchema = z.object({
  version: z.literal(1),
  /** What the weights were fitted on, for people reading the file. */
  trainedOn: z.string(),
  /** Ranks retrieved passages: a softmax over one question's passages, positive for a passage holding the answer. */
  passage: linearSchema,
  /** Ranks candidate answer spans within the best passages. */
  span: linearSchema,
  /** For a story of one article: the probability that it answers the question; below `threshold` storybot abstains. */
  answerable: linearSchema.extend({ threshold: z.number() }),
  /**
   * The same for a story of several articles. Several outlets repeat what a story is about, so a topic none of
   * them mentions is a stronger sign the coverage does not say than it is in one long article.
   */
  answerableWide: linearSchema.extend({ threshold: z.number() }),
  /** The probability that a yes/no question's answer is yes. */
  yesNo: linearSchema,
});

/** A linear scorer: a weight per named feature and a bias. */
export type LinearModel = z.infer<typeof linearSchema>;

/** The fitted weights of every learned decision in answering. */
export type AnswerModel = z.infer<typeof modelSchema>;

/** The weights as fitted by `npm run train`, read once from answer-model.json beside this file. */
export const answerModel: AnswerModel = loadAnswerModel(new URL('./answer-model.json', import.meta.url));

/** Reads and checks a model file; throws naming the file when it is not a model. */
export function loadAnswerModel(url: URL): AnswerModel {
  const parsed = modelSchema.safeParse(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.success) throw new Error(`answer-model: ${url.pathname} is not a model file: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
  return parsed.data;
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
