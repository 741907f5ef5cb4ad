import { findNamePhrases, type NamePhrase } from '../language/names.js';
import { listedText } from '../format.js';
import { firstNameGender } from '../language/first-names.js';
import { termKey } from '../search/terms.js';
import type { Story } from '../story.js';
import { speechAndThoughtVerbs, stopWords, wordAlternation } from '../language/lexicon.js';
import { isYesNoQuestion } from '../answer/yes-no.js';
import { isAuxiliary, isPreposition, isWhWord, looksLikeVerbForm, shapeWords } from './question-shape.js';
import type { ConversationTurn } from './turn.js';

/** Something an earlier turn named that a pronoun can point back to. */
export type Referent = {
  /** The words to put in the pronoun's place ("Jane Doe", "Harbour City", "Monday"). */
  text: string;
  kind: 'person' | 'people' | 'place' | 'time' | 'thing';
  /** How many turns back it was named: 0 for the latest. */
  age: number;
  /** Whether the turn's answer named it (more salient than the question). */
  fromAnswer: boolean;
};

/** Which pronoun is being resolved, by what it can point to. */
export type PronounClass = 'he' | 'she' | 'they' | 'it' | 'there' | 'that';

/** What the recent turns named, newest first and, within a turn, the answer before the question. */
export function referentsOf(turns: readonly ConversationTurn[], story: Story): Referent[] {
  const referents: Referent[] = [];
  turns
    .slice()
    .reverse()
    .forEach((turn, age) => {
      // The "Yes" or "No" that answers a yes/no question names nothing a pronoun could point to.
      if (!turn.abstained && turn.short !== null && !isYesNoQuestion(turn.resolved)) {
        const kind = answerKind(turn, story);
        if (kind !== null) referents.push({ text: personName(turn.short, story) ?? turn.short, kind, age, fromAnswer: true });
        // "Jane Doe and John Roe": after the pair, each of them, for a "he" or "she" that picks one out.
        if (kind === 'people') {
          for (const member of turn.short.split(/\s*,\s*(?:and\s+)?|\s+and\s+/)) {
            const name = personName(member, story);
            if (name !== null) referents.push({ text: name, kind: 'person', age, fromAnswer: true });
          }
        }
      }
      const people: string[] = [];
      for (const phrase of namePhrasesOf(turn.resolved)) {
        const kind = story.names.kindOf(phrase);
        referents.push({ text: phrase.text, kind: kind === 'person' ? 'person' : kind === 'place' ? 'place' : 'thing', age, fromAnswer: false });
        if (kind === 'person' && !people.includes(phrase.text)) people.push(phrase.text);
      }
      // "Where did Doe meet Roe?" "How long did they talk?": the people a question names, together.
      if (people.length >= 2) referents.push({ text: listedText(people), kind: 'people', age, fromAnswer: false });
      for (const phrase of nounPhrasesOf(turn.resolved)) {
        referents.push({ text: phrase, kind: /[^s]s$/.test(phrase) ? 'people' : 'thing', age, fromAnswer: false });
      }
    });
  return referents;
}

const determiners = new Set(['the', 'a', 'an']);

// "Was a film made about her?" → "the film": the noun phrases a question names with an article, as "the …", for an
// "it" or "they" in the next question.
function nounPhrasesOf(question: string): string[] {
  const words = shapeWords(question);
  const phrases: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!determiners.has(words[i]!.lower)) continue;
    const nouns: string[] = [];
    for (let j = i + 1; j < words.length && nouns.length < 3; j++) {
      const word = words[j]!;
      if (isAuxiliary(word.lower) || isPreposition(word.lower) || isWhWord(word.lower) || looksLikeVerbForm(word.lower) || stopWords.has(word.lower) || /^\p{Lu}/u.test(word.text)) break;
      nouns.push(word.text);
    }
    if (nouns.length > 0) phrases.push(`the ${nouns.join(' ')}`);
  }
  return phrases;
}

