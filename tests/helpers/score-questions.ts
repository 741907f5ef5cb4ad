import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoryReader } from '../../src/service.js';
import { foldForCitation } from '../ingest-helpers.js';

/** One question of a question set, in the format of the project's evaluation files. */
export type QuestionCase = { id: string; q: string; expect?: string[][]; short?: boolean; unanswerable?: boolean };

/** How one question fared, judged the way the evaluation judges it. */
export type QuestionOutcome = { id: string; question: string; correct: boolean; shortCorrect: boolean | null; problems: string[] };

const fold = (text: string | null | undefined): string => foldForCitation(String(text ?? ''));

/** Reads a JSON-lines question file. */
export function readQuestions(path: string): QuestionCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as QuestionCase);
}

/** Asks every question and judges the answers: expected facts in the answer and in a cited passage, citations found in their files, abstentions where due. */
export function scoreQuestions(service: StoryReader, corpusDir: string, questions: readonly QuestionCase[]): QuestionOutcome[] {
  const files = new Map<string, string>();
  const fileText = (document: string) => {
    if (!files.has(document)) files.set(document, fold(readFileSync(join(corpusDir, document), 'utf8')));
    return files.get(document)!;
  };
  return questions.map((question) => {
    const result = service.ask(question.q);
    const problems: string[] = [];
    if (!result.ok) return { id: question.id, question: question.q, correct: false, shortCorrect: null, problems: [result.reason] };
    const { answer } = result;
    if (question.unanswerable) {
      if (!answer.abstained) problems.push('should abstain');
    } else {
      if (answer.abstained) problems.push('abstained');
      if (answer.answer.length > 600) problems.push('answer over 600 characters');
      const text = fold(answer.answer);
      const cited = answer.citations.map((citation) => fold(citation.passage)).join(' \u0000 ');
      for (const group of question.expect ?? []) {
        if (!group.some((alternative) => text.includes(fold(alternative)))) problems.push(`missing ${JSON.stringify(group)}`);
        else if (!group.some((alternative) => cited.includes(fold(alternative)))) problems.push(`not cited ${JSON.stringify(group)}`);
      }
    }
    const numbers = new Set(answer.citations.map((citation) => citation.n));
    for (const marker of answer.answer.matchAll(/\[(\d+)\]/g)) if (!numbers.has(Number(marker[1]))) problems.push(`marker [${marker[1]}] names no citation`);
    for (const citation of answer.citations) if (!fileText(citation.document).includes(fold(citation.passage))) problems.push(`citation ${citation.n} not in ${citation.document}`);
    const shortCorrect =
      question.short === true
        ? !answer.abstained && answer.short !== null && answer.short.length <= 120 && (question.expect ?? []).every((group) => group.some((alternative) => fold(answer.short).includes(fold(alternative))))
        : null;
    return { id: question.id, question: question.q, correct: problems.length === 0, shortCorrect, problems };
  });
}
