// Scores the answerer in process on labelled question sets, the way ../shared/eval's scorers do, but in seconds:
//   npx tsx train/evaluate.ts [--set squad|coqa|fixtures|all] [--turn1] [--verbose] [--misses N]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnswerModel } from '../src/answer/answer-model.js';
import { answerQuestion } from '../src/answer/answer-question.js';
import { openStory } from '../src/open-story.js';
import type { Story } from '../src/story.js';
import type { Answer } from '../src/types.js';
import { turnOf, type ConversationTurn } from '../src/conversation/turn.js';
import { bestF1, fixtureStories, fold, readDevSet, readRealSet, squadTokens, type LabelledQuestion } from './datasets.js';

const root = join(import.meta.dirname, '..');

/** The question sets by name; `fixtureNames`, when given, are the only fixture stories the `fixtures` set reads. */
export function loadSets(names: readonly string[], fixtureNames?: readonly string[]): LabelledQuestion[] {
  const questions: LabelledQuestion[] = [];
  const fixtures = fixtureStories(root);
  const unknown = (fixtureNames ?? []).filter((name) => !fixtures.includes(name) || name.startsWith('heldout-'));
  if (unknown.length > 0) throw new Error(`evaluate: no fixture story ${unknown.join(', ')} to train on`);
  for (const name of names) {
    if (name === 'squad') questions.push(...readRealSet(join(root, 'train/data/squad2-dev')));
    else if (name === 'coqa') questions.push(...readRealSet(join(root, 'train/data/coqa-cnn-dev')));
    else if (name === 'fixtures') {
      for (const story of fixtures.filter((story) => !story.startsWith('heldout-') && (fixtureNames === undefined || fixtureNames.includes(story)))) questions.push(...readDevSet(join(root, 'tests/fixtures/stories', story)));
    } else if (name === 'heldout') {
      for (const story of fixtures.filter((story) => story.startsWith('heldout-'))) questions.push(...readDevSet(join(root, 'tests/fixtures/stories', story)));
    } else if (name === 'seed') questions.push(...readDevSet(join(root, 'seeds'), join(root, 'tests/fixtures/seed-questions.jsonl'), 'seed'));
    else throw new Error(`evaluate: unknown set ${name}`);
  }
  return questions;
}

const stories = new Map<string, Promise<Story>>();

/** The story of a corpus folder, read once per process. */
export function storyOf(corpus: string): Promise<Story> {
  let story = stories.get(corpus);
  if (story === undefined) {
    story = openStory({ dir: corpus }).then((opened) => {
      if (!opened.ok) throw new Error(opened.message);
      return opened.story;
    });
    stories.set(corpus, story);
  }
  return story;
}

/** How one question fared. */
export type Outcome = {
  question: LabelledQuestion;
  answer: Answer | null;
  found: boolean;
  first: boolean;
  f1: number;
  em: boolean;
  abstained: boolean;
  yesNoRight: boolean;
  /** Dev format: every expected fact in the answer and a cited passage (or a due abstention). */
  correct: boolean;
  shortRight: boolean | null;
};

/** Judges one answer against its labels. */
export function judge(question: LabelledQuestion, answer: Answer | null): Outcome {
  const abstained = answer === null || answer.abstained;
  const text = fold(answer?.answer);
  const cited = (answer?.citations ?? []).map((citation) => fold(citation.passage));
  const golds = question.golds;
  const found = !question.unanswerable && !abstained && (answer?.answer.length ?? 0) <= 600 && golds.some((gold) => text.includes(fold(gold)) && cited.some((c) => c.includes(fold(gold))));
  const first = found && golds.some((gold) => (cited[0] ?? '').includes(fold(gold)));
  const short = abstained ? '' : (answer?.short ?? '');
  const f1 = short === '' ? 0 : bestF1(short, golds);
  const em = short !== '' && golds.some((gold) => squadTokens(short).join(' ') === squadTokens(gold).join(' '));
  const yesNoRight = question.yesNo !== null && !abstained && new RegExp(`^\\W*${question.yesNo}\\b`, 'i').test(short);
  let correct: boolean;
  if (question.unanswerable) correct = abstained;
  else if (question.expect !== null) correct = !abstained && question.expect.every((group) => group.some((alt) => text.includes(fold(alt)) && cited.some((c) => c.includes(fold(alt)))));
  else correct = found;
  const shortRight = question.yesNo !== null ? yesNoRight : question.short && question.expect !== null ? !abstained && question.expect.every((group) => group.some((alt) => fold(short).includes(fold(alt)))) : null;
  return { question, answer, found, first, f1, em, abstained, yesNoRight, correct, shortRight };
}

/**
 * Answers every question: each on its own, or, with `conversation`, each story's questions in turn order as one
 * conversation that remembers the bot's own earlier answers (as `score-real.mjs --conversation` asks them); with
 * `modelFor`, each with the weights it gives for that question (the committed model otherwise).
 */
export async function answerAll(questions: readonly LabelledQuestion[], options: { conversation?: boolean; modelFor?: (question: LabelledQuestion) => AnswerModel } = {}): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const question of questions) {
    const story = await storyOf(question.corpus);
    const turns = options.conversation ? conversationBefore(question) : undefined;
    const result = answerQuestion(story, question.q, { conversation: turns, model: options.modelFor?.(question) });
    if (turns !== undefined && result.ok) rememberTurn(question, result.answer);
    outcomes.push(judge(question, result.ok ? result.answer : null));
  }
  return outcomes;
}

