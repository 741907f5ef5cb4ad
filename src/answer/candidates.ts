import { findTimeMentions, resolveTimeMention, tenseOf, type TimeMention } from '../language/dates.js';
import { placePrepositions, roleNouns, speechVerbs, stopWords } from '../language/lexicon.js';
import { hasSenseKindOf } from '../language/noun-kinds.js';
import { findNamePhrases, isTitleCase, type NameKind, type NamePhrase, type NameRegistry } from '../language/names.js';
import { findQuantities, quantityKey, type QuantityKind } from '../language/quantities.js';
import { isProperNounWord } from '../language/proper-nouns.js';
import { isWordNetWord } from '../language/synonyms.js';
import { formatDate } from '../format.js';
import { agePhrase } from './asked-class.js';
import { foldLatinLetters, termKey } from '../search/terms.js';
import type { QuestionKind } from '../types.js';

/** What sort of thing a candidate is, finer than the question's kind (a clock time is a time, a share a number). */
export type CandidateKind = 'person' | 'place' | 'name' | 'date' | 'clock' | 'duration' | 'money' | 'percent' | 'count' | 'description';

/** A possible direct answer found in a sentence. */
export type Candidate = {
  kind: CandidateKind;
  /** The text to show as the short answer. */
  display: string;
  /** What makes two candidates the same answer (a resolved date, a full name, a folded amount). */
  key: string;
  /** Offsets of the candidate in the sentence it came from. */
  start: number;
  end: number;
  /** For counts: the counted noun's processed term. */
  noun: string | null;
  /** True for vague amounts ("hundreds", "several"), which a precise figure beats. */
  vague: boolean;
};

/** Where a candidate sentence sits, for resolving relative dates and names. */
export type CandidateContext = {
  /** The article's publication date, YYYY-MM-DD, if known. */
  articleDate: string | null;
  /** A date the sentence is about (a timeline entry), if known. */
  eventDate: string | null;
  names: NameRegistry;
  /** Whether the sentence is an article's headline, whose capitals do not mark names. */
  headline?: boolean;
  /** The days the article names with weekday and date, by weekday, for placing a bare weekday; read only when one needs it. */
  statedWeekdays?: () => ReadonlyMap<number, string>;
};

/** What the question wants candidates for: its kind, the subject of "who is X", and the quantity kinds it accepts. */
export type CandidateRequest = { kind: QuestionKind; subject: string | null; quantityKinds: readonly QuantityKind[]; wantsAge?: boolean };

/** Finds the candidates of the kind a question asks for in one sentence. */
export function findCandidates(request: CandidateRequest, sentence: string, context: CandidateContext): Candidate[] {
  switch (request.kind) {
    case 'person':
      return namedCandidates(sentence, context, 'person');
    case 'place':
      return namedCandidates(sentence, context, 'place');
    case 'name':
      return namedCandidates(sentence, context, 'name');
    case 'time':
      return timeCandidates(sentence, context);
    case 'duration':
    case 'amount':
    case 'number':
      return request.wantsAge === true ? ageCandidates(sentence) : quantityCandidates(sentence, request.quantityKinds);
    case 'identity':
      return request.subject ? describeSubject(sentence, request.subject, context.names) : [];
    default:
      return [];
  }
}

function candidate(kind: CandidateKind, display: string, key: string, start: number, end: number, extra: Partial<Candidate> = {}): Candidate {
  return { kind, display, key, start, end, noun: null, vague: false, ...extra };
}

