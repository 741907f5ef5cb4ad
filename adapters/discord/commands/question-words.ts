import type { Command } from '../command.js';
import { answerInteraction, questionCommandData, questionOption } from './question.js';

/** The question words that have a shortcut command of their own. */
export const questionWords = ['who', 'what', 'when', 'where', 'why', 'how'] as const;

/** One of {@link questionWords}. */
export type QuestionWord = (typeof questionWords)[number];

/** Joins a question word and the text that continues it: ("who", "met on Monday") → "who met on Monday". */
export function composeQuestion(word: QuestionWord, text: string): string {
  const rest = text.trim();
  if (rest === '') return word;
  // "/who who met…" should not ask "who who met…".
  if (rest.toLowerCase() === word || rest.toLowerCase().startsWith(`${word} `)) return rest;
  return `${word} ${rest}`;
}

/** A shortcut command such as `/who question:<text>`, whose text continues the question the word starts. */
export function questionWordCommand(word: QuestionWord): Command {
  return {
    data: questionCommandData(word, `Ask a "${word} …?" question about the story`, `The rest of the question, after "${word}"`),
    async execute(interaction, context) {
      await answerInteraction(interaction, composeQuestion(word, interaction.options.getString(questionOption, true)), context);
    },
  } satisfies Command;
}

/** `/who`, `/what`, `/when`, `/where`, `/why` and `/how`. */
export const questionWordCommands: readonly Command[] = questionWords.map(questionWordCommand);
