import type { QuestionKind } from '../../types.js';

/** A question as the kind rules read it: as typed (without leading fluff) and in lower case without a leading preposition. */
export type KindInput = { core: string; lower: string };

/** What a rule recognised: the kind, and what it learnt on the way (who is asked about, the counted noun, a share). */
export type KindMatch = { kind: QuestionKind; subject?: string | null; countNoun?: string | null; wantsShare?: boolean };

/** One way of recognising a kind of question; the registry tries the rules in order and the first match wins. */
export type KindRule = { name: string; recognise: (question: KindInput) => KindMatch | null };
