import { describe, expect, it } from 'vitest';
import { answerQuestion, readQuestion } from '../src/answer/answer-question.js';
import { isYesNoQuestion, yesNoFeatureValues, yesNoFeatures, yesProbability } from '../src/answer/yes-no.js';
import { Story } from '../src/story.js';
import { articleOf } from './ingest-helpers.js';

describe('isYesNoQuestion', () => {
  it.each([
    'Did the talks resume?',
    'Is he?',
    'And did the union accept the offer?',
    'so, was it worth it?',
    'But is the port still closed?',
    'In 2010, did the firm grow?',
    'After the vote was he re-elected?',
    // A follow-up's pronoun replaced by the name it points to: "After death was he forgotten?".
    'After death was Michael Jackson forgotten?',
    'According to the ministry, were the talks useful?',
    'The employers: did the union accept the offer?',
    'Just them?',
    'Only in the prisons?',
    'iiiiis that why he stayed?',
    // Chat drops the auxiliary: "Has anyone been hurt?".
    'anyone hurt?',
    'any of the paintings turned up yet?',
    'anyone else appealing?',
    'any other jurors come forward?',
    // A state asked of "anyone" as a participle is.
    'anyone dead?',
    'any of them still missing?',
    // A list after "any" asks whether, not which.
    'were any museum employees or visitors hurt',
  ])('reads %j as a yes/no question', (question) => {
    expect(isYesNoQuestion(question)).toBe(true);
  });

  it.each([
    'Was it the mayor or the governor?',
    'And who did he meet?',
    'In what year did the firm grow?',
    'After the vote, who was re-elected?',
    'After the operators are warned by the escape of the steam, what may they then do?',
    'had moved',
    'In the port the workers were striking?',
    'Why: did the union accept the offer?',
    'Boys or girls: were they hurt?',
    'Just who was there?',
    'Only the mayor or the governor?',
    'Wwwhat happened?',
    // More of the last answer, or what there is to say.
    'anyone else?',
    'any other names?',
    'any word on the talks?',
    'anything new?',
    'any compensation for the families?',
  ])('does not read %j as a yes/no question', (question) => {
    expect(isYesNoQuestion(question)).toBe(false);
  });
});

describe('answering a yes/no question that opens with a phrase', () => {
  const story = new Story([
    articleOf(`---
title: Port talks resume
source: Test Wire
date: 2026-03-06
---
Talks between the dockers' union and the port authority resumed on Thursday, the union said.
The authority offered a 4% pay rise.`),
  ]);

  it('answers yes or no, citing the sentence it read, as it does without the phrase', () => {
    for (const question of ['Did the talks resume?', 'And did the talks resume?', 'On Thursday, did the talks resume?']) {
      const result = answerQuestion(story, question);
      if (!result.ok) throw new Error(`refused: ${result.message}`);
      expect(result.answer.short, question).toMatch(/^(?:Yes|No)$/);
      expect(result.answer.citations[0]?.passage, question).toContain('resumed on Thursday');
    }
  });
});