// A 'name' is any name the story's usage classifies: a school, a road, a regulator.
function namedCandidates(sentence: string, context: CandidateContext, wanted: 'person' | 'place' | 'name'): Candidate[] {
  const candidates: Candidate[] = [];
  const headline = isTitleCase(sentence);
  // An article's headline capitalises every word, and its cues mislead ("Sweden's Acme Is Quitting Porto" is no
  // person): there a phrase is trusted only when the story prints each of its words as a name in running text.
  const untrustedHeadline = context.headline === true && headline;
  const add = (display: string, start: number, end: number) => {
    // A name with a number in it ("Chapter 11", "Gate 4") is not a person's.
    if (wanted === 'person' && /\d/.test(display)) return;
    if (!candidates.some((candidate) => candidate.key === display.toLowerCase())) {
      candidates.push(candidate(wanted, display, display.toLowerCase(), start, end));
    }
  };
  const phrases = findNamePhrases(sentence);
  // "until May 15": a date's capitals name no school, road or person.
  const times = findTimeMentions(sentence);
  for (const phrase of phrases) {
    if (isCommonWordOpening(phrase, context.names)) continue;
    if (times.some((time) => time.start <= phrase.start && phrase.end <= time.end)) continue;
    const trusted = untrustedHeadline ? phrase.text.split(/\s+/).every((word) => context.names.isKnownName(word)) : phrase.localKind !== 'unknown' || !headline;
    if (trusted && !(phrase.sentenceInitial && phrase.localKind === 'unknown' && !context.names.isKnownName(phrase.text.split(/\s+/)[0]!))) {
      const kind = context.names.kindOf(phrase);
      if ((kind === wanted || (wanted === 'name' && kind !== 'unknown') || (wanted === 'place' && isVenue(sentence, phrase, kind))) && phrase.text.split(/\s+/).length <= 4) {
        add(wanted === 'person' ? context.names.fullName(phrase.text) : phrase.text, phrase.start, phrase.end);
        continue;
      }
    }
    // In a headline, or a run of capitals that is not one name ("Doe Wins Recount"), find the known people in it.
    if (wanted !== 'person') continue;
    // A full name whose surname the story uses for a person is that person, capitals around it or not.
    if (!untrustedHeadline && phrase.text.split(/\s+/).length <= 3 && context.names.kindOf(phrase) === 'person') {
      add(context.names.fullName(phrase.text), phrase.start, phrase.end);
      continue;
    }
    let offset = phrase.start;
    for (const token of phrase.text.split(/\s+/)) {
      const start = sentence.indexOf(token, offset);
      offset = start + token.length;
      const person = context.names.personBySurname(token);
      if (person !== null) add(person, start, start + token.length);
    }
  }
  if (wanted === 'place') addCoordinated(sentence, phrases, candidates, context, add);
  return candidates;
}

// "Colleagues told investigators …": a sentence's first word, capitalised only for being first, is a common word
// WordNet knows and the story never prints as a name inside a sentence, whatever cue follows it ("told").
function isCommonWordOpening(phrase: NamePhrase, names: NameRegistry): boolean {
  if (!phrase.sentenceInitial || /\s/.test(phrase.text) || names.isKnownName(phrase.text) || isProperNounWord(phrase.text)) return false;
  const term = termKey(phrase.text);
  return term !== null && isWordNetWord(term);
}

// "Teams from Chile, Peru and Ghana": names listed with a place are places too, whatever else the story's usage
// says of them ("Japan said …" reads as a person). A list is a run of neighbouring phrases joined by commas or
// "and"/"or"; one pass each way carries "listed" along every run, so the work is linear in the phrases and ends
// even when a list names the same place twice (the repeat is not added again, but still joins its neighbours).
function addCoordinated(sentence: string, phrases: readonly NamePhrase[], candidates: Candidate[], context: CandidateContext, add: (display: string, start: number, end: number) => void): void {
  const starts = new Set(candidates.map((candidate) => candidate.start));
  const listed = phrases.map((phrase) => starts.has(phrase.start));
  const eligible = phrases.map((phrase) => context.names.kindOf(phrase) !== 'organisation' && phrase.text.split(/\s+/).length <= 3);
  // joined[i]: phrase i and phrase i + 1 stand side by side in a list.
  const joined = phrases.map((phrase, i) => i + 1 < phrases.length && /^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/.test(sentence.slice(phrase.end, phrases[i + 1]!.start)));
  const take = (i: number) => {
    const phrase = phrases[i]!;
    add(phrase.text, phrase.start, phrase.end);
    listed[i] = true;
  };
  for (let i = 1; i < phrases.length; i++) if (!listed[i] && eligible[i] && joined[i - 1] && listed[i - 1]) take(i);
  for (let i = phrases.length - 2; i >= 0; i--) if (!listed[i] && eligible[i] && joined[i] && listed[i + 1]) take(i);
}

