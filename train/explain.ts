// Explains one or more questions about a story folder: npx tsx train/explain.ts <corpus> "question" ...
import { explainQuestion, renderExplanation } from '../src/answer/explain.js';
import { storyOf } from './evaluate.js';
const [corpus, ...questions] = process.argv.slice(2);
const story = await storyOf(corpus!);
for (const question of questions) console.log(`${renderExplanation(explainQuestion(story, question))}\n`);