const conversations = new Map<string, ConversationTurn[]>();
const conversationKey = (question: LabelledQuestion) => `${question.set}/${question.corpus}`;

/** The bot's own turns so far in the question's story conversation (questions must come in turn order). */
export function conversationBefore(question: LabelledQuestion): ConversationTurn[] {
  if (question.turn <= 1) conversations.set(conversationKey(question), []);
  return [...(conversations.get(conversationKey(question)) ?? [])];
}

/** Records the bot's answer as the conversation's latest turn, keeping the last eight as the store does. */
export function rememberTurn(question: LabelledQuestion, answer: Answer): void {
  const turns = conversations.get(conversationKey(question)) ?? [];
  turns.push(turnOf(question.q, answer, new Date(0)));
  conversations.set(conversationKey(question), turns.slice(-8));
}

const pct = (n: number, d: number) => (d === 0 ? '  -  ' : `${((100 * n) / d).toFixed(1)}%`);

/** One line per set: found, first cited, F1, EM, false abstentions, abstentions on unanswerable, yes/no. */
export function summarise(outcomes: readonly Outcome[]): string[] {
  const sets = [...new Set(outcomes.map((outcome) => outcome.question.set))];
  const lines: string[] = [];
  for (const set of [...sets, ...(sets.length > 1 ? ['ALL'] : [])]) {
    const rows = outcomes.filter((outcome) => set === 'ALL' || outcome.question.set === set);
    const span = rows.filter((row) => row.question.format === 'real' && !row.question.unanswerable && row.question.golds.length > 0);
    const unanswerable = rows.filter((row) => row.question.unanswerable);
    const yesNo = rows.filter((row) => row.question.yesNo !== null);
    const dev = rows.filter((row) => row.question.format === 'dev');
    const shorts = rows.filter((row) => row.shortRight !== null);
    const sum = (xs: readonly Outcome[], f: (o: Outcome) => number | boolean) => xs.reduce((s, x) => s + Number(f(x)), 0);
    const parts = [`${set.padEnd(16)}`];
    if (span.length > 0) {
      parts.push(
        `found ${pct(sum(span, (o) => o.found), span.length)} (first ${pct(sum(span, (o) => o.first), span.length)})`,
        `F1 ${pct(sum(span, (o) => o.f1), span.length)} EM ${pct(sum(span, (o) => o.em), span.length)} given ${pct(sum(span, (o) => !o.abstained && (o.answer?.short ?? '') !== ''), span.length)}`,
        `falseAbst ${pct(sum(span, (o) => o.abstained), span.length)}`,
      );
    }
    if (unanswerable.length > 0) parts.push(`abstUnans ${pct(sum(unanswerable, (o) => o.abstained), unanswerable.length)} of ${unanswerable.length}`);
    if (yesNo.length > 0) parts.push(`yes/no ${pct(sum(yesNo, (o) => o.yesNoRight), yesNo.length)} of ${yesNo.length}`);
    if (dev.length > 0) parts.push(`dev correct ${sum(dev, (o) => o.correct)}/${dev.length}`);
    // Answerable dev questions abstained on: whether a story's misses are silences or wrong answers, read as a total.
    const devAnswerable = dev.filter((o) => !o.question.unanswerable);
    if (devAnswerable.length > 0) parts.push(`abstAns ${sum(devAnswerable, (o) => o.abstained)}/${devAnswerable.length}`);
    if (shorts.length > 0) parts.push(`short ${sum(shorts, (o) => o.shortRight === true)}/${shorts.length}`);
    parts.push(`n=${rows.length}`);
    lines.push(parts.join('  '));
  }
  return lines;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: 'squad,coqa,fixtures,seed' },
      turn1: { type: 'boolean', default: false },
      'later-turns': { type: 'boolean', default: false },
      conversation: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      misses: { type: 'string', default: '0' },
    },
  });
  // Turns are picked before asking, as score-real.mjs picks them: with --later-turns a conversation starts at its
  // second question, without the first.
  const questions = loadSets(values.set!.split(',')).filter(
    (question) => (!values.turn1 || question.turn === 1) && (!values['later-turns'] || question.turn > 1),
  );
  const started = performance.now();
  const outcomes = await answerAll(questions, { conversation: values.conversation });
  for (const line of summarise(outcomes)) console.log(line);
  console.log(`${outcomes.length} questions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const misses = Number(values.misses);
  if (misses > 0 || values.verbose) {
    const wrong = outcomes.filter((o) => (o.question.expect !== null ? !o.correct : o.question.unanswerable ? !o.abstained : o.question.golds.length > 0 && !o.found));
    for (const o of wrong.slice(0, values.verbose ? wrong.length : misses)) {
      console.log(`MISS ${o.question.set} ${o.question.id} ${JSON.stringify(o.question.q)} gold ${JSON.stringify(o.question.golds.slice(0, 2))}${o.abstained ? ' (abstained)' : ''}`);
      console.log(`   short ${JSON.stringify(o.answer?.short ?? null)} answer ${JSON.stringify((o.answer?.answer ?? '').slice(0, 200))}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
