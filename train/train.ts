// Fits the answer model's weights on questions with known answers and writes src/answer/answer-model.json.
//   npm run train [-- --check] [-- --ablate all|passage,span,yesno,answerable] [-- --spans-only] [-- --refit-spans]
//   [-- --fixtures story,story,... (only these fixture stories are fitted on)]
//   [-- --refit-yes-no [-- --dump-yes-no <file>]] [-- --refit-answerable] [-- --dump-spans <file>]
// --check fits and reports cross-validated figures without writing; --ablate reports what each feature of the named
// stages adds (refitted without it), and writes nothing. --spans-only stops after the span figures; --refit-spans
// fits and writes the span model alone, on the committed passage weights; --refit-yes-no fits and writes the yes/no
// model alone, on the committed passage and span weights; --refit-answerable fits and writes the two answerable
// models alone, on all the committed weights before them. --dump-spans <file> also writes the span groups (feature
// values, targets, F1 and fold of every candidate) as JSON lines, for trying other learners outside the product;
// --dump-yes-no <file> writes each yes/no question with its label, feature values and three best passages.
// Deterministic: the same data and code give the same file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { answerQuestion, checkQuestion, readQuestion } from '../src/answer/answer-question.js';
import { answerableFeatures } from '../src/answer/answerable.js';
import { shownSpanFor } from '../src/answer/direct-answer.js';
import { answerModel, type AnswerModel } from '../src/answer/answer-model.js';
import { passageFeatures } from '../src/answer/passage-features.js';
import { spanFeatures } from '../src/answer/span-features.js';
import { isYesNoQuestion, yesNoFeatures, yesNoFeatureValues } from '../src/answer/yes-no.js';
import { bestF1, fold, type LabelledQuestion } from './datasets.js';
import { answerAll, conversationBefore, loadSets, rememberTurn, storyOf, summarise } from './evaluate.js';

import type { ConversationTurn } from '../src/conversation/turn.js';
import { fitListwise, fitLogistic, type Example, type Fitted, type Group } from './fit.js';

const root = join(import.meta.dirname, '..');
/** The sets the weights are fitted on; `heldout` fixtures and the shared dev set stay out, to measure. */
export const trainingSets = ['squad', 'coqa', 'fixtures', 'seed'];
const folds = 5;
/** The span model's penalty: with the place features repeated for what-questions, 0.03 cross-validates best. */
const spanL2 = 0.03;
// A span feature is standardised by at least this spread: a flag seen on a handful of questions (a class of asked
// noun met 11 times) otherwise turned a small standardised weight into a raw one of +6. Cross-validated span F1,
// SQuAD / all / CoQA, at a floor of 0, 0.1, 0.2, 0.3, 0.5: 47.4 / 44.2 / 33.9, 47.5 / 44.3 / 33.9, 47.9 / 44.7 /
// 34.4, 47.5 / 44.6 / 34.7, 48.0 / 44.8 / 34.6. Past 0.2 the gains are within a refit's noise, and the newsroom's
// near ties (a list of names against its first name) start to tip the other way.
const spanMinStd = 0.2;
// An answerable feature is standardised by at least this spread, as a span feature is: a flag seen on four of a
// thousand questions (noTopic, in stories of several articles) otherwise took a raw weight of +2.4 from them, and
// answered "When?" asked with no conversation at p 0.95.
const answerableMinStd = 0.2;
/** The most answerable questions storybot may abstain on, as a share (the issue's target is 5%). */
const maxFalseAbstentions = 0.04;

type PassageGroup = Group & { question: LabelledQuestion; fold: number };

function foldOf(corpus: string): number {
  let hash = 0;
  for (const char of corpus) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % folds;
}

// How much a set's questions count: the newsroom's own stories count double, so the few of them are not drowned.
function weightOf(question: LabelledQuestion): number {
  return question.format === 'dev' ? 2 : 1;
}

