import { describe, expect, it } from 'vitest';
import { kindRules, recogniseKind } from '../src/answer/kinds/index.js';
import { analyzeQuestion } from '../src/answer/question.js';

const kindOf = (question: string) => analyzeQuestion(question).kind;

describe('the question-kind registry', () => {
  it('names each rule once', () => {
    const names = kindRules.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each([
    ['Who is Jane Doe?', 'identity'],
    ['Who is leading the talks?', 'person'],
    ['Who is from Luxembourg?', 'person'],
    ['Which judge ruled on the appeal?', 'person'],
    ['When did the strike end?', 'time'],
    ['How long ago did the dam fail?', 'time'],
    ['Where did the talks resume?', 'place'],
    ['Which city hosted the summit?', 'place'],
    ['How long did the strike last?', 'duration'],
    ['How many hours did the rescue take?', 'duration'],
    ["What's the maximum prison term he faces?", 'duration'],
    ['What is another term for the pivot mounting?', 'other'],
    ['what r investigators saying about the motors', 'statement'],
    ['What are they charging him with?', 'other'],
    ['What award was given to the inventor?', 'other'],
    ['In the article, about how long has it been since the shooting?', 'duration'],
    ['What pay award did the nurses get?', 'number'],
    ['What is the term for a ban on exports?', 'other'],
    ['How tall is the tower?', 'number'],
    ['How many families were moved?', 'number'],
    ['Death toll?', 'number'],
    ['How much of the budget went to schools?', 'number'],
    ['How much did the repairs cost?', 'amount'],
    ['whats the danish group offering now', 'amount'],
    ['What is the club paying him?', 'amount'],
    ['Why did the talks collapse?', 'reason'],
    ['What caused the fire?', 'reason'],
    ['What did the mayor say about the flood?', 'statement'],
    ['How did the crew escape?', 'manner'],
    ['Which school collapsed?', 'name'],
    ['What is the name of the new captain?', 'person'],
    ['whats the name of the woman they arrested', 'person'],
    ['What was the name of the officer who fired?', 'person'],
    // A clipped past participle ends the owner's phrase; a lower-case acronym before a person's noun does not.
    ['whats the name of the IT guy charged', 'person'],
    ['whats the name of the WHO country rep', 'person'],
    ['whats the name of the ship that got stuck', 'other'],
    ['What was the name of the Norman castle?', 'other'],
    ['What was the name?', 'person'],
    ['What is the name of the union?', 'other'],
    ["whats the gunman's name", 'person'],
    ["skipper's name?", 'person'],
    ['name of the sailor who drowned?', 'person'],
    ["what's the ship's name", 'other'],
    ['What happened next?', 'other'],
    // A phrase before the question word does not change what is asked.
    ['Beginning in what year did the ferry run daily?', 'time'],
    ['During the first stage of the cycle, which city hosted the talks?', 'place'],
    ['As of what year were the engines available?', 'time'],
    ['During what years did the mine operate?', 'time'],
    // A question word left where its answer stands asks what it would ask at the front.
    ['the games were held where ?', 'place'],
    ['they met who?', 'person'],
    ['the talks ended when exactly?', 'time'],
    ['the fire killed how many?', 'number'],
    ['Who met where?', 'person'],
    // A yes/no question keeps its opening: it asks whether, not what.
    ['Did he say what year the ferry ran?', 'other'],
  ])('reads "%s" as %s', (question, kind) => {
    expect(kindOf(question)).toBe(kind);
  });

  it('takes the first rule that matches: "how long ago" is a time before "how long" is a duration, "how much of" a share before an amount', () => {
    expect(recogniseKind({ core: 'How long ago did it happen?', lower: 'how long ago did it happen?' }).kind).toBe('time');
    expect(recogniseKind({ core: 'How much of it was spent?', lower: 'how much of it was spent?' })).toEqual({ kind: 'number', wantsShare: true });
  });

  it('carries what a rule learns: the counted noun, the speaker, who is asked about', () => {
    expect(analyzeQuestion('How many Kenyan children were rescued?').countNoun).toBe(analyzeQuestion('How many children?').countNoun);
    expect(analyzeQuestion('What did the harbour master say?').subject).toBe('harbour master');
    expect(analyzeQuestion('Who is Jane Doe?').subject).toBe('Jane Doe');
  });
});
