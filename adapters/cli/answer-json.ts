import type { AskResult, Citation } from '../../src/types.js';

/** The answer object of the `ask --json` contract (see the README): one per question, one line each. */
export type AnswerJson = {
  question: string;
  /** The standalone question that was answered: the question itself, or a follow-up read against its conversation. */
  resolved: string;
  answer: string;
  short: string | null;
  abstained: boolean;
  citations: Array<Omit<Citation, 'id'>>;
  /** Set only when the question itself was refused (empty, no words, too long) or its line could not be read. */
  error?: string;
  /** True for a line that started the conversation over ("start over"); nothing was asked. */
  reset?: true;
};

/**
 * Maps an ask result to the JSON contract; a refused question becomes an abstention with its reason in `error`,
 * and a question refused as too long is echoed by its start only.
 */
export function toAnswerJson(rawQuestion: string, result: AskResult): AnswerJson {
  if (!result.ok) {
    const question = result.reason === 'too-long' ? result.question : rawQuestion;
    return { question, resolved: result.question, answer: result.message, short: null, abstained: true, citations: [], error: result.reason };
  }
  const { answer } = result;
  return {
    question: rawQuestion,
    resolved: answer.resolved,
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
