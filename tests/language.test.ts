import { describe, expect, it } from 'vitest';
import { findTimeMentions, resolveTimeMention, statedWeekdayDates, tenseOf } from '../src/language/dates.js';
import { firstNameGender } from '../src/language/first-names.js';
import { keyedValue, readKeyedLines } from '../src/language/keyed-lines.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { collectNameEvidence, findNamePhrases, NameRegistry } from '../src/language/names.js';
import { isKindOf } from '../src/language/noun-kinds.js';
import { antonymTermsOf } from '../src/language/antonyms.js';
import { isProperNounWord } from '../src/language/proper-nouns.js';
import { wordnetSynonymsOf } from '../src/language/synonyms.js';
import { loadWordNet } from '../src/language/wordnet.js';
import { findQuantities } from '../src/language/quantities.js';
import { tagSentence } from '../src/language/tagger.js';
import { editDistance } from '../src/search/passage-index.js';
import { termKey, termsOf } from '../src/search/terms.js';

describe('termKey', () => {
  it('meets inflections and irregular forms at one term', () => {
    expect(termKey('pledged')).toBe(termKey('pledges'));
    expect(termKey('talks')).toBe(termKey('talked'));
    expect(termKey('met')).toBe(termKey('meeting'));
    expect(termKey('said')).toBe(termKey('says'));
  });

  it('meets the forms the stemmer cuts apart from their base: "died" and "die", "tried" and "try", "injuries" and "injured"', () => {
    for (const [a, b] of [['died', 'die'], ['dying', 'dies'], ['sued', 'sue'], ['tried', 'try'], ['injuries', 'injured'], ['injury', 'injure'], ['freed', 'free']]) {
      expect(termKey(a!), `${a} ~ ${b}`).toBe(termKey(b!));
    }
  });

  it('meets British and American spellings at one term ("labour" and "labor", "organised" and "organized")', () => {
    const pairs = [['labour', 'labor'], ['Labourers', 'laborers'], ['organised', 'organized'], ['organisation', 'organization'], ['cancelled', 'canceled'], ['centre', 'center'], ['kilometres', 'kilometers'], ['defence', 'defense'], ['programme', 'program'], ['analysed', 'analyzed'], ['harbour', 'harbor']];
    for (const [a, b] of pairs) expect(termKey(a!), `${a} ~ ${b}`).toBe(termKey(b!));
    // Words that only look British keep their own terms.
    for (const [a, b] of [['hour', 'hor'], ['promise', 'promize'], ['called', 'caled'], ['four', 'for']]) expect(termKey(a!), `${a} !~ ${b}`).not.toBe(termKey(b!));
  });

  it('meets a name typed without its letters that carry no separable accent ("Ostergaard" and "Østergaard")', () => {
    for (const [a, b] of [['Østergaard', 'Ostergaard'], ['Łódź', 'Lodz'], ['Straße', 'Strasse'], ['Ægir', 'Aegir'], ['Vuković', 'Vukovic']]) {
      expect(termKey(a!), `${a} ~ ${b}`).toBe(termKey(b!));
    }
  });

  it('reads news and chat shorthands as the words they stand for ("Sept." and "ppl")', () => {
    for (const [a, b] of [['Sept', 'September'], ['ppl', 'people'], ['govt', 'government'], ['yrs', 'years'], ['hrs', 'hour'], ['doc', 'doctor'], ['ops', 'operations'], ['incl', 'including'], ['evac', 'evacuation'], ['stats', 'statistics'], ['chem', 'chemical']]) {
      expect(termKey(a!), `${a} ~ ${b}`).toBe(termKey(b!));
    }
  });

  it('keeps "use" apart from the United States', () => {
    expect(termKey('used')).toBe(termKey('use'));
    expect(termKey('using')).toBe(termKey('use'));
    expect(termKey('used')).not.toBe(termKey('US'));
    expect(termKey('U.S.')).toBe(termKey('US'));
  });

  it('drops stop words and keeps capitalised acronyms that look like them', () => {
    expect(termKey('the')).toBeNull();
    expect(termKey('us')).toBeNull();
    expect(termKey('US')).toBe('us');
    expect(termKey('U.S.')).toBe('us');
  });

  it('folds accents, thousands separators and number words', () => {
    expect(termKey('Vuković')).toBe(termKey('Vukovic'));
    expect(termKey('19,000')).toBe('19000');
    expect(termKey('five')).toBe('5');
  });

  it("meets news style's abbreviated months and titles at the full word, and leaves short words that are words alone", () => {
    expect(termKey('Sept.')).toBe(termKey('September'));
    expect(termKey('Dec')).toBe(termKey('December'));
    expect(termKey('Sen.')).toBe(termKey('senator'));
    expect(termKey('Gov.')).toBe(termKey('governor'));
    expect(termKey('Lt.')).toBe(termKey('lieutenant'));
    expect(termsOf('on Sept. 17, Sen. Jane Doe said')).toEqual(termsOf('on September 17, Senator Jane Doe said'));
    expect(termKey('sat')).not.toBe(termKey('Saturday'));
    expect(termKey('mar')).not.toBe(termKey('March'));
  });

  it('reads a percent sign as the word percent', () => {
    expect(termsOf('19.3% of the land')).toEqual(['19.3', termKey('percent'), termKey('land')]);
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('maimi', 'miami')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('findQuantities', () => {
  it('finds money with its scale and rate, shares, durations and counted nouns', () => {
    const found = findQuantities('Allies pledged about $951 million, aim for $1 billion per month, hold 19.3% of land, talked for five hours and moved over 19,000 children.');
    expect(found.map((quantity) => [quantity.kind, quantity.text])).toEqual([
      ['money', 'about $951 million'],
      ['money', '$1 billion per month'],
      ['percent', '19.3%'],
      ['duration', 'five hours'],
      ['count', 'over 19,000 children'],
    ]);
    expect(found.at(-1)?.noun).toBe('children');
  });

  it('reads sums in the currencies a world desk meets by name or code, and in lakh and crore', () => {
    const sums = (text: string) => findQuantities(text).filter((quantity) => quantity.kind === 'money').map((quantity) => quantity.text);
    expect(sums('The rate rose to 1,400 forints from 1,150 forints, fines of 4,000 zlotys and 50 lei, a loss of ₹5.4 lakh.')).toEqual(['1,400 forints', '1,150 forints', '4,000 zlotys', '50 lei', '₹5.4 lakh']);
    expect(sums('The resits will cost KSh 1.6 billion, up from Rs 500 crore and CHF 3 million.')).toEqual(['KSh 1.6 billion', 'Rs 500 crore', 'CHF 3 million']);
    expect(sums('A fine of 9.8bn won, or 50,000 won a customer.')).toEqual(['9.8bn won', '50,000 won']);
    expect(sums('A contract worth 27.6 million soles, 2,000 soles a family, 40 million dong and 300 taka.')).toEqual(['27.6 million soles', '2,000 soles', '40 million dong', '300 taka']);
    expect(findQuantities('Shares fell 6.8 pct on Monday.')[0]).toMatchObject({ kind: 'percent', text: '6.8 pct' });
    // A currency's name is a whole word: "10 random checks" holds no rand.
    expect(findQuantities('They ran 10 random checks.')[0]?.kind).toBe('count');
  });

  it('counts the plural a singular noun before it qualifies ("1,800 car workers" are workers, not cars)', () => {
    expect(findQuantities('Some 1,800 car workers rallied at the gates.')[0]).toMatchObject({ text: 'Some 1,800 car workers', noun: 'car workers' });
    expect(findQuantities('Some 40 fire crews were called in.')[0]).toMatchObject({ text: 'Some 40 fire crews', noun: 'fire crews' });
    expect(findQuantities('The plant built 152,000 vehicles in 2027.')[0]).toMatchObject({ text: '152,000 vehicles', noun: 'vehicles' });
  });

  it('counts the plural a capitalised adjective qualifies, shown as printed', () => {
    const [count] = findQuantities('Officials report 9,000 Ukrainian children sent across the border, and 12 Dutch ships.');
    expect(count).toMatchObject({ kind: 'count', text: '9,000 Ukrainian children', noun: 'ukrainian children' });
    expect(findQuantities('The 40 Democrats voted no.')[0]).toMatchObject({ text: '40 Democrats', noun: 'democrats' });
    // An abbreviation with full stops qualifies the plural as well.
    expect(findQuantities('The college has produced eight U.S. presidents.')[0]).toMatchObject({ text: 'eight U.S. presidents', noun: 'u.s. presidents' });
  });

  it('does not count a clock time ("3 p.m.")', () => {
    expect(findQuantities('The 3 p.m. meeting ran late, and a 10 am call too.')).toEqual([]);
  });

  it('does not count a bare year', () => {
    expect(findQuantities('The plan runs until 2027.').filter((quantity) => quantity.kind === 'count')).toEqual([]);
  });

  it('does not count a number that ends a name, but counts one after a verb and a name', () => {
    const counts = (text: string) => findQuantities(text).map((quantity) => quantity.text);
    expect(counts('The dispute over cranes at Berth 7 is harder to bridge.')).toEqual([]);
    expect(counts('The Dockworkers Union Local 14 wants a raise for 900 members.')).toEqual(['900 members']);
    expect(counts('He met Smith 3 times before June 25.')).toEqual(['3', '25']);
  });
});

describe('findTimeMentions and resolveTimeMention', () => {
  it('reads a month\'s short form before a capitalised word as a name ("Jan Novak"), and before a day as a month', () => {
    expect(findTimeMentions('The blast killed a baker, Jan Novak, 41, and a tourist from Mar Menor.')).toEqual([]);
    expect(findTimeMentions('It opened on Jan. 5 and closed in Dec 2020.').map((mention) => mention.text)).toEqual(['Jan. 5', 'Dec 2020']);
  });

  it('reads full dates, month and year, weekdays and clock times', () => {
    const texts = findTimeMentions('On Thursday, Dec 4 2025, talks began at 6 a.m.; contracts end from January 2027.').map((mention) => mention.text);
    expect(texts).toEqual(['Thursday, Dec 4 2025', '6 a.m.', 'January 2027']);
  });

  it('puts a day and month followed by "this year", "last year" or "next year" in that year, not the nearest one', () => {
    const sentence = 'The contract was awarded on Jan. 14 this year, and a review of Dec. 2 last year is due by Feb. 1 next year.';
    const [awarded, reviewed, due] = findTimeMentions(sentence).filter((mention) => mention.day !== null);
    expect(resolveTimeMention(awarded!, '2027-11-15', tenseOf(sentence))).toBe('2027-01-14');
    expect(resolveTimeMention(reviewed!, '2027-11-15', tenseOf(sentence))).toBe('2026-12-02');
    expect(resolveTimeMention(due!, '2027-11-15', tenseOf(sentence))).toBe('2028-02-01');
    // Without it, the nearest year: "Jan. 14" written in mid-November is the coming January.
    const [bare] = findTimeMentions('The contract runs out on Jan. 14.');
    expect(resolveTimeMention(bare!, '2027-11-15', 'unknown')).toBe('2028-01-14');
  });

  it('finds no month or weekday inside a longer name written with letters beyond ASCII', () => {
    expect(findTimeMentions('José María Figueres and Marañón met Sundaysön in Mar 2024.').map((mention) => mention.text)).toEqual(['Mar 2024']);
  });

  it('reads "last weekend" as a whole, never "last week" inside it', () => {
    expect(findTimeMentions('Rain fell over the hills last weekend and again last week.').map((mention) => mention.text)).toEqual(['last weekend', 'last week']);
    expect(findTimeMentions('They met last weekday mornings.').map((mention) => mention.text)).toEqual([]);
  });

  it('keeps the part of the day a weekday or "yesterday" names: "Monday morning", "late Tuesday night"', () => {
    const texts = findTimeMentions('The hearing is on Monday morning; he was found late Tuesday night and left yesterday afternoon.').map((mention) => mention.text);
    expect(texts).toEqual(['Monday morning', 'late Tuesday night', 'yesterday afternoon']);
    const [monday] = findTimeMentions('The autopsy will take place Monday morning.');
    expect(monday?.weekday).toBe(1);
    expect(findTimeMentions("Thursday's meeting was cancelled.").map((mention) => mention.text)).toEqual(["Thursday's"]);
  });

  it('keeps the part of a year a time names: "first half of 2027", "the third quarter of 2026"', () => {
    const texts = findTimeMentions('It should close in the first half of 2027, after a review in the third quarter of 2026.').map((mention) => mention.text);
    expect(texts).toEqual(['the first half of 2027', 'the third quarter of 2026']);
  });

  it('places a weekday after the article date for future plans and before it for past events', () => {
    const [saturday] = findTimeMentions('Further talks are scheduled for Saturday.');
    const [tuesday] = findTimeMentions('They met on Tuesday.');
    expect(resolveTimeMention(saturday!, '2025-12-05', tenseOf('Further talks are scheduled for Saturday.'))).toBe('2025-12-06');
    expect(resolveTimeMention(tuesday!, '2025-12-05', tenseOf('They met on Tuesday.'))).toBe('2025-12-02');
  });

  it('places a bare weekday on the date the article gives it elsewhere ("Monday\'s hearing", "on Monday, March 31")', () => {
    const sentences = ['The court said it would hold a public hearing on Monday, March 31.', 'All eyes are now on Monday\'s court hearing.'];
    // A Thursday's article: without the stated date, a Monday four days ahead with no tense reads as the one before.
    const stated = statedWeekdayDates(sentences, '2031-03-27');
    expect([...stated]).toEqual([[1, '2031-03-31']]);
    const [monday] = findTimeMentions(sentences[1]!);
    expect(resolveTimeMention(monday!, '2031-03-27', tenseOf(sentences[1]!))).toBe('2031-03-24');
    expect(resolveTimeMention(monday!, '2031-03-27', tenseOf(sentences[1]!), stated)).toBe('2031-03-31');
    // "Last Monday" says which week itself; a weekday given two dates in one article is given none.
    expect(resolveTimeMention(findTimeMentions('They met last Monday.')[0]!, '2031-03-27', 'past', stated)).toBe('2031-03-24');
    expect(statedWeekdayDates(['On Monday, March 24, talks began.', 'They resume on Monday, March 31.'], '2031-03-27').size).toBe(0);
  });

  it('leaves a weekday unresolved when the article date is unknown', () => {
    const [monday] = findTimeMentions('The vote is on Monday.');
    expect(resolveTimeMention(monday!, null, 'future')).toBeNull();
  });
});

describe('findNamePhrases', () => {
  it('splits titles from names and guesses people and places from their neighbours', () => {
    const phrases = findNamePhrases('Harbour Commission chair Ana Ruiz met Foreign Minister Tomas Berg in Lisbon.');
    expect(phrases.map((phrase) => [phrase.text, phrase.localKind])).toEqual([
      ['Harbour Commission', 'organisation'],
      ['Ana Ruiz', 'person'],
      ['Tomas Berg', 'person'],
      ['Lisbon', 'place'],
    ]);
    expect(phrases[2]?.title).toBe('Foreign Minister');
  });

  it('splits a party or a nationality set before a name as it does a title ("Republican Ken Cuccinelli")', () => {
    const phrases = findNamePhrases('Democrat Tim Kaine beat Republican Jerry Kilgore, and Spaniard Ana Ruiz watched.');
    expect(phrases.map((phrase) => [phrase.text, phrase.title])).toEqual([
      ['Tim Kaine', 'Democrat'],
      ['Jerry Kilgore', 'Republican'],
      ['Ana Ruiz', 'Spaniard'],
    ]);
  });

  it('does not run a name across a comma', () => {
    expect(findNamePhrases('They met Ana Ruiz, Portugal’s envoy.').map((phrase) => phrase.text)).toEqual(['Ana Ruiz', 'Portugal']);
  });

  it('does not start a name with the adverb that opens a sentence ("Soon Ruiz was hooked")', () => {
    expect(findNamePhrases('Soon Ruiz was hooked.').map((phrase) => phrase.text)).toEqual(['Ruiz']);
    expect(findNamePhrases('Meanwhile Ana Ruiz said no.').map((phrase) => phrase.text)).toEqual(['Ana Ruiz']);
    expect(findNamePhrases('Later that day, Soon Yi spoke.').map((phrase) => phrase.text)).toEqual(['Soon Yi']);
  });
});

describe('NameRegistry', () => {
  it('learns full names and what a bare surname is from the whole story', () => {
    const registry = new NameRegistry();
    registry.apply(collectNameEvidence(['Mayor Ana Ruiz visited the docks.', 'Ruiz said the strike must end.', 'Talks resumed in Lisbon.']), 1);
    expect(registry.fullName('Ruiz')).toBe('Ana Ruiz');
    expect(registry.personBySurname('Ruiz')).toBe('Ana Ruiz');
    expect(registry.kindOf(findNamePhrases('They went to Lisbon.')[0]!)).toBe('place');
  });

  it('takes a full name printed once as a person when the story uses its surname for one', () => {
    const registry = new NameRegistry();
    registry.apply(collectNameEvidence(['The Harbour Guild of Pilots Lodge 4 endorsed Tomas Brandt.', 'Brandt said he was honoured.']), 1);
    const [, fullName] = findNamePhrases('The Harbour Guild of Pilots Lodge 4 endorsed Tomas Brandt.');
    expect(fullName?.text).toBe('Tomas Brandt');
    expect(registry.kindOf(fullName!)).toBe('person');
    expect(registry.kindOf(findNamePhrases('They sailed on the Northern Star.')[0]!)).not.toBe('person');
  });

  it('takes a title in quotation marks for no person or place, however its words read', () => {
    const sentences = ['The band played "Lonesome Day," and later "Hungry Heart."', 'She starred in "Arrested Development" for years.', 'Day said the show went well.'];
    const registry = new NameRegistry();
    registry.apply(collectNameEvidence(sentences), 1);
    const titles = sentences.flatMap((sentence) => findNamePhrases(sentence)).filter((phrase) => phrase.quoted);
    expect(titles.map((phrase) => phrase.text)).toEqual(['Lonesome Day', 'Hungry Heart', 'Arrested Development']);
    expect(titles.map((phrase) => registry.kindOf(phrase))).toEqual(['unknown', 'unknown', 'unknown']);
    // Quoted words that are not the whole quotation are read as usual.
    const [speaker] = findNamePhrases('"Ana Ruiz said it first," he recalled.');
    expect(speaker?.quoted).toBe(false);
  });

  it('forgets an article’s names when the article is removed', () => {
    const registry = new NameRegistry();
    const evidence = collectNameEvidence(['Mayor Ana Ruiz visited the docks.']);
    registry.apply(evidence, 1);
    registry.apply(evidence, -1);
    expect(registry.personBySurname('Ruiz')).toBeNull();
  });
});

describe('keyedValue', () => {
  it('finds every key of a sorted table, its first and last too, and null for a key it lacks', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'keyed-')), 'table.txt');
    writeFileSync(file, 'alpha one two\nbeta\ngamma three\nzoë f\n');
    const table = readKeyedLines(pathToFileURL(file), 'utf8');
    expect(keyedValue(table, 'alpha')).toBe('one two');
    expect(keyedValue(table, 'beta')).toBe('');
    expect(keyedValue(table, 'gamma')).toBe('three');
    expect(keyedValue(table, 'zoë')).toBe('f');
    expect(keyedValue(table, 'delta')).toBeNull();
    expect(keyedValue(table, '')).toBeNull();
  });
});

