import { tenseOf, type Tense } from '../language/dates.js';
import { frameWords, genericWords, looksPlural, quantityNouns, roleNouns } from '../language/lexicon.js';
import { findNamePhrases, wordsOf } from '../language/names.js';
import { termKey } from '../search/terms.js';
import type { QuantityKind } from '../language/quantities.js';
import type { QuestionKind } from '../types.js';

/** A question term with where it came from in the question. */
export type QuestionTerm = {
  /** The processed term, as indexed. */
  term: string;
  /** The word as the question wrote it. */
  word: string;
  /** True for words that frame the question ("say", "happen") rather than name its topic. */
  frame: boolean;
  /** The index in `names` of the name this word belongs to, or null when it is not part of a name. */
  nameGroup: number | null;
  /** True for common verbs and adjectives ("main", "handling") that shape a question without naming its topic. */
  generic: boolean;
};

/** What a question asks for and about. */
export type QuestionAnalysis = {
  /** The question, normalised. */
  text: string;
  kind: QuestionKind;
  terms: QuestionTerm[];
  /** Capitalised names the question mentions ("Jane Doe", "Lisbon"), without titles. */
  names: string[];
  /** For "who is X" and "what did X say": the person or body asked about; null otherwise. */
  subject: string | null;
  /** For "which X": the processed term of the noun that names the kind of answer ("river", "school"); null otherwise. */
  typeNoun: string | null;
  /** For "what X" and "which X": the processed term of X, the kind of thing the answer is ("century", "treaty"). */
  focusNoun: string | null;
  /** "Which countries …": the answer may be several names. */
  wantsSeveral: boolean;
  /** For "how many X": the processed term of the counted noun. */
  countNoun: string | null;
  /** For "how much of X": the answer is a share rather than an amount of money. */
  wantsShare: boolean;
  /** The kinds of quantity that answer the question, most likely first. */
  quantityKinds: QuantityKind[];
  /** True when the first of `quantityKinds` is clearly what is asked ("how many" wants a count). */
  prefersFirstKind: boolean;
  /** "What time …" wants a clock time rather than a day. */
  wantsClock: boolean;
  /** "latest", "now", "so far": the newest report of a changing figure is the answer. */
  wantsLatest: boolean;
  /** The years the question names ("the 2014 floods"), as written. */
  years: string[];
  tense: Tense;
};

