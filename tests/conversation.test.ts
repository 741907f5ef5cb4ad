import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer-question.js';
import { sourceOf } from '../src/answer/attribution.js';
import { isYesNoQuestion } from '../src/answer/yes-no.js';
import { genderOf } from '../src/conversation/antecedents.js';
import { withoutRequestFrame } from '../src/conversation/question-shape.js';
import { resolveFollowUp } from '../src/conversation/resolve-follow-up.js';
import { turnOf, type ConversationTurn } from '../src/conversation/turn.js';
import { Story } from '../src/story.js';
import type { Answer, QuestionKind } from '../src/types.js';
import { articleOf } from './ingest-helpers.js';

/** A one-article story from the Test Gazette, as the file `1.txt`. */
function gazetteStory(title: string, date: string, body: string): Story {
  return new Story([articleOf(`---\ntitle: ${title}\nsource: Test Gazette\ndate: ${date}\n---\n${body}`, '1.txt')]);
}

const ferryStory = gazetteStory('Ferry operator fined over pier collision', '2031-03-04', `Harbour inspector Jane Doe fined the ferry operator on Tuesday after a collision at the Kelso pier.
The operator, Bluewater Lines, runs six crossings a day.
Doe said she found the crew had ignored two warnings before the ferry struck the pier.
The operator's chief executive, John Roe, met Doe in Port Alba on Monday.
Roe said he would appeal the fine.
He told reporters the company had already paid for repairs to the pier.
The fine of $2 million is the largest the harbour authority has ever issued.
Two passengers were treated for minor injuries after the collision.
The ferry returned to service on Wednesday with a new captain.`);

const at = new Date('2031-03-05T10:00:00Z');

function turn(resolved: string, short: string | null, kind: QuestionKind, cited: string[] = ['1.txt#0']): ConversationTurn {
  return { question: resolved, resolved, answer: 'An answer. [1]', short, kind, abstained: false, cited, at };
}

function answered(question: string, conversation?: readonly ConversationTurn[]): Answer {
  const result = answerQuestion(ferryStory, question, { conversation });
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.answer;
}