/** The referent a pronoun most likely points to, or null; a person's gender, where the story shows it, must agree. */
export function pickReferent(pronoun: PronounClass, referents: readonly Referent[], story: Story): Referent | null {
  switch (pronoun) {
    case 'he':
    case 'she': {
      const people = referents.filter((referent) => referent.kind === 'person');
      const wanted = pronoun === 'he' ? 'male' : 'female';
      const genders = new Map(people.map((person) => [person.text, genderOf(story, person.text)]));
      // A person the story shows to be of that gender; else the person the last answers named, whose gender the
      // story does not show; else the person the story is most about.
      return (
        people.find((person) => genders.get(person.text) === wanted) ??
        people.find((person) => person.fromAnswer && person.age <= 1 && genders.get(person.text) === null) ??
        storyPerson(story, wanted)
      );
    }
    case 'they':
      return referents.find((referent) => referent.kind === 'people' && referent.age <= 1) ?? null;
    case 'there':
      return referents.find((referent) => referent.kind === 'place' && referent.age <= 2) ?? null;
    case 'it':
      return referents.find((referent) => referent.kind === 'thing' && referent.age === 0) ?? null;
    case 'that':
      return referents.find((referent) => referent.fromAnswer && referent.age === 0 && referent.kind !== 'time') ?? null;
  }
}

// With nobody named yet, "he" or "she" is most likely the person the coverage names most (of that gender).
function storyPerson(story: Story, wanted: 'male' | 'female'): Referent | null {
  const people = story.names.mostMentionedPeople(6);
  // Only a person the story shows to be of that gender: a wrong guess is worse than the pronoun left as it is.
  const name = people.find((person) => genderOf(story, person, { byFirstName: false }) === wanted);
  return name === undefined ? null : { text: name, kind: 'person', age: Number.POSITIVE_INFINITY, fromAnswer: false };
}

function answerKind(turn: ConversationTurn, story: Story): Referent['kind'] | null {
  switch (turn.kind) {
    case 'person':
      return /\band\b|,/.test(turn.short!) ? 'people' : 'person';
    case 'place':
      return 'place';
    case 'time':
      return 'time';
    case 'number':
    case 'amount':
    case 'duration':
    case 'identity':
      return null;
    default: {
      const [phrase] = namePhrasesOf(turn.short!);
      if (phrase === undefined) return 'thing';
      const kind = story.names.kindOf(phrase);
      return kind === 'person' ? 'person' : kind === 'place' ? 'place' : 'thing';
    }
  }
}

// A short answer naming a person with a title ("Solicitor General Jane Doe") is referred to by the name alone.
function personName(short: string, story: Story): string | null {
  const phrases = namePhrasesOf(short);
  if (phrases.length !== 1) return null;
  const [phrase] = phrases;
  return story.names.kindOf(phrase!) === 'person' ? phrase!.text : null;
}

function namePhrasesOf(text: string): NamePhrase[] {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  // A lone capitalised word that opens the text is capitalised for the sentence, not as a name.
  return findNamePhrases(capitalised).filter((phrase) => !(phrase.sentenceInitial && !/\s/.test(phrase.text)) || /^\p{Lu}/u.test(text));
}

const maleNouns = new Set(`actor husband father son brother man boy king prince uncle nephew grandfather grandson boyfriend
  businessman chairman spokesman congressman sportsman gentleman dad stepfather widower monk priest`.split(/\s+/));
const femaleNouns = new Set(`actress wife mother daughter sister woman girl queen princess aunt niece grandmother granddaughter
  girlfriend businesswoman chairwoman spokeswoman congresswoman sportswoman lady mom stepmother widow nun`.split(/\s+/));
const speechAfterName = new RegExp(String.raw`^['’]?s?,?\s+(?:\w+\s+)?${wordAlternation(speechAndThoughtVerbs)}\s+(?:\w+\s+)?(?:that\s+)?(he|she|his|her)\b`, 'i');
const pronounWords = new Set(['he', 'she', 'his', 'her', 'him', 'himself', 'herself']);
const firstNameWeight = 2;
const subjectPronoun = /\b(he|she|his|himself|herself)\b/i;

/**
 * A person's gender as the story shows it: a title (Mr, Ms) or a gendered noun beside the name ("actress Jane
 * Doe", "Doe, his wife"), "Doe said she …", a next sentence that opens with "He" or "She" after a sentence naming
 * them first, and the first pronoun after a mention before any other name, with the usual gender of the first name
 * (unless `byFirstName` is false) weighed as one more mention; null when none of these shows it.
 */
