// Shows, for some questions, the chosen span against the best candidate span and the gold answers.
import { checkQuestion, readQuestion } from '../src/answer/answer-question.js';
import { bestF1 } from './datasets.js';
import { loadSets, storyOf } from './evaluate.js';
const [set = 'squad', from = '0', count = '30'] = process.argv.slice(2);
const qs = loadSets([set]).filter((q) => !q.unanswerable && q.golds.length > 0 && q.turn === 1).slice(Number(from), Number(from) + Number(count));
for (const q of qs) {
  const story = await storyOf(q.corpus);
  const c = checkQuestion(q.q);
  if (!c.ok) continue;
  const r = readQuestion(story, c.question);
  const f1s = r.spans.map((s) => bestF1(s.span.text, q.golds));
  const bestAt = f1s.indexOf(Math.max(...f1s));
  const chosen = r.spans[0];
  console.log(`Q ${q.q} [${r.analysis.kind}] gold ${JSON.stringify(q.golds[0])}`);
  console.log(`  chose ${JSON.stringify(chosen?.span.text)} (${chosen?.span.kind}, f1 ${f1s[0]?.toFixed(2)}) best#${bestAt} ${JSON.stringify(r.spans[bestAt]?.span.text)} (${r.spans[bestAt]?.span.kind} f1 ${f1s[bestAt]?.toFixed(2)}) of ${r.spans.length}`);
  console.log(`  S ${chosen?.span.entry.passage.normalized.slice(0, 200)}`);
}