async function passageGroups(questions: readonly LabelledQuestion[]): Promise<PassageGroup[]> {
  const groups: PassageGroup[] = [];
  for (const question of questions) {
    if (question.unanswerable || question.golds.length === 0) continue;
    const checked = checkQuestion(question.q);
    if (!checked.ok) continue;
    const story = await storyOf(question.corpus);
    const { ranked } = readQuestion(story, checked.question, { conversation: conversationOf(question) });
    const golds = question.golds.map(fold).filter((gold) => gold !== '');
    const targets = ranked.map((entry) => (golds.some((gold) => fold(entry.passage.text).includes(gold)) ? 1 : 0));
    if (!targets.some((target) => target > 0)) continue;
    groups.push({ items: ranked.map((entry) => entry.features), targets, weight: weightOf(question), question, fold: foldOf(question.corpus) });
  }
  return groups;
}

// CoQA's questions are read as the conversation they belong to, as --conversation asks them: each with the turns
// the committed model answered before it. (Other sets' questions stand alone.)
const conversationTurns = new Map<string, ConversationTurn[]>();

function conversationOf(question: LabelledQuestion): ConversationTurn[] | undefined {
  return question.turn > 1 || question.history.length > 0 ? conversationTurns.get(question.id) : undefined;
}

async function recordConversations(questions: readonly LabelledQuestion[]): Promise<void> {
  for (const question of questions) {
    if (question.format !== 'real' || question.set !== 'coqa-cnn-dev') continue;
    const turns = conversationBefore(question);
    conversationTurns.set(question.id, turns);
    const result = answerQuestion(await storyOf(question.corpus), question.q, { conversation: turns });
    if (result.ok) rememberTurn(question, result.answer);
  }
}

function scoreWith(fitted: Fitted, values: readonly number[]): number {
  return values.reduce((sum, value, j) => sum + value * fitted.weights[j]!, fitted.bias);
}

// Precision at 1 and recall at 3 of a model on groups, per set.
function rankingFigures(groups: readonly PassageGroup[], fittedFor: (group: PassageGroup) => Fitted): Map<string, { p1: number; r3: number; n: number }> {
  const figures = new Map<string, { p1: number; r3: number; n: number }>();
  for (const group of groups) {
    const fitted = fittedFor(group);
    const order = group.items.map((values, i) => ({ i, score: scoreWith(fitted, values) })).sort((a, b) => b.score - a.score);
    for (const set of [group.question.set, 'ALL']) {
      const row = figures.get(set) ?? { p1: 0, r3: 0, n: 0 };
      row.n++;
      if (group.targets[order[0]!.i]! > 0) row.p1++;
      if (order.slice(0, 3).some((entry) => group.targets[entry.i]! > 0)) row.r3++;
      figures.set(set, row);
    }
  }
  return figures;
}

function crossValidated(groups: readonly PassageGroup[], drop?: ReadonlySet<number>, l2 = 0.01): Map<string, { p1: number; r3: number; n: number }> {
  const models = Array.from({ length: folds }, (_, fold) => fitListwise(groups.filter((group) => group.fold !== fold), passageFeatures.length, { drop, l2 }));
  return rankingFigures(groups, (group) => models[group.fold]!);
}

function printFigures(label: string, figures: Map<string, { p1: number; r3: number; n: number }>): void {
  const cells = [...figures].map(([set, row]) => `${set} P@1 ${((100 * row.p1) / row.n).toFixed(1)} R@3 ${((100 * row.r3) / row.n).toFixed(1)}`);
  console.log(`${label.padEnd(22)} ${cells.join(' | ')}`);
}

function named(fitted: Fitted, names: readonly string[]): Record<string, number> {
  const weights: Record<string, number> = {};
  names.forEach((name, j) => {
    if (fitted.weights[j] !== 0) weights[name] = Number(fitted.weights[j]!.toPrecision(6));
  });
  return weights;
}

type SpanGroup = Group & { question: LabelledQuestion; fold: number; f1: number[] };

