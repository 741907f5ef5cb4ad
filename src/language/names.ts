import { honorifics, months, organisationWords, placePrepositions, placeWords, roleNouns, sentenceAdverbs, speechVerbs, stopWords, territoryNouns, weekdays } from './lexicon.js';

/** A word of a sentence with its offsets in that sentence. */
export type Word = { text: string; start: number; end: number };

/** What a capitalised phrase names, as far as grammar and the story's usage tell. */
export type NameKind = 'person' | 'place' | 'organisation' | 'unknown';

/** A run of capitalised words in a sentence: a candidate name. */
export type NamePhrase = {
  /** The name without leading titles ("Jane Doe" for "President Jane Doe") and without a possessive 's. */
  text: string;
  start: number;
  end: number;
  /** A title or role that stood before the name in the same phrase or just before it ("President", "special envoy"). */
  title: string | null;
  /** What this phrase looks like from its own words and neighbours alone. */
  localKind: NameKind;
  /** True when the phrase opens the sentence, where any word is capitalised. */
  sentenceInitial: boolean;
  /** True when `localKind` rests only on a verb of speaking after it, which bodies and countries share with people. */
  weak: boolean;
  /** True when quotation marks enclose the phrase alone, as they do a song's, film's or book's title ("Lonesome Day"). */
  quoted: boolean;
};

const wordPattern = /[\p{L}\p{N}]+(?:['’\-.&][\p{L}\p{N}]+)*\.?/gu;
const nameConnectors = new Set(['of', 'for', 'the', 'de', 'da', 'di', 'van', 'von', 'der', 'den', 'al', 'bin', 'ibn', 'la', 'le', 'del', 'du', 'dos', 'das']);
const placeOpeners = new Set(['new', 'san', 'santa', 'los', 'las', 'saint', 'st', 'fort', 'port', 'lake', 'mount', 'cape']);
const compassWords = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'middle', 'central', 'upper', 'lower']);

/** Splits a sentence into words with offsets; a trailing full stop stays only on abbreviations and initials. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(wordPattern)) {
    let word = match[0];
    const start = match.index;
    if (word.endsWith('.') && !isAbbreviation(word)) word = word.slice(0, -1);
    words.push({ text: word, start, end: start + word.length });
  }
  return words;
}

function isAbbreviation(word: string): boolean {
  const bare = word.slice(0, -1);
  if (/^\p{Lu}$/u.test(bare)) return true;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) return true;
  return honorifics.has(bare.toLowerCase()) && bare.length <= 4;
}

/** Whether a word starts with a capital letter (or is an all-capitals acronym). */
export function isCapitalised(word: string): boolean {
  // An ASCII first letter decides at once; every word of every sentence is asked at indexing time.
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(word);
}