// "Talks resumed at the Water Board building": a body's premises are where something happens.
function isVenue(sentence: string, phrase: NamePhrase, kind: NameKind): boolean {
  if (kind !== 'organisation') return false;
  return /\bat\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, phrase.start - 8), phrase.start)) || /^(?:['’]s)?\s+(?:building|headquarters|offices?|hall|hotel|compound|premises)\b/i.test(sentence.slice(phrase.end));
}

function timeCandidates(sentence: string, context: CandidateContext): Candidate[] {
  const tense = tenseOf(sentence);
  const candidates: Candidate[] = [];
  const mentions = findTimeMentions(sentence);
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i]!;
    const next = mentions[i + 1];
    // "6 a.m. on Monday", "Thursday, Dec 4": two mentions side by side are one time.
    if (next !== undefined && /^(?:,?\s*(?:on|at)?\s*|\s*,\s*)$/i.test(sentence.slice(mention.end, next.start))) {
      const clockFirst = mention.weekday === null && mention.month === null && mention.year === null && mention.offsetDays === null;
      const day = clockFirst ? next : mention;
      const resolved = resolveTimeMention(day, context.articleDate, tense, statedFor(day, context));
      const text = sentence.slice(mention.start, next.end);
      candidates.push(candidate('date', displayTime({ ...day, text }, resolved), resolved ?? text.toLowerCase(), mention.start, next.end));
      if (clockFirst) candidates.push(candidate('clock', mention.text, mention.text.toLowerCase(), mention.start, mention.end));
      i++;
      continue;
    }
    const resolved = resolveTimeMention(mention, context.articleDate, tense, statedFor(mention, context));
    const isClock = /\d(?::\d\d)?\s?(?:a\.m|p\.m|am\b|pm\b)|noon|midnight/i.test(mention.text);
    candidates.push(candidate(isClock ? 'clock' : 'date', displayTime(mention, resolved), resolved ?? mention.text.toLowerCase(), mention.start, mention.end));
  }
  if (candidates.length === 0 && context.eventDate !== null) {
    candidates.push(candidate('date', formatDate(context.eventDate) ?? context.eventDate, context.eventDate, 0, 0));
  }
  return candidates;
}

// The article's stated weekdays, read only for a bare weekday: most questions never place one.
function statedFor(mention: TimeMention, context: CandidateContext): ReadonlyMap<number, string> | undefined {
  return mention.weekday !== null && mention.day === null && mention.direction === null ? context.statedWeekdays?.() : undefined;
}

