import { areaNouns, bodyNouns, occupationNouns, organisationWords, personNouns, placeWords, roleNouns } from '../language/lexicon.js';
import { tagSentence, type TaggedWord } from '../language/tagger.js';
import type { QuestionKind } from '../types.js';

/**
 * The broad class of thing a what- or which-question's noun asks for: "what drug" a thing, "which player" a person,
 * "what is his occupation" an occupation, "what's her name" a name, "what agency" a body, "what country" an area.
 */
export type AskedClass = 'person' | 'occupation' | 'name' | 'body' | 'area' | 'thing';

/** Every asked class, in a fixed order. */
export const askedClasses: readonly AskedClass[] = ['person', 'occupation', 'name', 'body', 'area', 'thing'];

const nounTags = new Set(['NOUN', 'PROPN']);
// Words between the question word and its noun: "what famous talk show host's wife", "which new study".
const phraseTags = new Set(['ADJ', 'NOUN', 'PROPN', 'PART', 'NUM']);
const maxPhraseWords = 6;

/** The class of the noun a question asks for ("what drug killed him?" asks for a thing), or null when it names none. */
export function askedClassOf(question: string): AskedClass | null {
  // Only a what- or which-question names its answer's kind; the others are not tagged for it.
  if (!/\b(?:what|which)\b/i.test(question)) return null;
  const words = tagSentence(question);
  const head = askedNoun(words);
  if (head === null) return null;
  const asked = classOf(head.text);
  // "What's her name?", "the singer's mother's name": a name whose owner is a person is a person's name.
  return asked === 'name' && ownedByPerson(words, head.index) ? 'person' : asked;
}

/**
 * The noun a question names as the thing it asks for, as typed in lower case: "population" of "what is the
 * population of X?", "hostages" of "how many hostages …?"; null when it names none.
 */
export function askedNounOf(question: string): string | null {
  if (asksCount(question)) return askedPhraseWords(question).at(-1)?.toLowerCase() ?? null;
  if (!/\b(?:what|which)\b/i.test(question)) return null;
  return askedNoun(tagSentence(question))?.text ?? null;
}

/** The head noun of the phrase a which-question opens with ("official" of "which central bank official"), or null. */
export function whichHeadNoun(question: string): string | null {
  const words = tagSentence(question);
  const at = words.findIndex((word) => /^which$/i.test(word.text));
  if (at < 0 || words[at + 1]?.pos === 'AUX') return null;
  return askedNoun(words.slice(at))?.text ?? null;
}

