import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestions } from '../adapters/cli/ask-command.js';
import { createStoryEngine } from '../src/engine/story-engine.js';
import { projectRoot, runStorybot } from './helpers/run-storybot.js';

const harborDir = join(projectRoot, 'tests/fixtures/stories/harbor-strike');
const folders: string[] = [];

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'storybot-cli-engine-'));
  folders.push(dir);
  return dir;
}

// Runs the CLI and, like `| head -1`, stops reading after its first line of output.
function firstLineThenClose(args: string[], input: string, dataDir: string): Promise<{ code: number | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin/storybot.js'), ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', DATA_DIR: dataDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, first: stdout.split('\n')[0]!, stderr }));
    child.stdin.end(input);
  });
}

describe('storybot ask and passages piped into a reader that stops early', () => {
  it('exit quietly when the reader closes the pipe', async () => {
    const dataDir = tempDir();
    // Enough output that it cannot all sit in the pipe before the reader goes.
    const questions = Array.from({ length: 400 }, () => 'How long did the strike last?').join('\n');
    const ask = await firstLineThenClose(['ask', '--json', '--corpus', harborDir], `${questions}\n`, dataDir);
    expect(JSON.parse(ask.first)).toMatchObject({ question: 'How long did the strike last?', abstained: false });
    expect(ask).toMatchObject({ code: 0, stderr: '' });

    const story = tempDir();
    for (let i = 0; i < 40; i++) {
      const sentences = Array.from({ length: 60 }, (_, j) => `Crews at pier ${i} repaired section ${j} of the harbour wall on Monday, the port authority said.`);
      writeFileSync(join(story, `article-${i}.txt`), `Harbour wall repairs continue\n\n${sentences.join(' ')}\n`);
    }
    const passages = await firstLineThenClose(['passages', '--json', '--corpus', story], '', dataDir);
    expect(JSON.parse(passages.first)).toMatchObject({ document: 'article-0.txt', position: 0 });
    expect(passages).toMatchObject({ code: 0, stderr: '' });
  }, 60_000);
});

describe('storybot ask from the saved index', () => {
  it('saves the index in DATA_DIR on the first ask and starts from it on the next, one file per corpus folder', async () => {
    const dataDir = tempDir();
    const first = await runStorybot(['ask', '--json', '--corpus', harborDir, 'How long did the strike last?'], '', { DATA_DIR: dataDir, LOG_LEVEL: 'debug' });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('story indexed');
    const second = await runStorybot(['ask', '--json', '--corpus', harborDir, 'How long did the strike last?'], '', { DATA_DIR: dataDir, LOG_LEVEL: 'debug' });
    expect(second.stderr).toContain('story loaded from its saved index');
    expect(second.stdout).toBe(first.stdout);
    // The main thread reads the index the engine's worker saved: both know the indexing code as the same.
    const passages = await runStorybot(['passages', '--json', '--corpus', harborDir], '', { DATA_DIR: dataDir, LOG_LEVEL: 'debug' });
    expect(passages.stderr).toContain('story loaded from its saved index');
    const other = await runStorybot(['sources', '--json', '--corpus', join(projectRoot, 'tests/fixtures/stories/river-flood')], '', { DATA_DIR: dataDir });
    expect(other.code).toBe(0);
    expect(readdirSync(dataDir).filter((name) => /^story-index-[0-9a-f]+\.json$/.test(name))).toHaveLength(2);
  }, 60_000);
});

describe('answerQuestions', () => {
  it('writes a JSON line for a question that runs past its deadline, and answers the next one', async () => {
    const engine = createStoryEngine({ dir: harborDir, answerTimeoutMs: 300, testHooks: { spinOnQuestion: 'spin-in-the-batch' } });
    try {
      const start = await engine.ready();
      if (!start.ok) throw new Error(start.message);
      const lines: string[] = [];
      const questions = ['How long did the strike last?', 'How long did the strike last? spin-in-the-batch', 'How long did the strike last?'];
      await answerQuestions(engine.service, questions, { json: true, write: (text) => lines.push(text) });
      const answers = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(answers.map((answer) => answer.question)).toEqual(questions);
      expect(answers[1]).toEqual({
        question: questions[1],
        // Every answer line carries the question it answered; a timed-out one answered none but the one asked.
        resolved: questions[1],
        answer: 'Sorry, that question took too long to answer, so I stopped. Please try asking it another way.',
        short: null,
        abstained: true,
        citations: [],
        error: 'timed-out',
      });
      expect(answers[2]).toEqual(answers[0]);
      expect(answers[0]).toMatchObject({ abstained: false });
    } finally {
      await engine.close();
    }
  });
});
