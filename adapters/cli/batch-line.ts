import { z } from 'zod';

/** One stdin line of `ask` batch mode: a question, in a conversation when the line named one. */
export type BatchLine = { ok: true; question: string; conversation: string | null } | { ok: false; message: string };

const objectLine = z
  .object({
    question: z.string({ error: 'expected "question" to be a string' }),
    conversation: z
      .union([z.string(), z.number()], { error: 'expected "conversation" to be a string' })
      .transform((value) => String(value))
      .optional()
      .nullable(),
  })
  .loose();

/**
 * Reads a batch line: a line that starts with `{` is `{"question": "…", "conversation": "<id>"}` (the conversation
 * optional), any other line is a question on its own. A `{` line that is not such an object is an error value.
 */
export function readBatchLine(line: string): BatchLine {
  if (!line.trimStart().startsWith('{')) return { ok: true, question: line, conversation: null };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, message: 'That line starts with "{" but is not valid JSON; send {"question": "…", "conversation": "<id>"} or a plain question.' };
  }
  const parsed = objectLine.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = issue === undefined || issue.path.length === 0 ? 'expected a JSON object' : issue.message;
    return { ok: false, message: `That line is not a question object (${detail}); send {"question": "…", "conversation": "<id>"}.` };
  }
  const conversation = parsed.data.conversation ?? null;
  return { ok: true, question: parsed.data.question, conversation: conversation === '' ? null : conversation };
}