function displayTime(mention: TimeMention, resolved: string | null): string {
  // "Monday's hearing" gives the day as "Monday", not "Monday's".
  const text = mention.text.replace(/^(?:on|by|in|from|until|since)\s+/i, '').replace(/['’]s$/, '');
  if (resolved === null || (mention.year !== null && mention.day !== null)) return text;
  const date = formatDate(resolved);
  return date === null ? text : `${text} (${date})`;
}

function quantityCandidates(sentence: string, kinds: readonly QuantityKind[]): Candidate[] {
  const times = findTimeMentions(sentence);
  const candidates: Candidate[] = [];
  for (const quantity of findQuantities(sentence)) {
    if (!kinds.includes(quantity.kind)) continue;
    if (times.some((time) => quantity.start < time.end && quantity.end > time.start)) continue;
    const noun = quantity.noun === '' ? null : termKey(quantity.noun.split(/\s+/).at(-1)!);
    const display = quantity.text.replace(/\s+/g, ' ').replace(/\.$/, '');
    const vague = (!/\d/.test(display) && /\b(?:hundreds|thousands|dozens|several|few|many|millions|billions)\b/i.test(display)) || isBoundOrDifference(sentence.slice(quantity.end));
    candidates.push(candidate(quantity.kind, display, `${quantity.kind}:${quantityKey(display)}`, quantity.start, quantity.end, { noun, vague }));
  }
  return candidates;
}

// Ages as news gives them: the age phrases a span is read with ("a 61-year-old", "aged 61"), "at the age of 61", a
// figure set off by commas after a name ("Halvorsen, 61, said"), or "she was 45." alone.
const agePattern = new RegExp(
  String.raw`${agePhrase.source}|\bage of\s+(\d{1,3})\b|(?<=\p{L}[\p{L}.'’-]*,\s)(\d{1,3})(?=,)|\b(?:he|she|who)\s+(?:is|was)\s+(\d{1,3})(?=\s*(?:[.,;]|$|when\b))`,
  'giu',
);

function ageCandidates(sentence: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of sentence.matchAll(agePattern)) {
    const figure = match.slice(1).find((group) => group !== undefined)!;
    if (Number(figure) > 125) continue;
    const start = match.index + match[0].indexOf(figure);
    if (!candidates.some((known) => known.start === start)) candidates.push(candidate('count', figure, `count:${figure}`, start, start + figure.length));
  }
  return candidates;
}

// "Magnitude 5 or more", "five votes narrower than the certified result": a threshold or a difference, not the
// figure itself.
function isBoundOrDifference(after: string): boolean {
  return /^\s*(?:(?:or|and)\s+(?:more|higher|above|greater|larger|bigger|over|stronger|less|fewer|lower|below|under|smaller)\b|(?:more|fewer|less|narrower|wider|higher|lower|bigger|smaller|larger|greater|longer|shorter|stronger|weaker)\s+than\b)/i.test(after);
}

const verbStops = new Set(['meet', 'meets', 'met', 'visit', 'visits', 'visited', 'join', 'joins', 'joined', 'replace', 'replaces', 'replaced', 'named', 'appointed', 'hold', 'holds', 'held', 'include', 'includes', 'including', 'like', 'as', 'called', 'urged', 'thanked', 'asked', 'spoke', 'speaking', 'according']);

/** Finds how a sentence describes someone: "Jane Doe, head of X," or "X's chief negotiator Jane Doe". */
export function describeSubject(sentence: string, subject: string, names: NameRegistry): Candidate[] {
  const full = names.fullName(subject.split(/\s+/).at(-1)!);
  const forms = [...new Set([subject, full, subject.split(/\s+/).at(-1)!])].filter((form) => form.length > 1);
  const candidates: Candidate[] = [];
  // "vukovic" typed finds "Vuković": letters are compared without their accents, one for one, so offsets hold.
  const lowerSentence = withoutAccents(sentence.toLowerCase());
  for (const form of forms.sort((a, b) => b.length - a.length)) {
    let from = 0;
    for (;;) {
      const at = lowerSentence.indexOf(withoutAccents(form.toLowerCase()), from);
      if (at < 0) break;
      from = at + form.length;
      if (/[\p{L}]/u.test(sentence.charAt(at - 1)) || /[\p{L}]/u.test(sentence.charAt(from))) continue;
      // A headline ("Doe, Roe to Meet Union Leaders in Porto"), alone or glued to its text, lists names with commas:
      // it describes nobody.
      // The words on both sides are read, since an organisation's name after a description is title case too.
      if (isTitleCase(sentence.slice(Math.max(0, at - 60), from + 40))) continue;
      const title = titleOf(sentence, at);
      if (title !== null) candidates.push(title);
      const after = appositiveAfter(sentence, from);
      if (after !== null) candidates.push(after);
      const before = modifierBefore(sentence, at);
      if (before !== null) candidates.push(before);
    }
    if (candidates.length > 0) break;
  }
  return candidates;
}

function withoutAccents(text: string): string {
  return text.replace(/[^\u0000-\u007f]/g, (letter) => {
    // One letter for one, so positions in the folded text stay those of the sentence.
    const base = foldLatinLetters(letter.normalize('NFD').replace(/\p{M}/gu, ''));
    return base.length === 1 ? base : letter;
  });
}

// A capitalised title inside the name's own phrase: "Acme Chief Executive Dr. Jane Doe" → "Acme Chief Executive".
function titleOf(sentence: string, at: number): Candidate | null {
  const phrase = findNamePhrases(sentence).find((candidate) => candidate.start <= at && at < candidate.end + 1 && candidate.title !== null);
  if (phrase === undefined || phrase.title === null) return null;
  const description = phrase.title.replace(/(?:\s+(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\.?)+$/u, '').trim();
  if (description === '' || /^(?:Mr|Mrs|Ms|Miss|Sir|Dame)\.?$/i.test(description)) return null;
  const start = sentence.indexOf(description);
  return candidate('description', description, description.toLowerCase(), start, start + description.length);
}

function appositiveAfter(sentence: string, from: number): Candidate | null {
  const rest = sentence.slice(from);
  const clause = /^(?:['’]s)?\s*,\s+who\s+((?:commands|leads|heads|runs|chairs|directs|oversees|manages|represents|owns|founded|co-founded|served|serves|worked|works|was|is|has been|had been|became|coaches|teaches|advises|covers)\b[^,;:.()—–"“”]{3,110})(?=[,;:.()—–"“”]|$)/u.exec(rest);
  if (clause !== null) {
    // "Jane Doe, who commands the eastern units, said …": the relative clause is the description.
    const description = clause[1]!.trim();
    const start = from + clause[0].indexOf(description);
    return candidate('description', description, description.toLowerCase(), start, start + description.length);
  }
  const match = /^(?:['’]s)?\s*(?:,|\s[—–-]|—|–|\(|,? (?:who|which) (?:is|was|has been|serves as|became)|\s(?:is|was|has been|serves as|became))\s+((?:the|a|an)\s+)?([^,;:.()—–"“”]{3,120}?)(?=\s*(?:[,;:.()—–"“”]|-\s|$|\s(?:who|which|and said|said|told|met|will|would|has|had)\b))/u.exec(rest);
  if (match === null) return null;
  const description = `${match[1] ?? ''}${match[2]!}`.trim();
  const words = description.split(/\s+/);
  if (words.length > 14 || words.length === 0) return null;
  const lowerWords = words.map((word) => word.toLowerCase().replace(/['’]s$/, ''));
  const describesRole = lowerWords.some((word) => roleNouns.has(word) || word.split('-').some((part) => roleNouns.has(part)) || word === 'head' || word === 'member');
  if (!describesRole) return null;
  if (speechVerbs.has(lowerWords[0]!) || verbStops.has(lowerWords[0]!)) return null;
  const start = from + match.index + match[0].indexOf(description);
  return candidate('description', description, description.toLowerCase().replace(/^(?:the|a|an)\s+/, ''), start, start + description.length);
}

function modifierBefore(sentence: string, at: number): Candidate | null {
  const before = sentence.slice(0, at);
  const words = before.split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  let cut = false;
  for (let i = words.length - 1; i >= 0 && kept.length < 8 && !cut; i--) {
    const raw = words[i]!;
    if (/[,;:()"“”]$/.test(raw) || !/[\p{L}\p{N}]/u.test(raw)) break;
    // A mark inside a word ("Pole;Poland's", where a glued heading was set off) ends the description at it.
    const mark = raw.search(/[,;:()"“”][^,;:()"“”]*$/u);
    const word = mark < 0 ? raw : raw.slice(mark + 1);
    cut = mark >= 0;
    if (!/[\p{L}\p{N}]/u.test(word)) break;
    const lower = word.toLowerCase();
    const bare = lower.replace(/['’]s$/, '');
    if (kept.length === 0) {
      // Titles that are part of the name ("General", "President") are dropped; the description must end in a role.
      if (/^\p{Lu}/u.test(word) && !/['’]s$/.test(word)) {
        if (roleNouns.has(bare) || bare.split('-').some((part) => roleNouns.has(part))) continue;
        return null;
      }
      // Beside a name, a noun that can name a person is its role: "talent show star Jane Doe", "pitching ace Jo Roe";
      // beside a common noun it is more often a modifier ("the company's private vet").
      const personNoun = /^\p{Lu}/u.test(sentence.charAt(at)) && /^\p{Ll}+$/u.test(bare) && hasSenseKindOf(bare, 'person');
      if (!roleNouns.has(bare) && !bare.split('-').some((part) => roleNouns.has(part)) && !personNoun) return null;
      kept.unshift(word);
      continue;
    }
    if (/['’]s$/.test(word)) {
      kept.unshift(word);
      break;
    }
    if (lower === 'the' || lower === 'a' || lower === 'an') {
      kept.unshift(word);
      break;
    }
    if (stopWords.has(lower) || speechVerbs.has(lower) || verbStops.has(lower) || placePrepositions.has(lower)) break;
    // "Jane Doe leading businessman John Roe": after a name, an -ing word is its verb, not part of Roe's description
    // (the acting mayor keeps "acting").
    // A lone capitalised word before it is more often a team or a company that the role belongs to ("Tigers pitching
    // ace Justin Verlander").
    const left = words[i - 1] ?? '';
    if (/^\p{Ll}+ing$/u.test(word) && /^\p{Lu}\p{Ll}/u.test(left) && !stopWords.has(left.toLowerCase()) && /^\p{Lu}/u.test(words[i - 2] ?? '')) break;
    kept.unshift(word);
  }
  if (kept.length === 0) return null;
  // A lone role word says something only when it is specific ("businessman"), not when it is generic ("member").
  if (kept.length === 1 && /^(?:member|official|officer|leader|head|chief|partner|friend|ally|colleague|counterpart|resident|worker|employee|student|person)$/i.test(kept[0]!)) return null;
  const description = kept.join(' ');
  const start = before.lastIndexOf(kept[0]!);
  return candidate('description', description, description.toLowerCase().replace(/^(?:the|a|an)\s+/, ''), start, start + description.length);
}
