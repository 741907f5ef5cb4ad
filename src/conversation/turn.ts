import type { Answer, QuestionKind } from '../types.js';

/** One question of a conversation and how it was answered: what a follow-up is read against. */
export type ConversationTurn = {
  /** The question as typed. */
  question: string;
  /** The standalone question that was answered ("when did Jane Doe and John Roe meet?"). */
  resolved: string;
  /** The answer text with its `[n]` markers, or the abstention's statement. */
  answer: string;
  /** The direct answer (a name, place, time, number or amount), or null. */
  short: string | null;
  /** What the resolved question was read as asking for. */
  kind: QuestionKind;
  /** True when the coverage did not answer. */
  abstained: boolean;
  /** Ids of the passages the answer cited, in citation order. */
  cited: string[];
  /** When the question was answered. */
  at: Date;
};

/** How a question was read against the turns before it; plain data that the answer pipeline applies. */
export type FollowUp = {
  /** The standalone question to answer; the question itself when it needs no context. */
  resolved: string;
  /** Words of earlier turns that add to the search at a low weight; empty when none. */
  carry: string;
  /**
   * The words `resolved` took from earlier turns (a pronoun's name, a fragment's frame): they are searched, but a
   * passage lacking them is not taken to miss the question, since it may say "she" or "there" instead.
   */
  borrowed: string[];
  /** Passages the recent answers cited, newest first: the answer to a follow-up is often near them. */
  anchors: string[];
  /** Passages not to cite again ("what else?"). */
  exclude: string[];
  /** Direct answers already given to this question ("who else?"): not to be given again. */
  given: string[];
  /** True for "start over": the conversation is to be forgotten. */
  reset: boolean;
  /** Which reading applied, for logs and tests. */
  reading: FollowUpReading;
};

/**
 * How a follow-up was read: on its own, by replacing pronouns, by completing a fragment ("Why?", "In what city?"),
 * as a request for more of the last answer, as the next step after it ("and then?"), as the last question asked of
 * one outlet ("and the Gazette?"), or as a reset.
 */
export type FollowUpReading = 'standalone' | 'pronoun' | 'fragment' | 'more' | 'next' | 'outlet' | 'reset';

/** Records an answered question as a turn; `passages` maps each citation back to its passage id. */
export function turnOf(question: string, answer: Answer, at: Date): ConversationTurn {
  return {
    question,
    resolved: answer.resolved,
    answer: answer.answer,
    short: answer.short,
    kind: answer.kind,
    abstained: answer.abstained,
    cited: answer.citations.map((citation) => citation.id),
    at,
  };
}