const personalOwners = /^(?:his|her|their)$/i;
const possessiveMark = /^['’]s?$/;

// The word that owns the noun at `index` is a person: "her" in "her name", "mother" in "the singer's mother's name".
function ownedByPerson(words: readonly TaggedWord[], index: number): boolean {
  const before = words[index - 1];
  if (before === undefined) return false;
  if (personalOwners.test(before.text)) return true;
  const owner = possessiveMark.test(before.text) ? words[index - 2] : undefined;
  return owner !== undefined && classOf(owner.text.toLowerCase()) === 'person';
}

/**
 * The words of the phrase a what-, which- or how-many-question asks with ("what major conquest", "in what century",
 * "what type of steam engine", "how many customaries"), as typed; empty when it has none.
 */
export function askedPhraseWords(question: string): string[] {
  const words = tagSentence(question);
  const at = words.findIndex((word, i) => /^(?:what|which)$/i.test(word.text) || (/^(?:many|much)$/i.test(word.text) && /^how$/i.test(words[i - 1]?.text ?? '')));
  if (at < 0) return [];
  const phrase: string[] = [];
  for (let i = at + 1; i < words.length && phrase.length < maxPhraseWords; i++) {
    const word = words[i]!;
    if (phraseTags.has(word.pos) && word.pos !== 'PART') phrase.push(word.text);
    else if (/^of$/i.test(word.text) && /^(?:kind|type|sort|form)$/i.test(words[i - 1]?.text ?? '')) continue;
    else break;
  }
  return phrase;
}

// The head noun after "what" or "which": the last noun of the phrase that follows ("what news outlet" → outlet), or,
// after a copula, the noun that ends the question ("what was his occupation?" → occupation; not "what is the man
// doing?", whose noun is not the answer).
function askedNoun(words: readonly TaggedWord[]): { text: string; index: number } | null {
  const at = words.findIndex((word) => /^(?:what|which)$/i.test(word.text));
  if (at < 0) return null;
  let i = at + 1;
  if (/^(?:kind|type|sort)$/i.test(words[i]?.text ?? '') && /^of$/i.test(words[i + 1]?.text ?? '')) i += 2;
  let head = -1;
  if (words[i]?.pos === 'AUX') {
    i += 1;
    while (words[i] !== undefined && (words[i]!.pos === 'DET' || words[i]!.pos === 'PRON' || words[i]!.pos === 'ADJ')) i += 1;
    // "the singer's mother's name": the possessives chain up to the last noun.
    for (; words[i] !== undefined; i++) {
      if (nounTags.has(words[i]!.pos)) head = i;
      else if (!(head === i - 1 && possessiveMark.test(words[i]!.text))) break;
    }
    const next = words[i];
    return head >= 0 && head === i - 1 && (next === undefined || next.pos === 'PUNCT' || next.pos === 'ADP') ? { text: words[head]!.text.toLowerCase(), index: head } : null;
  }
  for (let taken = 0; words[i] !== undefined && phraseTags.has(words[i]!.pos) && taken < maxPhraseWords; i++, taken++) {
    if (nounTags.has(words[i]!.pos)) head = i;
  }
  return head >= 0 ? { text: words[head]!.text.toLowerCase(), index: head } : null;
}

function classOf(noun: string): AskedClass {
  const forms = [noun, noun.replace(/(?:es|s)$/, ''), noun.replace(/s$/, '')];
  const any = (words: ReadonlySet<string>): boolean => forms.some((form) => words.has(form));
  if (/^names?$/.test(noun)) return 'name';
  if (any(occupationNouns)) return 'occupation';
  if (any(personNouns) || any(roleNouns)) return 'person';
  if (any(bodyNouns) || any(organisationWords)) return 'body';
  if (any(areaNouns) || any(placeWords)) return 'area';
  return 'thing';
}

// A question's opening past "and", "so" or "but".
const opening = (question: string): string => question.replace(/^\W*(?:(?:and|so|but)\s+)?/i, '');

/** Whether a question asks someone's age ("How old is he?", "At what age did she …?"). */
export function asksAge(question: string): boolean {
  return /^(?:how old\b|(?:at\s+)?what age\b|what(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?:the|his|her|their|its)\s+ages?\b)/i.test(opening(question));
}

/** Whether a question asks for a name ("name of the boat?", "what's the drug called?"), which only a proper name answers. */
export function asksName(question: string): boolean {
  if (asksCount(question)) return false;
  // "Another name for a coal bin?" asks for a word, and "where was he when he called?" for no name at all.
  return /(?<!\b(?:did|do|does|to|will|would|not|n't|another|other)\s+(?:\p{L}+\s+)?)\b(?:nick)?names?\b(?!\s+(?:as|by|for)\b)/iu.test(question) || /^\W*(?:what|which)(?:['’]?s)?\b.*\bcalled\W*$/i.test(question);
}

// The roles only a person holds: "who's the boss of …", "who heads the inquiry", "name of the fire chief".
const personRole =
  /\b(?:boss(?:es)?|head(?:s|ed|ing)?|chief|chair(?:s|ed|ing|man|woman|person)?|ceo|chief\s+executive|director|president|leader|manager|commissioner|minister|governor|mayor|superintendent|commander|spokes(?:man|woman|person)|in\s+charge|skipper|captain|running)\b/i;

/**
 * Whether a who-question asks who holds a role only a person holds ("who's the boss at the airline?", "who heads the
 * inquiry?", "name of the mission chief?"), which no firm, body or place answers.
 */
export function asksRoleHolder(question: string, kind: QuestionKind): boolean {
  return kind === 'person' && personRole.test(question) && !/\bwhich\s+(?:co|company|firm|body|agency|group|organi[sz]ation|country|city)\b/i.test(question);
}

/** Whether a question asks for a count ("How many died?", "And how many were hurt?"). */
export function asksCount(question: string): boolean {
  return /^how many\b/i.test(opening(question));
}

/** Whether a question asks for a year ("What year did it open?", "In which year …?"). */
export function asksYear(question: string): boolean {
  return /\b(?:what|which) year\b/i.test(question);
}

/** An age as news writes it: "50-year-old", "aged 50", "50 years old". The figure is the first group. */
export const agePhrase = /\b(\d{1,3})(?:-|\s)years?(?:-|\s)old\b|\baged\s+(\d{1,3})\b/i;
