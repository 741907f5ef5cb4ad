// `npm run bench`: generates news-like corpora, measures each size in fresh processes, prints a table (or JSON with
// --json) and writes BENCHMARKS.md. Sizes: 10,000 and 100,000 sentences; --large adds 1,000,000.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ChildRequest } from './child.js';
import { generateCorpus, writeCorpus } from './generate-corpus.js';
import { generateQuestions } from './generate-questions.js';
import { measureCliAsk, type ColdMeasurement, type StallMeasurement, type WarmMeasurement } from './measure.js';
import { evaluateTargets, machineInfo, renderMarkdown, renderTable, type BenchReport, type SizeResult } from './report.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    large: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    questions: { type: 'string', default: '600' },
    out: { type: 'string', default: join(root, 'BENCHMARKS.md') },
    keep: { type: 'boolean', default: false },
  },
});

const sizes = values.sizes !== undefined ? values.sizes.split(',').map(Number) : [10_000, 100_000, ...(values.large ? [1_000_000] : [])];
const questionCount = Number(values.questions);
const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);

// Each measurement runs in its own process: memory figures are then the story's alone, and start-up is real.
function runChild<T>(request: ChildRequest): Promise<{ result: T; peakRssMB: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', join(root, 'bench', 'child.ts'), JSON.stringify(request)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = output.trim().split('\n').at(-1);
      if (code !== 0 || line === undefined) reject(new Error(`bench: the ${request.mode} measurement exited with ${code}`));
      else resolve(JSON.parse(line) as { result: T; peakRssMB: number });
    });
  });
}

async function measureSize(sentences: number): Promise<SizeResult> {
  const work = join(tmpdir(), `storybot-bench-${sentences}`);
  const dir = join(work, 'corpus');
  const cacheDir = join(work, 'data');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const generateStarted = performance.now();
  const corpus = generateCorpus({ sentences });
  await writeCorpus(dir, corpus);
  const questions = generateQuestions(corpus, { count: questionCount }).map((question) => question.text);
  const questionsFile = join(work, 'questions.json');
  await writeFile(questionsFile, JSON.stringify(questions));
  const late = generateCorpus({ sentences: 30, seed: 4242 }).articles[0]!;
  progress(`${sentences.toLocaleString('en-US')} sentences: ${corpus.articles.length} article files generated in ${((performance.now() - generateStarted) / 1000).toFixed(1)} s`);
  try {
    const cold = await runChild<ColdMeasurement>({ mode: 'cold', dir, questionsFile, cacheDir, rawQueries: sentences >= 1_000_000 ? 60 : undefined });
    progress(`  cold: ingest ${(cold.result.ingestMs / 1000).toFixed(1)} s, index ${(cold.result.indexMs / 1000).toFixed(1)} s, ask p99 ${cold.result.ask.p99Ms.toFixed(1)} ms`);
    const warm = await runChild<WarmMeasurement>({ mode: 'warm', dir, cacheDir, question: questions[0]! });
    progress(`  saved index: first answer ${(warm.result.startMs / 1000).toFixed(2)} s after process start`);
    const cliAsk = await measureCliAsk({ dir, cacheDir, question: questions[0]!, runs: 5 });
    progress(`  warm storybot ask: ${(cliAsk.medianMs / 1000).toFixed(2)} s median, ${(cliAsk.minMs / 1000).toFixed(2)} s at best`);
    const stall = await runChild<StallMeasurement>({ mode: 'stall', dir, questionsFile, added: { name: 'zz-late-update.txt', text: late.text } });
    progress(`  re-indexing: longest stall ${stall.result.maxStallMs.toFixed(1)} ms`);
    return {
      sentences,
      articleFiles: corpus.articles.length,
      questions: questions.length,
      cold: cold.result,
      warm: warm.result,
      cliAsk,
      stall: stall.result,
      peakRssMB: { cold: cold.peakRssMB, warm: warm.peakRssMB, stall: stall.peakRssMB },
    };
  } finally {
    if (!values.keep) await rm(work, { recursive: true, force: true });
  }
}

const results: SizeResult[] = [];
for (const size of sizes) results.push(await measureSize(size));
const report: BenchReport = { machine: machineInfo(), sizes: results, targets: evaluateTargets(results) };
const notes = await readFile(join(root, 'bench', 'notes.md'), 'utf8').catch(() => '');
await writeFile(values.out, renderMarkdown(report, notes));
process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderTable(report)}\n\nWritten to ${values.out}\n`);
