import { checkQuestion, readQuestion } from '../src/answer/answer-question.js';
import { answerableFeatures } from '../src/answer/answerable.js';
import { loadSets, storyOf } from './evaluate.js';
const sets = process.argv[2]!.split(',');
const names = answerableFeatures.map((f) => f.name);
const rows: Array<{ set: string; un: boolean; v: Record<string, number>; p: number; heavyUnknown: boolean; heavyUnknownNoun: boolean }> = [];
for (const q of loadSets(sets)) {
  if (q.turn > 1 || (!q.unanswerable && q.golds.length === 0)) continue;
  const c = checkQuestion(q.q); if (!c.ok) continue;
  const r = readQuestion(await storyOf(q.corpus), c.question);
  const v: Record<string, number> = {};
  names.forEach((n, i) => (v[n] = r.answerable.values[i]!));
  const topics = r.plan.concepts.filter((c) => c.nameGroup === null && c.weight > 0);
  const heaviest = topics.sort((a, b) => b.weight - a.weight)[0];
  const heavyUnknown = heaviest !== undefined && heaviest.unknown && heaviest.related.length === 0;
  const word = r.analysis.terms.find((t) => t.term === heaviest?.term)?.word ?? '';
  rows.push({ set: q.format === 'dev' ? 'dev' : q.set, un: q.unanswerable, v, p: r.answerable.probability, heavyUnknown, heavyUnknownNoun: heavyUnknown && !/(?:ed|ing)$/.test(word) });
}
const gates: Record<string, (v: Record<string, number>, r: (typeof rows)[number]) => boolean> = {
  heavyUnknown: (_v, r) => r.heavyUnknown,
  heavyUnknownNoun: (_v, r) => r.heavyUnknownNoun,
  unknownName: (v) => v.unknownName! > 0,
  noTopic: (v) => v.noTopic! > 0,
  'unknownWeight>=0.5': (v) => v.unknownWeight! >= 0.5,
  'unknownWeight>=0.34': (v) => v.unknownWeight! >= 0.34,
  'bestCoverage<0.4': (v) => v.bestCoverage! < 0.4,
  'bestCoverage<0.55': (v) => v.bestCoverage! < 0.55,
  shortOffTopic: (v) => v.shortOffTopic! > 0,
  kindMissing: (v) => v.kindMissing! > 0,
  numberMissing: (v) => v.numberMissing! > 0,
};
for (const [name, gate] of Object.entries(gates)) {
  const cells = [...new Set(rows.map((r) => r.set))].map((set) => {
    const pos = rows.filter((r) => r.set === set && !r.un);
    const neg = rows.filter((r) => r.set === set && r.un);
    return `${set} FA ${((100 * pos.filter((r) => gate(r.v, r)).length) / Math.max(1, pos.length)).toFixed(1)} AU ${((100 * neg.filter((r) => gate(r.v, r)).length) / Math.max(1, neg.length)).toFixed(1)}`;
  });
  console.log(name.padEnd(22), cells.join(' | '));
}
