import { describe, expect, it } from 'vitest';
import { readQuestion } from '../src/answer/answer-question.js';
import { questionSlotOf, spanFeatures } from '../src/answer/span-features.js';
import { Story } from '../src/story.js';
import { articleOf, datedArticle } from './ingest-helpers.js';

const story = new Story([
  articleOf(
    `---
title: Council approves new bridge
source: Test Gazette
date: 2031-04-02
---
The Kelso council approved a new footbridge over the river on Tuesday.
Odd choices for the design panel include the chef Ana Ruiz and the boxer Dan Otto.
Mayor Lee Moran said the bridge would open in 2033.
In 2029, engineer Tom Reyes and architect Eva Lund drew the first plans.
Work began at 7:30 a.m. on Monday, March 3, 2031.`,
    'bridge.txt',
  ),
]);

const names = spanFeatures.map((feature) => feature.name);
const placeNames = names.filter((name) => name.startsWith('what|')).map((name) => name.slice('what|'.length));

function spansOf(question: string) {
  const reading = readQuestion(story, question);
  expect(reading.spans.length, question).toBeGreaterThan(0);
  return reading.spans;
}

describe('span features', () => {
  it('give every span one value per named feature', () => {
    for (const { features } of spansOf('What did the council approve?')) expect(features).toHaveLength(spanFeatures.length);
  });

  it("repeat a what-question's place features in the what-question copies, and leave them 0 for other questions", () => {
    expect(placeNames.length).toBeGreaterThan(20);
    for (const { features } of spansOf('What did the council approve?')) {
      for (const name of placeNames) expect(features[names.indexOf(`what|${name}`)], name).toBe(features[names.indexOf(name)]);
    }
    for (const { features } of spansOf('Who said the bridge would open in 2033?')) {
      for (const name of placeNames) expect(features[names.indexOf(`what|${name}`)], name).toBe(0);
    }
  });

  it("does not read a sentence's capitalised first word as a name", () => {
    const odd = spansOf('Who is on the design panel?').find(({ span }) => span.text === 'Odd choices');
    expect(odd?.span.kind).toBe('noun');
  });

  it("pair the class of the noun a question asks for with the span's kind", () => {
    const mayors = spansOf('What job does Lee Moran have?').filter(({ span }) => /\bMayor\b/.test(span.text));
    expect(mayors.length).toBeGreaterThan(0);
    for (const { features } of mayors) expect(features[names.indexOf('asks-occupation:role')]).toBe(1);
    for (const { features } of spansOf('What structure did the council approve?')) {
      expect(names.filter((name) => name.startsWith('asks-') && features[names.indexOf(name)] === 1).every((name) => name.startsWith('asks-thing:'))).toBe(true);
    }
  });

  it('mark a span that follows the preposition a question leaves at its end', () => {
    const at = names.indexOf('afterStrandedPreposition');
    const spans = spansOf('What did the council approve a footbridge over on Tuesday?');
    expect(spans.length).toBeGreaterThan(0);
    const river = spans.find(({ span }) => /^(?:the )?river$/.test(span.text));
    expect(river?.features[at]).toBe(1);
    for (const { span, features } of spans) if (!/river/.test(span.text)) expect(features[at], span.text).toBe(0);
    for (const { features } of spansOf('Who said the bridge would open in 2033?')) expect(features[at]).toBe(0);
  });

  it('line a span up with the words around the gap the question word leaves', () => {
    const after = names.indexOf('slotAfter');
    const verb = names.indexOf('objectOfVerb');
    const approvers = spansOf('Who approved a new footbridge?');
    expect(approvers.find(({ span }) => /council/.test(span.text))?.features[after]).toBe(1);
    expect(approvers.find(({ span }) => /footbridge/.test(span.text))?.features[after]).toBe(0);
    const approved = spansOf('What did the Kelso council approve on Tuesday?');
    expect(approved.find(({ span }) => /footbridge/.test(span.text))?.features[verb]).toBe(1);
    expect(approved.find(({ span }) => /Kelso council/.test(span.text))?.features[verb]).toBe(0);
  });
});

describe('time features', () => {
  const valueOf = (name: string, question: string) => {
    const at = names.indexOf(name);
    return new Map(spansOf(question).map(({ span, features }) => [span.text, features[at]]));
  };

  it('mark a clock time for "what time …?", and nothing for a question that does not ask the time of day', () => {
    const clock = valueOf('clockAsked', 'What time did work begin?');
    expect([...clock].filter(([, value]) => value === 1).map(([text]) => text).every((text) => /7:30/.test(text))).toBe(true);
    expect([...clock.values()]).toContain(1);
    expect([...valueOf('clockAsked', 'When did work begin?').values()].every((value) => value === 0)).toBe(true);
  });

  it('mark a year alone for "what year …?", not a full date that holds it', () => {
    const year = valueOf('yearAsked', 'What year did work begin?');
    expect(year.get('2031')).toBe(1);
    for (const [text, value] of year) expect(value, text).toBe(/^\d{4}$/.test(text) ? 1 : 0);
    expect([...year.keys()].some((text) => /March 3, 2031/.test(text))).toBe(true);
  });
});

