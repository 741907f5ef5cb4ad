import { checkQuestion, readQuestion } from '../src/answer/answer-question.js';
import { bestF1, fold } from './datasets.js';
import { loadSets, storyOf } from './evaluate.js';
const qs = loadSets([process.argv[2] ?? 'squad']).filter((q) => !q.unanswerable && q.golds.length > 0 && q.yesNo === null && q.turn === 1);
let n = 0, inGoldPassage = 0, f1InGold = 0, f1Else = 0, oracleInPassage = 0;
const byKind = new Map<string, { n: number; f1: number }>();
for (const q of qs) {
  const c = checkQuestion(q.q); if (!c.ok) continue;
  const r = readQuestion(await storyOf(q.corpus), c.question);
  if (r.spans.length === 0) continue;
  n++;
  const chosen = r.spans[0]!;
  const f1 = bestF1(chosen.span.text, q.golds);
  const holds = q.golds.some((g) => fold(chosen.span.entry.passage.text).includes(fold(g)));
  if (holds) { inGoldPassage++; f1InGold += f1; } else f1Else += f1;
  const sameP = r.spans.filter((s) => s.span.entry === chosen.span.entry).map((s) => bestF1(s.span.text, q.golds));
  if (holds) oracleInPassage += Math.max(...sameP);
  const k = byKind.get(r.analysis.kind) ?? { n: 0, f1: 0 }; k.n++; k.f1 += f1; byKind.set(r.analysis.kind, k);
}
console.log(`n=${n} chosen span's passage holds gold ${(100 * inGoldPassage / n).toFixed(1)}%; F1 there ${(100 * f1InGold / inGoldPassage).toFixed(1)} (oracle within passage ${(100 * oracleInPassage / inGoldPassage).toFixed(1)}); F1 elsewhere ${(100 * f1Else / (n - inGoldPassage)).toFixed(1)}`);
console.log([...byKind].map(([k, v]) => `${k} ${v.n} F1 ${(100 * v.f1 / v.n).toFixed(1)}`).join(' | '));
