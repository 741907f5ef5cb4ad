import { createMemoryConversationLog } from '../../src/conversation/conversation-log.js';
import { askInConversation, type ConversationReply } from '../../src/conversation/converse.js';
import type { StoryService } from '../../src/service.js';
import type { StoryOverview } from '../../src/types.js';
import { renderAnswerText } from '../console/render-answer.js';
import { toAnswerJson, type AnswerJson } from './answer-json.js';
import { readBatchLine } from './batch-line.js';

/** How `storybot ask` writes its answers: one JSON object a line (`--json`), or readable text. */
export type AskOutput = { json: boolean; write: (text: string) => void };

/** How the questions are read: as batch lines, which may join a conversation, or each as typed. */
export type AskInput = { batch?: boolean; conversationTtlHours?: number };

/**
 * Answers each question read, in order, with one output per question: with `json`, one JSON line each (a question
 * the engine could not answer in time is an abstention with `"error": "timed-out"`, and the next one is answered);
 * otherwise the readable answer and a blank line. In batch mode a line `{"question": …, "conversation": "<id>"}` is
 * asked in that conversation, and a malformed one gets an error line of its own.
 */
export async function answerQuestions(service: StoryService, questions: AsyncIterable<string> | Iterable<string>, output: AskOutput, input: AskInput = {}): Promise<void> {
  const overview = await service.overview();
  const conversations = createMemoryConversationLog({ ttlMs: (input.conversationTtlHours ?? 24) * 3_600_000 });
  const write = (json: AnswerJson, text: string) => output.write(output.json ? `${JSON.stringify(json)}\n` : `${text}\n\n`);
  for await (const line of questions) {
    const read = input.batch ? readBatchLine(line) : ({ ok: true, question: line, conversation: null } as const);
    if (!read.ok) {
      write({ question: line, resolved: '', answer: read.message, short: null, abstained: true, citations: [], error: 'bad-line' }, read.message);
    } else if (read.conversation === null) {
      const result = await service.ask(read.question);
      write(toAnswerJson(read.question, result), renderAnswerText(result, overview));
    } else {
      const reply = await askInConversation(service, conversations, read.conversation, read.question, new Date());
      write(replyJson(read.question, reply), replyText(reply, overview));
    }
  }
}

function replyJson(question: string, reply: ConversationReply): AnswerJson {
  if (reply.reset) return { question, resolved: '', answer: reply.message, short: null, abstained: true, citations: [], reset: true };
  return toAnswerJson(question, reply.result);
}

function replyText(reply: ConversationReply, overview: StoryOverview): string {
  return reply.reset ? reply.message : renderAnswerText(reply.result, overview, { showResolved: true });
}