function bareLower(word: string): string {
  return word.toLowerCase().replace(/['’]s$/, '').replace(/\.$/, '');
}

function isTitleWord(word: string): boolean {
  const lower = bareLower(word);
  if (honorifics.has(lower) || roleNouns.has(lower)) return true;
  return lower.includes('-') && lower.split('-').some((part) => honorifics.has(part) || roleNouns.has(part));
}

// Prepositions and conjunctions a headline capitalises; no name begins or ends with one ("Of" stays a connector).
const titleCaseLinkWords = new Set(['between', 'on', 'in', 'at', 'for', 'with', 'from', 'to', 'by', 'as', 'after', 'before', 'during', 'over', 'under', 'into', 'amid', 'against', 'about', 'than', 'via', 'and', 'or', 'but']);

function isCalendarWord(word: string): boolean {
  const lower = bareLower(word);
  return weekdays.has(lower) || (months.has(lower) && lower !== 'may');
}

/** Finds the capitalised phrases of a sentence, with titles split off and a first guess at what each names. */
export function findNamePhrases(sentence: string, words: readonly Word[] = wordsOf(sentence)): NamePhrase[] {
  const phrases: NamePhrase[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isCapitalised(words[i]!.text) || isCalendarWord(words[i]!.text) || titleCaseLinkWords.has(words[i]!.text.toLowerCase())) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < words.length) {
      const word = words[j]!.text;
      // Punctuation between two words ends the phrase: "Jane Doe, Acme's chief" is two phrases.
      if (!/^\s+$/.test(sentence.slice(words[j - 1]!.end, words[j]!.start))) break;
      // A headline capitalises its prepositions: "… Between Jane Doe and John Roe On Thursday" names no "Roe On".
      if (titleCaseLinkWords.has(word.toLowerCase())) break;
      if (isCapitalised(word) && !isCalendarWord(word)) {
        if (/['’]s$/.test(words[j - 1]!.text)) break;
        // "Weather The rain …": a capitalised "The" inside a run opens a sentence glued to a subhead; no name goes on
        // through it.
        if (gluedOpeners.has(word)) break;
        j++;
        continue;
      }
      // "Berth 7", "Local 14": a short number right after a name is part of it.
      if (/^\d{1,3}$/.test(word) && isCapitalised(words[j - 1]!.text) && !/['’]s$/.test(words[j - 1]!.text)) {
        j++;
        break;
      }
      // "Museum of Modern Art": connectors join capitalised words, but only when one follows.
      if (nameConnectors.has(word) && j + 1 < words.length) {
        let k = j;
        while (k < words.length && nameConnectors.has(words[k]!.text)) k++;
        if (k < words.length && isCapitalised(words[k]!.text) && k - j <= 2 && !/['’]s$/.test(words[j - 1]!.text)) {
          j = k;
          continue;
        }
      }
      break;
    }
    const phrase = classifyPhrase(sentence, words, i, j);
    if (phrase !== null) phrases.push(phrase);
    i = j;
  }
  return phrases;
}

// Words that open a sentence and are no part of a name that runs on into them.
const gluedOpeners = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'He', 'She', 'They', 'We', 'There', 'His', 'Her', 'Their', 'Its']);

const openingQuote = /["“‘]$/;
const closingQuote = /^[,.!?]?["”’]/;

function classifyPhrase(sentence: string, words: readonly Word[], from: number, to: number): NamePhrase | null {
  let first = from;
  const sentenceInitial = from === 0 || /^["'“‘(\-–—•\s]*$/.test(sentence.slice(0, words[from]!.start));
  // Drop a capitalised function word or adverb that opens the sentence ("The", "Soon"): it is not part of a name.
  while (first < to && sentenceInitial && first === from && (stopWords.has(words[first]!.text.toLowerCase()) || sentenceAdverbs.has(words[first]!.text.toLowerCase()))) first++;
  // The same opener after a glued subhead ("Weather The rain …") is no name on its own.
  if (to - first === 1 && gluedOpeners.has(words[first]!.text)) return null;
  while (first < to && nameConnectors.has(words[first]!.text)) first++;
  if (first >= to) return null;
  let titleEnd = -1;
  for (let k = first; k < to; k++) if (isTitleWord(words[k]!.text)) titleEnd = k;
  const lowerBefore = first > 0 ? bareLower(words[first - 1]!.text) : '';
  let title: string | null = null;
  let nameStart = first;
  // "Secretary of State Jane Doe": an office named with "of" keeps its one capitalised complement.
  if (titleEnd >= first && titleEnd + 3 < to && words[titleEnd + 1]!.text === 'of') titleEnd += 2;
  if (titleEnd >= first && titleEnd < to - 1) {
    title = sentence.slice(words[first]!.start, words[titleEnd]!.end);
    nameStart = titleEnd + 1;
    while (nameStart < to && nameConnectors.has(words[nameStart]!.text)) nameStart++;
    if (nameStart >= to) return null;
  } else if (titleEnd === to - 1) {
    // The phrase is only a title ("the President", "Foreign Minister"): no name here.
    return null;
  }
  const nameWords = words.slice(nameStart, to);
  const lowers = nameWords.map((word) => bareLower(word.text));
  if (title === null && nameStart > 0 && roleNouns.has(lowerBefore) && !isCapitalised(words[nameStart - 1]!.text)) {
    title = lowerBefore;
  }
  const last = nameWords.at(-1)!;
  const text = sentence.slice(nameWords[0]!.start, last.end).replace(/['’]s$/, '');
  let localKind: NameKind = 'unknown';
  let weak = false;
  if (lowers.some((word) => organisationWords.has(word)) || /^\p{Lu}{2,}$/u.test(text)) localKind = 'organisation';
  else if (lowers.some((word) => placeWords.has(word)) || placeOpeners.has(lowers[0]!) || (lowers.length > 1 && compassWords.has(lowers[0]!))) {
    localKind = 'place';
  } else if (title !== null) localKind = 'person';
  else {
    const before = nameStart > 0 ? bareLower(words[nameStart - 1]!.text) : '';
    const beforeTwo = nameStart > 1 ? bareLower(words[nameStart - 2]!.text) : '';
    const after = to < words.length ? bareLower(words[to]!.text) : '';
    if (placePrepositions.has(before) || (before === 'the' && placePrepositions.has(beforeTwo)) || placeWords.has(after) || (before === 'of' && territoryNouns.has(beforeTwo))) localKind = 'place';
    else if (speechVerbs.has(after) || after === 'who') {
      localKind = 'person';
      weak = after !== 'who';
    }
  }
  const quoted = title === null && openingQuote.test(sentence.slice(0, words[from]!.start)) && closingQuote.test(sentence.slice(last.end));
  // "starred in "Arrested Development"": the preposition before a title says nothing of what it names.
  if (quoted && localKind !== 'organisation') {
    localKind = 'unknown';
    weak = false;
  }
  return { text, start: nameWords[0]!.start, end: last.end, title, localKind, sentenceInitial: sentenceInitial && nameStart === from, weak, quoted };
}

type Votes = { person: number; place: number; organisation: number; mentions: number };

function emptyVotes(): Votes {
  return { person: 0, place: 0, organisation: 0, mentions: 0 };
}

/** What one article says about the names in it: votes by phrase and by word, and full names by surname. */
export type NameEvidence = {
  phrases: Map<string, Votes>;
  words: Map<string, Votes>;
  fullNames: Map<string, Map<string, number>>;
  /** Capitalised words seen away from the start of a sentence: real names rather than sentence openers. */
  midSentence: Map<string, number>;
};

/** Whether most of a sentence's longer words are capitalised, as in a headline, where capitals do not mark names. */
export function isTitleCase(sentence: string, words: readonly Word[] = wordsOf(sentence)): boolean {
  let long = 0;
  let capitalised = 0;
  for (const word of words) {
    if (word.text.length < 4) continue;
    long++;
    if (isCapitalised(word.text)) capitalised++;
  }
  return long >= 3 && capitalised / long >= 0.7;
}

/** Gathers name evidence from the sentences of one article. */
export function collectNameEvidence(sentences: readonly string[]): NameEvidence {
  const evidence: NameEvidence = { phrases: new Map(), words: new Map(), fullNames: new Map(), midSentence: new Map() };
  // Words the article also writes in lower case: a headline glued to its text ("Death Toll Climbs to Six …") is
  // made of them, a person's name is not.
  const lowerCase = new Set(sentences.flatMap((sentence) => sentence.match(/(?<![\p{L}'’-])\p{Ll}+(?![\p{L}'’-])/gu) ?? []));
  // Capitalised words the article puts after "in", "at", "near" …: "Porto Session" opens with a place, not a first name.
  const placed = new Set(
    sentences.flatMap((sentence) => [...sentence.matchAll(/\b(?:in|at|near|from|outside|across)\s+(\p{Lu}[\p{L}'’-]+)/gu)].map((match) => match[1]!.toLowerCase())),
  );
  const commonWords = (tokens: readonly string[]) => tokens.filter((token) => lowerCase.has(token.toLowerCase())).length >= 2 || placed.has(tokens[0]!.toLowerCase());
  for (const sentence of sentences) {
    // One split into words serves both questions about the sentence.
    const words = wordsOf(sentence);
    if (isTitleCase(sentence, words)) continue;
    // A line that is one capitalised phrase and nothing else is a subhead ("Regulatory Pressure"), not a person.
    const bare = sentence.trim().replace(/[.:!?]+$/, '');
    for (const phrase of findNamePhrases(sentence, words)) {
      if (phrase.text === bare && phrase.localKind === 'unknown') continue;
      const key = phrase.text.toLowerCase();
      const tokens = phrase.text.split(/\s+/);
      if (!phrase.sentenceInitial) {
        for (const token of tokens) bump(evidence.midSentence, token.toLowerCase(), 1);
      }
      const votes = getOrCreate(evidence.phrases, key);
      votes.mentions++;
      const strength = phrase.weak ? 0.34 : 1;
      if (phrase.localKind !== 'unknown') votes[phrase.localKind] += strength;
      // Two or three plain capitalised words with no organisation or place word are usually a person's name.
      else if (!phrase.quoted && tokens.length >= 2 && tokens.length <= 3 && tokens.every((token) => /^\p{Lu}\p{Ll}/u.test(token)) && !commonWords(tokens)) votes.person += 0.5;
      for (const token of tokens) {
        const wordVotes = getOrCreate(evidence.words, token.toLowerCase());
        wordVotes.mentions++;
        if (tokens.length === 1 && phrase.localKind !== 'unknown') wordVotes[phrase.localKind] += strength;
      }
      if (tokens.length >= 2 && (phrase.localKind === 'person' || (phrase.localKind === 'unknown' && !phrase.quoted && tokens.length <= 3 && !commonWords(tokens)))) {
        const surname = tokens.at(-1)!.toLowerCase();
        getOrCreate(evidence.words, surname).person += phrase.localKind === 'person' ? 1 : 0.5;
        const names = evidence.fullNames.get(surname) ?? new Map<string, number>();
        names.set(phrase.text, (names.get(phrase.text) ?? 0) + 1);
        evidence.fullNames.set(surname, names);
      }
    }
  }
  return evidence;
}

function getOrCreate(map: Map<string, Votes>, key: string): Votes {
  let votes = map.get(key);
  if (votes === undefined) {
    votes = emptyVotes();
    map.set(key, votes);
  }
  return votes;
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}

/** A {@link NameRegistry} as plain data, in its maps' order, for a saved index: votes are [key, person, place, organisation, mentions]. */
export type NameRegistrySnapshot = {
  phrases: Array<[string, number, number, number, number]>;
  words: Array<[string, number, number, number, number]>;
  fullNames: Array<[string, Array<[string, number]>]>;
  midSentence: Array<[string, number]>;
};

/** The story's knowledge of its names, summed over articles; articles can be added and removed. */
export class NameRegistry {
  readonly #phrases = new Map<string, Votes>();
  readonly #words = new Map<string, Votes>();
  readonly #fullNames = new Map<string, Map<string, number>>();
  readonly #midSentence = new Map<string, number>();

  /** Restores a registry saved with {@link NameRegistry.toJSON}; throws on data of another shape. */
  static fromJSON(snapshot: NameRegistrySnapshot): NameRegistry {
    const registry = new NameRegistry();
    const votesOf = (entries: unknown, target: Map<string, Votes>) => {
      for (const entry of arrayOf(entries, 'votes')) {
        if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !entry.slice(1, 5).every((value) => typeof value === 'number')) throw new Error('NameRegistry: a saved vote is not [name, person, place, organisation, mentions]');
        target.set(entry[0], { person: entry[1], place: entry[2], organisation: entry[3], mentions: entry[4] });
      }
    };
    const countsOf = (entries: unknown, target: Map<string, number>) => {
      for (const entry of arrayOf(entries, 'counts')) {
        if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'number') throw new Error('NameRegistry: a saved count is not [name, count]');
        target.set(entry[0], entry[1]);
      }
    };
    votesOf(snapshot.phrases, registry.#phrases);
    votesOf(snapshot.words, registry.#words);
    countsOf(snapshot.midSentence, registry.#midSentence);
    for (const entry of arrayOf(snapshot.fullNames, 'fullNames')) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string') throw new Error('NameRegistry: a saved full name is not [surname, names]');
      const names = new Map<string, number>();
      countsOf(entry[1], names);
      registry.#fullNames.set(entry[0], names);
    }
    return registry;
  }

  /** The registry as plain data for a saved index; {@link NameRegistry.fromJSON} restores it exactly. */
  toJSON(): NameRegistrySnapshot {
    const votes = (map: Map<string, Votes>) => [...map].map(([key, v]): [string, number, number, number, number] => [key, v.person, v.place, v.organisation, v.mentions]);
    return {
      phrases: votes(this.#phrases),
      words: votes(this.#words),
      fullNames: [...this.#fullNames].map(([surname, names]) => [surname, [...names]]),
      midSentence: [...this.#midSentence],
    };
  }

  /** Adds (sign 1) or removes (sign −1) one article's evidence. */
  apply(evidence: NameEvidence, sign: 1 | -1): void {
    mergeVotes(this.#phrases, evidence.phrases, sign);
    mergeVotes(this.#words, evidence.words, sign);
    for (const [word, count] of evidence.midSentence) bump(this.#midSentence, word, sign * count);
    for (const [surname, names] of evidence.fullNames) {
      const target = this.#fullNames.get(surname) ?? new Map<string, number>();
      for (const [name, count] of names) bump(target, name, sign * count);
      if (target.size === 0) this.#fullNames.delete(surname);
      else this.#fullNames.set(surname, target);
    }
  }

  /** What a name most likely is, from how the whole story uses it and from its own phrase. */
  kindOf(phrase: NamePhrase): NameKind {
    if (phrase.localKind === 'organisation') return 'organisation';
    // A title of a work names no person or place, whatever the story's other uses of its words.
    if (phrase.quoted && phrase.localKind === 'unknown') return 'unknown';
    const key = phrase.text.toLowerCase();
    const votes = { ...(this.#phrases.get(key) ?? emptyVotes()) };
    const tokens = key.split(/\s+/);
    if (tokens.length === 1) {
      const word = this.#words.get(key);
      if (word !== undefined) {
        votes.person += word.person;
        votes.place += word.place;
        votes.organisation += word.organisation;
      }
    }
    // "Jane Doe", named in full once, is the "Doe" who "said" elsewhere: a surname the story uses as a person's
    // makes the full name a person's when nothing else is known of it.
    if (tokens.length > 1 && tokens.length <= 3 && votes.person + votes.place + votes.organisation === 0) {
      const surname = this.#words.get(tokens.at(-1)!);
      if (surname !== undefined && surname.person > Math.max(surname.place, surname.organisation)) votes.person += surname.person;
    }
    if (phrase.localKind !== 'unknown') votes[phrase.localKind] += phrase.weak ? 0.5 : 2;
    const best = (['person', 'place', 'organisation'] as const).reduce((a, b) => (votes[b] > votes[a] ? b : a));
    return votes[best] > 0 ? best : 'unknown';
  }

  /** Whether a capitalised word is used as a name somewhere away from the start of a sentence. */
  isKnownName(word: string): boolean {
    return this.#midSentence.has(word.toLowerCase());
  }

  /** The full name of the person a single word is the surname of ("Jane Doe" for "Doe"), or null. */
  personBySurname(word: string): string | null {
    const key = word.toLowerCase().replace(/['’]s$/, '');
    const votes = this.#words.get(key);
    if (votes === undefined || votes.person <= Math.max(votes.place, votes.organisation)) return null;
    const full = this.fullName(key);
    return /\s/.test(full) ? full : null;
  }

  /** The people the story names most often, by the mentions of their surname, most first, at most `limit` (full names). */
  mostMentionedPeople(limit: number): string[] {
    const people: Array<{ name: string; mentions: number }> = [];
    for (const [surname] of this.#fullNames) {
      const votes = this.#words.get(surname);
      if (votes === undefined || votes.person <= Math.max(votes.place, votes.organisation)) continue;
      const name = this.fullName(surname);
      if (/\s/.test(name)) people.push({ name, mentions: votes.mentions });
    }
    return people.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, limit).map((person) => person.name);
  }

  /** The fullest form of a person's name the story uses ("Jane Doe" for "Doe"), or the name itself. */
  fullName(name: string): string {
    if (/\s/.test(name)) return name;
    const names = this.#fullNames.get(name.toLowerCase());
    if (names === undefined) return name;
    let best = name;
    let bestCount = 0;
    for (const [full, count] of names) {
      if (count > bestCount || (count === bestCount && full.length < best.length)) {
        best = full;
        bestCount = count;
      }
    }
    return best;
  }
}

function mergeVotes(target: Map<string, Votes>, source: Map<string, Votes>, sign: 1 | -1): void {
  for (const [key, votes] of source) {
    const current = target.get(key) ?? emptyVotes();
    current.person += sign * votes.person;
    current.place += sign * votes.place;
    current.organisation += sign * votes.organisation;
    current.mentions += sign * votes.mentions;
    if (current.mentions <= 0) target.delete(key);
    else target.set(key, current);
  }
}

function arrayOf(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`NameRegistry: saved ${what} are not a list`);
  return value;
}
