import { describe, expect, it } from 'vitest';
import { askedClassOf, askedNounOf, asksAge, asksName, asksRoleHolder } from '../src/answer/asked-class.js';
import type { QuestionKind } from '../src/types.js';

describe('askedClassOf', () => {
  it.each([
    ['What drug killed him?', 'thing'],
    ['Which player scored the winning goal?', 'person'],
    ["What famous talk show host's wife is joining the show?", 'person'],
    ['What was his occupation?', 'occupation'],
    ["What's her name?", 'person'],
    ["What is the singer's mother's name?", 'person'],
    ['What were their names?', 'person'],
    ['What is the name of the ship?', 'name'],
    ["What was the ship's name?", 'name'],
    ['What is its name?', 'name'],
    ['What news outlet is he with?', 'body'],
    ['What party does she belong to?', 'body'],
    ['In what country was the summit held?', 'area'],
    ['which mp wants her out', 'person'],
    ['which exec quit', 'person'],
  ])('reads %j as asking for a %s', (question, asked) => {
    expect(askedClassOf(question)).toBe(asked);
  });

  it.each(['What is the man doing?', 'What did he say?', 'Who met in Miami?', 'Why did the talks fail?'])('finds no asked noun in %j', (question) => {
    expect(askedClassOf(question)).toBeNull();
  });
});

describe('askedNounOf', () => {
  it.each([
    ['What is the population of Miami?', 'population'],
    ['how many hostages have been let go so far', 'hostages'],
    ['What was his occupation?', 'occupation'],
    ['what kit did the army bring in', 'kit'],
    ['Which central bank official was suspended?', 'official'],
    ['Who won the 2022 World Cup?', null],
    ['what is the man doing?', null],
  ])('reads %j as asking for %j', (question, noun) => {
    expect(askedNounOf(question)).toBe(noun);
  });
});

describe('asksName', () => {
  it.each(['name of the boat that burned?', 'ship name?', "gm's name?", 'whats the drug called', 'What were the names of the two miners who died?', 'Name one show he began his career on?', "What's his nickname?"])(
    'reads %j as asking for a name',
    (question) => {
      expect(asksName(question)).toBe(true);
    },
  );

  it.each(['What is another name for a coal supply bin?', 'Where was he when he called?', 'how many vendors did the report name at first', 'Who was named as the new chief?', 'did they name the suspect'])(
    'reads %j as asking for no name',
    (question) => {
      expect(asksName(question)).toBe(false);
    },
  );
});

describe('asksRoleHolder', () => {
  // "Who's running it now?" asks who manages it day to day; "who runs the dam?" (below) may be answered by a firm.
  it.each(["who's the boss at the airline", 'who heads the inquiry', 'name of the fire chief?', "who's in charge of the ministry now", 'who chairs the board', "who's running the bank for the fund now", "who's the skipper"])('reads %j as asking who holds a role', (question) => {
    expect(asksRoleHolder(question, 'person')).toBe(true);
  });

  it.each<[string, QuestionKind]>([
    ['who runs the dam', 'person'],
    ['which company runs it, who is the boss', 'person'],
    ["what did the boss say", 'statement'],
  ])('does not read %j as asking for a role-holder', (question, kind) => {
    expect(asksRoleHolder(question, kind)).toBe(false);
  });
});

describe('asksAge', () => {
  it.each(['How old is she?', 'At what age did he retire?', 'What was the age of the person found dead?', "what's her age", 'And what is his age now?'])('reads %j as asking for an age', (question) => {
    expect(asksAge(question)).toBe(true);
  });

  it.each(['When did the ice age end?', 'What was the name of the person found dead?', 'What did the age of the building tell them?'])('reads %j as asking for no age', (question) => {
    expect(asksAge(question)).toBe(false);
  });
});