describe('resolveFollowUp', () => {
  it('reads "what\'s his name?" after someone described, not named, as asking the name of that person', () => {
    expect(resolveFollowUp("What's his name?", [turn('Who took over the ferry?', 'a new captain', 'person')], ferryStory).resolved).toBe('What is the name of the new captain?');
    expect(resolveFollowUp('What is her name?', [turn("How old is Doe's daughter?", '7', 'number')], ferryStory).resolved).toBe("What is the name of Doe's daughter?");
    expect(resolveFollowUp("What's his name?", [turn('Who appealed the fine?', 'John Roe', 'person')], ferryStory).resolved).toBe("What's John Roe's name?");
  });

  it('completes a bare question word from the last question and its answer: "When?" after "Who fined the operator?"', () => {
    const followUp = resolveFollowUp('When?', [turn('Who fined the ferry operator?', 'Jane Doe', 'person')], ferryStory);
    expect(followUp).toMatchObject({ resolved: 'When did Jane Doe fine the ferry operator?', reading: 'fragment', reset: false, exclude: [] });
    expect(followUp.borrowed).toEqual(expect.arrayContaining(['jane', 'doe', 'fine', 'ferry', 'operator']));
  });

  it('reads an action given for "what happened …?" as "that" in the next question, not as its subject', () => {
    expect(resolveFollowUp('Why?', [turn('What happened to the ferry?', 'struck the pier', 'other')], ferryStory).resolved).toBe('Why did that happen to the ferry?');
  });

  it('puts the last answer in a "whose" question\'s place and the fragment\'s question phrase in front', () => {
    const followUp = resolveFollowUp('At what pier?', [turn('Whose ferry was fined?', 'Bluewater Lines', 'name')], ferryStory);
    expect(followUp.resolved).toBe("At what pier was Bluewater Lines's ferry fined?");
  });

  it('reads a bare noun in the frame of the last question: "Town?" after "In what city …?"', () => {
    const followUp = resolveFollowUp('Town?', [turn('In what city did John Roe meet Jane Doe?', 'Port Alba', 'place')], ferryStory);
    expect(followUp.resolved).toBe('In what town did John Roe meet Jane Doe?');
  });

  it('keeps a where-answer as the place of a fragment asking why, and a negation as the auxiliary\'s', () => {
    const turns = [turn('Where did Jane Doe meet John Roe?', 'Port Alba', 'place')];
    expect(resolveFollowUp('Why?', turns, ferryStory).resolved).toBe('Why did Jane Doe meet John Roe in Port Alba?');
    expect(resolveFollowUp('Why not?', [turn('Did John Roe pay the fine?', null, 'other')], ferryStory).resolved).toBe("Why didn't John Roe pay the fine?");
  });

  it('replaces "he" and "his" with the man the last answer named, and "she" with the woman the story shows', () => {
    const turns = [turn('Who met Jane Doe on Monday?', 'John Roe', 'person')];
    expect(resolveFollowUp('What did he say?', turns, ferryStory)).toMatchObject({ resolved: 'What did John Roe say?', reading: 'pronoun' });
    expect(resolveFollowUp('What is his job?', turns, ferryStory).resolved).toBe("What is John Roe's job?");
    expect(resolveFollowUp('What did she find?', turns, ferryStory).resolved).toBe('What did Jane Doe find?');
  });

  it('replaces "they" with the people the last question named together, where its answer named none', () => {
    const turns = [turn('When did John Roe meet Jane Doe?', 'Monday', 'time')];
    expect(resolveFollowUp('Where did they meet?', turns, ferryStory)).toMatchObject({ resolved: 'Where did John Roe and Jane Doe meet?', reading: 'pronoun' });
    // A question that names one person leaves "they" to what an answer or a plural names.
    expect(resolveFollowUp('Where did they meet?', [turn('When did John Roe sail?', 'Monday', 'time')], ferryStory).resolved).toBe('Where did they meet?');
  });

  it('asks a bare question word about what a yes-or-no question left open: "anyone", "any awards"', () => {
    expect(resolveFollowUp('Who?', [turn('Is Jane Doe working with anyone?', null, 'other')], ferryStory).resolved).toBe('Who is Jane Doe working with?');
    expect(resolveFollowUp('Which?', [turn('Had the operator broken any harbour rules?', null, 'other')], ferryStory).resolved).toBe('Which harbour rules had the operator broken?');
    expect(resolveFollowUp('When?', [turn('Was the ferry repaired?', null, 'other')], ferryStory).resolved).toBe('When was the ferry repaired?');
  });

  it('completes a fragment after an unanswered who-question with "someone", and never stacks fallbacks', () => {
    const unanswered = { ...turn('Who warned the crew?', null, 'person'), abstained: true };
    expect(resolveFollowUp('When?', [unanswered], ferryStory).resolved).toBe('When did someone warn the crew?');
    const fallback = turn('Boys or girls: how many passengers were hurt?', null, 'other');
    expect(resolveFollowUp('Whose?', [fallback], ferryStory).resolved).toBe('Whose: how many passengers were hurt?');
  });

  it('keeps "what happened next?" as its own question, read after the last answer', () => {
    const followUp = resolveFollowUp('What happened next?', [turn('What did John Roe say?', null, 'statement', ['1.txt#4'])], ferryStory);
    expect(followUp).toMatchObject({ resolved: 'What happened next?', reading: 'next', anchors: ['1.txt#4'] });
  });

  it('picks one of a pair the last answer named for "he" or "she", by the gender the story shows', () => {
    const turns = [turn('Who met in Port Alba?', 'Jane Doe and John Roe', 'person')];
    expect(resolveFollowUp('What did he say?', turns, ferryStory).resolved).toBe('What did John Roe say?');
    expect(resolveFollowUp('What did she say?', turns, ferryStory).resolved).toBe('What did Jane Doe say?');
  });

  it('replaces "it" with the thing the last question named, and "they" with what it named in the plural', () => {
    expect(resolveFollowUp('Who directed it?', [turn('Was a film made about the collision?', null, 'other')], ferryStory).resolved).toBe('Who directed the film?');
    expect(resolveFollowUp('Were they hurt?', [turn('How many were the passengers on the ferry?', '300', 'number')], ferryStory).resolved).toBe('Were the passengers hurt?');
  });

  it('replaces "there" with the last place, but not the "there" that says something exists', () => {
    const turns = [turn('Where did John Roe meet Jane Doe?', 'Port Alba', 'place')];
    expect(resolveFollowUp('What happened there?', turns, ferryStory).resolved).toBe('What happened in Port Alba?');
    expect(resolveFollowUp('How many passengers were there?', turns, ferryStory)).toMatchObject({ resolved: 'How many passengers were there?', reading: 'standalone' });
  });

  it('swaps a name for the last question\'s name of the same kind: "And John Roe?"', () => {
    const followUp = resolveFollowUp('And John Roe?', [turn('What did Jane Doe say?', null, 'statement')], ferryStory);
    expect(followUp.resolved).toBe('What did John Roe say?');
  });

  it('reads "what about John Roe?" as "and John Roe?", and a phrase after a yes-or-no question as asked of it', () => {
    expect(resolveFollowUp('What about John Roe?', [turn('What did Jane Doe say?', null, 'statement')], ferryStory)).toMatchObject({ resolved: 'What did John Roe say?', reading: 'fragment' });
    const afterYesNo = resolveFollowUp('How about the passengers?', [turn('Was the crew hurt?', 'Yes', 'other')], ferryStory);
    expect(afterYesNo).toMatchObject({ resolved: 'the passengers: Was the crew hurt?', reading: 'fragment' });
    expect(isYesNoQuestion(afterYesNo.resolved)).toBe(true);
  });

  it('swaps a place named with its preposition: "and in Port Alba?" after "Who was fined in Kelso?"', () => {
    const turns = [turn('Who was fined in Kelso?', 'Bluewater Lines', 'person')];
    expect(resolveFollowUp('And in Port Alba?', turns, ferryStory)).toMatchObject({ resolved: 'Who was fined in Port Alba?', reading: 'fragment' });
    expect(resolveFollowUp('What about in Port Alba?', turns, ferryStory)).toMatchObject({ resolved: 'Who was fined in Port Alba?', reading: 'fragment' });
  });

  it('leaves "what about <a topic>?" after a question that asked for something else as a question of its own', () => {
    const followUp = resolveFollowUp('What about the repairs?', [turn('How much was the fine?', '$2 million', 'amount')], ferryStory);
    expect(followUp).toMatchObject({ resolved: 'What about the repairs?', reading: 'standalone' });
    expect(answered('What about the repairs?').short).toBeNull();
  });

  it('reads "what else?" as the last question with every passage cited for it excluded', () => {
    const turns = [turn('What did Jane Doe find?', null, 'other', ['1.txt#1']), turn('What did Jane Doe find?', null, 'other', ['1.txt#0'])];
    const followUp = resolveFollowUp('Anything else?', turns, ferryStory);
    expect(followUp).toMatchObject({ resolved: 'What did Jane Doe find?', reading: 'more', exclude: ['1.txt#1', '1.txt#0'] });
  });

  it('reads "any others?" and "who else died?" with the answers already given to the question, not to give them again', () => {
    const turns = [turn('Who was fined?', 'Bluewater Lines', 'person', ['1.txt#0']), turn('Who was fined?', 'John Roe', 'person', ['1.txt#3'])];
    expect(resolveFollowUp('Any others?', turns, ferryStory)).toMatchObject({ resolved: 'Who was fined?', reading: 'more', given: ['Bluewater Lines', 'John Roe'] });
    expect(resolveFollowUp('Who else was fined?', turns, ferryStory)).toMatchObject({ resolved: 'Who was fined?', reading: 'more', exclude: [], given: ['Bluewater Lines', 'John Roe'] });
    // Someone other than the person the last question named: "What did Jane Doe do?", then "who else did that?".
    expect(resolveFollowUp('Who else did that?', [turn('What did Jane Doe do?', 'fined the ferry operator', 'other')], ferryStory).given).toContain('Jane Doe');
  });

  it('reads "and then?" as the next step after the last answer, anchored on what it cited', () => {
    const followUp = resolveFollowUp('And then?', [turn('What did John Roe say?', null, 'statement', ['1.txt#4'])], ferryStory);
    expect(followUp).toMatchObject({ resolved: 'What did John Roe say?', reading: 'next', anchors: ['1.txt#4'], exclude: [] });
  });

  it('leaves the "it" of "how long has it been" alone, and replaces the "it" of a thing the last question named', () => {
    const turns = [turn('Was the ferry damaged?', 'Yes', 'other')];
    expect(resolveFollowUp('How long has it been since the collision?', turns, ferryStory).resolved).toBe('How long has it been since the collision?');
    expect(resolveFollowUp('When did it return to service?', turns, ferryStory).resolved).toBe('When did the ferry return to service?');
  });

  it('leaves a question that needs no context as it is, carrying the last turn\'s words and anchoring on its citations', () => {
    const turns = [turn('Who fined the ferry operator?', 'Jane Doe', 'person', ['1.txt#0', '1.txt#1']), turn('How much was the fine?', '$2 million', 'amount', ['1.txt#6'])];
    const followUp = resolveFollowUp('How many passengers were hurt?', turns, ferryStory);
    expect(followUp).toEqual({
      resolved: 'How many passengers were hurt?',
      carry: 'How much was the fine? $2 million',
      borrowed: [],
      anchors: ['1.txt#6', '1.txt#0', '1.txt#1'],
      exclude: [],
      given: [],
      reset: false,
      reading: 'standalone',
    });
  });

  it('reads "start over" as a reset, whatever came before', () => {
    expect(resolveFollowUp('Start over', [turn('Who fined the ferry operator?', 'Jane Doe', 'person')], ferryStory)).toMatchObject({ reset: true, reading: 'reset', resolved: '' });
    expect(resolveFollowUp("OK, let's start again!", [], ferryStory).reset).toBe(true);
  });

  it('with no turns yet, gives "she" the woman the story is most about and leaves a fragment as typed', () => {
    expect(resolveFollowUp('What did she find?', [], ferryStory).resolved).toBe('What did Jane Doe find?');
    expect(resolveFollowUp('When?', [], ferryStory)).toMatchObject({ resolved: 'When?', reading: 'standalone' });
  });

  it('never reads the "Yes" that answered a yes/no question as what "it" points to', () => {
    const turns = [turn('Was the ferry repaired?', 'Yes', 'other')];
    expect(resolveFollowUp('Who paid for it?', turns, ferryStory).resolved).toBe('Who paid for the ferry?');
  });

  it('leaves "his" and "her" alone when the question itself names who they are', () => {
    const turns = [turn('Who fined the operator?', 'Jane Doe', 'person')];
    expect(resolveFollowUp('What did John Roe say about his appeal?', turns, ferryStory)).toMatchObject({ resolved: 'What did John Roe say about his appeal?', reading: 'standalone' });
    expect(resolveFollowUp('What did she say about her findings?', turns, ferryStory).resolved).toBe("What did Jane Doe say about Jane Doe's findings?");
  });
});

