import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, readQuestion, withStorySpelling } from '../src/answer/answer-question.js';
import { fitToQuestion } from '../src/answer/short-answer.js';
import { answerableFeatures } from '../src/answer/answerable.js';
import { explainQuestion } from '../src/answer/explain.js';
import { describeSubject, findCandidates } from '../src/answer/candidates.js';
import { definitionOf, definitionPatternOf } from '../src/answer/definitions.js';
import { passageFeatures } from '../src/answer/passage-features.js';
import { spanFeatures } from '../src/answer/span-features.js';
import { planQuery } from '../src/answer/query-plan.js';
import { analyzeQuestion } from '../src/answer/question.js';
import { collectNameEvidence, findNamePhrases, NameRegistry } from '../src/language/names.js';
import { openStory } from '../src/open-story.js';
import { termKey } from '../src/search/terms.js';
import { Story } from '../src/story.js';
import type { StoryReader } from '../src/service.js';
import type { Answer, Passage } from '../src/types.js';
import { gluedHeadingSetOff } from '../src/ingest/glued-headings.js';
import { readQuestions, scoreQuestions } from './helpers/score-questions.js';
import { articleOf, datedArticle } from './ingest-helpers.js';

const root = join(import.meta.dirname, '..');
const storyDir = (name: string) => join(root, 'tests/fixtures/stories', name);

async function serviceFor(dir: string): Promise<StoryReader> {
  const opened = await openStory({ dir });
  if (!opened.ok) throw new Error(opened.message);
  return opened.service;
}

function answerOf(service: StoryReader, question: string): Answer {
  const result = service.ask(question);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.answer;
}

// Question sets about other stories. The first thirty are among those the answer model is fitted on; the heldout-*
// stories are never trained or tuned on. The bars sit a little under today's scores so a regression shows, while a
// single hard question does not make the suite flaky.
const questionSets = [
  { name: 'harbor-strike', dir: storyDir('harbor-strike'), minCorrect: 0.85 },
  { name: 'river-flood', dir: storyDir('river-flood'), minCorrect: 0.9 },
  { name: 'border-talks', dir: storyDir('border-talks'), minCorrect: 0.8 },
  { name: 'chip-merger', dir: storyDir('chip-merger'), minCorrect: 0.9 },
  { name: 'mayor-election', dir: storyDir('mayor-election'), minCorrect: 0.8 },
  { name: 'art-heist', dir: storyDir('art-heist'), minCorrect: 0.65 },
  { name: 'trial-halt', dir: storyDir('trial-halt'), minCorrect: 0.7 },
  { name: 'ferry-capsize', dir: storyDir('ferry-capsize'), minCorrect: 0.6 },
  { name: 'volcano-ash', dir: storyDir('volcano-ash'), minCorrect: 0.7 },
  { name: 'minister-resigns', dir: storyDir('minister-resigns'), minCorrect: 0.65 },
  { name: 'launch-failure', dir: storyDir('launch-failure'), minCorrect: 0.5 },
  { name: 'port-cyber', dir: storyDir('port-cyber'), minCorrect: 0.55 },
  { name: 'heatwave', dir: storyDir('heatwave'), minCorrect: 0.5 },
  { name: 'club-takeover', dir: storyDir('club-takeover'), minCorrect: 0.7 },
  { name: 'charity-fraud', dir: storyDir('charity-fraud'), minCorrect: 0.65 },
  { name: 'food-outbreak', dir: storyDir('food-outbreak'), minCorrect: 0.8 },
  { name: 'mine-rescue', dir: storyDir('mine-rescue'), minCorrect: 0.65 },
  { name: 'plane-diversion', dir: storyDir('plane-diversion'), minCorrect: 0.7 },
  { name: 'bank-collapse', dir: storyDir('bank-collapse'), minCorrect: 0.65 },
  { name: 'chemical-fire', dir: storyDir('chemical-fire'), minCorrect: 0.7 },
  { name: 'cyclone-landfall', dir: storyDir('cyclone-landfall'), minCorrect: 0.7 },
  { name: 'oil-spill', dir: storyDir('oil-spill'), minCorrect: 0.65 },
  { name: 'concert-crush', dir: storyDir('concert-crush'), minCorrect: 0.75 },
  { name: 'customs-seizure', dir: storyDir('customs-seizure'), minCorrect: 0.7 },
  { name: 'doctors-strike', dir: storyDir('doctors-strike'), minCorrect: 0.7 },
  { name: 'tunnel-collapse', dir: storyDir('tunnel-collapse'), minCorrect: 0.65 },
  { name: 'airline-merger', dir: storyDir('airline-merger'), minCorrect: 0.55 },
  { name: 'landslide', dir: storyDir('landslide'), minCorrect: 0.75 },
  { name: 'match-fixing', dir: storyDir('match-fixing'), minCorrect: 0.7 },
  { name: 'prison-escape', dir: storyDir('prison-escape'), minCorrect: 0.6 },
  { name: 'bus-crash', dir: storyDir('bus-crash'), minCorrect: 0.55 },
  { name: 'hotel-fire', dir: storyDir('hotel-fire'), minCorrect: 0.8 },
  { name: 'aid-kidnap', dir: storyDir('aid-kidnap'), minCorrect: 0.65 },
  { name: 'plant-closure', dir: storyDir('plant-closure'), minCorrect: 0.6 },
  { name: 'avalanche', dir: storyDir('avalanche'), minCorrect: 0.65 },
  { name: 'gas-explosion', dir: storyDir('gas-explosion'), minCorrect: 0.75 },
  { name: 'hospital-hack', dir: storyDir('hospital-hack'), minCorrect: 0.55 },
  { name: 'trawler-seizure', dir: storyDir('trawler-seizure'), minCorrect: 0.65 },
  { name: 'water-contamination', dir: storyDir('water-contamination'), minCorrect: 0.6 },
  { name: 'ceo-ousted', dir: storyDir('ceo-ousted'), minCorrect: 0.7 },
  { name: 'zoo-escape', dir: storyDir('zoo-escape'), minCorrect: 0.65 },
  { name: 'spy-arrest', dir: storyDir('spy-arrest'), minCorrect: 0.6 },
  { name: 'stadium-roof', dir: storyDir('stadium-roof'), minCorrect: 0.7 },
  { name: 'election-count', dir: storyDir('election-count'), minCorrect: 0.65 },
  { name: 'drug-shortage', dir: storyDir('drug-shortage'), minCorrect: 0.6 },
  { name: 'freight-derail', dir: storyDir('freight-derail'), minCorrect: 0.6 },
  { name: 'airline-grounding', dir: storyDir('airline-grounding'), minCorrect: 0.65 },
  { name: 'mayor-bribery', dir: storyDir('mayor-bribery'), minCorrect: 0.65 },
  { name: 'smoke-haze', dir: storyDir('smoke-haze'), minCorrect: 0.5 },
  { name: 'debris-fall', dir: storyDir('debris-fall'), minCorrect: 0.45 },
  { name: 'cable-car', dir: storyDir('cable-car'), minCorrect: 0.7 },
  { name: 'crypto-collapse', dir: storyDir('crypto-collapse'), minCorrect: 0.5 },
  { name: 'bird-flu', dir: storyDir('bird-flu'), minCorrect: 0.7 },
  { name: 'bank-siege', dir: storyDir('bank-siege'), minCorrect: 0.75 },
  { name: 'dam-leak', dir: storyDir('dam-leak'), minCorrect: 0.65 },
  { name: 'pension-protest', dir: storyDir('pension-protest'), minCorrect: 0.5 },
  { name: 'ship-collision', dir: storyDir('ship-collision'), minCorrect: 0.65 },
  { name: 'exam-leak', dir: storyDir('exam-leak'), minCorrect: 0.65 },
  { name: 'sub-search', dir: storyDir('sub-search'), minCorrect: 0.5 },
  { name: 'exchange-glitch', dir: storyDir('exchange-glitch'), minCorrect: 0.65 },
  { name: 'museum-fire', dir: storyDir('museum-fire'), minCorrect: 0.4 },
  { name: 'coup-attempt', dir: storyDir('coup-attempt'), minCorrect: 0.55 },
  { name: 'airport-drones', dir: storyDir('airport-drones'), minCorrect: 0.65 },
  { name: 'sinkhole', dir: storyDir('sinkhole'), minCorrect: 0.5 },
  { name: 'fake-medicine', dir: storyDir('fake-medicine'), minCorrect: 0.6 },
  { name: 'glacier-collapse', dir: storyDir('glacier-collapse'), minCorrect: 0.6 },
  { name: 'no-confidence', dir: storyDir('no-confidence'), minCorrect: 0.5 },
  { name: 'canal-blockage', dir: storyDir('canal-blockage'), minCorrect: 0.45 },
  { name: 'lottery-fraud', dir: storyDir('lottery-fraud'), minCorrect: 0.65 },
  { name: 'cholera-outbreak', dir: storyDir('cholera-outbreak'), minCorrect: 0.5 },
  { name: 'nuclear-leak', dir: storyDir('nuclear-leak'), minCorrect: 0.25 },
  { name: 'boat-fire', dir: storyDir('boat-fire'), minCorrect: 0.55 },
  { name: 'bus-hijack', dir: storyDir('bus-hijack'), minCorrect: 0.55 },
  { name: 'monarch-hospital', dir: storyDir('monarch-hospital'), minCorrect: 0.5 },
  { name: 'pipeline-blast', dir: storyDir('pipeline-blast'), minCorrect: 0.4 },
  { name: 'stadium-riot', dir: storyDir('stadium-riot'), minCorrect: 0.5 },
  { name: 'data-leak-telco', dir: storyDir('data-leak-telco'), minCorrect: 0.45 },
  { name: 'refinery-strike', dir: storyDir('refinery-strike'), minCorrect: 0.45 },
  { name: 'wildlife-smuggling', dir: storyDir('wildlife-smuggling'), minCorrect: 0.5 },
  { name: 'heli-crash', dir: storyDir('heli-crash'), minCorrect: 0.4 },
  { name: 'stock-fraud', dir: storyDir('stock-fraud'), minCorrect: 0.45 },
  { name: 'wildfire-evac', dir: storyDir('wildfire-evac'), minCorrect: 0.55 },
  { name: 'ferry-strike', dir: storyDir('ferry-strike'), minCorrect: 0.55 },
  { name: 'bank-hack', dir: storyDir('bank-hack'), minCorrect: 0.45 },
  { name: 'mine-flood', dir: storyDir('mine-flood'), minCorrect: 0.6 },
  { name: 'train-fire', dir: storyDir('train-fire'), minCorrect: 0.7 },
  { name: 'grain-silo', dir: storyDir('grain-silo'), minCorrect: 0.7 },
  { name: 'school-meals', dir: storyDir('school-meals'), minCorrect: 0.45 },
  { name: 'city-ransomware', dir: storyDir('city-ransomware'), minCorrect: 0.7 },
  { name: 'bridge-barge', dir: storyDir('bridge-barge'), minCorrect: 0.45 },
  { name: 'heldout-quake', dir: storyDir('heldout-quake'), minCorrect: 0.85 },
  { name: 'heldout-trial', dir: storyDir('heldout-trial'), minCorrect: 0.8 },
  { name: 'heldout-breach', dir: storyDir('heldout-breach'), minCorrect: 0.85 },
  { name: 'heldout-recall', dir: storyDir('heldout-recall'), minCorrect: 0.65 },
  { name: 'heldout-wildfire', dir: storyDir('heldout-wildfire'), minCorrect: 0.7 },
  { name: 'heldout-derailment', dir: storyDir('heldout-derailment'), minCorrect: 0.6 },
  { name: 'heldout-hikers', dir: storyDir('heldout-hikers'), minCorrect: 0.55 },
  { name: 'heldout-rates', dir: storyDir('heldout-rates'), minCorrect: 0.7 },
  { name: 'heldout-bridge', dir: storyDir('heldout-bridge'), minCorrect: 0.7 },
  { name: 'heldout-outage', dir: storyDir('heldout-outage'), minCorrect: 0.65 },
  { name: 'heldout-doping', dir: storyDir('heldout-doping'), minCorrect: 0.5 },
  { name: 'heldout-algae', dir: storyDir('heldout-algae'), minCorrect: 0.55 },
  { name: 'heldout-coach', dir: storyDir('heldout-coach'), minCorrect: 0.55 },
  { name: 'heldout-embassy', dir: storyDir('heldout-embassy'), minCorrect: 0.6 },
  { name: 'heldout-pirates', dir: storyDir('heldout-pirates'), minCorrect: 0.5 },
  { name: 'heldout-andes-quake', dir: storyDir('heldout-andes-quake'), minCorrect: 0.5 },
  { name: 'heldout-blackout', dir: storyDir('heldout-blackout'), minCorrect: 0.65 },
  { name: 'heldout-cruise', dir: storyDir('heldout-cruise'), minCorrect: 0.6 },
  { name: 'heldout-wine', dir: storyDir('heldout-wine'), minCorrect: 0.45 },
  { name: 'heldout-balloon', dir: storyDir('heldout-balloon'), minCorrect: 0.6 },
  { name: 'heldout-drought', dir: storyDir('heldout-drought'), minCorrect: 0.6 },
  { name: 'heldout-univ', dir: storyDir('heldout-univ'), minCorrect: 0.5 },
  { name: 'heldout-tanker', dir: storyDir('heldout-tanker'), minCorrect: 0.65 },
  { name: 'heldout-satellite', dir: storyDir('heldout-satellite'), minCorrect: 0.65 },
  { name: 'heldout-wards', dir: storyDir('heldout-wards'), minCorrect: 0.4 },
];