// Each question's candidate spans, credited by their SQuAD F1 against the gold answers (a span of F1 under 0.5 is
// wrong); questions whose spans all miss are left out, as they teach nothing about choosing.
async function spanGroups(questions: readonly LabelledQuestion[], model: AnswerModel): Promise<SpanGroup[]> {
  const groups: SpanGroup[] = [];
  for (const question of questions) {
    if (question.unanswerable || question.golds.length === 0 || question.yesNo !== null) continue;
    const checked = checkQuestion(question.q);
    if (!checked.ok) continue;
    const story = await storyOf(question.corpus);
    const reading = readQuestion(story, checked.question, { model, conversation: conversationOf(question) });
    if (reading.spans.length === 0) continue;
    // A feature listed without a value would be fitted on undefined and written as a broken weight.
    if (reading.spans[0]!.features.length !== spanFeatures.length) throw new Error(`train: spans have ${reading.spans[0]!.features.length} feature values for ${spanFeatures.length} span features`);
    // Each span is credited as the product would show it, less the question's words at its edges.
    const shown = shownSpanFor(reading.analysis);
    const f1 = reading.spans.map((scored) => bestF1(shown(scored.span).text, question.golds));
    // The product takes the top span, so the targets favour the best span over a near miss: squared F1, where F1
    // itself or F1 over 0.5 let partial overlaps draw weight (cross-validated F1 41.9 against 40.7 over all sets).
    const targets = f1.map((value) => value * value);
    // A question is learned from only when some candidate is right (F1 0.5 or more).
    if (!f1.some((value) => value >= 0.5)) continue;
    groups.push({ items: reading.spans.map((scored) => scored.features), targets, f1, weight: weightOf(question), question, fold: foldOf(question.corpus) });
  }
  return groups;
}

// One span model per fold, each fitted without that fold's stories.
function foldSpanModels(groups: readonly SpanGroup[], drop?: ReadonlySet<number>): Fitted[] {
  return Array.from({ length: folds }, (_, fold) => fitListwise(groups.filter((group) => group.fold !== fold), spanFeatures.length, { drop, l2: spanL2, minStd: spanMinStd }));
}

// Cross-validated mean F1 of the chosen span, per set, over the questions that have a right span.
function spanFigures(groups: readonly SpanGroup[], models: readonly Fitted[]): string {
  const sums = new Map<string, { f1: number; n: number }>();
  for (const group of groups) {
    const model = models[group.fold]!;
    let best = 0;
    group.items.forEach((values, i) => {
      if (scoreWith(model, values) > scoreWith(model, group.items[best]!)) best = i;
    });
    for (const set of [group.question.set, 'ALL']) {
      const row = sums.get(set) ?? { f1: 0, n: 0 };
      row.f1 += group.f1[best]!;
      row.n++;
      sums.set(set, row);
    }
  }
  return [...sums].map(([set, row]) => `${set} F1 ${((100 * row.f1) / row.n).toFixed(1)} (${row.n})`).join(' | ');
}

// The product's figures on the real sets, each question answered (asked alone) with a span model fitted without its
// fold's stories: `score-real.mjs` on the dev sets is in-sample for a span model fitted on them, this is not.
async function printProductFigures(questions: readonly LabelledQuestion[], foldSpans: readonly Fitted[], model: AnswerModel): Promise<void> {
  const names = spanFeatures.map((feature) => feature.name);
  const models = foldSpans.map((span): AnswerModel => ({ ...model, span: { weights: named(span, names), bias: 0 } }));
  const real = questions.filter((question) => question.format === 'real');
  const outcomes = await answerAll(real, { modelFor: (question) => models[foldOf(question.corpus)]! });
  for (const line of summarise(outcomes)) console.log(`cross-validated product: ${line}`);
}

// The probability under which the given share of answerable questions falls, each counted by its weight.
function weightedQuantile(scored: ReadonlyArray<{ example: Example; p: number }>, share: number): number {
  const answerable = scored.filter((row) => row.example.label === 1).sort((a, b) => a.p - b.p);
  const totalWeight = answerable.reduce((sum, row) => sum + row.example.weight, 0);
  let threshold = 0;
  for (let i = 0, seen = 0; i < answerable.length; i++) {
    seen += answerable[i]!.example.weight;
    if (seen > totalWeight * share) break;
    threshold = answerable[i]!.p;
  }
  return threshold;
}