describe('features of an age and of a name beside a noun of the asked kind', () => {
  const clinic = new Story([
    articleOf(
      `---
title: Clinic opens
source: Test Gazette
date: 2031-06-02
---
Ana Ruiz, 45, opened the clinic in 2030 with 12 nurses.
The 38-year-old surgeon Dan Otto treats pain with a sedative called Calmadrin.`,
      'clinic.txt',
    ),
  ]);
  const valueOf = (name: string, question: string) => {
    const at = names.indexOf(name);
    return new Map(readQuestion(clinic, question).spans.map(({ span, features }) => [span.text, features[at]]));
  };

  it('mark an age for "how old …?": a figure set off by commas after a name, or "38-year-old"; no other figure', () => {
    const ruiz = valueOf('ageAsked', 'How old is Ana Ruiz?');
    expect(ruiz.get('45')).toBe(1);
    for (const [text, value] of ruiz) if (/2030|12/.test(text)) expect(value, text).toBe(0);
    expect([...valueOf('ageAsked', 'How old is Dan Otto?')].some(([text, value]) => /38-year-old/.test(text) && value === 1)).toBe(true);
    expect([...valueOf('ageAsked', 'How many nurses work at the clinic?').values()].every((value) => value === 0)).toBe(true);
  });

  it('mark a name the sentence sets beside a kind of the asked noun ("a sedative called Calmadrin" for "what drug")', () => {
    const drug = valueOf('besideKindOfAsked', 'What drug does Dan Otto use?');
    expect(drug.get('Calmadrin')).toBe(1);
    for (const [text, value] of drug) if (/Ruiz|2030|nurses/.test(text)) expect(value, text).toBe(0);
  });
});

describe('answer spans', () => {
  it('list names together, but never a figure set before a clause with the name after it ("In 2029, engineer Tom Reyes")', () => {
    const texts = spansOf('Who drew the first plans?').map(({ span }) => span.text);
    expect(texts).toContain('engineer Tom Reyes and architect Eva Lund');
    expect(texts.filter((text) => /2029/.test(text) && /Reyes/.test(text))).toEqual([]);
  });

  it('offer no "-ing" word that opens a clause after a comma, alone or as a list item ("on Radio Kelso, boasting about …")', () => {
    const launch = new Story([articleOf('Mayor Lee Moran announced the launch on Radio Kelso, boasting about her deputy\'s plan.', 'launch.txt')]);
    const texts = readQuestion(launch, 'Who is her deputy?').spans.map(({ span }) => span.text);
    expect(texts).toContain('Radio Kelso');
    expect(texts.filter((text) => /boasting/.test(text))).toEqual([]);
  });
});

describe('questionSlotOf', () => {
  it.each([
    ['Who ruled the duchy of Normandy?', [], { before: null, after: 'rule', verb: null }],
    ['What did the Normans sign in 911?', [], { before: null, after: null, verb: 'sign' }],
    ['The Normans were in conflict with what country?', ['country'], { before: 'conflict', after: null, verb: null }],
    ["What were Isaac's chains made out of?", [], { before: null, after: null, verb: 'make' }],
    ['What culture did the settlers take on?', ['culture'], { before: null, after: null, verb: 'take' }],
  ])('reads the gap of %j', (question, phrase, slot) => {
    expect(questionSlotOf(question, phrase)).toEqual(slot);
  });

  it('reads no gap in a question without a question word', () => {
    expect(questionSlotOf('Did the council approve it?', [])).toEqual({ before: null, after: null, verb: null });
  });
});

describe('answer spans of figures and rates', () => {
  const figures = new Story([
    articleOf(
      `---
title: Pump upgrade cuts losses
source: Test Gazette
date: 2031-05-02
---
The new pump uses only 1% to 3% of the turbine's power.
Between 300 and 400 workers install it at a rate of 20 units per hour.
In 2029, 12 firms and 40 suppliers bid for the work.`,
      'pump.txt',
    ),
  ]);
  const textsOf = (question: string) => readQuestion(figures, question).spans.map(({ span }) => span.text);

  it('offer a range of figures whole, as well as each figure', () => {
    const texts = textsOf('How much of the power does the pump use?');
    expect(texts).toEqual(expect.arrayContaining(['1% to 3%', '1%', '3%']));
  });

  it('join "and" into a range only after "between", so two counts of different things stay apart', () => {
    expect(textsOf('How many firms bid for the work?').filter((text) => /12.*40/.test(text) && !/firms/.test(text))).toEqual([]);
  });

  it('keep a rate with its unit ("20 units per hour")', () => {
    expect(textsOf('At what rate do they install it?')).toContain('20 units per hour');
  });
});

describe('the questionName span feature', () => {
  const war = new Story([datedArticle('Siege ends', 'Test Gazette', '2031-05-02', 'During the War of Tessin, Karl of Brandt led the river army and took the fort.')]);
  const questionNameOf = (question: string, text: string) =>
    readQuestion(war, question).spans.find(({ span }) => span.text === text)?.features[names.indexOf('questionName')];

  it('marks a span that repeats a word of a name the question gives', () => {
    expect(questionNameOf('Who led the river army in the War of Tessin?', 'War of Tessin')).toBe(1);
  });

  it('does not count the small words of a name: "of" in "War of Tessin" is no sign "Karl of Brandt" repeats it', () => {
    expect(questionNameOf('Who led the river army in the War of Tessin?', 'Karl of Brandt')).toBe(0);
  });
});
