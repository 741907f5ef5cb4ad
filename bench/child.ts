// One measurement in a fresh process, so that its memory and start-up figures are its own; bench/run.ts starts it
// with the request as JSON in argv and reads one line of JSON from its stdout.
import { readFile } from 'node:fs/promises';
import { measureCold, measureReindexStall, measureWarmStart } from './measure.js';

/** What bench/run.ts asks one child process to measure. */
export type ChildRequest =
  | { mode: 'cold'; dir: string; questionsFile: string; cacheDir: string; rawQueries?: number }
  | { mode: 'warm'; dir: string; cacheDir: string; question: string }
  | { mode: 'stall'; dir: string; questionsFile: string; added: { name: string; text: string } };

const request = JSON.parse(process.argv[2] ?? '{}') as ChildRequest;
const questions = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as string[];

let result: unknown;
switch (request.mode) {
  case 'cold':
    result = await measureCold({ dir: request.dir, questions: await questions(request.questionsFile), cacheDir: request.cacheDir, rawQueries: request.rawQueries });
    break;
  case 'warm':
    result = await measureWarmStart({ dir: request.dir, cacheDir: request.cacheDir, question: request.question });
    break;
  case 'stall':
    result = await measureReindexStall({ dir: request.dir, questions: await questions(request.questionsFile), added: request.added });
    break;
  default:
    throw new Error(`bench: unknown child request ${JSON.stringify(request)}`);
}
// Linux reports the peak resident set in kibibytes; figures are in MB (10^6 bytes) throughout.
process.stdout.write(`${JSON.stringify({ result, peakRssMB: (process.resourceUsage().maxRSS * 1024) / 1e6 })}\n`);
