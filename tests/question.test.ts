import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../src/answer/question.js';
import { termKey } from '../src/search/terms.js';

describe('analyzeQuestion', () => {
  const kinds: Array<[string, string]> = [
    ['who met in Geneva', 'person'],
    ['Who is Ana Ruiz?', 'identity'],
    ['who is the harbour master', 'person'],
    ['whos the harbour master', 'person'],
    ['wheres the ferry now', 'place'],
    ['Which judge is handling the case?', 'person'],
    ['When will the vote take place?', 'time'],
    ['what time did the levee break', 'time'],
    ['Where did the talks resume?', 'place'],
    ['How long did the strike last?', 'duration'],
    ['How many ships were waiting?', 'number'],
    ['How much did the city pledge?', 'amount'],
    ['What is the deal worth?', 'amount'],
    ["what's the damage bill now", 'amount'],
    ["what's the cost of the repairs", 'amount'],
    ["what's acme holdings' annual revenue", 'amount'],
    ['What was the airline’s profit last year?', 'amount'],
    ['what dividend does the bank pay', 'amount'],
    ['What share of the vote did she win?', 'number'],
    ['death toll?', 'number'],
    ['latest number hospitalised with breathing problems', 'number'],
    ['Why did the union reject the offer?', 'reason'],
    ['What did the mayor say about the port?', 'statement'],
    ['How did investors react?', 'statement'],
    ["What's the union saying now?", 'statement'],
    ['whats the quarry boss saying', 'statement'],
    ['wat time did the mob get thru the gate', 'time'],
    ['so wats the toll', 'number'],
    ['wht did the minister say abt the gas', 'statement'],
    ['hw many ppl died', 'number'],
    ['whr did it land', 'place'],
    ['How is the deal financed?', 'manner'],
    ['What is the main obstacle?', 'other'],
    ['Which school collapsed?', 'name'],
    ["What's the maximum prison term he faces?", 'duration'],
    ['What sentence did the judge hand down?', 'duration'],
    ['which road is closed', 'place'],
    ['Which countries sent rescue teams?', 'place'],
  ];
  it('reads "at this point", "at the moment", "as it stands" and "in total" as asking for the newest figure, and counts the word after a bare "number"', () => {
    for (const question of ['how many firefighters on the fire lines at this point', 'how many flights are cancelled at the moment', 'whats the toll as it stands', 'how many flights axed in total']) {
      expect(analyzeQuestion(question).wantsLatest, question).toBe(true);
    }
    expect(analyzeQuestion('how many firefighters on the fire lines at this point').terms.find((term) => term.word === 'point')?.frame).toBe(true);
    expect(analyzeQuestion('latest number hospitalised with breathing problems').countNoun).toBe(termKey('hospitalised'));
    expect(analyzeQuestion('how many firefighters were there on Monday').wantsLatest).toBe(false);
  });

  it('reads chat\'s spellings of function words as function words: "when r the resits", "what did u hear"', () => {
    expect(analyzeQuestion('when r the resits now').terms.map((term) => term.word)).toEqual(['resits', 'now']);
    expect(analyzeQuestion('what did u hear abt the talks').terms.map((term) => term.word)).toEqual(['hear', 'talks']);
    expect(analyzeQuestion('didnt they pay the ransom').terms.map((term) => term.word)).toEqual(['pay', 'ransom']);
    // Typed as a capital, a letter is an initial: "who is Lukas W".
    expect(analyzeQuestion('who is Lukas W').terms.map((term) => term.word)).toContain('W');
  });

  it('reads "what bill …?" as asking for a law, not a sum', () => {
    expect(analyzeQuestion('What bill did parliament pass?').kind).not.toBe('amount');
  });

  for (const [question, kind] of kinds) {
    it(`reads "${question}" as asking for ${kind}`, () => {
      expect(analyzeQuestion(question).kind).toBe(kind);
    });
  }

  it('names the subject of a who-is question and the speaker of a what-did-say question', () => {
    expect(analyzeQuestion('Who is Ana Ruiz?').subject).toBe('Ana Ruiz');
    expect(analyzeQuestion('What did the mayor say about the port?').subject).toBe('mayor');
  });

  it('finds the counted noun and whether the newest figure is wanted', () => {
    const analysis = analyzeQuestion('How many people are still missing now?');
    expect(analysis.countNoun).toBe(termKey('people'));
    expect(analysis.wantsLatest).toBe(true);
  });

  it('counts the noun beside a word that only says "how many": "debris count", "the number of hospital admissions"', () => {
    expect(analyzeQuestion('debris count?').countNoun).toBe(termKey('debris'));
    expect(analyzeQuestion('whats the latest number of hospital admissions').countNoun).toBe(termKey('admissions'));
    expect(analyzeQuestion('What is the total number of professors, instructors, and lecturers?').countNoun).toBe(termKey('professors'));
    expect(analyzeQuestion('death toll?').countNoun).toBe(termKey('toll'));
  });

  it('reads the question inside "the latest on when …" as a time question that wants the newest reports', () => {
    const analysis = analyzeQuestion('whats the latest on when the ferry sails again');
    expect(analysis.kind).toBe('time');
    expect(analysis.wantsLatest).toBe(true);
  });

  it('takes the counted noun past the adjectives before it', () => {
    expect(analyzeQuestion('How many Ukrainian children were deported?').countNoun).toBe(termKey('children'));
    expect(analyzeQuestion('How many striking dockworkers returned?').countNoun).toBe(termKey('dockworkers'));
    expect(analyzeQuestion('How many US soldiers died?').countNoun).toBe(termKey('soldiers'));
    expect(analyzeQuestion('How many died?').countNoun).toBe(termKey('died'));
  });

  it('reads the noun after "which" as the kind of name asked for, and a plural as asking for several', () => {
    expect(analyzeQuestion('Which school collapsed?')).toMatchObject({ typeNoun: termKey('school'), wantsSeveral: false });
    expect(analyzeQuestion('Which countries sent rescue teams?')).toMatchObject({ typeNoun: termKey('countries'), wantsSeveral: true });
    expect(analyzeQuestion('Which of the bids was higher?').typeNoun).toBeNull();
    // The kind is the head of the phrase after "which", not its first word.
    expect(analyzeQuestion('Which central bank official was suspended after the theft?')).toMatchObject({ typeNoun: termKey('official'), focusNoun: termKey('official') });
    expect(analyzeQuestion('which police officers led the raid')).toMatchObject({ typeNoun: termKey('officers'), wantsSeveral: true });
    expect(analyzeQuestion('Which company runs the mine?').typeNoun).toBe(termKey('company'));
    // A sum is asked for wherever the money word stands, before the question word too.
    expect(analyzeQuestion('r the shops getting compensation, how much').wantsMoney).toBe(true);
    expect(analyzeQuestion('how much did the recount cost?').wantsMoney).toBe(true);
    expect(analyzeQuestion('how much of the vote did she win?').wantsMoney).toBe(false);
    expect(analyzeQuestion('What did the mayor say?').typeNoun).toBeNull();
  });

  it('reads its words as the index reads them (a hyphenated word split, a figure with thousands whole), keeping a hyphenated name one name', () => {
    const terms = (question: string) => analyzeQuestion(question).terms.map((term) => term.term);
    expect(terms('Where will the follow-up meeting be held?')).toEqual(expect.arrayContaining([termKey('follow'), termKey('meeting')]));
    expect(terms('Where will the follow-up meeting be held?')).not.toContain('follow-up');
    expect(terms('How long was the five-hour session?')).toEqual(expect.arrayContaining(['5', termKey('hour')]));
    expect(terms('What do families earning less than $60,000 pay?')).toContain(termKey('60,000'));
    const named = analyzeQuestion('What did Jean Kent-Brown say?').terms.filter((term) => term.nameGroup !== null).map((term) => term.term);
    expect(named).toEqual([termKey('Jean'), termKey('Kent'), termKey('Brown')]);
  });

  it('marks the words that frame a question rather than name its topic', () => {
    const terms = analyzeQuestion('What did Ruiz say about the main dispute?').terms;
    expect(terms.find((term) => term.word === 'say')?.frame).toBe(true);
    expect(terms.find((term) => term.word === 'main')?.generic).toBe(true);
    expect(terms.find((term) => term.word === 'Ruiz')?.nameGroup).toBe(0);
    expect(analyzeQuestion('where is the trial being held').terms.find((term) => term.word === 'held')?.generic).toBe(true);
    expect(analyzeQuestion('where is the company based').terms.find((term) => term.word === 'based')?.frame).toBe(true);
  });

  it('reads "now" of a question for a figure or a date as asking for the newest one, not as a topic, and keeps it elsewhere', () => {
    const figure = analyzeQuestion('how many ops postponed now');
    expect(figure.wantsLatest).toBe(true);
    expect(figure.terms.find((term) => term.word === 'now')?.frame).toBe(true);
    expect(analyzeQuestion("where's she traveling now").terms.find((term) => term.word === 'now')?.frame).toBe(false);
    // "When are the resits now?" asks for the date standing now, not for a sentence that says "now".
    expect(analyzeQuestion('when are the resits now').terms.find((term) => term.word === 'now')?.frame).toBe(true);
  });

  it('reads the measure word of "how far", "how big" as the question\'s frame, but keeps "old", which ages are written with', () => {
    expect(analyzeQuestion('how far did the shares fall').terms.find((term) => term.word === 'far')?.frame).toBe(true);
    expect(analyzeQuestion('How big is the loan?').terms.find((term) => term.word === 'big')?.frame).toBe(true);
    expect(analyzeQuestion('How old is the mayor?').terms.find((term) => term.word === 'old')?.frame).toBe(false);
  });

  it('reads "so far" and "to date" as asking for the newest figure, not as topics', () => {
    const soFar = analyzeQuestion('how many people have been evacuated so far');
    expect(soFar.wantsLatest).toBe(true);
    expect(soFar.terms.find((term) => term.word === 'far')?.frame).toBe(true);
    expect(analyzeQuestion('how many evacuated to date').terms.find((term) => term.word === 'date')?.frame).toBe(true);
    expect(analyzeQuestion('how far is the date from here').terms.find((term) => term.word === 'date')?.frame).toBe(false);
  });

  it('reads "affected" and "name" as words that say little about the topic ("which county is affected")', () => {
    expect(analyzeQuestion('which county is affected').terms.find((term) => term.word === 'affected')?.generic).toBe(true);
    expect(analyzeQuestion('what is the name of the union').terms.find((term) => term.word === 'name')?.generic).toBe(true);
  });
});

describe('chat spellings of question words', () => {
  it('reads "wat" as "what" only where the question word stands, and leaves a name ("Wat Arun") alone', () => {
    expect(analyzeQuestion('wat time did the mob get thru the gate').text).toBe('what time did the mob get thru the gate');
    expect(analyzeQuestion('Wat Arun temple closed?').text).toBe('Wat Arun temple closed?');
    expect(analyzeQuestion('did the wat get damaged').text).toBe('did the wat get damaged');
  });
});