describe('withoutRequestFrame', () => {
  it('takes the question out of a request for it, and leaves questions about knowing alone', () => {
    const cases: [string, string][] = [
      ['do you know who met in Port Alba?', 'Who met in Port Alba?'],
      ["Hey, can you please tell me where he is from?", 'Where he is from?'],
      ["I'd like to know how much the fine was", 'How much the fine was'],
      ['any idea why', 'Why'],
      ['Does anyone know when the ferry returns', 'When the ferry returns'],
      ['tell me the size of the fine', 'The size of the fine'],
      ['do you know anything about the repairs?', 'What about the repairs?'],
      ['Tell me more about the fine', 'What about the fine'],
      ['any word on the missing crew?', 'What about the missing crew?'],
      ['any word on when the ferry sails again?', 'When the ferry sails again?'],
      ["what's the latest on how many are missing", 'How many are missing'],
      ['latest on who is running the port?', 'Who is running the port?'],
      ['Any news about the appeal', 'What about the appeal'],
      ['Do you know if the ferry sailed?', 'Do you know if the ferry sailed?'],
      ['Did anyone know about the warnings?', 'Did anyone know about the warnings?'],
      ['Do you know the captain?', 'Do you know the captain?'],
      ['Who knows the captain?', 'Who knows the captain?'],
    ];
    for (const [typed, question] of cases) expect(withoutRequestFrame(typed), typed).toBe(question);
  });
});