export function genderOf(story: Story, name: string, { byFirstName = true }: { byFirstName?: boolean } = {}): 'male' | 'female' | null {
  const parts = name.split(/\s+/);
  const surname = parts.at(-1) ?? name;
  const term = termKey(surname);
  if (term === null) return null;
  let male = 0;
  let female = 0;
  // A first name weighs as much as a title beside one mention: the story's own words can still outvote it
  // ("Jackie" is mostly a woman's name).
  const firstName = byFirstName && parts.length > 1 ? firstNameGender(parts[0]!) : null;
  if (firstName === 'male') male += firstNameWeight;
  else if (firstName === 'female') female += firstNameWeight;
  const vote = (word: string | undefined, weight: number) => {
    const lower = word?.toLowerCase();
    if (lower === 'he' || lower === 'his' || lower === 'himself' || lower === 'mr' || (lower !== undefined && maleNouns.has(lower))) male += weight;
    else if (lower === 'she' || lower === 'her' || lower === 'herself' || lower === 'mrs' || lower === 'ms' || lower === 'miss' || (lower !== undefined && femaleNouns.has(lower))) female += weight;
  };
  const mention = new RegExp(`(?:\\p{Lu}[\\p{L}'’.-]*\\s+){0,3}${escapeRegExp(surname)}\\b`, 'gu');
  // "LaToya Jackson" in a story about Michael Jackson: a mention of another first name with the surname is another
  // person's, and so is the bare surname when the story's fullest use of it is another name.
  const bareIsThem = parts.length < 2 || story.names.fullName(surname).toLowerCase() === name.toLowerCase();
  const someoneElse = (matched: string) => {
    if (parts.length < 2) return false;
    const before = matched.slice(0, matched.length - surname.length).split(/\s+/).filter(Boolean);
    if (before.length === 0) return !bareIsThem;
    return before.some((word) => word !== parts[0] && firstNameGender(word) !== null);
  };
  for (const hit of story.index.search([term], { limit: 30, fuzzy: false })) {
    const passage = story.passage(hit.id);
    if (passage === undefined) continue;
    const text = passage.normalized;
    let first = true;
    for (const match of text.matchAll(mention)) {
      if (someoneElse(match[0])) continue;
      const before = text.slice(Math.max(0, match.index - 40), match.index).toLowerCase().match(/[\p{L}]+/gu) ?? [];
      // Titles and nouns before a name describe it ("actress Jane Doe"); a pronoun there is someone else's ("she met Doe").
      for (const word of before.slice(-3)) if (!pronounWords.has(word)) vote(word.replace(/\.$/, ''), 2);
      const after = text.slice(match.index + match[0].length);
      vote(/^,\s+(?:the|a|an|his|her)?\s*(?:\p{L}+\s+)?(\p{L}+)\b/u.exec(after)?.[1], 2);
      // "Doe said she …" shows Doe's gender only when Doe is the one speaking, not in "a juror who acquitted Doe said she".
      if (opensClause(text.slice(Math.max(0, match.index - 12), match.index)) || /^,\s+who\b/i.test(after)) vote(speechAfterName.exec(after)?.[1], 2);
      // The first pronoun after the name, before another name could have taken it over.
      const near = after.slice(0, 50);
      const stop = near.search(/\s\p{Lu}\p{Ll}/u);
      vote(subjectPronoun.exec(stop < 0 ? near : near.slice(0, stop))?.[1], 0.5);
      // A sentence naming them first, followed by one opening "He …" or "She …".
      if (first && match.index < 30) vote(/^(He|She|His|Her)\b/.exec(story.neighbour(passage, 1)?.normalized ?? '')?.[1], 1);
      first = false;
    }
  }
  if (male >= 1 && male > female * 2) return 'male';
  if (female >= 1 && female > male * 2) return 'female';
  return null;
}

// Where a clause can begin: the text's start, a punctuation mark, or a conjunction.
function opensClause(before: string): boolean {
  return /(?:^|[.,;:!?"“”‘’(—–]\s*|\b(?:and|but|then|when|while|as|because|after|before|if|that|so)\s+)$/i.test(before);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
