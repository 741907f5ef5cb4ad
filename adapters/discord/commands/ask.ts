import type { Command } from '../command.js';
import { answerInteraction, questionCommandData, questionOption } from './question.js';

/** `/ask question:<text>`: answers a question about the story with cited sentences. */
export const askCommand = {
  data: questionCommandData('ask', 'Ask a question about the story; the answer cites the articles', 'Your question about the story'),
  async execute(interaction, context) {
    await answerInteraction(interaction, interaction.options.getString(questionOption, true), context);
  },
} satisfies Command;