describe('answerQuestion on other stories', () => {
  for (const set of questionSets) {
    it(`answers at least ${set.minCorrect * 100}% of the ${set.name} questions correctly, with every citation in its file`, async () => {
      const service = await serviceFor(set.dir);
      const outcomes = scoreQuestions(service, set.dir, readQuestions(join(set.dir, 'questions.jsonl')));
      const correct = outcomes.filter((outcome) => outcome.correct).length;
      expect(correct / outcomes.length).toBeGreaterThanOrEqual(set.minCorrect);
      expect(outcomes.flatMap((outcome) => outcome.problems.filter((problem) => /^citation|^marker/.test(problem)))).toEqual([]);
    });
  }
});

describe('answerQuestion on a fixture story, asked new questions', () => {
  it('names one person for "who is the outgoing mayor?", not everyone the sentence names', async () => {
    const service = await serviceFor(storyDir('mayor-election'));
    expect(answerOf(service, 'who is the outgoing mayor').short).toBe('Frank DiSalvo');
  });

  it('takes no run of a headline\'s capitals for a person ("Sweden\'s Harlund Is Quitting Bytča, Who Wants To Buy It")', async () => {
    const service = await serviceFor(storyDir('plant-closure'));
    expect(answerOf(service, 'who wants to buy the factory').short).not.toMatch(/Quitting/);
    // "Mozambique Aid Worker Kidnapping: …" reads "Aid Worker" as a title before a name, which a headline's is not.
    const kidnap = await serviceFor(storyDir('aid-kidnap'));
    expect(answerOf(kidnap, 'who are the two that got freed').short).not.toBe('Kidnapping');
  });

  it('does not answer a who-question with the name it asks about ("who runs the Warsaw exchange", "who replaced Wróblewski")', async () => {
    const exchange = await serviceFor(storyDir('exchange-glitch'));
    expect(answerOf(exchange, 'who runs the warsaw exchange').short).toBe('Ewa Sadowska');
    const mine = await serviceFor(storyDir('mine-flood'));
    expect(answerOf(mine, 'who replaced wróblewski').short ?? '').not.toMatch(/Wróblewski/);
  });

  it('takes an explainer\'s answer to its own question subhead ("Was the bus company allowed to operate?" "No.")', async () => {
    const service = await serviceFor(storyDir('bus-crash'));
    const answer = answerOf(service, 'was the company allowed to run the trip');
    expect(answer.short).toBe('No');
    expect(answer.citations.slice(0, 2).map((citation) => citation.passage)).toEqual(['Was the bus company allowed to operate?', 'No.']);
  });
});

describe('answerQuestion on the seed story', () => {
  let service: StoryReader;
  beforeAll(async () => {
    service = await serviceFor(join(root, 'seeds'));
  });

  it('answers its own question set and abstains on every unanswerable one', () => {
    const outcomes = scoreQuestions(service, join(root, 'seeds'), readQuestions(join(root, 'tests/fixtures/seed-questions.jsonl')));
    const unanswerable = new Set(readQuestions(join(root, 'tests/fixtures/seed-questions.jsonl')).filter((q) => q.unanswerable).map((q) => q.id));
    expect(outcomes.filter((outcome) => outcome.correct).length / outcomes.length).toBeGreaterThanOrEqual(0.9);
    expect(outcomes.filter((outcome) => unanswerable.has(outcome.id) && !outcome.correct)).toEqual([]);
    const shorts = outcomes.filter((outcome) => outcome.shortCorrect !== null);
    expect(shorts.filter((outcome) => outcome.shortCorrect).length / shorts.length).toBeGreaterThanOrEqual(0.8);
  });

  it('gives the people as the short answer to a who-question', () => {
    const answer = answerOf(service, 'who met in Miami');
    expect(answer.kind).toBe('person');
    expect(answer.short).toMatch(/Witkoff/);
    expect(answer.short).toMatch(/Umerov/);
  });

  it('corrects a misspelt place by its printed spelling', () => {
    const answer = answerOf(service, 'who did Witkoff meet in maimi');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/Miami/);
  });

  it('cites a sentence that several outlets carry once, naming the other copies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storybot-copies-'));
    const sentence = 'The port authority said 37 container ships were waiting offshore on Wednesday.';
    await writeFile(join(dir, 'a.txt'), `---\nsource: Harbour Gazette\ndate: 2026-03-04\n---\nShips queue as strike drags on\n\n${sentence} Talks resume on Friday.\n`);
    await writeFile(join(dir, 'b.txt'), `---\nsource: Valley Ledger\ndate: 2026-03-04\n---\nStrike leaves ships stranded\n\nUnion leaders met on Tuesday. ${sentence}\n`);
    const answer = answerOf(await serviceFor(dir), 'How many ships were waiting offshore?');
    expect(answer.short).toMatch(/37/);
    expect(answer.citations).toHaveLength(1);
    const [citation] = answer.citations;
    expect(citation!.also).toHaveLength(1);
    expect(new Set([citation!.source, citation!.also[0]!.source])).toEqual(new Set(['Harbour Gazette', 'Valley Ledger']));
  });

  it('resolves a weekday against the article date in the short answer', () => {
    const answer = answerOf(service, 'When will US and Ukrainian officials meet again?');
    expect(answer.short).toMatch(/Saturday/);
    expect(answer.short).toMatch(/Dec 6, 2025/);
  });

  it('keeps the answer within 600 characters and the short answer within 120, with a marker per citation', () => {
    for (const question of ['What did Trump say about the talks with Putin?', 'What is the main obstacle to a deal?', 'Who is Jared Kushner?']) {
      const answer = answerOf(service, question);
      expect(answer.answer.length).toBeLessThanOrEqual(600);
      expect((answer.short ?? '').length).toBeLessThanOrEqual(120);
      const markers = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
      expect(markers).toEqual(answer.citations.map((citation) => citation.n));
    }
  });

  it('cites passages that stand word for word in their articles', () => {
    const answer = answerOf(service, 'How much did allies pledge this week?');
    for (const citation of answer.citations) {
      expect(readFileSync(join(root, 'seeds', citation.document), 'utf8')).toContain(citation.passage);
    }
  });

  it('abstains on names the coverage never mentions and topics it never covers', () => {
    for (const question of ['What did Angela Merkel say about the talks?', 'Who won the 2018 Super Bowl?', 'What is the population of Miami?', 'asdkjh qwpoeiru zxmcnv']) {
      const answer = answerOf(service, question);
      expect(answer.abstained).toBe(true);
      expect(answer.citations).toEqual([]);
      expect(answer.short).toBeNull();
    }
  });

  it('refuses empty, punctuation-only and overlong questions with a clear message', () => {
    expect(service.ask('   ')).toMatchObject({ ok: false, reason: 'empty-question', message: 'Please ask a question about the story.' });
    expect(service.ask('?!… ¿')).toMatchObject({ ok: false, reason: 'no-words' });
    const long = service.ask('why '.repeat(400));
    expect(long).toMatchObject({ ok: false, reason: 'too-long' });
    expect(long.ok ? '' : long.message).toMatch(/under 1000/);
  });

  it('answers questions with invisible characters, emoji and mention syntax as if they were plain', () => {
    const plain = answerOf(service, 'How long did the Moscow talks with Putin last?');
    const odd = answerOf(service, '@everyone How\u200b long did the Moscow\u00a0talks with Putin last? 🤔 <!channel>');
    expect(odd.short).toBe(plain.short);
  });

  it('answers "what\'s the latest?" with the newest articles\' lead sentences, cited', () => {
    const answer = answerOf(service, "what's the latest?");
    expect(answer.abstained).toBe(false);
    expect(answer.citations.length).toBeGreaterThanOrEqual(2);
    expect(answer.citations[0]?.date).toBe('2025-12-05');
    expect(answerOf(service, 'What is the latest news on the 2030 Winter Olympics?').abstained).toBe(true);
  });

  it('answers a thousand-word question by refusing it rather than searching it', () => {
    const words = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' ');
    expect(service.ask(words)).toMatchObject({ ok: false, reason: 'too-long' });
  });
});