describe('the yes/no model', () => {
  const story = new Story([
    articleOf(`---
title: Minister speaks on port talks
source: Test Wire
date: 2026-03-06
---
The minister spoke to reporters in Lisbon on Friday about the port talks.
She said the union and the port authority would meet again next week.
The talks produced no agreement on wages, and the union is not ready to sign.
The port authority refused to publish its accounts.
The minister called the strike short and said the dockers were calm.
Court papers didn't list a lawyer for the union.
Shipping lines do not have to pay compensation for the delays.
"This was not a cyberattack," the port authority said.
The old ferry timetable wasn't exactly the most reliable schedule.
No one on the quay was injured when the crane fell.
The crane driver was unhurt, the port authority said.`),
  ]);
  const deniesTopic = yesNoFeatures.findIndex((feature) => feature.name === 'deniesQuestion');
  const unknownName = yesNoFeatures.findIndex((feature) => feature.name === 'unknownName');
  const valuesOf = (question: string) => {
    const reading = readQuestion(story, question);
    return yesNoFeatureValues({ question: reading.question, plan: reading.plan, ranked: reading.ranked });
  };

  it('flags a question that names something the story never mentions, and not one whose names it knows', () => {
    expect(valuesOf('Did the minister speak in French?')[unknownName]).toBe(1);
    expect(valuesOf('Did the minister speak in Lisbon?')[unknownName]).toBe(0);
    // Typed in lower case, a word most commonly a name still names something; a common noun does not.
    expect(valuesOf('did the minister speak in french')[unknownName]).toBe(1);
    expect(valuesOf('did the minister visit chicago')[unknownName]).toBe(1);
    expect(valuesOf('did the minister speak to the community')[unknownName]).toBe(0);
    // The question's first word is capitalised for the sentence, not as a name.
    expect(valuesOf('Speaking in Lisbon, did the minister meet the union?')[unknownName]).toBe(0);
  });

  it('as fitted, answers no when the question names what the story never mentions, and yes otherwise', () => {
    expect(yesProbability(valuesOf('Did the minister speak in French?'))).toBeLessThan(0.5);
    expect(yesProbability(valuesOf('Did the minister speak in Lisbon?'))).toBeGreaterThan(0.5);
  });

  it('flags a best sentence that negates a topic of the question, and not one that asserts it', () => {
    expect(valuesOf('Did the talks produce an agreement on wages?')[deniesTopic]).toBe(1);
    expect(valuesOf('Is the union ready to sign?')[deniesTopic]).toBe(1);
    expect(valuesOf('Did the union and the port authority meet?')[deniesTopic]).toBe(0);
    // Only a question asked plainly is flagged; a negated one ("Isn't …?") is left to the prior.
    expect(valuesOf("Isn't the union ready to sign?")[deniesTopic]).toBe(0);
  });

  it('flags a refusal of what the question asks, and a sentence that holds the opposite of its word', () => {
    expect(valuesOf('Did the port authority publish its accounts?')[deniesTopic]).toBe(1);
    expect(valuesOf('Did the minister call the strike long?')[deniesTopic]).toBe(1);
    expect(valuesOf('Did the minister call the strike short?')[deniesTopic]).toBe(0);
    // An article between the negation and the topic does not hide the denial, nor do degree words.
    expect(valuesOf('Did the union have a lawyer?')[deniesTopic]).toBe(1);
    expect(valuesOf('Was the old ferry timetable reliable?')[deniesTopic]).toBe(1);
    // Nor does "have to" or "been" between the negation and its verb.
    expect(valuesOf('do shipping lines have to pay compensation for the delays?')[deniesTopic]).toBe(1);
    // A word the story never prints is denied in its listed synonym: "not a cyberattack" for "a hack".
    expect(valuesOf('was it a hack?')[deniesTopic]).toBe(1);
  });

  it('flags a sentence whose subject is no one, and a negative prefix on the topic itself', () => {
    expect(valuesOf('was anyone on the quay injured?')[deniesTopic]).toBe(1);
    // In a synonym the newsroom lists: "wounded" for "injured".
    expect(valuesOf('was anyone wounded when the crane fell?')[deniesTopic]).toBe(1);
    expect(valuesOf('Was the crane driver hurt?')[deniesTopic]).toBe(1);
    expect(valuesOf('Did the crane fall?')[deniesTopic]).toBe(0);
  });

  it('as fitted, answers no when the best sentence denies what the question asks', () => {
    expect(yesProbability(valuesOf('Did the talks produce an agreement on wages?'))).toBeLessThan(0.5);
    expect(yesProbability(valuesOf('Did the union and the port authority meet?'))).toBeGreaterThan(0.5);
  });
});

// The yes/no model's denial feature for a question about `story`, and the best sentence it read.
function denialReader(story: Story): (question: string) => { best: string | undefined; denies: number } {
  const deniesTopic = yesNoFeatures.findIndex((feature) => feature.name === 'deniesQuestion');
  return (question) => {
    const reading = readQuestion(story, question);
    return { best: reading.ranked[0]?.passage.text, denies: yesNoFeatureValues({ question: reading.question, plan: reading.plan, ranked: reading.ranked })[deniesTopic]! };
  };
}