// CoQA's yes/no questions, each read on its own: the features of its best passage, labelled yes or no.
async function yesNoExamples(questions: readonly LabelledQuestion[], model: AnswerModel, dumpTo?: string): Promise<AnswerableExample[]> {
  const examples: AnswerableExample[] = [];
  const readings: { q: string; label: string; values: number[]; best: string[] }[] = [];
  for (const question of questions) {
    if (question.yesNo === null) continue;
    const checked = checkQuestion(question.q);
    if (!checked.ok || !isYesNoQuestion(checked.question)) continue;
    const story = await storyOf(question.corpus);
    const reading = readQuestion(story, checked.question, { model, conversation: conversationOf(question) });
    const values = yesNoFeatureValues({ question: checked.question, plan: reading.plan, ranked: reading.ranked });
    examples.push({ values, label: question.yesNo === 'yes' ? 1 : 0, weight: 1, question, fold: foldOf(question.corpus), wide: false });
    readings.push({ q: checked.question, label: question.yesNo, values, best: reading.ranked.slice(0, 3).map((entry) => entry.passage.text) });
  }
  if (dumpTo !== undefined) writeFileSync(dumpTo, readings.map((row) => JSON.stringify(row)).join('\n'));
  return examples;
}

// Cross-validated share right, with the features and with the bias alone (the commoner answer every time).
function yesNoAccuracy(examples: readonly AnswerableExample[], l2: number, without: ReadonlySet<number> = new Set()): { withFeatures: number; biasOnly: number } {
  const accuracy = (drop?: ReadonlySet<number>) => {
    const models = Array.from({ length: folds }, (_, fold) => fitLogistic(examples.filter((example) => example.fold !== fold), yesNoFeatures.length, { l2, drop }));
    return examples.filter((example) => (scoreWith(models[example.fold]!, example.values) >= 0 ? 1 : 0) === example.label).length / examples.length;
  };
  return { withFeatures: accuracy(without), biasOnly: accuracy(new Set(yesNoFeatures.map((_, j) => j))) };
}

// Few questions and weak signals: a strong penalty keeps the model near its prior unless a feature earns its place.
const yesNoL2 = 0.3;

// The yes/no model, with its features only when they beat answering the commoner way every time.
function fitYesNo(examples: readonly AnswerableExample[], ablate: boolean): AnswerModel['yesNo'] {
  const accuracy = yesNoAccuracy(examples, yesNoL2);
  const keepFeatures = accuracy.withFeatures > accuracy.biasOnly;
  const pct = (share: number) => `${(100 * share).toFixed(1)}%`;
  console.log(`yes/no: ${examples.length} questions, cross-validated ${pct(accuracy.withFeatures)} right with features, ${pct(accuracy.biasOnly)} by the bias alone; ${keepFeatures ? 'keeping' : 'dropping'} the features`);
  if (ablate) {
    for (const [j, feature] of yesNoFeatures.entries()) console.log(`  without ${feature.name.padEnd(18)} ${pct(yesNoAccuracy(examples, yesNoL2, new Set([j])).withFeatures)}`);
  }
  const fitted = fitLogistic(examples, yesNoFeatures.length, { l2: yesNoL2, drop: keepFeatures ? undefined : new Set(yesNoFeatures.map((_, j) => j)) });
  return { weights: named(fitted, yesNoFeatures.map((feature) => feature.name)), bias: Number(fitted.bias.toPrecision(6)) };
}

type AnswerableExample = Example & { question: LabelledQuestion; fold: number; wide: boolean };

async function answerableExamples(questions: readonly LabelledQuestion[], model: AnswerModel): Promise<AnswerableExample[]> {
  const examples: AnswerableExample[] = [];
  for (const question of questions) {
    if (!question.unanswerable && question.golds.length === 0) continue;
    const checked = checkQuestion(question.q);
    if (!checked.ok) continue;
    const story = await storyOf(question.corpus);
    const conversation = conversationOf(question);
    const reading = readQuestion(story, checked.question, { model, conversation });
    if (reading.ranked.length === 0) continue;
    const wide = story.overview().articles > 1;
    examples.push({ values: reading.answerable.values, label: question.unanswerable ? 0 : 1, weight: 1, question, fold: foldOf(question.corpus), wide });
    // A conversation's question is also asked alone, as a newcomer to a thread or a scorer without --conversation
    // asks it: a set of its own, so the threshold holds abstentions down for it too.
    if (conversation === undefined) continue;
    const alone = readQuestion(story, checked.question, { model });
    if (alone.ranked.length === 0) continue;
    examples.push({ values: alone.answerable.values, label: question.unanswerable ? 0 : 1, weight: 1, question: { ...question, set: `${question.set} alone` }, fold: foldOf(question.corpus), wide });
  }
  return examples;
}

