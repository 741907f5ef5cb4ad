import type { AskResult, Citation } from '../../src/types.js';

/** The answer object of the `ask --json` contract (see the README): one per question, one line each. */
export type AnswerJson = {
  question: string;
  answer: string;
  short: string | null;
  abstained: boolean;
  citations: Citation[];
  /** Set only when the question itself was refused (empty, no words, too long). */
  error?: string;
};

/**
 * Maps an ask result to the JSON contract; a refused question becomes an abstention with its reason in `error`,
 * and a question refused as too long is echoed by its start only.
 */
export function toAnswerJson(rawQuestion: string, result: AskResult): AnswerJson {
  if (!result.ok) {
    const question = result.reason === 'too-long' ? result.question : rawQuestion;
    return { question, answer: result.message, short: null, abstained: true, citations: [], error: result.reason };
  }
  const { answer } = result;
  return {
    question: rawQuestion,
    answer: answer.answer,
    short: answer.short,
    abstained: answer.abstained,
    citations: answer.citations.map((citation) => ({
      n: citation.n,
      document: citation.document,
      source: citation.source,
      credits: citation.credits,
      date: citation.date,
      title: citation.title,
      passage: citation.passage,
      also: citation.also,
    })),
  };
}