const leadingFluff =
  /^(?:(?:so|and|but|ok|okay|hey|hi|please|quick question)[,:]?\s+)*(?:(?:can|could|would) you (?:please )?(?:tell me|say|explain|find out)|do you know|tell me|i (?:want|would like|'d like) to know|i wonder|any idea|explain)[,:]?\s+/i;
const placeNouns =
  /^(?:which|what)\s+(?:(?:city|country|county)|(?:cities|countries|counties)|(?:town|place|region|state|province|venue|location|capital|village|area|site|port|airport|base|hospital|building|street|road|highway|route|bridge|station|island|river|lake|sea|mountain|district|neighbou?rhood|border|coast|valley)s?|country's)\b/i;
// After "which", words that are not a noun naming the answer ("which of", "which is").
const notTypeNouns = /^(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|of|one|ones|way|side|part|parts)$/;
const timeNouns = /^(?:what|which)\s+(?:time|day|date|year|month|week|hour|weekday|night|morning|evening)\b/i;

/** Reads a normalised question: the kind of thing it asks for, its terms, names and subject. */
export function analyzeQuestion(question: string): QuestionAnalysis {
  const text = question.trim();
  const core = text.replace(leadingFluff, '').replace(/^[\s"'“‘(]+/, '');
  // "In what country …", "to where …", "during which year …": the preposition does not change what is asked.
  const lower = core.toLowerCase().replace(/^(?:in|at|on|from|to|into|during|since|until|by|near|for|of|with)\s+(?=(?:what|which|where|when|whom|how)\b)/, '');
  const phrases = findNamePhrases(core.charAt(0).toUpperCase() + core.slice(1));
  const names = phrases
    // A lone capitalised word that opens the question ("Bail?", "Magnitude?") is capitalised for the sentence, not
    // as a name.
    .filter((phrase) => !(phrase.sentenceInitial && !/\s/.test(phrase.text)))
    .map((phrase) => phrase.text);

  let kind: QuestionKind = 'other';
  let subject: string | null = null;
  let countNoun: string | null = null;
  let wantsShare = false;
  const identity = /^(?:who|what)(?:'s| is| was| are| were)\s+(.+?)[?.!]*$/i.exec(core);
  if (identity && /^who/i.test(lower) && isBareName(identity[1]!) && !namesRelation(identity[1]!)) {
    kind = 'identity';
    subject = identity[1]!.replace(/^(?:the|a|an)\s+/i, '');
  } else if (/^(?:who|whom|whose)\b/.test(lower) || /^(?:what|which) (?:is|was) the name\b/.test(lower) || /^name the\b/.test(lower) || asksForRole(lower)) {
    kind = 'person';
  } else if (/^how long ago\b/.test(lower)) {
    kind = 'time';
  } else if (/^(?:when|by when|since when|until when|how soon)\b/.test(lower) || timeNouns.test(lower)) {
    kind = 'time';
  } else if (/^where\b/.test(lower) || /\bwhere\b.*\?$/.test(lower) && /^(?:do|does|did|is|are|was|were) /.test(lower) || placeNouns.test(lower)) {
    kind = 'place';
  } else if (/^how long\b/.test(lower) || /^for how long\b/.test(lower)) {
    kind = 'duration';
  } else if (/^how (?:high|tall|deep|far|big|large|heavy|fast|old|wide|strong|hot|cold|low|severe)\b/.test(lower)) {
    kind = 'number';
  } else if (/^how many\b/.test(lower)) {
    kind = 'number';
    const noun = countedNoun(lower);
    countNoun = noun ? termKey(noun[1]!) : null;
    // "How many hours" asks how long.
    if (noun && /^(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)$/.test(noun[1]!)) kind = 'duration';
  } else if (/^how much\s+of\b/.test(lower) || /^(?:what|which)\s+(?:percentage|percent|share|proportion|fraction)\b/.test(lower)) {
    kind = 'number';
    wantsShare = true;
  } else if (/^how much\b/.test(lower) || /^(?:what|which)\s+(?:amount|sum|price|cost|figure|value)\b/.test(lower) || /\bworth\b|\bvalued? at\b/.test(lower)) {
    kind = 'amount';
  } else if (/^why\b/.test(lower) || /^(?:what|which) (?:is |was |are |were )?(?:the )?(?:reason|cause|motive)/.test(lower) || /^what (?:caused|prompted|led to|triggered|drove)\b/.test(lower)) {
    kind = 'reason';
  } else if (/^(?:what|how) (?:did|does|do|has|have|had|will|would) .+? (?:say|said|tell|told|think|describe|call|claim|announce|warn|write|wrote|respond|react|mean)\b/.test(lower) || /^what (?:was|were|is|are) .+?(?:'s|s') (?:reaction|response|message|statement|position|view|stance)\b/.test(lower)) {
    kind = 'statement';
    const speaker = /^(?:what|how) (?:did|does|do|has|have|had|will|would) (.+?) (?:say|said|tell|told|think|describe|call|claim|announce|warn|write|wrote|respond|react|mean)\b/i.exec(core);
    subject = speaker ? speaker[1]!.replace(/^(?:the|a|an)\s+/i, '') : null;
  } else if (/^how\b/.test(lower)) {
    kind = 'manner';
  } else if (asksForSpan(lower)) {
    kind = 'duration';
  } else if (asksForQuantity(lower)) {
    kind = 'number';
    // "death toll?", "what was the magnitude": the figure is the quantity the question names.
    const focus = lower.split(/[^\p{L}-]+/u).find((word) => quantityNouns.has(word));
    countNoun = focus === undefined ? null : termKey(focus);
  }

  const which = /^which\s+(\p{L}[\p{L}-]*)/u.exec(lower)?.[1];
  const whatNoun = /^(?:what|which)\s+(?:kind of\s+|type of\s+|sort of\s+)?(\p{L}[\p{L}-]*)/u.exec(lower)?.[1];
  const focusNoun = whatNoun === undefined || notTypeNouns.test(whatNoun) || /^(?:the|a|an|to|they|he|she|it|we|you|i|this|that|these|those|there)$/.test(whatNoun) ? null : termKey(whatNoun);
  const typeNoun = which === undefined || notTypeNouns.test(which) ? null : termKey(which);
  // "Which school collapsed?", "which road is closed": the answer is a name, of whatever kind the noun says.
  if (kind === 'other' && typeNoun !== null) kind = 'name';

  // The word that names the kind of answer ("what time", "which city", "what share") is not a topic to find.
  const typeWord = /^(?:what|which|how)\s+(time|day|date|year|month|week|hour|city|country|town|place|region|state|province|location|river|lake|district|county|share|percentage|percent|proportion|fraction|amount|sum|figure|number|long|much|many)\b/i.exec(lower)?.[1]?.toLowerCase();
  const terms: QuestionTerm[] = [];
  for (const word of wordsOf(core)) {
    const term = termKey(word.text);
    if (term === null) continue;
    const bare = word.text.toLowerCase().replace(/['’]s$/, '');
    const group = names.findIndex((name) => name.toLowerCase().split(/\s+/).includes(bare));
    const inName = group >= 0;
    terms.push({
      term,
      word: word.text,
      frame: (frameWords.has(bare) || bare === typeWord) && !inName,
      nameGroup: inName ? group : null,
      generic: !inName && (genericWords.has(bare) || /^\p{Ll}+(?:ing|ly)$/u.test(bare)),
    });
  }
  const quantityKinds: QuantityKind[] =
    kind === 'duration'
      ? ['duration']
      : kind === 'amount'
        ? ['money', 'percent', 'count']
        : wantsShare
          ? ['percent', 'count', 'money']
          : /^how many\b/.test(lower)
            ? ['count', 'percent']
            : ['count', 'percent', 'money'];
  return {
    text,
    kind,
    terms,
    names,
    subject,
    typeNoun,
    focusNoun,
    wantsSeveral: typeNoun !== null && /[^s]s$/.test(which!) && typeNoun !== which,
    countNoun,
    wantsShare,
    quantityKinds,
    prefersFirstKind: kind === 'duration' || kind === 'amount' || wantsShare || /^how many\b/.test(lower),
    wantsClock: /^(?:what|which) time\b|^at what time\b/.test(lower),
    wantsLatest: /\b(?:latest|now|current|currently|so far|to date|still|updated?|final|newest|most recent)\b/.test(lower),
    years: text.match(/\b(?:1[89]|20)\d\d\b/g) ?? [],
    tense: tenseOf(core),
  };
}

// "Who is Jane Doe?" asks who someone is; "Who is leading the talks?" asks for a person.
function isBareName(rest: string): boolean {
  const words = rest.replace(/[?.!]+$/, '').trim().split(/\s+/);
  if (words.length === 0 || words.length > 5) return false;
  if (/^(?:the|a|an)$/i.test(words[0]!) && words.length > 1 && words.slice(1).every((word) => /^\p{Lu}/u.test(word))) return true;
  if (words.some((word) => /ing$|ed$/i.test(word) && !/^\p{Lu}/u.test(word))) return false;
  if (/^(?:the|a|an|in|on|at|to|for|behind|responsible|going|leading|running|heading|meeting|now|still|also|being)$/i.test(words[0]!)) return false;
  return true;
}

// "Who was Jane Doe's son?", "who is the wife of John Roe?": a relation of someone asks for a person, not a description.
function namesRelation(rest: string): boolean {
  return /['’]s?\s+\p{Ll}+[?.!]*$/u.test(rest) || /^(?:the\s+)?\p{Ll}+\s+of\s+\p{Lu}/u.test(rest);
}

// "Which judge …", "what official …": a role asks for the person who holds it.
function asksForRole(lower: string): boolean {
  const match = /^(?:which|what)\s+(\p{L}+)(?:\s+(\p{L}+))?/u.exec(lower);
  if (match === null) return false;
  const isRole = (word: string | undefined) =>
    word !== undefined && (roleNouns.has(word) || roleNouns.has(word.replace(/s$/, '')) || /^(?:candidate|person|people|man|woman|politician|player|officer)s?$/.test(word));
  return isRole(match[1]) || (isRole(match[2]) && !/^(?:is|was|are|were|did|does|do|has|have|will)$/.test(match[1]!));
}

// "What's the maximum prison term he faces?", "what sentence did she get": the answer is a span of time.
function asksForSpan(lower: string): boolean {
  const rest = /^(?:what|which)(?:'s|\s+(?:is|was|are|were|will be|has been))?\s+(?:the\s+|a\s+|an\s+)?(.*)$/u.exec(lower)?.[1];
  return rest !== undefined && rest.split(/\s+/).slice(0, 3).some((word) => /^(?:term|sentence|tenure|stint)s?$/.test(word.replace(/[?.!,]+$/, '')));
}

// "death toll?", "what was turnout", "what is the final margin": the answer is a figure.
function asksForQuantity(lower: string): boolean {
  const words = lower.replace(/[?.!]+$/, '').split(/\s+/);
  if (words.length <= 3 && words.some((word) => quantityNouns.has(word))) return true;
  const focus = /^(?:what|which)(?:'s| is| was| are| were| will be)?\s+(?:the\s+)?(?:\p{L}+\s+){0,2}?(\p{L}+)(?:\s+(?:of|in|for|after|at|on|from|to|by)\b|[?.!]*$)/u.exec(lower);
  if (focus !== null && quantityNouns.has(focus[1]!)) return true;
  // "What pay rise is …", "what's the death toll now", "which offer did …": the thing asked about comes within the
  // first few words after the question word and any verb or article.
  const rest = /^(?:what|which)(?:'s|\s+(?:is|was|are|were|will be|has been))?\s+(?:the\s+|a\s+|an\s+)?(.*)$/u.exec(lower)?.[1];
  if (rest === undefined) return false;
  const head = rest.split(/\s+/).slice(0, 3);
  const stop = head.findIndex((word) => /^(?:is|was|are|were|did|does|do|has|have|will|would|can|of|in|for|to|from|by|on|at)$/.test(word));
  return (stop < 0 ? head : head.slice(0, stop)).some((word) => quantityNouns.has(word.replace(/[?.!,]+$/, '')));
}

// "How many Kenyan children were…" counts children: the counted noun is the first plural among the words after
// "how many", past any adjective, or else the first word.
function countedNoun(lower: string): RegExpExecArray | null {
  const words = /^how many\s+(?:more\s+|other\s+)?([\p{L}-]+)(?:\s+([\p{L}-]+))?(?:\s+([\p{L}-]+))?/u.exec(lower);
  if (words === null) return null;
  const plural = [words[1], words[2], words[3]].findIndex((word) => word !== undefined && looksPlural(word));
  if (plural > 0) words[1] = words[plural + 1]!;
  return words;
}
