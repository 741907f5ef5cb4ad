import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a CLI run printed and how it exited. */
export type CliRun = { code: number | null; stdout: string; stderr: string };

/** The project's root folder. */
export const projectRoot = join(import.meta.dirname, '../..');

// Commands save the story's index in DATA_DIR; tests keep theirs out of the project's own data folder.
const testDataDir = join(tmpdir(), 'storybot-cli-test-data');

/** Runs the CLI as a user runs it: the bin script in a fresh process, stdin piped, a minimal environment. */
export function runStorybot(args: string[], input = '', env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin/storybot.js'), ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', DATA_DIR: testDataDir, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