describe('genderOf', () => {
  const courtStory = (body: string) => gazetteStory('Jury acquits builder', '2031-05-02', body);
  const juryStory = courtStory(`One of the jurors who acquitted Mark Lane said she had no doubt about the verdict.
Sandra Kemp, the foreman, read the verdict aloud.
The court heard from Robin Ames, who said he had inspected the site.
Mr Ames said he found no fault in the builder's work.`);

  it('reads a first name when the story says nothing else ("Sandra Kemp", "Mark Lane")', () => {
    expect(genderOf(juryStory, 'Sandra Kemp')).toBe('female');
    expect(genderOf(juryStory, 'Mark Lane')).toBe('male');
    expect(genderOf(juryStory, 'Sandra Kemp', { byFirstName: false })).toBeNull();
  });

  it('does not take "she" from a juror who speaks after naming someone, nor from a pronoun before the name', () => {
    const story = courtStory(`One of the jurors who acquitted Lane said she had no doubt about the verdict.
She said she believes Lane acted in good faith.`);
    expect(genderOf(story, 'Lane')).toBeNull();
  });

  it('lets what the story says outweigh a first name that is mostly the other gender\'s ("Robin … said he")', () => {
    expect(genderOf(juryStory, 'Robin Ames')).toBe('male');
  });

  it('does not take the gender of another person who shares the surname ("Lena Moss" in a story about Tom Moss)', () => {
    const family = courtStory(`Tom Moss said he would appeal.
Moss said he had done nothing wrong, and his lawyer said he would testify.
Moss, who ran the firm, said he was innocent.
His sister, Lena Moss, watched from the gallery.`);
    expect(genderOf(family, 'Tom Moss')).toBe('male');
    expect(genderOf(family, 'Lena Moss')).toBe('female');
  });
});

