// `npm run fuzz`: asks many generated questions (and every question file it finds) of the fixture stories, the seed
// story and any folder given, each through the story engine under a deadline; checks every answer's promises and
// prints the slowest questions. Not part of `npm test`: it runs for minutes.
//
//   npm run fuzz                                   fixtures and seeds, 300 generated questions a story
//   npm run fuzz -- --runs 2000 --seed 7           more questions, another seed
//   npm run fuzz -- ../shared/eval/real ../shared/eval/questions.dev.jsonl
//                                                  also every story of the real sets with their questions, and the
//                                                  dev questions about the seed story
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { createStoryEngine } from '../src/engine/story-engine.js';
import { openStory } from '../src/open-story.js';
import { brokenPromises, storyTextOf } from '../tests/properties/answer-promises.js';
import { materialOf, storyQuestion } from '../tests/properties/question-arbitraries.js';

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '300' },
    seed: { type: 'string' },
    'timeout-ms': { type: 'string', default: '10000' },
    'max-ms': { type: 'string', default: '1000' },
    slowest: { type: 'string', default: '20' },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2_147_483_647 : Number(values.seed);
const timeoutMs = Number(values['timeout-ms']);
const maxMs = Number(values['max-ms']);

/** A story folder and the questions written for it. */
type StoryCase = { name: string; dir: string; questions: string[] };

const readQuestions = (file: string, keep: (entry: Record<string, unknown>) => boolean = () => true): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter(keep)
    .map((entry) => String(entry.q));

const hasArticles = (dir: string) => readdirSync(dir).some((name) => /\.(?:txt|md)$/i.test(name) && !name.startsWith('.'));

// A folder is a story (articles and no subfolders), a set (stories/ and questions.jsonl), or a folder of either.
function casesIn(path: string): StoryCase[] {
  if (path.endsWith('.jsonl')) return [{ name: `seeds (${basename(path)})`, dir: join(root, 'seeds'), questions: readQuestions(path) }];
  if (existsSync(join(path, 'stories')) && existsSync(join(path, 'questions.jsonl'))) {
    return readdirSync(join(path, 'stories')).map((story) => ({
      name: `${basename(path)}/${story}`,
      dir: join(path, 'stories', story),
      questions: readQuestions(join(path, 'questions.jsonl'), (entry) => entry.story === story),
    }));
  }
  const folders = readdirSync(path)
    .map((name) => join(path, name))
    .filter((child) => statSync(child).isDirectory());
  if (folders.length > 0 || !hasArticles(path)) return folders.flatMap(casesIn);
  const own = join(path, 'questions.jsonl');
  return [{ name: basename(path), dir: path, questions: existsSync(own) ? readQuestions(own) : [] }];
}

const cases: StoryCase[] = [
  ...casesIn(join(root, 'tests/fixtures/stories')),
  { name: 'seeds', dir: join(root, 'seeds'), questions: readQuestions(join(root, 'tests/fixtures/seed-questions.jsonl')) },
  ...positionals.flatMap((path) => casesIn(resolve(path))),
];

type Timed = { story: string; question: string; ms: number };
const timings: Timed[] = [];
const breaches: Array<{ story: string; question: string; broken: string[] }> = [];
const cacheDir = mkdtempSync(join(tmpdir(), 'storybot-fuzz-'));
process.stderr.write(`fuzz: ${cases.length} stories, ${runs} generated questions each, seed ${seed}, deadline ${timeoutMs} ms\n`);

try {
  for (const [i, story] of cases.entries()) {
    const opened = await openStory({ dir: story.dir });
    if (!opened.ok) {
      process.stderr.write(`fuzz: skipping ${story.name}: ${opened.message}\n`);
      continue;
    }
    const files = new Map<string, string>();
    const documentText = (document: string) => {
      let text = files.get(document);
      if (text === undefined) {
        text = readFileSync(join(story.dir, document), 'utf8').replace(/^\uFEFF/, '');
        files.set(document, text);
      }
      return text;
    };
    const generated = fc.sample(storyQuestion(materialOf(opened.story)), { numRuns: runs, seed: seed + i });
    const storyText = storyTextOf(opened.story.articles().flatMap((article) => article.passages.map((passage) => passage.text)));
    const engine = createStoryEngine({ dir: story.dir, cacheDir, answerTimeoutMs: timeoutMs });
    try {
      const start = await engine.ready();
      if (!start.ok) throw new Error(start.message);
      let slowest = 0;
      const before = breaches.length;
      for (const question of [...story.questions, ...generated]) {
        const started = performance.now();
        const result = await engine.service.ask(question);
        const ms = performance.now() - started;
        slowest = Math.max(slowest, ms);
        timings.push({ story: story.name, question, ms });
        const broken = brokenPromises(question, result, documentText, storyText);
        if (broken.length > 0) breaches.push({ story: story.name, question, broken });
      }
      process.stderr.write(
        `fuzz: ${story.name}: ${story.questions.length + generated.length} questions, slowest ${slowest.toFixed(0)} ms, ${breaches.length - before} broke a promise\n`,
      );
    } finally {
      await engine.close();
    }
  }
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}

const shown = (question: string) => JSON.stringify(question.length > 110 ? `${question.slice(0, 110)}…` : question);
const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, Number(values.slowest));
process.stdout.write(`\nSlowest of ${timings.length} questions (seed ${seed}):\n`);
for (const { story, question, ms } of slowest) process.stdout.write(`${ms.toFixed(0).padStart(7)} ms  ${story}  ${shown(question)}\n`);
const over = timings.filter((timing) => timing.ms > maxMs);
process.stdout.write(`\n${over.length} question(s) over ${maxMs} ms; ${breaches.length} broke a promise.\n`);
for (const { story, question, broken } of breaches.slice(0, 40)) process.stdout.write(`  ${story}  ${shown(question)}\n    ${broken.join('\n    ')}\n`);
if (over.length > 0 || breaches.length > 0) process.exitCode = 1;
