import { tagSentence, type TaggedWord } from '../language/tagger.js';
import { termKey } from '../search/terms.js';
import { definitionOf } from './definitions.js';
import type { QuestionAnalysis } from './question.js';
import type { RankedPassage } from './rank.js';
import { maxShortLength, type ShortAnswer } from './short-answer.js';

// Words that say a reason follows: "because he feared for his life", "due to high winds", "in order to save fuel".
const reasonCue =
  /\b(?:because(?:\s+of)?|due\s+to|owing\s+to|as\s+a\s+result\s+of|thanks\s+to|in\s+order\s+to|so\s+as\s+to|so\s+that|for\s+fear\s+(?:of|that)|in\s+(?:response|reply|retaliation)\s+to|in\s+protest\s+(?:at|against|over)|as\s+a\s+means\s+(?:of|to)|on\s+the\s+grounds\s+that)\s+/giu;

// What ends a reason: a clause mark, or a word that opens the next clause or an attribution ("…, police said").
const clauseEnd =
  /\s*(?:[.!?](?=\s|$)|[;:()[\]"“”]|,\s*(?:but|and|while|although|though|which|who|whose|where|when|after|before|he|she|they|it|according)\b|,(?:\s+[\p{L}'’.-]+){0,4}\s+(?:said|says|told|added|reported)\b|\s[-–—]+\s|\s(?:but|when|while|whereas|although|though|until|according\s+to)\s)/iu;

// The most of a reason shown: a clause, not a paragraph.
const maxReasonWords = 16;

// How far below the best sentence, in ranking logits, a sentence may be and still give the reason.
const nearBest = 1;

/**
 * The reason a why-question's best sentences give, as a short answer: the clause after a word of cause ("because",
 * "due to", "in order to") in one of the best three sentences, or else a verb's clause right after the last of the
 * question's words in the best ("was in Qatar awaiting resettlement", "left home to look for work"); null when
 * neither is there. Headlines are not read: their clipped grammar has no clause to take.
 */
export function reasonClauseOf(analysis: QuestionAnalysis, ranked: readonly RankedPassage[]): ShortAnswer | null {
  const best = ranked[0];
  if (best === undefined) return null;
  for (const entry of ranked.slice(0, 3)) {
    if (entry.score < best.score - nearBest) break;
    if (entry.passage.role !== 'sentence') continue;
    const text = entry.passage.normalized;
    for (const cue of text.matchAll(reasonCue)) {
      if (cue.index < (entry.passage.gluedHeading ?? 0)) continue;
      const clause = clauseFrom(text, cue.index + cue[0].length);
      if (clause !== null) return { text: clause, support: [entry] };
    }
  }
  if (best.passage.role !== 'sentence') return null;
  const rest = verbClauseAfterQuestion(best.passage.normalized, analysis);
  return rest === null ? null : { text: rest, support: [best] };
}

/** What a "What is X?" question's best sentence says X is ("a surgical anesthetic"), as a short answer; null when it does not say. */
export function definitionClauseOf(analysis: QuestionAnalysis, ranked: readonly RankedPassage[]): ShortAnswer | null {
  const best = ranked[0];
  if (best === undefined || best.passage.role !== 'sentence') return null;
  const definition = definitionOf(analysis.text, best.passage.normalized);
  return definition === null || definition.text.length > maxShortLength ? null : { text: definition.text, support: [best] };
}

/**
 * The way a how-question's best sentence gives, as a short answer: the phrase that opens with "by", "with", "via",
 * "through" or "using" right after one of the question's words ("is characterized by a fee per unit of connection
 * time", "connected via dial-up connections"), in a sentence that holds one of its topics; null when there is none.
 */
export function mannerClauseOf(analysis: QuestionAnalysis, ranked: readonly RankedPassage[]): ShortAnswer | null {
  const best = ranked[0];
  if (best === undefined || best.passage.role !== 'sentence') return null;
  const text = best.passage.normalized;
  if (lastQuestionWordAt(tagSentence(text), analysis) < 0) return null;
  const asked = askedTerms(analysis);
  for (const way of text.matchAll(wayAfterWord)) {
    if (!asked.has(termKey(way[1]!) ?? '')) continue;
    const clause = clauseFrom(text, way.index + way[0].length - way[2]!.length);
    if (clause !== null && /\s/u.test(clause)) return { text: clause, support: [best] };
  }
  return null;
}

// A word, an object pronoun or none, a manner adverb or none, and the preposition that opens a way: "implemented
// with or without …", "connected typically via …", "saved it by copying the link".
const wayAfterWord = /([\p{L}\p{N}][\p{L}\p{N}'’-]*)\s+(?:(?:it|them|him|her|this|that|itself|themselves|himself|herself)\s+)?(?:(?:typically|usually|normally|often|mostly|largely|mainly|only|simply|directly|always)\s+)?((?:by|with|via|through|using)\s+(?=\p{L}))/giu;

// Where the last of a sentence's tagged words that is one of the question's words stands, when the sentence holds
// one of its topics; -1 otherwise.
function lastQuestionWordAt(words: readonly TaggedWord[], analysis: QuestionAnalysis): number {
  const topics = new Set(analysis.terms.filter((term) => !term.frame && !term.generic).map((term) => term.term));
  if (!words.some((word) => topics.has(termKey(word.text) ?? ''))) return -1;
  const asked = askedTerms(analysis);
  return words.findLastIndex((word) => asked.has(termKey(word.text) ?? ''));
}

// Every word the question uses, its common verbs too ("missing" of "the missing amount"), but not its framing words.
const askedTerms = (analysis: QuestionAnalysis): Set<string> => new Set(analysis.terms.filter((term) => !term.frame).map((term) => term.term));

function clauseFrom(text: string, start: number): string | null {
  const tail = text.slice(start);
  const end = clauseEnd.exec(tail);
  const words = (end === null ? tail : tail.slice(0, end.index)).trim().split(/\s+/u).filter((word) => word !== '');
  if (words.length === 0 || !words.some((word) => /\p{L}{2,}/u.test(word))) return null;
  const clause = words
    .slice(0, maxReasonWords)
    .join(' ')
    .replace(/[,\s]+$/u, '');
  return clause.length > maxShortLength ? null : clause;
}

// A clause the sentence opens right after the last of the question's topic words with a verb's "-ing" form or "to"
// and a verb: the purpose or circumstance of what was asked. Anything else there is more of what was asked.
function verbClauseAfterQuestion(text: string, analysis: QuestionAnalysis): string | null {
  const words = tagSentence(text);
  const last = lastQuestionWordAt(words, analysis);
  const next = words[last + 1];
  if (last < 0 || next === undefined) return null;
  const opensClause = (next.pos === 'VERB' && /ing$/iu.test(next.text)) || (next.text.toLowerCase() === 'to' && words[last + 2]?.pos === 'VERB');
  if (!opensClause) return null;
  const clause = clauseFrom(text, next.start);
  return clause === null || !/\s/u.test(clause) ? null : clause;
}