describe('firstNameGender', () => {
  it("gives a capitalised first name's usual gender, and null for a word that is not one", () => {
    expect(firstNameGender('Sandra')).toBe('female');
    expect(firstNameGender('Mark')).toBe('male');
    expect(firstNameGender('Qzxvbr')).toBeNull();
    // Only a word written as a name: "mark" in lower case is a verb or a noun.
    expect(firstNameGender('mark')).toBeNull();
    expect(firstNameGender('MARK')).toBeNull();
  });

  it('finds the first and last names of its table, names with letters outside ASCII, and names only other languages list', () => {
    expect(firstNameGender('Aabriella')).toBe('female');
    expect(firstNameGender('Şule')).toBe('female');
    expect(firstNameGender('Édan')).toBe('male');
    expect(firstNameGender('Radife')).toBe('female');
  });
});

describe('isKindOf', () => {
  it('reads WordNet\'s noun hierarchy from a word\'s most common sense up', () => {
    expect(isKindOf('medal', 'award')).toBe(true);
    expect(isKindOf('rifle', 'weapon')).toBe(true);
    expect(isKindOf('hospital', 'building')).toBe(true);
    expect(isKindOf('pump', 'device')).toBe(true);
    expect(isKindOf('Medals', 'awards')).toBe(true);
  });

  it('does not read the hierarchy downwards, call a word a kind of itself, or count the broadest kinds', () => {
    expect(isKindOf('award', 'medal')).toBe(false);
    expect(isKindOf('medal', 'medal')).toBe(false);
    expect(isKindOf('medal', 'entity')).toBe(false);
    expect(isKindOf('medal', 'object')).toBe(false);
  });

  it('knows nothing of words outside it and says so with false, whatever the input', () => {
    expect(isKindOf('xqzzv', 'award')).toBe(false);
    expect(isKindOf('medal', 'xqzzv')).toBe(false);
    expect(isKindOf('', '')).toBe(false);
    expect(isKindOf('…', '🙂')).toBe(false);
  });
});

describe('tagSentence', () => {
  it('keeps a word with letters outside ASCII whole, also at the end of a sentence ("Chełm.")', () => {
    const words = tagSentence('Dąbrowska-Lis told a news conference in Chełm.');
    expect(words.map((word) => word.text)).toContain('Chełm');
    expect(words.at(-1)).toMatchObject({ text: '.', pos: 'PUNCT' });
    expect(tagSentence('The talks ended at 9 p.m. on Friday.').map((word) => word.text)).toContain('p.m.');
  });
});

describe('loadWordNet', () => {
  it('reads every WordNet table up front, and each then answers as when read on first use', () => {
    loadWordNet();
    expect(isKindOf('medal', 'award')).toBe(true);
    expect(antonymTermsOf(termKey('admit')!).has(termKey('deny')!)).toBe(true);
    expect(isProperNounWord('china')).toBe(true);
    expect(wordnetSynonymsOf(termKey('cop')!)).toContain(termKey('policeman'));
  });
});
