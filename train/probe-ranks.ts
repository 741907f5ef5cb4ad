// Where a real set's questions lose, asked alone: the rank of the first passage holding the gold span, whether the
// direct answer comes from that passage, and the F1 of each group; then the share ranked first by how many of the
// question's topics the story knows.   npx tsx train/probe-ranks.ts coqa   (or squad)
import { checkQuestion, readQuestion } from '../src/answer/answer-question.js';
import { bestF1, fold } from './datasets.js';
import { loadSets, storyOf } from './evaluate.js';

const questions = loadSets([process.argv[2] ?? 'coqa']).filter((question) => !question.unanswerable && question.golds.length > 0);
const groups = new Map<string, { n: number; f1: number }>();
const byTopics = new Map<number, { n: number; first: number }>();
for (const question of questions) {
  const checked = checkQuestion(question.q);
  if (!checked.ok) continue;
  const reading = readQuestion(await storyOf(question.corpus), checked.question);
  const golds = question.golds.map(fold);
  const goldRank = reading.ranked.findIndex((entry) => golds.some((gold) => fold(entry.passage.normalized).includes(gold)));
  const short = reading.short !== null && 'support' in reading.short ? reading.short : null;
  const chosen = short === null ? null : reading.ranked.indexOf(short.support[0]!);
  const rank = goldRank < 0 ? 'gold not ranked' : goldRank === 0 ? 'gold 1st' : goldRank < 5 ? 'gold 2nd-5th' : 'gold 6th+';
  const choice = chosen === null ? 'no short' : chosen === goldRank ? 'answer from it' : 'answer elsewhere';
  const f1 = short === null ? 0 : bestF1(short.text, question.golds);
  for (const key of [`${rank}, ${choice}`, 'all']) {
    const group = groups.get(key) ?? { n: 0, f1: 0 };
    groups.set(key, { n: group.n + 1, f1: group.f1 + f1 });
  }
  const topics = Math.min(4, reading.plan.concepts.filter((concept) => !concept.unknown && concept.weight > 0).length);
  const row = byTopics.get(topics) ?? { n: 0, first: 0 };
  byTopics.set(topics, { n: row.n + 1, first: row.first + (goldRank === 0 ? 1 : 0) });
}
for (const [key, group] of [...groups].sort()) console.log(`${key.padEnd(36)} ${String(group.n).padStart(4)}  F1 ${((100 * group.f1) / group.n).toFixed(1)}`);
for (const [topics, row] of [...byTopics].sort((a, b) => a[0] - b[0])) console.log(`known topics ${topics === 4 ? '4+' : topics}: ${row.n} questions, gold ranked 1st ${((100 * row.first) / row.n).toFixed(1)}%`);