function crossValidatedProbabilities(examples: readonly AnswerableExample[], l2: number, drop?: ReadonlySet<number>): Array<{ example: AnswerableExample; p: number }> {
  const models = Array.from({ length: folds }, (_, fold) => fitLogistic(examples.filter((example) => example.fold !== fold), answerableFeatures.length, { drop, l2, minStd: answerableMinStd }));
  return examples.map((example) => ({ example, p: 1 / (1 + Math.exp(-scoreWith(models[example.fold]!, example.values))) }));
}

// Over cross-validated probabilities, the threshold that keeps abstentions on answerable questions at or under the
// target share, and what it abstains on among the unanswerable, per set and along the curve.
function thresholdReport(scored: ReadonlyArray<{ example: AnswerableExample; p: number }>, maxFalseAbstentions: number): string {
  const examples = scored.map((row) => row.example);
  const answerable = scored.filter((row) => row.example.label === 1).map((row) => row.p).sort((a, b) => a - b);
  const threshold = weightedQuantile(scored, maxFalseAbstentions);
  const sets = [...new Set(examples.map((example) => example.question.set))];
  const cells = sets.map((set) => {
    const rows = scored.filter((row) => row.example.question.set === set);
    const pos = rows.filter((row) => row.example.label === 1);
    const neg = rows.filter((row) => row.example.label === 0);
    const pct = (n: number, d: number) => (d === 0 ? '-' : ((100 * n) / d).toFixed(1));
    return `${set} FA ${pct(pos.filter((row) => row.p < threshold).length, pos.length)} AU ${pct(neg.filter((row) => row.p < threshold).length, neg.length)} (${neg.length})`;
  });
  const negatives = scored.filter((row) => row.example.label === 0).map((row) => row.p);
  const curve = [0.05, 0.1, 0.2, 0.3].map((share) => {
    const at = answerable[Math.floor(answerable.length * share)] ?? 0;
    return `FA ${share * 100}%→AU ${((100 * negatives.filter((p) => p < at).length) / Math.max(1, negatives.length)).toFixed(0)}%`;
  });
  return `${cells.join(' | ')} || ${curve.join(' ')}`;
}

function committedPassageWeights(): Fitted {
  return { weights: passageFeatures.map((feature) => answerModel.passage.weights[feature.name] ?? 0), bias: 0 };
}

// Reads the passage-ranking questions, prints the committed and cross-validated figures (and, when asked, what each
// feature adds), and fits the passage weights.
async function fitPassages(questions: readonly LabelledQuestion[], ablate: boolean, l2: number): Promise<{ fitted: Fitted; questions: number }> {
  const groups = await passageGroups(questions);
  console.log(`passage ranking: ${groups.length} questions with a retrieved answer, ${passageFeatures.length} features`);
  const current = committedPassageWeights();
  printFigures('current weights', rankingFigures(groups, () => current));
  printFigures('cross-validated fit', crossValidated(groups));
  if (ablate) {
    for (const [j, feature] of passageFeatures.entries()) printFigures(`  without ${feature.name}`, crossValidated(groups, new Set([j])));
  }
  return { fitted: fitListwise(groups, passageFeatures.length, { l2 }), questions: groups.length };
}

// The penalty among the candidates whose cross-validated models give the held-back stories' labels the least log loss.
function bestPenalty(examples: readonly AnswerableExample[], candidates: readonly number[]): number {
  const loss = (l2: number) =>
    crossValidatedProbabilities(examples, l2).reduce((sum, row) => sum - Math.log(Math.max(1e-12, row.example.label === 1 ? row.p : 1 - row.p)), 0) / Math.max(1, examples.length);
  const scored = candidates.map((l2) => ({ l2, loss: loss(l2) }));
  console.log(`  cross-validated log loss by l2: ${scored.map((row) => `${row.l2} ${row.loss.toFixed(4)}`).join(', ')}`);
  return scored.reduce((best, row) => (row.loss < best.loss ? row : best)).l2;
}

