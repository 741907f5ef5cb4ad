import type { Story } from '../story.js';
import type { QuestionKind } from '../types.js';
import { answerModel, type LinearModel } from './answer-model.js';
import { checkQuestion, readQuestion, type AnswerOptions } from './answer-question.js';
import { answerableFeatures, answerableModelFor } from './answerable.js';
import { passageFeatures } from './passage-features.js';
import { spanFeatures } from './span-features.js';

/** One feature's value, its fitted weight and what it added to a score. */
export type Contribution = { feature: string; value: number; weight: number; contribution: number };

/** Why storybot answered as it did: the scores of the top passages, spans and the answerable decision, feature by feature. */
export type Explanation =
  | { ok: false; message: string }
  | {
      ok: true;
      question: string;
      kind: QuestionKind;
      answerable: { probability: number; threshold: number; contributions: Contribution[] };
      passages: Array<{ id: string; text: string; score: number; contributions: Contribution[] }>;
      spans: Array<{ text: string; passage: string; score: number; contributions: Contribution[] }>;
    };

/** Explains how a question is answered: each top passage's and span's features and what they contribute. */
export function explainQuestion(story: Story, rawQuestion: string, options: AnswerOptions & { top?: number } = {}): Explanation {
  const checked = checkQuestion(rawQuestion);
  if (!checked.ok) return { ok: false, message: checked.message };
  const model = options.model ?? answerModel;
  const top = options.top ?? 5;
  const reading = readQuestion(story, checked.question, options);
  const names = (features: ReadonlyArray<{ name: string }>) => features.map((feature) => feature.name);
  return {
    ok: true,
    question: reading.question,
    kind: reading.analysis.kind,
    answerable: {
      probability: reading.answerable.probability,
      threshold: reading.answerable.threshold,
      contributions: contributions(answerableModelFor(story.overview().articles, model), names(answerableFeatures), reading.answerable.values),
    },
    passages: reading.ranked.slice(0, top).map((entry) => ({
      id: entry.passage.id,
      text: entry.passage.text,
      score: entry.score,
      contributions: contributions(model.passage, names(passageFeatures), entry.features),
    })),
    spans: reading.spans.slice(0, top).map((scored) => ({
      text: scored.span.text,
      passage: scored.span.entry.passage.id,
      score: scored.score,
      contributions: contributions(model.span, names(spanFeatures), scored.features),
    })),
  };
}

// The features that moved the score, largest first.
function contributions(model: LinearModel, names: readonly string[], values: readonly number[]): Contribution[] {
  return names
    .map((feature, i) => {
      const weight = model.weights[feature] ?? 0;
      return { feature, value: values[i]!, weight, contribution: weight * values[i]! };
    })
    .filter((entry) => entry.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}

/** Renders an explanation as plain text for a terminal. */
export function renderExplanation(explanation: Explanation): string {
  if (!explanation.ok) return explanation.message;
  const row = (items: readonly Contribution[]) =>
    items
      .slice(0, 8)
      .map((item) => `${item.feature} ${item.value.toFixed(2)}×${item.weight.toFixed(2)}=${item.contribution >= 0 ? '+' : ''}${item.contribution.toFixed(2)}`)
      .join('  ');
  const lines = [
    `question: ${explanation.question} (asks for: ${explanation.kind})`,
    `answerable: p=${explanation.answerable.probability.toFixed(3)} (abstains under ${explanation.answerable.threshold.toFixed(3)})`,
    `  ${row(explanation.answerable.contributions)}`,
    'passages:',
    ...explanation.passages.flatMap((passage, i) => [`${i + 1}. ${passage.score.toFixed(2)} ${passage.id} ${passage.text.slice(0, 140)}`, `   ${row(passage.contributions)}`]),
    'direct-answer spans:',
    ...explanation.spans.flatMap((span, i) => [`${i + 1}. ${span.score.toFixed(2)} "${span.text}" in ${span.passage}`, `   ${row(span.contributions)}`]),
  ];
  return lines.join('\n');
}
