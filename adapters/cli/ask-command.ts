import type { StoryService } from '../../src/service.js';
import { renderAnswerText } from '../console/render-answer.js';
import { toAnswerJson } from './answer-json.js';

/** How `storybot ask` writes its answers: one JSON object a line (`--json`), or readable text. */
export type AskOutput = { json: boolean; write: (text: string) => void };

/**
 * Answers each question read, in order, with one output per question: with `json`, one JSON line each (a question
 * the engine could not answer in time is an abstention with `"error": "timed-out"`, and the next one is answered);
 * otherwise the readable answer and a blank line.
 */
export async function answerQuestions(service: StoryService, questions: AsyncIterable<string> | Iterable<string>, output: AskOutput): Promise<void> {
  const overview = await service.overview();
  for await (const question of questions) {
    const result = await service.ask(question);
    output.write(output.json ? `${JSON.stringify(toAnswerJson(question, result))}\n` : `${renderAnswerText(result, overview)}\n\n`);
  }
}
