import type { Fact, GeneratedCorpus } from './generate-corpus.js';
import { createRandom, type Random } from './prng.js';

/** A benchmark question and whether the generated story can answer it. */
export type BenchQuestion = { text: string; answerable: boolean };

/** Options for {@link generateQuestions}. */
export type QuestionOptions = {
  /** How many questions; defaults to 600. */
  count?: number;
  /** The PRNG seed; defaults to 7. */
  seed?: number;
};

// How people type questions into a chat: polite openers, fillers and missing question marks.
const openers = ['', '', '', '', 'so ', 'can you tell me ', 'I want to know ', 'quick question: ', 'do you know ', 'hey, '];
const offTopic = [
  'What is the capital of Mars?',
  'Who won the cricket world cup final?',
  'How tall is the Eiffel Tower?',
  'What did Zorblat Quimbly say about the strike?',
  'Who is Xanthe Vorpalind?',
  'When did the dinosaurs die out?',
  'What is the recipe for lemon cake?',
  'How many moons does Jupiter have?',
  'Why is the sky blue?',
  'Where did Quentin Blarfield meet the mayor?',
];

/** Generates a fixed set of natural questions about a generated corpus: mostly answerable, some misspelt, some not about it. */
export function generateQuestions(corpus: GeneratedCorpus, options: QuestionOptions = {}): BenchQuestion[] {
  const random = createRandom(options.seed ?? 7);
  const count = options.count ?? 600;
  const questions: BenchQuestion[] = [];
  while (questions.length < count) {
    if (random.chance(0.1) || corpus.facts.length === 0) {
      questions.push({ text: random.pick(offTopic), answerable: false });
      continue;
    }
    let text = questionOf(random, random.pick(corpus.facts));
    if (random.chance(0.12)) text = misspellName(random, text);
    text = random.pick(openers) + (random.chance(0.25) ? text.charAt(0).toLowerCase() + text.slice(1) : text);
    if (random.chance(0.2)) text = text.replace(/\?$/, '');
    questions.push({ text, answerable: true });
  }
  return questions;
}

function questionOf(random: Random, fact: Fact): string {
  switch (fact.kind) {
    case 'meeting':
      return random.chance(0.5) ? `Who met ${fact.b.full} in ${fact.place}?` : `Where did ${fact.a.last} meet ${fact.b.last}?`;
    case 'count':
      return `How many ${fact.noun} were ${fact.verb} in ${fact.place}?`;
    case 'money':
      return `How much did ${fact.org} pledge for ${fact.purpose}?`;
    case 'quote':
      return random.chance(0.5) ? `What did ${fact.speaker.full} say about the ${fact.topic}?` : `What did ${fact.speaker.last} say?`;
    case 'schedule':
      return `When is the ${fact.event} on the ${fact.topic}?`;
    case 'reason':
      return `Why was the ${fact.event} in ${fact.place} postponed?`;
    case 'identity':
      return `Who is ${fact.person.full}?`;
    case 'percent':
      return `By how much did ${fact.metric.replace(/^The /, 'the ').toLowerCase()} change in ${fact.month}?`;
  }
}

// A reader's typo in a name: two neighbouring letters swapped, or one letter doubled.
function misspellName(random: Random, text: string): string {
  const names = [...text.matchAll(/\b\p{Lu}\p{Ll}{4,}\b/gu)].filter((match) => match.index > 0);
  if (names.length === 0) return text;
  const match = random.pick(names);
  const word = match[0];
  const at = random.int(1, word.length - 2);
  const typo = random.chance(0.5) ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, at) + word[at] + word.slice(at);
  return text.slice(0, match.index) + typo + text.slice(match.index + word.length);
}