describe('how far a denial reaches', () => {
  const story = new Story([
    articleOf(`---
title: Dockers reject pay offer
source: Test Wire
date: 2026-03-07
---
The dockers' union rejected the authority's pay offer within hours.
The harbour master said the outage was not a sign of crane trouble.
Police declined to say whether anyone had been arrested over the fire.
The harbour master said there had been no deaths in the storm on the quay.
Two men were killed on the coast road last year.`),
  ]);
  const deniesIn = denialReader(story);

  it('reads a rejection as a refusal of what the question asks', () => {
    expect(deniesIn('did the union take the pay offer?').denies).toBe(1);
  });

  it('reaches four words past the negation', () => {
    expect(deniesIn('is there crane trouble?').denies).toBe(1);
  });

  it('denies a topic the story knows in a listed synonym', () => {
    // "no deaths" for "killed", though the story prints "killed" too: the newsroom lists them as one thing.
    expect(deniesIn('was anyone killed in the storm on the quay?').denies).toBe(1);
  });

  it('stops at a word that opens another clause: declining to say whether is no denial', () => {
    expect(deniesIn('has anyone been arrested over the fire?').denies).toBe(0);
  });
});

describe('a denial in the next sentence', () => {
  const story = new Story([
    articleOf(`---
title: Mudslide in the valley
source: Test Wire
date: 2026-03-08
---
Rescuers searched the Orvaz valley for a second day on Sunday after the mudslide.
Officials said there had been no deaths.
The farmers' union accused the regional council of ignoring warnings.
The union did not blame the rescuers.`),
  ]);
  const deniesIn = denialReader(story);

  it('answers when the best sentence holds only the question\'s names, not its topic', () => {
    const reading = deniesIn('was anyone killed in the Orvaz valley?');
    expect(reading.best).toContain('Rescuers searched');
    expect(reading.denies).toBe(1);
  });

  it('does not overrule a best sentence that says the topic', () => {
    const reading = deniesIn('did the union accuse the council?');
    expect(reading.best).toContain('accused the regional council');
    expect(reading.denies).toBe(0);
  });
});

describe('a still- or yet-question answered by a change', () => {
  const story = new Story([
    articleOf(`---
title: Curfew lifted in port town
source: Test Wire
date: 2026-03-09
---
The prefect lifted the curfew in the port town on Thursday.
The harbour ban on night fishing remains in force, the prefect said.
Dock worker Jana Hollis remains in police custody.
Her brother Tomas Hollis was freed on bail on Monday.`),
  ]);
  const deniesIn = denialReader(story);

  it('reads a word of ending beside the topic as no to a still-question, and a word of staying as yes', () => {
    expect(deniesIn('is the curfew in the port town still on?').denies).toBe(1);
    expect(deniesIn('is the harbour ban on night fishing still in force?').denies).toBe(0);
  });

  it('reads a word of staying beside the name as no to a yet-question, and a word of change as yes', () => {
    expect(deniesIn('is Jana Hollis out of police custody yet?').denies).toBe(1);
    expect(deniesIn('is Tomas Hollis out on bail yet?').denies).toBe(0);
  });
});

describe('an opposite in the best or the next sentence', () => {
  const story = new Story([
    articleOf(`---
title: Match-fixing charges
source: Test Wire
date: 2026-03-10
---
Prosecutors charged Karel Vodicka on Tuesday with fixing three league matches.
Vodicka continues to deny wrongdoing, his lawyer said.
Jana Kral, the wife of a league referee, was questioned as a witness.`),
  ]);
  const deniesIn = denialReader(story);

  it('reads the next sentence for the opposite of a topic the best sentence does not say', () => {
    const reading = deniesIn('has Vodicka admitted fixing the matches?');
    expect(reading.best).toContain('Prosecutors charged');
    expect(reading.denies).toBe(1);
  });

  it('does not read a person as the opposite of another ("wife" for "husband")', () => {
    expect(deniesIn('was the husband of Jana Kral questioned as a witness?').denies).toBe(0);
  });
});

describe('a change told in the next sentence', () => {
  const story = new Story([
    articleOf(`---
title: Night curfew in Porto Vello
source: Test Wire
date: 2026-03-11
---
The night curfew in Porto Vello began after riots last month, the mayor said.
The curfew was lifted on Thursday, the prefect said.`),
  ]);
  const deniesIn = denialReader(story);

  it('reads the next sentence when the best one says nothing of a change', () => {
    const reading = deniesIn('is the night curfew in Porto Vello still in place?');
    expect(reading.best).toContain('began after riots');
    expect(reading.denies).toBe(1);
  });
});