describe('answerQuestion in a conversation', () => {
  it('answers a follow-up as its resolved question and says how it read it', () => {
    const first = answered('Who fined the ferry operator?', []);
    expect(first.short).toBe('Jane Doe');
    const second = answered('When?', [turnOf('Who fined the ferry operator?', first, at)]);
    expect(second).toMatchObject({ question: 'When?', resolved: 'When did Jane Doe fine the ferry operator?', abstained: false, short: 'Tuesday (Mar 4, 2031)' });
    expect(second.citations[0]?.passage).toMatch(/^Harbour inspector Jane Doe fined/);
  });

  it('answers the question inside a request for it, alone and as a follow-up', () => {
    const asked = answered('Do you know who fined the ferry operator?');
    expect(asked).toMatchObject({ resolved: 'Who fined the ferry operator?', short: 'Jane Doe', abstained: false });
    expect(answered('can you tell me how big the fine was?').short).toBe('$2 million');
    expect(answered('Could you tell me if the ferry returned to service?').short).toBe('Yes');
    const first = answered('Who fined the ferry operator?', []);
    const why = answered('Any idea when?', [turnOf('Who fined the ferry operator?', first, at)]);
    expect(why).toMatchObject({ resolved: 'When did Jane Doe fine the ferry operator?', short: 'Tuesday (Mar 4, 2031)' });
  });

  it('answers "what\'s his name?" about a named man with his full name, as the story gives it', () => {
    const first = answered('Who is appealing the fine?', []);
    expect(first.short).toMatch(/Roe/);
    const name = answered("What's his name?", [turnOf('Who is appealing the fine?', first, at)]);
    expect(name).toMatchObject({ resolved: "What's John Roe's name?", short: 'John Roe', abstained: false });
    expect(answered("What was Roe's name?").short).toBe('John Roe');
    expect(answered("What was the chief executive's name?").short).not.toBe("the chief executive");
  });

  it('answers a question asked alone exactly as it did before conversations, and the first of a conversation the same way', () => {
    const alone = answered('Who met Jane Doe in Port Alba?');
    expect(alone.resolved).toBe('Who met Jane Doe in Port Alba?');
    expect(answered('Who met Jane Doe in Port Alba?', [])).toEqual(alone);
  });

  it('does not cite again, for "what else?", the passages it cited for the question before', () => {
    const first = answered('What did Roe say?', []);
    expect(first.abstained).toBe(false);
    const more = answered('What else?', [turnOf('What did Roe say?', first, at)]);
    const before = new Set(first.citations.map((citation) => citation.id));
    expect(more.resolved).toBe(first.resolved.replace(/[?]*$/, '?'));
    expect(more.citations.some((citation) => before.has(citation.id))).toBe(false);
  });

  it('says there is nothing more, rather than that the coverage does not say, when "what else?" runs out', () => {
    const turns: ConversationTurn[] = [];
    let last: Answer | undefined;
    for (let i = 0; i < 8 && last?.abstained !== true; i++) {
      last = answered(i === 0 ? 'What did Roe say?' : 'What else?', turns);
      turns.push(turnOf(i === 0 ? 'What did Roe say?' : 'What else?', last, at));
    }
    expect(last?.abstained).toBe(true);
    expect(last?.answer).toBe('The coverage says nothing more on that.');
    expect(answered('What did Angela Merkel say about the fine?', turns).answer).toBe("The coverage of this story doesn't say.");
  });

  it('answers "any others?" after one name of a list with the next names of that list, never one already given', () => {
    const castings = gazetteStory('A new detective for the stage', '2031-03-04', `The Calder Playhouse opens its spring season in April with a new production of the detective play.
Odd castings for the detective over the years include the comic Ana Ruiz, the singer Lee Moran and the boxer Dan Otto.
Tickets go on sale on Friday.`);
    const turns: ConversationTurn[] = [];
    const given: string[] = [];
    for (const question of ['Who has been oddly cast as the detective?', 'Any others?', 'Who else?', 'Anyone else?']) {
      const result = answerQuestion(castings, question, { conversation: turns });
      if (!result.ok) throw new Error(`refused: ${result.message}`);
      const answer = result.answer;
      expect(answer.abstained, question).toBe(false);
      expect(answer.citations.map((citation) => citation.id), question).toContain('1.txt#1');
      expect(answer.short, question).not.toBeNull();
      expect(given, question).not.toContain(answer.short);
      given.push(answer.short!);
      turns.push(turnOf(question, answer, at));
    }
    expect(given[0]).toBe('Ana Ruiz');
    expect(given).toEqual(expect.arrayContaining(['Lee Moran', 'Dan Otto']));
  });

  it('answers "who said that?" with the source the last answer\'s sentence gives, not a name it mentions', () => {
    const league = gazetteStory('Slugger on a streak', '2031-03-04', `The Lions won the opening game of the series 8-3 on Wednesday.
His manager said Ray Soto has been swinging the bat well for weeks.
A bomb was placed under the director's car, the state-run news agency said.
Tickets for the second game sold out within an hour.`);
    const turns: ConversationTurn[] = [];
    for (const [question, expected] of [
      ['Who has been swinging the bat well?', 'Ray Soto'],
      ['Who said that?', 'His manager'],
      ['Where was the bomb placed?', null],
      ['And who reported it?', 'the state-run news agency'],
    ] as const) {
      const result = answerQuestion(league, question, { conversation: turns });
      if (!result.ok) throw new Error(`refused: ${result.message}`);
      if (expected !== null) expect(result.answer.short, question).toBe(expected);
      turns.push(turnOf(question, result.answer, at));
    }
  });

  it.each([
    ['His manager said Ray Soto has been swinging the bat well.', 'His manager'],
    ['A bomb was placed under the car, the state-run news agency said.', 'the state-run news agency'],
    ['"We will appeal," said Jane Doe, the operator\'s lawyer.', 'Jane Doe'],
    ['The fine is the largest ever issued, according to the harbour authority.', 'the harbour authority'],
    ['"It will reopen soon," she said on Tuesday.', null],
    ['The ferry returned to service on Wednesday.', null],
  ])('reads the source of %j as %j', (sentence, expected) => {
    expect(sourceOf(sentence)).toBe(expected);
  });
});