// Fits the answerable models, one for stories of one article and one for stories of several, each with the threshold
// that keeps false abstentions within the target.
function fitAnswerable(examples: readonly AnswerableExample[], ablate: boolean, givenL2: number): Record<'answerable' | 'answerableWide', AnswerModel['answerable']> {
  const fitted: Record<'answerable' | 'answerableWide', AnswerModel['answerable']> = { answerable: answerModel.answerable, answerableWide: answerModel.answerableWide };
  for (const [key, wide] of [['answerable', false], ['answerableWide', true]] as const) {
    const part = examples.filter((example) => example.wide === wide);
    // Stories of several articles give a few hundred questions from a dozen stories: their penalty is the one that
    // predicts held-back stories best (cross-validated log loss), where the 2,000 one-article questions keep l2.
    const l2 = wide ? bestPenalty(part, [givenL2, 0.03, 0.1, 0.3, 1]) : givenL2;
    console.log(`${key}: ${part.length} questions (stories of ${wide ? 'several articles' : 'one article'}), ${part.filter((example) => example.label === 0).length} unanswerable, l2 ${l2}`);
    const crossValidated = crossValidatedProbabilities(part, l2);
    console.log(`  cross-validated: ${thresholdReport(crossValidated, maxFalseAbstentions)}`);
    if (ablate) {
      for (const [j, feature] of answerableFeatures.entries()) console.log(`  without ${feature.name.padEnd(16)} ${thresholdReport(crossValidatedProbabilities(part, l2, new Set([j])), maxFalseAbstentions)}`);
    }
    const logistic = fitLogistic(part, answerableFeatures.length, { l2, minStd: answerableMinStd });
    // The threshold keeps false abstentions within the target, each real set on its own and the newsroom's stories
    // together. For one-article stories it is read off the final model's probabilities, on 1,700 questions; for
    // stories of several articles, with 150 questions, the final model knows its own questions too well, so it is
    // read off cross-validated probabilities, which show how the model scores stories it was not fitted on.
    const scoredPart = wide ? crossValidated : part.map((example) => ({ example, p: 1 / (1 + Math.exp(-scoreWith(logistic, example.values))) }));
    const setOf = (example: AnswerableExample) => (example.question.format === 'real' ? example.question.set : 'dev');
    const sets = [...new Set(part.filter((example) => example.label === 1).map(setOf))];
    const threshold = Math.min(...sets.map((set) => weightedQuantile(scoredPart.filter((row) => setOf(row.example) === set), maxFalseAbstentions)));
    fitted[key] = { weights: named(logistic, answerableFeatures.map((feature) => feature.name)), bias: Number(logistic.bias.toPrecision(6)), threshold: Number(threshold.toPrecision(4)) };
  }
  return fitted;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      'spans-only': { type: 'boolean', default: false },
      'product-cv': { type: 'boolean', default: false },
      'refit-spans': { type: 'boolean', default: false },
      'refit-yes-no': { type: 'boolean', default: false },
      'refit-answerable': { type: 'boolean', default: false },
      'dump-spans': { type: 'string' },
      'dump-yes-no': { type: 'string' },
      ablate: { type: 'string' },
      fixtures: { type: 'string' },
      l2: { type: 'string', default: '0.01' },
    },
  });
  const l2 = Number(values.l2);
  // --ablate all, or a comma list of the stages to ablate: passage, span, yesno, answerable.
  const ablated = new Set((values.ablate ?? '').split(',').flatMap((stage) => (stage === 'all' ? ['passage', 'span', 'yesno', 'answerable'] : [stage.trim()])));
  // --fixtures a,b,c: the fixture stories fitted on, when not every one (the committed span weights' recipe).
  const fixtureNames = values.fixtures?.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const questions = loadSets(trainingSets, fixtureNames);
  const fixturesFitted = fixtureNames === undefined ? '' : ` (fixtures: ${fixtureNames.join(', ')})`;
  await recordConversations(questions);
  if (values['refit-yes-no']) {
    const examples = await yesNoExamples(questions, answerModel, values['dump-yes-no']);
    const yesNo = fitYesNo(examples, ablated.has('yesno'));
    const trainedOn = `${answerModel.trainedOn.replace(/; yes\/no refitted [^;]*/, '')}; yes/no refitted (--refit-yes-no) on ${examples.length} questions${fixturesFitted}`;
    if (!values.check && values.ablate === undefined) writeModel({ ...answerModel, yesNo, trainedOn });
    return;
  }
  // --refit-answerable: a new story or a new answerable feature moves the abstention decision alone; refitting the
  // passage and span weights as well lets a few new stories pull the real sets' ranking about.
  if (values['refit-answerable']) {
    const fitted = fitAnswerable(await answerableExamples(questions, answerModel), ablated.has('answerable'), l2);
    const trainedOn = `${answerModel.trainedOn.replace(/; answerable refitted [^;]*/, '')}; answerable refitted (--refit-answerable)`;
    if (!values.check && values.ablate === undefined) writeModel({ ...answerModel, ...fitted, trainedOn });
    return;
  }
  // --refit-spans: the committed passage weights stay, so the passage questions are neither read nor fitted, and
  // only the span model is fitted and written.
  const fittedPassages = values['refit-spans'] ? null : await fitPassages(questions, ablated.has('passage'), l2);
  const passage = fittedPassages?.fitted ?? committedPassageWeights();
  // Each stage reads the questions with the weights fitted before it: the span model sees passage scores as the
  // product will give them, and the answerable model sees both.
  let model: AnswerModel = { ...answerModel, passage: { weights: named(passage, passageFeatures.map((feature) => feature.name)), bias: 0 } };
  const spanData = await spanGroups(questions, model);
  console.log(`spans: ${spanData.length} questions with a right span among the candidates, ${spanFeatures.length} features`);
  if (values['dump-spans'] !== undefined) {
    writeFileSync(values['dump-spans'], spanData.map((group) => JSON.stringify({ set: group.question.set, q: group.question.q, fold: group.fold, weight: group.weight, items: group.items, targets: group.targets, f1: group.f1 })).join('\n'));
  }
  const foldSpans = foldSpanModels(spanData);
  console.log(`cross-validated span choice: ${spanFigures(spanData, foldSpans)}`);
  if (ablated.has('span')) {
    for (const [j, feature] of spanFeatures.entries()) if (!/[:|]/.test(feature.name)) console.log(`  without ${feature.name.padEnd(20)} ${spanFigures(spanData, foldSpanModels(spanData, new Set([j])))}`);
  }
  if (values['product-cv']) {
    await printProductFigures(questions, foldSpans, model);
    return;
  }
  // --spans-only: the span figures are all a change to the span features needs; stop before the later stages.
  if (values['spans-only']) return;
  const span = fitListwise(spanData, spanFeatures.length, { l2: spanL2, minStd: spanMinStd });
  model = { ...model, span: { weights: named(span, spanFeatures.map((feature) => feature.name)), bias: 0 } };
  if (values['refit-spans']) {
    const trainedOn = `${answerModel.trainedOn.replace(/; spans refitted [^;]*/, '')}; spans refitted (--refit-spans) on ${spanData.length} questions${fixturesFitted}`;
    if (!values.check && values.ablate === undefined) writeModel({ ...answerModel, span: model.span, trainedOn });
    return;
  }
  model = { ...model, yesNo: fitYesNo(await yesNoExamples(questions, model), ablated.has('yesno')) };
  const examples = await answerableExamples(questions, model);
  const fitted = fitAnswerable(examples, ablated.has('answerable'), l2);
  model = {
    ...model,
    trainedOn: `npm run train on ${trainingSets.join(', ')}${fixturesFitted}: ${fittedPassages?.questions ?? 0} questions rank passages, ${spanData.length} choose spans, ${examples.length} decide answerable`,
    ...fitted,
  };
  if (values.check || values.ablate !== undefined) return;
  writeModel(model);
}

function writeModel(model: AnswerModel): void {
  writeFileSync(join(root, 'src/answer/answer-model.json'), `${JSON.stringify(model, null, 2)}\n`);
  console.log('wrote src/answer/answer-model.json');
}

await main();
