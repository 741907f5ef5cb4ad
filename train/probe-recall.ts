import { planQuery } from '../src/answer/query-plan.js';
import { analyzeQuestion } from '../src/answer/question.js';
import { rankPassages } from '../src/answer/rank.js';
import { withStorySpelling, cleanQuestion } from '../src/answer/answer-question.js';
import { fold } from './datasets.js';
import { loadSets, storyOf } from './evaluate.js';

const turn1 = process.argv[3] === "--turn1";
const questions = loadSets(process.argv[2]!.split(",")).filter((q) => !q.unanswerable && q.golds.length > 0 && q.format === "real" && (!turn1 || q.turn === 1));
const ks = [1, 2, 3, 5, 10, 20, 40, 60];
const engine = new Map<number, number>();
const ranked = new Map<number, number>();
let anywhere = 0;
for (const question of questions) {
  const story = await storyOf(question.corpus);
  const golds = question.golds.map(fold);
  const holds = (text: string) => golds.some((gold) => fold(text).includes(gold));
  if (story.articles().some((article) => article.passages.some((passage) => holds(passage.text)))) anywhere++;
  let analysis = analyzeQuestion(cleanQuestion(question.q));
  const plan = planQuery(analysis, story.index);
  analysis = withStorySpelling(analysis, plan, story);
  const hits = story.index.search([...plan.searchWeights.keys()], { limit: 60, termWeights: plan.searchWeights, fuzzy: false });
  const e = hits.findIndex((hit) => holds(story.passage(hit.id)!.text));
  const r = rankPassages(story, analysis, plan).findIndex((entry) => holds(entry.passage.text));
  for (const k of ks) {
    if (e >= 0 && e < k) engine.set(k, (engine.get(k) ?? 0) + 1);
    if (r >= 0 && r < k) ranked.set(k, (ranked.get(k) ?? 0) + 1);
  }
}
const pct = (n = 0) => `${((100 * n) / questions.length).toFixed(1)}`.padStart(5);
console.log(`n=${questions.length}; gold in some passage: ${pct(anywhere)}%`);
console.log(`k       ${ks.map((k) => String(k).padStart(5)).join(' ')}`);
console.log(`engine  ${ks.map((k) => pct(engine.get(k))).join(' ')}`);
console.log(`ranked  ${ks.map((k) => pct(ranked.get(k))).join(' ')}`);