describe('answerQuestion on small inline stories', () => {
  const storyOf = (...texts: string[]) => new Story(texts.map((text, i) => articleOf(text, `${i}.txt`)));
  /** A one-article story from the Test Wire. */
  const wireStory = (title: string, date: string, body: string) => new Story([datedArticle(title, 'Test Wire', date, body)]);
  const answer = (story: Story, question: string): Answer => {
    const result = answerQuestion(story, question);
    if (!result.ok) throw new Error(`refused: ${result.message}`);
    return result.answer;
  };

  const electionStory = storyOf(
    `---
title: Recount confirms Okafor as mayor
source: Test Gazette
date: 2025-12-04
---
A hand recount on Thursday confirmed Denise Okafor as the city's next mayor, the board of elections said.
The recount gave Okafor a margin of 158 votes over her rival, Richard Halvorsen, the board said in a statement.
That margin was five votes narrower than the certified result.
Halvorsen conceded on Thursday afternoon, saying "the count is the count."
On Monday Halvorsen said he would concede only after a full and fair count.
"I will be a mayor for every voter in this city," Okafor said at a news conference outside City Hall.
The board of elections said the recount had cost the county about $40,000.`,
  );

  it('answers "how many people …?" with a count, never a sum of money or a share ("a third" of "a third suspect")', () => {
    const story = wireStory(
      'Third arrest in bank theft',
      '2031-03-13',
      'Police on Saturday arrested a third suspect in the $31.2 million theft from the central bank.\nWith Saturday\'s arrest, police have now detained three suspects.\nThe bank said the stolen $31.2 million had not been recovered.',
    );
    const reply = answer(story, 'How many people have been arrested so far?');
    expect(reply.abstained).toBe(false);
    expect(reply.short).toMatch(/^three\b/i);
  });

  it('finds the noun an adjective the story never prints is made from ("parliamentary" / "parliament"), and only then', () => {
    const story = storyOf(`---\ntitle: Hearing\nsource: Test Wire\ndate: 2031-03-10\n---\nThe governor will appear before parliament's finance committee on Tuesday.\nThe prime minister's primary concern is the budget.`);
    const related = (question: string, word: string) => planQuery(analyzeQuestion(question), story.index).concepts.find((concept) => concept.term === termKey(word))?.related ?? [];
    expect(related('when is the parliamentary hearing', 'parliamentary')).toContain(termKey('parliament'));
    expect(related('what is the financial concern', 'financial')).toContain(termKey('finance'));
    // "primary" is printed, so it is not read as "prime".
    expect(related('what is the primary concern', 'primary')).not.toContain(termKey('prime'));
  });

  it('abstains when the thing a question asks for is a word the story never uses ("what is the population of …?")', () => {
    const story = storyOf(
      `---\ntitle: Riverton council approves budget\nsource: Test Wire\ndate: 2031-05-02\n---\nRiverton's council approved a budget of $48 million on Thursday.\nThe mayor of Riverton, Ada Lind, said the budget would fund two new schools.`,
      `---\ntitle: Riverton schools to open in 2033\nsource: Test Gazette\ndate: 2031-05-03\n---\nThe two schools in Riverton will open in 2033, the council said.\nLind said the council had approved the budget after a long debate.`,
    );
    expect(answer(story, 'What is the population of Riverton?').abstained).toBe(true);
    const budget = answer(story, 'How big is the budget Riverton approved?');
    expect(budget.abstained).toBe(false);
    expect(budget.short).toContain('48 million');
  });

  it('records the WordNet synonyms a story uses for a question word it never does, and neither searches them nor names', () => {
    const story = storyOf(`---\ntitle: Museum robbed\nsource: Test Wire\ndate: 2031-04-13\n---\nOfficers said the night guard was tied up by two men.\nThe museum's chief, Anna Roe, said the alarm failed.`);
    const plan = planQuery(analyzeQuestion('what did the cop say about the watchman'), story.index);
    const concept = (word: string) => plan.concepts.find((candidate) => candidate.term === termKey(word));
    expect(concept('cop')).toMatchObject({ unknown: true, related: [] });
    expect(concept('cop')?.paraphrases).toContain(termKey('officers'));
    expect(concept('watchman')?.paraphrases).toContain(termKey('guard'));
    expect(plan.searchWeights.has(termKey('guard')!)).toBe(false);
    // A capitalised word is a name: WordNet's senses of "Boss" do not stand for the person.
    expect(planQuery(analyzeQuestion('what did Boss say'), story.index).concepts.find((candidate) => candidate.term === termKey('boss'))?.paraphrases).toEqual([]);
  });

  it('finds a word the story writes as one where the question splits it in two ("rotkar bahn" for "Rotkarbahn")', () => {
    const story = storyOf(`---\ntitle: Lift shut\nsource: Test Wire\ndate: 2031-02-19\n---\nThe Rotkarbahn will not run again this season, the operator said.\nThe firefighters left at noon.`);
    const concepts = planQuery(analyzeQuestion('is the rotkar bahn going to reopen'), story.index).concepts;
    expect(concepts.find((concept) => concept.term === termKey('bahn'))).toMatchObject({ unknown: false, exact: [termKey('rotkarbahn')] });
    expect(concepts.find((concept) => concept.term === termKey('rotkar'))?.exact).toContain(termKey('rotkarbahn'));
    expect(planQuery(analyzeQuestion('when did the fire fighters leave'), story.index).concepts.every((concept) => !concept.unknown)).toBe(true);
    // Two words the story uses apart are left apart.
    expect(planQuery(analyzeQuestion('what did the operator say'), story.index).concepts.map((concept) => concept.exact)).toEqual([[termKey('operator')], [termKey('say')]]);
    // Two words the story uses apart and also as one word find both: "Apple Talk" is "AppleTalk" as well.
    const protocols = storyOf(`---\ntitle: Protocols\nsource: Test Wire\ndate: 2031-02-19\n---\nAppleTalk was a suite of networking protocols.\nThe apple harvest was the talk of the town.`);
    const apple = planQuery(analyzeQuestion('what was apple talk'), protocols.index).concepts.find((concept) => concept.term === termKey('apple'));
    expect(apple?.exact).toEqual([termKey('apple'), termKey('appletalk')]);
  });

  it("finds the story's word for chat's own (\"sub\", \"mp\", \"bounty\", \"firemen\", \"onboard\", \"prez\", \"commish\", \"wx\", \"edu\", \"cttee\")", () => {
    const story = storyOf(`---\ntitle: Search\nsource: Test Wire\ndate: 2031-03-10\n---\nThe submersible had five people aboard, the operator said.\nA lawmaker called for a reward for information.\nTwo firefighters were hurt.\nThe president spoke on Monday.`);
    const concepts = (question: string) => planQuery(analyzeQuestion(question), story.index).concepts;
    const known = (question: string, word: string) => {
      const concept = concepts(question).find((candidate) => candidate.term === termKey(word));
      return concept !== undefined && (concept.exact.length > 0 || concept.related.length > 0);
    };
    expect(known('how many ppl were onboard the sub', 'sub')).toBe(true);
    expect(known('how many ppl were onboard the sub', 'onboard')).toBe(true);
    expect(known('which mp wants a bounty', 'mp')).toBe(true);
    expect(known('which mp wants a bounty', 'bounty')).toBe(true);
    expect(known('how many firemen were hurt', 'firemen')).toBe(true);
    expect(concepts('name of the prez?').some((concept) => concept.exact.includes(termKey('president')!))).toBe(true);
    const company = storyOf(`---\ntitle: Raid\nsource: Test Wire\ndate: 2031-03-10\n---\nThe company said the police operation was continuing.`);
    const exactOf = (question: string) => planQuery(analyzeQuestion(question), company.index).concepts.flatMap((concept) => concept.exact);
    expect(exactOf('whos the boss of the water co')).toContain(termKey('company'));
    expect(exactOf('how many countries in the op now')).toContain(termKey('operation'));
    const agency = storyOf(`---\ntitle: Crash\nsource: Test Wire\ndate: 2031-03-10\n---\nThe commission raised its estimate of the damage.\nThe helicopter flew at night in bad weather.\nThe education minister told the committee the victims' average age was 9.\nThe rocket carried three satellites.`);
    const foundIn = (question: string, word: string) => planQuery(analyzeQuestion(question), agency.index).concepts.some((concept) => concept.exact.includes(termKey(word)!));
    expect(foundIn('what did the commish say', 'commission')).toBe(true);
    expect(foundIn('damage est now?', 'estimate')).toBe(true);
    expect(foundIn('was the heli flying in bad wx last nite', 'helicopter')).toBe(true);
    expect(foundIn('was the heli flying in bad wx last nite', 'weather')).toBe(true);
    expect(foundIn('was the heli flying in bad wx last nite', 'night')).toBe(true);
    expect(foundIn('whos the edu minister', 'education')).toBe(true);
    expect(foundIn('what did the cttee hear about the vics avg age', 'committee')).toBe(true);
    expect(foundIn('what did the cttee hear about the vics avg age', 'victims')).toBe(true);
    expect(foundIn('what did the cttee hear about the vics avg age', 'average')).toBe(true);
    expect(foundIn('how many sats were on board', 'satellites')).toBe(true);
    // Chat's word for a person says only that a person is asked: a story that never says "guy" is not missing a topic.
    expect(planQuery(analyzeQuestion('who is the commission guy'), agency.index).concepts.find((concept) => concept.term === termKey('guy'))?.weight).toBe(0);
    const canal = storyOf(`---\ntitle: Canal\nsource: Test Wire\ndate: 2031-01-12\n---\nBy Sunday, 58 vessels were still waiting.`);
    expect(planQuery(analyzeQuestion('how many ships still waiting'), canal.index).concepts.find((concept) => concept.term === termKey('ships'))?.related).toContain(termKey('vessels'));
  });

  it('answers "what time" with the time the story gives for the event, not a time that only names its zone', () => {
    const story = wireStory(
      'Gunfire in the capital',
      '2031-02-16',
      'Shooting erupted around the palace at about 11:40 p.m. on Monday and went on for close to three hours, residents said.\nThe president is due to address the nation at 8 p.m. local time (2000 GMT) on Tuesday, his office said.',
    );
    expect(answer(story, 'what time did the shooting kick off').short).toMatch(/11:40/);
  });

  it('relates a plural noun to its verb as it does the singular: "admissions" finds "admitted", "acquisitions" finds "acquired"', () => {
    const story = storyOf(`---\ntitle: Heat\nsource: Test Wire\ndate: 2031-05-19\n---\nHospitals have admitted 648 people since the heatwave began.\nThe group acquired two rivals.`);
    const related = (question: string, word: string) => planQuery(analyzeQuestion(question), story.index).concepts.find((concept) => concept.term === termKey(word))?.related;
    expect(related('latest number of hospital admissions?', 'admissions')).toContain(termKey('admitted'));
    expect(related('how many acquisitions?', 'acquisitions')).toContain(termKey('acquired'));
  });

  it('answers "who is X?" with the words before the name that end in a noun for a person ("talent show star"), however the question is spaced', () => {
    const story = wireStory('Visit', '2031-08-12', 'TV talent show star Ana Ruiz will sing for the cardinal during his visit next month, the diocese said on Wednesday.');
    expect(answer(story, 'who is Ana Ruiz?').short).toBe('TV talent show star');
    expect(answer(story, 'who is Ana Ruiz ?').short).toBe('TV talent show star');
    // Before a common noun, such a word is a modifier: "private" (a soldier, as a noun) describes no vet here.
    expect(describeSubject("The company's private vet alerted the district office.", 'vet', new NameRegistry()).map((candidate) => candidate.display)).toEqual([]);
  });

  it('answers "what sport" with a word that names a kind of sport, though the sentence holds it only as a modifier', () => {
    const story = wireStory(
      'Awards season',
      '2031-02-16',
      'Last year the actress won for playing a coach who helped a shy teenager toward football greatness.\nThe film opened in 900 theaters in its first week.\nVolunteers restored the old steam locomotive over two winters.',
    );
    expect(answer(story, 'What sport was in the storyline?').short).toBe('football');
    // "What part" is a kind that nearly every noun belongs to ("steam" is one): it offers no word for being one.
    const spans = readQuestion(story, 'What part did the volunteers restore?').spans.map((scored) => scored.span.text);
    expect(spans).toContain('the old steam locomotive');
    expect(spans).not.toContain('steam');
    // A word inside a longer name is no answer of its own.
    const league = wireStory('Suspension', '2031-02-17', 'The suspension came from Major League Baseball on Friday.');
    expect(readQuestion(league, 'What organization suspended him?').spans.map((scored) => scored.span.text)).not.toContain('League');
  });

  it('takes no direct answer from a heading a scraper glued to the paragraph, nor one that runs across it', () => {
    const story = storyOf(
      `---\ntitle: Heist roundup\nsource: Test Roundup\ndate: 2031-04-16\n---\nUpdated (5 articles)\n\nFirst Painting Recovered Belgian police have recovered a stolen portrait in a garage in Antwerp [1].\n\nRival Raises Offer Soren Kjaer's Lantern Holdings raised its offer for the museum's insurer to 83 million euros [2].\n\nGuard Questioned Night guard Rachid Ouardi, 61, was questioned by detectives on Friday [3].\n\nMuseum To Reopen The museum will reopen to the public on Saturday [4].`,
    );
    expect(answer(story, 'who recovered the stolen portrait?').short).toBe('Belgian police');
    expect(answer(story, 'who was questioned by detectives?').short).toBe('Rachid Ouardi');
    const reading = readQuestion(story, 'who raised the offer?');
    const glued = reading.ranked.filter((entry) => entry.passage.gluedHeading !== undefined);
    expect(glued.length).toBeGreaterThan(0);
    for (const entry of glued) expect(entry.candidates.filter((candidate) => candidate.start < entry.passage.gluedHeading!)).toEqual([]);
    expect(reading.ranked.flatMap((entry) => entry.candidates.map((candidate) => candidate.display))).toContain('Soren Kjaer');
    for (const { span } of reading.spans) expect(span.start).toBeGreaterThanOrEqual(span.entry.passage.gluedHeading ?? 0);
  });

  it('finds where the text starts when the scraper dropped even the space after the heading ("Raised AgainCantonal")', () => {
    const story = storyOf(
      `---\ntitle: Glacier roundup\nsource: Test Roundup\ndate: 2031-06-11\n---\nUpdated (5 articles)\n\nDebris Estimate Raised AgainCantonal geologists raised their estimate of the debris to 9 million cubic metres [1].\n\nMan Remanded For Four WeeksA judge ordered the 34-year-old man held in custody [2].\n\nComplaints On RecordATL's own call logs show three complaints from residents [3].\n\nDonations Pour InSwiss Solidarity said it had collected 8.5 million francs [4].\n\nHelpers Thank SableMoth Crews The volunteers of SableMoth came from Bern and worked through the night to clear the road for the trucks [5].`,
    );
    const textOf = (words: string) => {
      const entry = readQuestion(story, words).ranked.find((ranked) => ranked.passage.normalized.includes(words))!;
      return entry.passage.normalized.slice(entry.passage.gluedHeading ?? 0).trimStart();
    };
    expect(textOf('geologists raised')).toMatch(/^Cantonal geologists/);
    expect(textOf('judge ordered')).toMatch(/^A judge ordered/);
    expect(textOf('call logs')).toMatch(/^ATL's own/);
    expect(textOf('Solidarity said')).toMatch(/^Swiss Solidarity/);
    // A name printed with a capital inside a sentence ("SableMoth") is not a heading glued to its text.
    expect(textOf('volunteers')).toMatch(/^The volunteers/);
    // The text keeps its first letter when the heading is set off from it: "Hans-Peter", not "ans-Peter".
    const glued = 'Rescued Farmer RecoveringHans-Peter Rieder was in stable condition.';
    const setOff = gluedHeadingSetOff({ id: 'a#0', document: 'a', position: 0, text: glued, normalized: glued, heading: null, gluedHeading: 'Rescued Farmer Recovering'.length } as Passage).text;
    expect(setOff).toBe('Rescued Farmer Recoverin;Hans-Peter Rieder was in stable condition.');
    const spaced = 'Rescued Farmer Recovering Hans-Peter Rieder was in stable condition.';
    expect(gluedHeadingSetOff({ id: 'a#0', document: 'a', position: 0, text: spaced, normalized: spaced, heading: null, gluedHeading: 'Rescued Farmer Recovering'.length } as Passage).text).toBe('Rescued Farmer Recovering;Hans-Peter Rieder was in stable condition.');
  });

  it('credits a sentence that says a question word in a WordNet synonym ("doctor" for "physician"), and only that one', () => {
    const story = wireStory('Singer death', '2031-03-05', 'The nurse who treated the singer was charged on Monday.\nThe doctor who treated the singer was charged on Tuesday.');
    const at = passageFeatures.findIndex((feature) => feature.name === 'paraphrase');
    const reading = readQuestion(story, 'When was the physician charged?');
    const doctor = reading.ranked.find((entry) => entry.passage.normalized.includes('doctor'))!;
    const nurse = reading.ranked.find((entry) => entry.passage.normalized.includes('nurse'))!;
    expect(doctor.features[at]).toBeGreaterThan(0);
    expect(nurse.features[at]).toBe(0);
    expect(reading.short?.text).toMatch(/^Tuesday/);
  });

  it('ranks first, for "What is X?", the sentence that says what X is ("X was a …", "X (short form) is …", "X, a …"), and answers with the description', () => {
    for (const [question, defining] of [
      ['What was Apple Talk', 'AppleTalk was a proprietary suite of networking protocols.'],
      ['what is NSFNET?', 'The National Science Foundation Network (NSFNET) was a program of networking projects.'],
      ['What is propofol?', 'Propofol, a surgical anesthetic, was found in his blood.'],
    ] as const) {
      expect(definitionPatternOf(question)?.test(defining)).toBe(true);
    }
    expect(definitionPatternOf('What is  DECnet')?.test('The DECnet protocols were designed by Digital.')).toBe(false);
    // A relation of the term is asked about, not the term: "who was Robert's son?", "what is the name of the ship?".
    expect(definitionPatternOf("Who was Robert's son?")).toBeNull();
    expect(definitionPatternOf('what is the name of the ship?')).toBeNull();
    expect(definitionPatternOf('when was the vote?')).toBeNull();
    const story = wireStory('Network', '2031-03-05', 'The DECnet protocols were designed entirely by one company in Maynard.\nDECnet is a suite of network protocols first released in 1975.');
    expect(readQuestion(story, 'What is DECnet?').ranked[0]?.passage.normalized).toMatch(/^DECnet is a suite/);
    // The short answer is the description, to the first clause mark; an abbreviation's stop does not end it.
    expect(readQuestion(story, 'What is DECnet?').short?.text).toBe('a suite of network protocols first released in 1975');
    expect(definitionOf('What is propofol?', 'Propofol, a surgical anesthetic, was found in his blood.')?.text).toBe('a surgical anesthetic');
    expect(definitionOf('What was Apple Talk', 'AppleTalk was a suite of protocols developed by Apple Inc. in 1985.')?.text).toBe('a suite of protocols developed by Apple Inc. in 1985');
    // "Was incorporated" says what happened to X, not what X is; and "who is X?" is the identity reader's.
    expect(definitionOf('What was Telenet?', 'Telenet was incorporated in 1973.')).toBeNull();
    // A comma between two words describing one noun does not end the description; the next one does.
    expect(definitionOf('What is LoomNet?', 'LoomNet was a program of coordinated, evolving projects, begun in 1985.')?.text).toBe('a program of coordinated, evolving projects');
    expect(definitionOf('Who is Propofol?', 'Propofol, a surgical anesthetic, was found in his blood.')).toBeNull();
  });

  it('says the coverage does not answer what an office it never names said, and quotes an office it does', () => {
    const story = storyOf(
      `---\ntitle: Port attack\nsource: Test Wire\ndate: 2031-01-12\n---\nInfrastructure Minister Joost Valk said the government was in close contact with the port and called the attack "a serious blow".\nThe port's chief executive, Mara Vos, said systems would be restored by Friday.`,
    );
    expect(answer(story, 'what did the prime minister say about the attack?').abstained).toBe(true);
    expect(answer(story, 'what did the infrastructure minister say about the attack?').answer).toContain('serious blow');
    // An owner's role may be worded the other way round ("an economist for the defence"): not judged by its words.
    expect(answer(story, "what did the port's spokesman say about the attack?").abstained).toBe(false);
  });

  it('quotes the words that follow a speaker asked without accents or misspelt ("Kesicka", "carrion-baptisa")', () => {
    const story = storyOf(
      `---\ntitle: Mine rescue\nsource: Test Wire\ndate: 2031-02-02\n---\nThe rescue at the Rybnik mine ended on Sunday.\nSen. Jolanta Kęsicka, who represents the area, called for an independent inquiry.\n“Miners should not have to be heroes to go home at night,” she said.\nDr. Inés Carrión-Baptista, an epidemiologist, said the warm nights were the most dangerous part of the heat wave.\n“Night-time heat is the silent killer,” she said.`,
    );
    expect(answer(story, 'what did senator Kesicka say').answer).toContain('heroes');
    expect(answer(story, 'what did carrion-baptisa say about the nights').answer).toContain('silent killer');
  });

  it('cuts no direct answer inside a word the tagger splits ("H-190s")', () => {
    const story = storyOf(`---\ntitle: Jets grounded\nsource: Test Wire\ndate: 2031-05-12\n---\nThe order also covers two H-190s that a Portuguese charter airline leases from a foreign operator on Tuesday.`);
    const reading = readQuestion(story, 'which country on Tuesday.');
    expect(reading.spans.length).toBeGreaterThan(0);
    for (const { span } of reading.spans) {
      const sentence = span.entry.passage.normalized;
      expect(`${sentence[span.start - 1] ?? ' '}${sentence[span.end] ?? ' '}`, span.text).not.toMatch(/[\p{L}\p{N}]/u);
    }
  });

  it('names one person for "who\'s the …" as for "who is the …"', () => {
    const story = storyOf(`---\ntitle: Talks in Geneva\nsource: Test Wire\ndate: 2031-03-02\n---\nU.S. envoy Tom Hale met Ukrainian negotiator Ivan Petrenko in Geneva on Tuesday.`);
    expect(answer(story, 'who is the ukrainian negotiator?').short).toBe('Ivan Petrenko');
    expect(answer(story, "who's the ukrainian negotiator").short).toBe('Ivan Petrenko');
  });

  it('finds whoever leads a body by their title when chat asks for "the boss" or who runs it', () => {
    const story = storyOf(
      `---\ntitle: Port hit by cyberattack\nsource: Test Wire\ndate: 2031-01-12\n---\nThe terminal company's systems were shut down on Monday after a ransomware attack.\nSpokesman Tom Hale said the terminal company was working around the clock.\n"We will not pay," said Mara Vos, the terminal company's chief executive, at a news conference on Tuesday.`,
      `---\ntitle: Port reopens\nsource: Test Daily\ndate: 2031-01-14\n---\nThe port reopened on Thursday.\nThe union's president, Ivo Brandt, said workers had been kept in the dark.`,
    );
    expect(answer(story, "who's the boss of the terminal company").short).toBe('Mara Vos');
    expect(answer(story, 'who runs the union?').short).toBe('Ivo Brandt');
    expect(answer(story, "who's leading the union?").short).toBe('Ivo Brandt');
  });

  it('answers "how long" with a length of time from the best sentence, never an age or a figure from elsewhere', () => {
    const story = storyOf(
      `---\ntitle: Siege ends\nsource: Test Wire\ndate: 2031-02-12\n---\nThe gunman held 12 people for 20 hours before he gave up at 4:52 a.m. on Wednesday.\nThe suspect, a 46-year-old former haulier, had banked there since 2019.`,
    );
    expect(readQuestion(story, 'how long did the standoff go on').short?.text).toBe('20 hours');
    // "46-year-old" is an age, and "20 hours" stands in another sentence than the one about the account.
    const banked = readQuestion(story, 'how long had the suspect banked there').short?.text ?? '';
    expect(banked).not.toMatch(/20 hours|46-year/);
  });

  it('answers "how old is Doe?" only with an age the coverage gives Doe, and otherwise says it does not say', () => {
    const story = storyOf(
      `---\ntitle: Ferry strike\nsource: Test Wire\ndate: 2031-04-27\n---\nUnion leader Stavros Kalogeropoulos rejected the offer on Monday.\nDimitra Kourti, a 34-year-old teacher, said her family had given up waiting.\nThe count rose to 14 ships after Kalogeropoulos spoke.\nShipping minister Ana Rallis, 58, called the strike unacceptable.`,
    );
    const asked = (question: string) => answer(story, question);
    expect(asked('how old is kalogeropoulos')).toMatchObject({ abstained: true, short: null });
    expect(asked('How old is Stavros Kalogeropoulos?')).toMatchObject({ abstained: true });
    expect(asked('how old is rallis')).toMatchObject({ abstained: false, short: '58' });
    // Without a name, the age the best sentence gives is the answer as before.
    expect(asked('how old is the teacher')).toMatchObject({ abstained: false, short: '34' });
  });

  it('reads a name whose last word the story never prints as a name it does not know ("the World Cup" where it says "world")', () => {
    const story = storyOf(`---\ntitle: Talks\nsource: Test Wire\ndate: 2031-02-12\n---\nThe envoy said the world was watching the talks.\nRick Halvorsen's deputy, Richard Halvorsen, spoke on Monday.`);
    const at = answerableFeatures.findIndex((feature) => feature.name === 'unknownName');
    expect(readQuestion(story, 'Who won the 2022 World Cup?').answerable.values[at]).toBe(1);
    // A first name the story gives otherwise ("Rick" for "Richard") does not make a known surname unknown.
    expect(readQuestion(story, 'What did Ricky Halvorsen say?').answerable.values[at]).toBe(0);
  });

  it('tells the answerable model when the direct answer is a figure of another sort than asked', () => {
    const story = storyOf(
      `---\ntitle: Miners rescued\nsource: Test Wire\ndate: 2031-02-12\n---\nA US firm flew in a horizontal drilling rig that bored a 62-cm escape passage.\nThe collapse is the worst accident at the mine since a methane fire in 2008.\nThe recount cost the county about $40,000, the board said.`,
    );
    const at = answerableFeatures.findIndex((feature) => feature.name === 'shortOffKind');
    const offKind = (question: string) => {
      const reading = readQuestion(story, question);
      return { short: reading.short?.text, off: reading.answerable.values[at] };
    };
    expect(offKind('how much did it cost to fly the rig in?')).toEqual({ short: '62 cm', off: 1 });
    expect(offKind('how many people died in the 2008 methane fire?')).toEqual({ short: '2008', off: 1 });
    expect(offKind('how much did the recount cost?')).toEqual({ short: 'about $40,000', off: 0 });
    // An insured value is a sum: a count of dives does not give it.
    const sub = storyOf(`---\ntitle: Sub lost\nsource: Test Wire\ndate: 2031-03-12\n---\nThe Aurora had completed 38 dives since entering service without a serious incident, the operator said.`);
    const insured = readQuestion(sub, 'how much was the aurora insured for');
    expect({ short: insured.short?.text, off: insured.answerable.values[at] }).toEqual({ short: '38 dives', off: 1 });
    // A length shown without its unit is still a length, not a count of people.
    const flood = storyOf(`---\ntitle: Flood\nsource: Test Wire\ndate: 2031-02-12\n---\nThe town was last evacuated in 2002, when the river rose more than 10 metres above its normal level.`);
    const flooded = readQuestion(flood, 'how many people died in the 2002 flood?');
    expect(flooded.short?.printed ?? flooded.short?.text).toMatch(/metres/);
    expect(flooded.answerable.values[at]).toBe(1);
    expect(readQuestion(flood, 'how many metres did the river rise?').answerable.values[at]).toBe(0);
    // A figure question answered with a year, or with the end of a span of years, is off kind too.
    const robbery = storyOf(`---\ntitle: Siege\nsource: Test Wire\ndate: 2031-02-12\n---\nThe branch was the target of an armed robbery in 2014, local media said.\nThe region was hit hard by bird flu in the winter of 2016-17.\nThe gunman fled with a sports bag, police said.`);
    const robbed = readQuestion(robbery, 'how much was taken in the 2014 robbery at the branch?');
    expect({ short: robbed.short?.text, off: robbed.answerable.values[at] }).toEqual({ short: '2014', off: 1 });
    const media = readQuestion(robbery, 'how much did the gunman flee with?');
    expect({ short: media.short?.text, off: media.answerable.values[at] }).toEqual({ short: 'sports bag', off: 1 });
    const culled = readQuestion(robbery, 'how many birds were culled in the 2016-17 bird flu outbreak?');
    expect({ short: culled.short?.text, off: culled.answerable.values[at] }).toEqual({ short: 'the winter of 2016-17', off: 1 });
    // How much of the question the direct answer's own sentence covers: all of it here, less for a figure of another
    // sentence than the question's.
    const covered = answerableFeatures.findIndex((feature) => feature.name === 'shortCoverage');
    const recount = readQuestion(story, 'how much did the recount cost?');
    expect(recount.answerable.values[covered]).toBe(recount.short!.support[0]!.ownCoverage);
    expect(recount.answerable.values[covered]).toBeGreaterThan(readQuestion(story, 'how many people died in the 2008 methane fire?').answerable.values[covered]!);
  });

  it('places "Monday\'s hearing" on the Monday its article dates, and shows the day without the possessive', () => {
    const story = storyOf(`---\ntitle: Court to hear petition\nsource: Test Wire\ndate: 2031-03-27\n---\nAll eyes are now on Monday's court hearing.\nThe court said it would hold a public hearing on Monday, March 31.`);
    expect(answer(story, "when's the court hearing").short).toMatch(/^Monday(?:, March 31)? \(Mar 31, 2031\)$/);
  });

  it('answers "how many so far?" with the newest report\'s figure, not the one it was raised from', async () => {
    // The aggregator's "Customers Affected Now 318,000" and Wednesday's "some 260,000 customers" word the question
    // better than Saturday's "raised the number of affected customers to 341,000, from 318,000".
    const crypto = await serviceFor(storyDir('crypto-collapse'));
    expect(answerOf(crypto, 'how many customers affected so far').short).toBe('341,000');
    // "From 23 on Tuesday to 41 on Friday": the figure it rose from is the older report.
    const outbreak = await serviceFor(storyDir('food-outbreak'));
    expect(answerOf(outbreak, 'whats the latest case count').short).toBe('41');
    // A bare figure question asks for the figure standing now, as "latest" does.
    expect(answerOf(await serviceFor(storyDir('gas-explosion')), 'death toll?').short).toBe('seven');
    expect(answerOf(await serviceFor(storyDir('landslide')), 'death toll?').short).toBe('9');
  });

  it('answers "what did they first give?" with the first report\'s figure, not the one it was raised to', async () => {
    expect(answerOf(await serviceFor(storyDir('mayor-bribery')), 'what figure did the prosecutors first give for the bribe').short).toBe('€250,000');
  });

  it('reads chat\'s "how many hrs" as asking how long', () => {
    expect(analyzeQuestion('how many hrs of air did it have').kind).toBe('duration');
    expect(analyzeQuestion('how many mins did it last').kind).toBe('duration');
  });

  it('gives the newest report of a changing figure, though an older one words the question more closely', async () => {
    // The aggregator's "Death Toll Rises … 19 people" and Friday's "rose to 11" rank above Monday's "had reached 23".
    const service = await serviceFor(storyDir('cyclone-landfall'));
    expect(answerOf(service, 'death toll?').short).toBe('23');
  });

  it('reads a bare figure question as asking for the newest report, and counts a figure a long subject changed to', () => {
    const story = storyOf(
      `---\ntitle: Ferry toll rises to 23\nsource: Test Wire\ndate: 2031-06-14\n---\nRescuers said the death toll rose to 23 on Monday as divers searched the hull.`,
      `---\ntitle: Ferry disaster\nsource: Test Daily\ndate: 2031-06-15\n---\nThe death toll from the capsizing of the passenger ferry off the northern cape has climbed to 34, officials said.`,
    );
    expect(analyzeQuestion('death toll?').asksStandingFigure).toBe(true);
    expect(analyzeQuestion('how many people died on Monday').asksStandingFigure).toBe(false);
    expect(analyzeQuestion('how many people were killed in 2015').asksStandingFigure).toBe(false);
    // The reader of figures prefers the newer report's figure, which it now counts as the toll's.
    const reading = readQuestion(story, 'death toll?');
    const fitOf = (figure: string) => {
      const entry = reading.ranked.find((ranked) => ranked.candidates.some((candidate) => candidate.display === figure))!;
      return fitToQuestion(entry.candidates.find((candidate) => candidate.display === figure)!, entry, reading.analysis);
    };
    expect(fitOf('34')).toBeGreaterThan(fitOf('23'));
  });

  it('answers "what time" from a sentence that gives a clock time, not one that gives only the day', () => {
    const story = storyOf(
      `---\ntitle: Ferry sinks in storm\nsource: Test Wire\ndate: 2031-06-12\n---\nThe Sea Lark ferry capsized on Friday off the northern cape, the coast guard said.\nRescuers searched through the night for the missing.`,
      `---\ntitle: Ferry toll rises\nsource: Test Daily\ndate: 2031-06-13\n---\nThe ferry left port at 7:15 p.m. and capsized at about 10:40 p.m. in waves of up to four metres, officials said.\nSurvivors said the lights went out first.`,
    );
    expect(answer(story, 'what time did the ferry capsize')).toMatchObject({ abstained: false, short: '10:40 p.m.' });
  });

  it('quotes a sentence whose reference marker followed an abbreviation without doubling its full stop', () => {
    const story = storyOf(`---\ntitle: Timeline\nsource: Test Wire\ndate: 2031-06-15\n---\nThe ferry left port at 7:15 p.m. and overturned at about 10:40 p.m. [1].\nRescuers found 68 survivors by Saturday.`);
    const quoted = answer(story, 'when did the ferry overturn').answer;
    expect(quoted).toContain('10:40 p.m. [1]');
    expect(quoted).not.toContain('p.m..');
  });

  it('does not take a sentence that gives other figures for a copy of the one it quotes', () => {
    const story = storyOf(
      `---\ntitle: Offer raised\nsource: Test Wire\ndate: 2031-10-18\n---\nThe government raised its offer toward upkeep of the reservoir to $52 million over five years, up from $48.5 million.`,
      `---\ntitle: Talks open\nsource: Test Daily\ndate: 2031-10-13\n---\nThe government has offered $48.5 million over five years toward upkeep of the reservoir.`,
    );
    const reply = answer(story, 'latest offer for the reservoir upkeep?');
    expect(reply.citations[0]?.passage).toContain('$52 million');
    expect(reply.citations[0]?.also).toEqual([]);
  });

  it('finds a figure the story words apart from the question: "troops" for "soldiers", a "loan" for "financing"', () => {
    const story = storyOf(`---\ntitle: Army deploys\nsource: Test Gazette\ndate: 2031-05-06\n---\nThe army said 850 soldiers were now deployed along the river.\nThe city will pay with $12 billion of bridge financing.\nThe mayor thanked the volunteers.`);
    expect(answer(story, 'how many troops are deployed now').short).toBe('850');
    expect(answer(story, 'how big is the bridge loan').short).toMatch(/\$12 billion/);
  });

  it('respells a misspelt name as the story prints it', () => {
    const analysis = analyzeQuestion('what did Denise Okafur say after the recount');
    const respelt = withStorySpelling(analysis, planQuery(analysis, electionStory.index), electionStory);
    expect(respelt.subject).toBe('Denise Okafor');
    expect(respelt.names).toEqual(['Denise Okafor']);
  });

  it('quotes what the person said, named by surname only, among the sentences it cites', () => {
    const result = answer(electionStory, 'what did Denise Okafur say after the recount');
    expect(result.citations.map((citation) => citation.passage).join(' ')).toContain('every voter');
  });

  it('leads with the words of the person asked about when sentences that only name them rank higher', () => {
    const story = storyOf(
      `---
title: Okafor wins the recount
source: Test Gazette
date: 2025-12-05
---
The recount of the Ashford mayoral race ended on Thursday with Denise Okafor still ahead.
Denise Okafor led the recount by 158 votes after the Ashford board finished the recount.
The board said the recount of Denise Okafor's race cost Ashford $40,000.
"We will govern for everyone," Okafor said at City Hall.`,
    );
    const result = answer(story, 'What did Denise Okafor say after the recount?');
    expect(result.citations[0]?.passage).toContain('govern for everyone');
    expect(result.citations.length).toBeGreaterThan(1);
  });

  it('reads a speaker whose name ends in a letter outside ASCII, or stands after a title and "said"', () => {
    const story = storyOf(
      `---
title: Levees hold on the Sava
source: Test Gazette
date: 2026-05-14
---
Marija Vuković toured the levees on the Sava on Monday as the levees took the flood.
The levees that Marija Vuković inspected were built in 1970.
Vuković said the levees would hold through Sunday.
"We have never seen water this high," said former levee engineer Ivo Petrak, who built them.
Engineers inspected the Petrak levees on Monday, the county said.`,
    );
    expect(answer(story, 'What did Marija Vuković say about the levees?').citations[0]?.passage).toBe('Vuković said the levees would hold through Sunday.');
    expect(answer(story, 'What did Ivo Petrak say?').citations[0]?.passage).toContain('never seen water this high');
  });

  it('says so when the person asked about is named but never quoted, and does not take another speaker for them', () => {
    const story = storyOf(
      `---
title: Envoy meets the minister
source: Test Gazette
date: 2026-03-02
---
Before meeting envoy Jane Roe, the minister told a forum he wanted peace.
The White House said envoy Jane Roe would meet the minister on Thursday.
Jane Roe arrived in the capital on Wednesday.`,
    );
    const result = answer(story, 'What did Jane Roe say?');
    expect(result.answer.startsWith('The coverage does not quote Jane Roe. ')).toBe(true);
    expect(result.citations.length).toBeGreaterThan(0);
    expect(answer(story, 'What did the minister say?').answer).not.toContain('does not quote');
  });

  it('finds a speaker asked for as they go on, misspelt, and named in an appositive before "has said"', () => {
    const story = storyOf(
      `---
title: Coach operator under scrutiny
source: Test Gazette
date: 2027-04-23
---
The company's administrator, Florin Dobrescu, has said the suspension concerned "paperwork, not brakes."
Road inspectors have checked 1,140 coaches across the country, the transport minister said on Friday.`,
    );
    const result = answer(story, 'whats dobresku saying now');
    expect(result.kind).toBe('statement');
    expect(result.answer).not.toContain('does not quote');
    expect(result.answer.startsWith("The company's administrator, Florin Dobrescu, has said")).toBe(true);
  });

  it('gives no phrase for what happened somewhere or at some time, but does for what happened to something', () => {
    expect(answer(electionStory, 'What happened on Thursday?').short).toBeNull();
    expect(answer(electionStory, 'What happened on Thursday?').citations.length).toBeGreaterThan(0);
    const engine = storyOf(
      `---
title: How the engine works
source: Test Wire
date: 2026-01-05
---
In the engine, the waste heat is removed in a condenser before the water returns to the boiler.
The boiler turns the water to steam at high pressure.`,
    );
    expect(answer(engine, 'What happens to the waste heat in the engine?').short).not.toBeNull();
  });

  it('gives no phrase for a request for news, but does for the latest figure or day it names', () => {
    for (const question of ["what's the latest on the recount?", 'any update on the recount', 'whats new', 'where do things stand with the recount?']) {
      const result = answer(electionStory, question);
      expect(result.short, question).toBeNull();
      expect(result.citations.length, question).toBeGreaterThan(0);
    }
    expect(answer(electionStory, "what's the latest on what the recount cost?").short).toMatch(/40,000/);
    expect(answer(electionStory, "what's the latest margin?").short).toMatch(/158/);
  });

  it('abstains on what someone said when the story never names them, even in a story of one article', () => {
    const result = answer(electionStory, 'What did Angela Merkel say about the recount?');
    expect(result.abstained).toBe(true);
    expect(result.citations).toEqual([]);
  });

  it('counts "saying" as the subject speaking, as much as "said"', () => {
    const result = answer(electionStory, 'What did Halvorsen say when he conceded?');
    expect(result.citations.map((citation) => citation.passage).join(' ')).toContain('the count is the count');
  });

  // This story also held "How much severance will Maria Lindqvist get?", abstained on until the answerable model
  // for stories of several articles was refitted on twelve stories (2026-12-05); it now answers "$41.00" with
  // p 0.64 against a threshold of 0.58. docs/answering.md lists it among the known wrong answers.
  it('answers, in a story of several articles, the figure a sentence gives about the person asked of', () => {
    const story = storyOf(
      `---
title: Maker agrees to sale
source: Test Wire
date: 2026-01-20
---
Maria Lindqvist, the company's chief executive, first heard from the buyer in January, when she was offered $41.00 a share.
"This is the right price," Lindqvist said of the $48.50 offer.
Several analysts said the deal would pass review.
Lindqvist will join the buyer's board as vice chair.`,
      `---
title: Buyer wins maker for $48.50 a share
source: Test Daily
date: 2026-01-21
---
The buyer agreed to pay $48.50 a share in cash for the maker, ending a five-month pursuit.
Regulators in two countries must approve the deal, which is expected to close next year.`,
    );
    expect(answer(story, 'How much a share was Maria Lindqvist offered in January?')).toMatchObject({ abstained: false, short: '$41.00' });
  });

  it('answers a who-question whose verb the story never uses, from the sentence about its names', () => {
    const story = storyOf(
      `---
title: Trade talks in Lisbon
source: Test Wire
date: 2026-03-02
---
Portugal's trade minister Tom Reyes met envoy Jane Doe in Lisbon on Monday.
Reyes said the talks had been useful.
Doe flew home on Tuesday.
The port strike entered its second week, the union said.`,
    );
    const result = answer(story, 'Who else represented Portugal in Lisbon?');
    expect(result.abstained).toBe(false);
    expect(result.short).toContain('Tom Reyes');
  });

  it('describes who someone is from an appositive set off by dashes, and stops at the closing dash', () => {
    const story = storyOf(
      `---
title: Envoys meet in Lisbon
source: Test Wire
date: 2026-03-02
---
Talks that the envoy and Tom Reyes — the minister's brother-in-law and member of the delegation — held with officials on Monday went well, the ministry said.
Reyes flew home on Tuesday.`,
    );
    expect(answer(story, 'Who is Tom Reyes?').short).toBe("the minister's brother-in-law and member of the delegation");
  });

  it('counts a person as stated by every top passage that gives their surname', () => {
    const story = storyOf(
      `---
title: Envoy shuttles between capitals
source: Test Wire
date: 2026-03-06
---
Earlier in the week, Doe met President Ana Silva in Lisbon for five hours.
Silva received Doe in Lisbon on Tuesday, officials said.
The meeting in Lisbon between Doe and Silva produced no deal.`,
    );
    const explanation = explainQuestion(story, 'Who did Doe meet in Lisbon?');
    if (!explanation.ok) throw new Error(explanation.message);
    const silva = explanation.spans.find((span) => /Ana Silva$/.test(span.text));
    expect(silva?.contributions.find((item) => item.feature === 'votes')?.value).toBeCloseTo(Math.log1p(3));
    expect(answer(story, 'Who did Doe meet in Lisbon?').short).toContain('Ana Silva');
  });

  it('answers "how many X" from a sentence counting X, over a better-worded one whose figure counts something else', () => {
    const story = storyOf(
      `---
title: Children taken across the border
source: Test Wire
date: 2026-04-01
---
At the assembly, 40 other countries demanded the immediate return of all the deported Ukrainian children.
Officials report over 9,000 Ukrainian children forcibly sent across the border since the war began.
The court issued warrants over the deportations.`,
    );
    expect(answer(story, 'How many Ukrainian children were deported?').short).toBe('over 9,000');
  });

  it('answers "who called…" with the speaker, not the person the speaker talked about', () => {
    const story = storyOf(
      `---
title: Mayor hails port deal
source: Test Wire
date: 2026-04-01
---
Mayor Ana Ruiz called her talks with union leader Tom Reyes "very productive" on Monday.
Governor Lee Moran said the meeting between Ruiz and Reyes was "truly friendly."
Reyes did not comment.`,
    );
    expect(answer(story, 'Who called the talks very productive?').short).toBe('Ana Ruiz');
    expect(answer(story, 'Who described the meeting as truly friendly?').short).toBe('Lee Moran');
    expect(answer(story, 'Who met Ana Ruiz?').short).toContain('Tom Reyes');
  });

  it('answers "how many" with the figure the coverage gives, in a story of several articles', () => {
    const story = storyOf(
      `---
title: Allies pledge more arms
source: Test Wire
date: 2026-03-02
---
Allies are on track to buy $5 billion in American-made weapons for the army this year, the alliance said.
Three people died when the river flooded the valley last week [2].
Residents said they had been promised stronger levees after the 2014 floods [2].`,
      `---
title: Valley flood kills three
source: Test Daily
date: 2026-03-03
---
Three people died when the river burst its banks in the valley last week, officials said.
Crews are rebuilding the levee, which residents say was never finished.`,
    );
    expect(answer(story, 'How many American weapons will allies buy?')).toMatchObject({ abstained: false });
    expect(answer(story, 'How many American weapons will allies buy?').citations[0]?.passage).toContain('$5 billion');
  });

  it('takes a figure from the story, not from background about an earlier event, unless the question asks of it', () => {
    const story = storyOf(
      `---
title: Quake strikes valley
source: Test Wire
date: 2026-11-04
---
A magnitude 6.1 earthquake struck the valley before dawn on Tuesday, killing at least 40 people, officials said.
About 3,000 people were killed when a stronger quake struck the region a decade ago.
The last deadly quake, in 2015, killed more than 3,000 people across the valley.
Rescuers were still searching the rubble on Wednesday.`,
    );
    expect(answer(story, 'How many people were killed?').short).toBe('at least 40');
    expect(answer(story, 'How many people were killed in 2015?').short).toBe('more than 3,000');
  });

  it('answers "which countries" with the whole list a sentence gives, even names the story uses as speakers', () => {
    const story = storyOf(
      `---
title: Allies pledge aid
source: Test Wire
date: 2026-03-02
---
New pledges announced this week from the Netherlands, Canada, Germany and Norway totalled about $900 million.
Canada said its share would arrive by spring.
Norway said more could follow.
Officials in the Netherlands welcomed the package.`,
    );
    expect(answer(story, 'Which countries announced new pledges?').short).toBe('Netherlands, Canada, Germany and Norway');
  });

  const floodStory = storyOf(
    `---
title: Levee bursts on Croatia's Sava River
source: Test Wire
date: 2026-05-13
---
A levee on the swollen Sava River gave way before dawn on Wednesday west of the city, flooding three villages.
The floods revived memories of 2014, when the Sava burst its banks in eastern Croatia, Bosnia and Serbia.
The hostel block of Shree Saraswati Secondary School collapsed while students slept, and the Karnali Highway was closed.`,
  );

  it('answers "which river" with a name the story prints as a river, though the name repeats the question\'s noun', () => {
    expect(answer(floodStory, 'Which river burst its banks?').short).toMatch(/^Sava\b/);
  });

  // As with "Sava" for "which river", the name may be given with or without the noun the question already says.
  it('answers "which school" with a name of any kind, though it repeats the question\'s noun', () => {
    expect(answer(floodStory, 'Which school collapsed?').short).toMatch(/^Shree Saraswati Secondary(?: School)?$/);
  });

  it('does not take a threshold ("5 or more") or a difference ("five votes narrower than") for the figure asked', () => {
    const quake = storyOf(
      `---
title: Aftershocks feared
source: Test Wire
date: 2025-11-04
---
Seismologists warned that aftershocks of magnitude 5 or more could continue for two weeks.
The quake measured magnitude 6.8, the national monitoring centre said.`,
    );
    expect(answer(quake, 'magnitude?').short).toBe('6.8');
    expect(answer(electionStory, 'margin?').short).toBe('158 votes');
  });

  it('answers "where" with the place the sentence puts the thing in, not a name it merely mentions', () => {
    const trial = storyOf(
      `---
title: Fraud trial opens
source: Test Wire
date: 2025-01-06
---
The founder of collapsed lender Quillfin built it on a lie, a prosecutor told jurors as the fraud trial opened in Manhattan.
Quillfin's customer accounts held far less money than the company reported, a short seller said in 2023.
Witnesses at the trial said Quillfin moved money to a trading firm in secret.`,
    );
    expect(answer(trial, 'where is the trial being held').short).toBe('Manhattan');
  });

  it('takes an undated report of a later weekday as the newest, not level with the latest dated one', () => {
    const quake = storyOf(
      `---
title: Quake kills 112
source: Test Wire
date: 2025-11-04
---
The death toll from the earthquake rose to 112 on Tuesday, officials said.`,
      `---
title: Quake toll rises
source: Test Daily
date: 2025-11-05
---
The death toll from the earthquake climbed to 157 on Wednesday, officials said.`,
      `Quake toll passes 200

The death toll from the earthquake has risen to 214, the home ministry said on Thursday.
Seismologists expect the aftershocks to ease by Sunday.`,
    );
    expect(answer(quake, "what's the death toll now?").short).toBe('214');
  });

  it('finds who someone is when the question drops the accents of the name ("who is marija vukovic")', () => {
    const flood = wireStory('River keeps rising', '2031-05-14', `"The next five days will be decisive," said Marija Vuković, head of the county's civil protection headquarters.`);
    expect(answer(flood, 'who is marija vukovic').short).toBe("head of the county's civil protection headquarters");
  });

  it('does not read a headline that lists names ("Doe, Roe to Meet …") as describing the first of them', () => {
    const names = new NameRegistry();
    expect(describeSubject('Doe, Roe to Meet Port Adviser in Porto as Diplomatic Push Intensifies', 'Doe', names)).toEqual([]);
    expect(describeSubject('Harbour inspector Jane Doe, a former captain, met the union.', 'Doe', names).map((found) => found.display)).toContain('a former captain');
  });

  it('ends a description before the verb of the name ahead of it ("Doe leading businessman John Roe"), not after a team ("Lions pitching ace")', () => {
    const names = new NameRegistry();
    const described = (sentence: string) => [...new Set(describeSubject(sentence, 'John Roe', names).map((found) => found.display))];
    expect(described('The race stayed close, with council president Jane Doe leading businessman John Roe by 247 votes.')).toEqual(['businessman']);
    expect(described('The acting mayor John Roe said the count was fair.')).toContain('The acting mayor');
    // A lone capitalised word before the "-ing" word is what the role belongs to, not a name doing something.
    expect(described('Lions pitching ace John Roe lasted four innings.')).toContain('Lions pitching ace');
  });

  it('answers where with the place something happened in, not a place that owns someone ("Portugal\'s minister")', () => {
    const talks = wireStory('Envoy meets minister', '2031-03-04', `On Thursday the envoy will hold high-level talks with Portugal's national security chief John Roe in Geneva to continue negotiations.
Thousands of refugees have returned to Portugal since the ceasefire.`);
    expect(answer(talks, 'where were the talks held').short).toBe('Geneva');
    const reading = readQuestion(talks, 'where were the talks held');
    const best = reading.ranked[0]!;
    const fitOf = (place: string) => fitToQuestion(best.candidates.find((found) => found.display === place)!, best, reading.analysis);
    expect(fitOf('Portugal')).toBeLessThan(1);
    expect(fitOf('Geneva')).toBeGreaterThan(1);
  });

  it('answers a when-question only with what can be a time: a date, a year, a range of years, not "200 metres"', () => {
    const blast = wireStory('Blast hits apartment block', '2027-11-16', `The explosion blew out windows in a radius of about 200 metres, witnesses said.
Firefighters searched the rubble through the night.`);
    expect(answer(blast, 'when did it blow up exactly').short).toBeNull();
    const duchy = wireStory('Duchy history', '2027-11-16', `The duchy was founded in 911 by the treaty of Saint-Clair-sur-Epte.
Watt developed his improvements to the engine in 1763-1775.`);
    expect(answer(duchy, 'when was the duchy founded').short).toBe('911');
    expect(answer(duchy, 'when did Watt develop his improvements').short).toBe('1763-1775');
  });

  it('keeps a percentage whole in a phrase, and the noun after it that the tagger reads as a verb ("a 14% raise")', () => {
    const strike = wireStory('Dockworkers stay out', '2031-03-04', `The union is holding out for a 14% raise over three years, while employers have offered 8%.`);
    expect(answer(strike, 'what is the union holding out for').short).toBe('a 14% raise');
  });

  it('never answers "how many …?" with an age ("Roe, 19, faces …")', () => {
    const charges = wireStory('Neighbour charged', '2031-03-04', `John Roe, 19, was arrested on Thursday after the shooting near the park.`);
    expect(answer(charges, 'how many shots were fired near the park').short).not.toBe('19');
  });

  it('answers "how many …?" with a figure or none, and meets "hurt" at "wounded"', () => {
    const blast = wireStory('Blast in the capital', '2031-03-04', `The driver of the car died later in a hospital from his injuries.
The blast also wounded two others, the agency said.`);
    expect(answer(blast, 'how many people were hurt').short).toBe('two');
    expect(answer(blast, 'how many people died in the hospital').short ?? '').not.toBe('a hospital');
  });

  it('answers "how old …?" with an age as news gives it, and never with another figure', () => {
    const race = wireStory('Recount confirms the result', '2031-12-04', `A recount confirmed Jane Doe as mayor with 41,402 votes to 41,239 for John Roe.
Roe, 61, a former county commissioner, conceded on Thursday.
Doe thanked 300 volunteers at a downtown hotel.
Her deputy Ann Lee spoke next; she was 45.`);
    expect(answer(race, 'how old is Roe?').short).toBe('61');
    expect(answer(race, 'How old is Ann Lee?').short).toBe('45');
    // The story gives no age for Doe: no figure of hers is one.
    expect(answer(race, 'how old is Jane Doe').short ?? '').not.toMatch(/\d/);
    // A figure in words counts something else unless it is the whole phrase: "two Canadian family offices" is no age.
    const fund = wireStory('Fund backs the bid', '2031-12-04', `Aurelian Partners is backed by two Canadian family offices.
Aurelian Partners is led by managing partner Julian Okafor-Brandt.`);
    expect(answer(fund, 'how old is the aurelian guy').short ?? '').not.toMatch(/offices/);
    // An age given by a pronoun in the sentence after the one naming the person, which holds no word of the question.
    const actress = wireStory('Actress dies after fall', '2031-12-04', `The stage actress Mara Lind died on Wednesday after a fall on a ski slope.
She was 45.
Her husband, the actor Tom Vale, was at her side.`);
    expect(answer(actress, 'How old was Mara Lind?').short).toBe('45');
    expect(answer(actress, 'How old was Mara Lind?').citations[0]?.passage).toBe('She was 45.');
  });

  it('cites first, for a yes-or-no question, the sentence that denies what it asks', () => {
    const crash = wireStory('Coach crash', '2031-05-02', `The coach was carrying 40 pupils from Brasov to the coast when it left the road near Sibiu on Thursday.
Police said the driver, who had been at the wheel for nine hours, lost control on a bend.
Only one driver was on board for the whole journey, police said.
The pupils were taken to hospitals in Sibiu.`);
    expect(answer(crash, 'were there two drivers on the bus').citations[0]?.passage).toBe('Only one driver was on board for the whole journey, police said.');
  });

  it('never gives a name with a number in it ("Chapter 11") as a person, however the story used it', () => {
    const names = new NameRegistry();
    names.apply(collectNameEvidence(['Lawyers for Chapter 11 said he would appeal.', 'Mr. Chapter 11 told reporters he was calm.']), 1);
    const request = { kind: 'person', subject: null, quantityKinds: [] } as const;
    const found = findCandidates(request, 'The lender filed for Chapter 11 protection, Jane Doe said.', { articleDate: null, eventDate: null, names });
    expect(found.map((candidate) => candidate.display)).toEqual(['Jane Doe']);
  });

  // Each story's question is answered, and its direct answer is not of the kind the question rules out.
  it.each([
    [
      'a where-question with no day and no person the story names ("Thursday", "Wilford")',
      'Christine Wilford says her son Richie will go back to school on Thursday.\nWilford said Richie had been sleeping badly.\nThe school is in Hale Creek, a village north of the city.',
      ['Where is Richie going back?', 'where will Richie go on Thursday?'],
      /Thursday|Wilford/,
    ],
    [
      'a how-question with no list of names, reading a bare "how?" as one',
      'In the new film, director Jan Ritchie and writers Ana Ruiz and Dan Otto have the detective crisscross Europe.\nThe detective travels by horse-drawn carriage.\nThe film opens in June.',
      ['How does the detective get around Europe?', 'how?'],
      /Ruiz|Otto/,
    ],
    [
      'a how-long question with a length of time, not with a count of something else ("26 hostages")',
      'The siege at the bank ended after police freed 26 hostages on Tuesday night.\nThe gunman surrendered at dawn.',
      ['how long did the siege last?'],
      /hostages/,
    ],
    [
      'a who-question with no name that ends in a figure ("K-60" flies, but no one is called that)',
      'The K-60 was flying low over the loch when it came down on Tuesday, the operator said.\nThe operator grounded its other K-60 helicopters.\nInvestigators named the pilot as Iain Mackay, 52.',
      ['who was flying the chopper', 'who was flying the K-60?'],
      /\d\W*$/,
    ],
  ] as const)('answers %s', (_, body, questions, ruledOut) => {
    const story = new Story([datedArticle('Test story', 'Test Wire', '2031-05-06', body)]);
    for (const question of questions) {
      const result = answerQuestion(story, question);
      expect(result.ok, question).toBe(true);
      if (result.ok) expect(result.answer.short ?? '', question).not.toMatch(ruledOut);
    }
  });

  it('still answers a where-question with the place its sentence gives', () => {
    const story = new Story([datedArticle('Back to school', 'Test Wire', '2031-05-06', 'Christine Wilford says her son Richie will go back to school on Thursday.\nThe school is in Hale Creek, a village north of the city.')]);
    const school = answerQuestion(story, 'Where is the school?');
    expect(school.ok && school.answer.short).toBe('Hale Creek');
  });

  it('takes no date for a name: "until May 15" names no school', () => {
    const names = new NameRegistry();
    const sentences = ['The minister suspended all school trips until May 15, Ana Ryan said.', 'Ryan told reporters she would meet teachers from the Hale Academy in Sibiu.', 'Pupils of the Hale Academy were on the coach.'];
    names.apply(collectNameEvidence(sentences), 1);
    const request = { kind: 'name', subject: null, quantityKinds: [] } as const;
    const found = findCandidates(request, sentences[0]!, { articleDate: null, eventDate: null, names }).map((candidate) => candidate.display);
    expect(found).not.toContain('May 15');
    expect(found).toContain('Ana Ryan');
  });

  it('takes a common word that opens a sentence for no one\'s name, whatever cue follows ("Colleagues told …")', () => {
    const names = new NameRegistry();
    const sentences = ['Colleagues told investigators the driver had made the trip alone before.', 'The driver, Marian Ciobotaru, was held.', 'Ciobotaru told the judge he was rested.'];
    names.apply(collectNameEvidence(sentences), 1);
    const request = { kind: 'person', subject: null, quantityKinds: [] } as const;
    const context = { articleDate: null, eventDate: null, names };
    expect(findCandidates(request, sentences[0]!, context)).toEqual([]);
    expect(findCandidates(request, sentences[2]!, context).map((candidate) => candidate.display)).toEqual(['Marian Ciobotaru']);
  });

  it('ends a name at a preposition a headline capitalises, and does not take "Porto Session" for a person', () => {
    const headline = 'Porto Session Set for Thursday Between Jane Doe and John Roe On Thursday, the envoy will meet them.';
    const texts = findNamePhrases(headline).map((phrase) => phrase.text);
    expect(texts).toContain('Jane Doe');
    expect(texts).toContain('John Roe');
    expect(texts.some((text) => /^Between|On$/.test(text))).toBe(false);
    const names = new NameRegistry();
    names.apply(collectNameEvidence([headline, 'The envoy arrived in Porto on Monday.']), 1);
    const session = findNamePhrases(headline).find((phrase) => phrase.text.startsWith('Porto'))!;
    expect(names.kindOf(session)).not.toBe('person');
  });

  it('answers who holds a role with a person, never the firm or body the role is in', () => {
    const story = new Story([
      articleOf(
        `---
title: Airline grounds fleet after software fault
source: Test Gazette
date: 2031-05-06
---
Vektor Aero Systems, the Brno-based maker of the booking platform, published a report on Wednesday.
Libor Mach, Vektor's chief executive, said the update had been rushed.
Lawinenwarndienst Tirol, the avalanche warning service, is headed from Innsbruck by Anna Prantl.`,
        'airline.txt',
      ),
    ]);
    const shortOf = (question: string) => {
      const result = answerQuestion(story, question);
      return result.ok && !result.answer.abstained ? result.answer.short : null;
    };
    expect(shortOf("who's the boss at vektor")).toBe('Libor Mach');
    expect(shortOf('who heads the avalanche warning service')).toBe('Anna Prantl');
  });

  it('ends a name at a capitalised "The" that opens a sentence glued to its subhead ("Weather The rain …")', () => {
    expect(findNamePhrases('Weather The rain that MetService had forecast arrived by mid-afternoon.').map((phrase) => phrase.text)).toEqual(['Weather', 'MetService']);
    expect(findNamePhrases('Three Rescued On Tuesday The first three were spotted by pilot Callum Ruddick.').map((phrase) => phrase.text)).toEqual(['Three Rescued', 'Callum Ruddick']);
    // A name that opens with "The" keeps it.
    expect(findNamePhrases('He reads The Guardian daily.').map((phrase) => phrase.text)).toEqual(['The Guardian']);
  });

  it('does not take a headline glued to its text ("Death Toll Climbs to Six …") for a person\'s name', () => {
    const names = new NameRegistry();
    names.apply(collectNameEvidence(['Death Toll Climbs to Six, Seven Still Missing The number of people killed by the floods rose to six.', 'The death toll climbs as the river rises.', 'Jane Doe Leads the rescue, officials said.']), 1);
    const [headline] = findNamePhrases('Death Toll Climbs to Six as the water rises.');
    expect(headline?.text).toBe('Death Toll Climbs');
    expect(names.kindOf(headline!)).toBe('unknown');
    const [rescuer] = findNamePhrases('Jane Doe Leads the rescue.');
    expect(names.kindOf(rescuer!)).toBe('person');
  });

  it('reads a name after "the canton of", "the province of" as a place, however the story goes on to use it', () => {
    const [canton] = findNamePhrases('She heads the hazards office of the canton of Valais, officials said.');
    expect(canton).toMatchObject({ text: 'Valais', localKind: 'place' });
    const [firm] = findNamePhrases('The chief of Acme Holdings resigned.');
    expect(firm?.localKind).not.toBe('place');
    const names = new NameRegistry();
    names.apply(collectNameEvidence(['Dr. Martina Imboden, who heads the natural hazards office of the canton of Valais, said the slope had moved.', 'Valais said the road would stay shut.']), 1);
    expect(names.kindOf(canton!)).toBe('place');
  });

  it('does not take a subhead that is one capitalised phrase ("Regulatory Pressure") for a person\'s name', () => {
    const names = new NameRegistry();
    names.apply(collectNameEvidence(['Regulatory Pressure', 'The regulator said it was in close contact with the exchange.', 'Chief Executive Ewa Sadowska said she would not resign.']), 1);
    expect(names.fullName('Pressure')).toBe('Pressure');
    expect(names.personBySurname('Pressure')).toBeNull();
    expect(names.personBySurname('Sadowska')).toBe('Ewa Sadowska');
  });

  it('does not answer a who-question with the name it asks about when the question misspells it ("sadowksa")', () => {
    const story = storyOf(
      `---\ntitle: Exchange\nsource: Test Wire\ndate: 2031-03-12\n---\nThe exchange's chief executive, Ewa Sadowska, apologised on Tuesday.\nOpposition lawmaker Tomasz Wielgus said Ewa Sadowska must resign.`,
    );
    expect(answer(story, 'who wants sadowksa to resign').short).toBe('Tomasz Wielgus');
    expect(answer(story, 'who wants sadowska to resign').short).toBe('Tomasz Wielgus');
  });

  it('still answers a who-question with a person who shares only a first name with the one it names', () => {
    const story = storyOf(`---\ntitle: Engine trials\nsource: Test Wire\ndate: 2031-03-02\n---\nCharles Richard built a new steam engine indicator for Charles Porter in 1862.\nCharles Porter praised the device.`);
    expect(answer(story, 'Who built a steam engine indicator for Charles Porter?').short).toBe('Charles Richard');
  });

  it('answers "when will …?" and "when r … supposed to …?" with a day still to come when the article was written', () => {
    const story = storyOf(
      `---\ntitle: Schools shut again\nsource: Test Wire\ndate: 2031-03-12\n---\nSchools in the district reopened on Tuesday after the flood, but a second burst main shut them again on Wednesday.\nOfficials now say classes will resume on March 27.`,
    );
    expect(answer(story, 'when do schools reopen').short).toMatch(/^March 27/);
    expect(answer(story, 'when r schools supposed to reopen now').short).toMatch(/^March 27/);
    expect(answer(story, 'when did schools reopen after the flood').short).toMatch(/^Tuesday/);
  });

  it('does not answer "when …?" with a man named Jan or with someone\'s age', () => {
    const story = storyOf(`---\ntitle: Blast\nsource: Test Wire\ndate: 2031-03-12\n---\nThe blast killed a baker, Jan Novak, 41, and injured 12 people, police said.\nThe bakery had opened in the 1990s.`);
    expect(answer(story, 'when did the blast happen').short ?? '').not.toMatch(/Jan|41/);
    expect(answer(story, 'when did the bakery open').short).toBe('the 1990s');
  });

  it('answers "where …?" with a place and its region, not "the Pasadena" of "the Pasadena, California, facility"', () => {
    const story = storyOf(
      `---\ntitle: Visit\nsource: Test Wire\ndate: 2031-03-12\n---\nRedmond Vale was on a day pass from the Pasadena, California, sober living facility where he is in rehab.\nThe mayor met reporters in Springfield, Illinois, on Monday.`,
    );
    expect(answer(story, 'where was he on a day pass from?').short).toBe('Pasadena, California');
    expect(answer(story, 'where did the mayor meet reporters?').short).toBe('Springfield');
  });

  it('shows a figure with the scale or unit glued to it ("30m", "200m")', () => {
    const story = storyOf(
      `---\ntitle: Cabin falls\nsource: Test Wire\ndate: 2031-03-12\n---\nA cabin fell 30m into the gorge on Monday, killing two people.\nThe company will sell 200m condoms this year and is targeting sales of 1bn next year.`,
    );
    expect(answer(story, 'how far did the cabin fall').short).toBe('30m');
    expect(answer(story, 'how many condoms will the company sell this year').short).toBe('200m');
    expect(answer(story, 'how many people died').short).toBe('two');
  });

  it('answers "how did …?" with a way, not a name, a place, a time or a figure', () => {
    const escape = storyOf(
      `---\ntitle: Prison escape\nsource: Test Wire\ndate: 2031-06-02\n---\nOfficer Jan Dvorak said the men got out of Kamenec prison some time between 1 a.m. and 2 a.m. on Monday.\nThey climbed down a rope of knotted bedsheets.`,
    );
    expect(answer(escape, 'how did they escape').short ?? '').not.toMatch(/\d|Dvorak|Monday/);
    const rope = storyOf(
      `---\ntitle: Prison escape\nsource: Test Wire\ndate: 2031-06-02\n---\nThree inmates escaped from Kamenec prison early on Monday.\nThe men climbed out of a window on a rope of knotted bedsheets, the prison service said.`,
    );
    expect(answer(rope, 'how did the men get out of the prison?').short).toBe('knotted bedsheets');
  });

  it('answers "name of the boat?" with a name the story capitalises, not a figure or a description', () => {
    const story = storyOf(
      `---\ntitle: Dive boat fire\nsource: Test Wire\ndate: 2031-06-02\n---\nA 25-metre dive boat that burned and sank on Monday was carrying 14 divers, officials said.\nThe vessel, the Sea Lark, had left port on Saturday.`,
    );
    expect(answer(story, 'name of the boat that burned?').short).toMatch(/Sea Lark$/);
    expect(answer(story, 'whats the boat called').short).toMatch(/Sea Lark$/);
  });

  it('finds who a union backed when the story names the union as a lodge and says "endorsed"', () => {
    const endorsements = storyOf(
      `---
title: Endorsements shape the race
source: Test Gazette
date: 2025-11-01
---
Three candidates ran for mayor this year.
The outgoing mayor backed Denise Okafor in September.
Okafor said she was grateful for the support.
Turnout was expected to be low across the city.
The Fraternal Order of Police Lodge 9 endorsed Richard Halvorsen.
Halvorsen said he was honoured by the endorsement.
Community organizer Luis Marrero did not endorse either rival.`,
    );
    const result = answer(endorsements, 'Which candidate did the police union back?');
    expect(result.abstained).toBe(false);
    expect(result.short).toBe('Richard Halvorsen');
    expect(result.citations[0]?.passage).toBe('The Fraternal Order of Police Lodge 9 endorsed Richard Halvorsen.');
  });

  it('answers "what share" with a percentage, not the vote count nearer the question\'s words', () => {
    const results = storyOf(
      `---
title: Okafor wins recount
source: Test Gazette
date: 2025-12-04
---
Okafor won the recount by 158 votes, and Halvorsen conceded the race.
Okafor had 40,918 votes, or 49.1%, to Halvorsen's 40,671, or 48.8%, with all precincts reporting.`,
    );
    expect(answer(results, 'What share of the vote did Halvorsen win?').short).toMatch(/^\d+(?:\.\d+)?%$/);
  });

  it('takes a body\'s premises as a place for a where-question: "at the Harbour Commission building"', () => {
    const request = { kind: 'place', subject: null, quantityKinds: [] } as const;
    const context = { articleDate: null, eventDate: null, names: new NameRegistry() };
    const found = findCandidates(request, 'Talks resumed on Thursday at the Harbour Commission building, the mediator said.', context);
    expect(found.map((candidate) => candidate.display)).toContain('Harbour Commission');
    expect(findCandidates(request, 'The Harbour Commission said talks would resume.', context)).toEqual([]);
  });

  it('ends when a place listed with another is named twice in the sentence ("Valdoria\'s council … Brena, Valdoria")', () => {
    const names = new NameRegistry();
    names.apply(collectNameEvidence(['Fighting spread in Valdoria last week.', 'Aid reached Brena on Monday.']), 1);
    const request = { kind: 'place', subject: null, quantityKinds: [] } as const;
    const sentence = "Ana Ruiz said she was with members of Valdoria's council when they learned the envoy arrived in Brena, Valdoria, on Thursday.";
    const found = findCandidates(request, sentence, { articleDate: null, eventDate: null, names });
    expect(found.map((candidate) => candidate.display)).toEqual(['Valdoria', 'Brena']);
  });

  it('answers "what pay rise" with the figure the sentence names as the rise, not another amount beside it', () => {
    const port = storyOf(
      `---
title: Dockworkers reach tentative deal
source: Test Wire
date: 2026-03-07
---
Under the tentative deal, workers will receive an 11% pay rise over three years and a $3,000 signing bonus.`,
    );
    expect(answer(port, 'What pay rise does the tentative deal give workers?').short).toBe('11%');
  });

  it("quotes the answer after an explainer's question subhead, when it cites the subhead", () => {
    const explainer = storyOf(
      `---
title: What we know about the library flood
source: Test Explainer
date: 2031-02-10
---
What happened at the library?
A burst pipe flooded the basement archive of the Kelso library on Sunday night.
How were the archives saved?
Volunteers carried 4,000 boxes of records up to the town hall before the water reached the shelves.
What happens next?
The library will stay closed until April while the basement dries out.`,
    );
    const result = answer(explainer, 'How were the archives saved?');
    const cited = result.citations.map((citation) => citation.passage);
    expect(cited.some((passage) => passage.startsWith('Volunteers carried'))).toBe(true);
    // The subhead, which ranks first on the question's words, comes with its answer right after it.
    const subhead = cited.indexOf('How were the archives saved?');
    expect(subhead).toBeGreaterThanOrEqual(0);
    expect(cited[subhead + 1]).toMatch(/^Volunteers carried/);
  });

  it("quotes the paragraph under a subhead that echoes the question (\"Why the Library Closed\")", () => {
    const report = storyOf(
      `---
title: Kelso library to stay shut until spring
source: Test Gazette
date: 2031-02-10
---
The Kelso library will stay closed until April, the town council said on Monday.

## Why the Library Closed

A burst pipe flooded the basement archive on Sunday night and damaged the wiring.

## What Readers Can Do

Borrowers can return books at the town hall until the library reopens.`,
    );
    const cited = answer(report, 'Why did the library close?').citations.map((citation) => citation.passage);
    expect(cited.some((passage) => passage.startsWith('A burst pipe flooded'))).toBe(true);
  });

  it('reads a title abbreviated in news style ("Gov. Tom Reyes") as the word a reader asks with ("the governor")', () => {
    const budget = storyOf(
      `---
title: Budget vote delayed
source: Test Press
date: 2031-09-02
---
The state budget vote was delayed again on Tuesday.
Sen. Jane Doe said the budget was late because of a dispute over school funding.
Gov. Tom Reyes will sign the bill once it passes, his office said.
Lawmakers will vote on Sept. 17, the clerk said.`,
    );
    expect(answer(budget, 'What will the governor do?').citations[0]?.passage).toMatch(/^Gov\. Tom Reyes will sign/);
    expect(answer(budget, 'What did the senator say about the budget?').citations[0]?.passage).toMatch(/^Sen\. Jane Doe said/);
  });
});

describe('a question asked on its own that says "he" or "she"', () => {
  const story = new Story([
    datedArticle(
      'Mayor seeks third term',
      'Test Gazette',
      '2031-05-02',
      'Mayor Tomas Berg said on Monday he would run for a third term.\nBerg, 58, has led the city since 2023.\nBerg told reporters he expected a close race against Ana Ruiz and Dan Otto.\nHis campaign will open in June.',
    ),
  ]);
  const inQuestion = spanFeatures.findIndex((feature) => feature.name === 'inQuestion');
  const shareOf = (reading: ReturnType<typeof readQuestion>, text: string) => reading.spans.find(({ span }) => span.text === text)?.features[inQuestion];

  it('is searched as typed, but its spans are weighed as if the person the story names most were named', () => {
    const reading = readQuestion(story, 'Who is he running against?');
    expect(reading.question).toBe('Who is he running against?');
    expect(shareOf(reading, 'Tomas Berg')).toBe(1);
  });

  it('leaves "what is his name?" alone, since it asks for that very person', () => {
    const result = answerQuestion(story, 'What is his name?');
    expect(result.ok && result.answer.short).toMatch(/Berg/);
  });
});
