import { withoutRequestFrame } from '../conversation/question-shape.js';
import { asksAge, whichHeadNoun } from './asked-class.js';
import { tenseOf, type Tense } from '../language/dates.js';
import { chatFunctionWords, frameWords, genericWords, moneyNouns, weekdays, wordAlternation } from '../language/lexicon.js';
import { findNamePhrases } from '../language/names.js';
import { termKey, tokenize } from '../search/terms.js';
import type { QuantityKind } from '../language/quantities.js';
import type { QuestionKind } from '../types.js';
import { recogniseKind } from './kinds/index.js';

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
  /** "How much did it cost?", "how much was the fine?": the answer is a sum of money. */
  wantsMoney: boolean;
  /** The kinds of quantity that answer the question, most likely first. */
  quantityKinds: QuantityKind[];
  /** True when the first of `quantityKinds` is clearly what is asked ("how many" wants a count). */
  prefersFirstKind: boolean;
  /** "What time …" wants a clock time rather than a day. */
  wantsClock: boolean;
  /** "How old …", "at what age …" wants an age. */
  wantsAge: boolean;
  /** "latest", "now", "so far": the newest report of a changing figure is the answer. */
  wantsLatest: boolean;
  /** "Death toll?", "how many are missing": a figure asked in the present, of no particular day; the newest report's is the likelier answer. */
  asksStandingFigure: boolean;
  /** The years the question names ("the 2014 floods"), as written. */
  years: string[];
  tense: Tense;
};

// Words that open a question without being part of it ("so", "ok", "hey, …").
const leadingOpeners = /^(?:(?:so|and|but|ok|okay|hey|hi|please|quick question)[,:]?\s+)+/i;
// After "which", words that are not a noun naming the answer ("which of", "which is").
const notTypeNouns = /^(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|of|one|ones|way|side|part|parts)$/;

const questionWordStart = /^(?:what|which|who|whom|whose|where|when|why|how)\b/;
const auxiliaryStart = /^(?:is|are|was|were|am|do|does|did|has|have|had|can|could|will|would|shall|should|may|might|must)\b/;
// A phrase before the question word ("Beginning in what year …", "During the first stage, what state …").
const questionWordAfterPhrase = /(?:,\s*(?:(?:about|roughly|approximately|around)\s+)?|\b(?:in|at|on|from|to|into|during|since|until|by|near|for|of|with|after|before)\s+)(?=(?:what|which|where|when|whom|how)\b)/;

// A question word for a person, place, time or figure that closes a clause: "… held where?", "… met with whom?".
// Not "what": "combined observation and what?" already says where its answer stands.
const questionWordAtEnd =
  /^(\p{L}+\s.+?)\s+((?:(?:at|from|to|by|with)\s+)?(?:who|whom|where|when|how\s+(?:many|much|long|old|far)))(?:\s+(?:there|then|exactly))?\s*[?!.]*$/u;

// The question from its question word on, when a phrase opens it: what is asked does not change. A yes/no question
// ("Did he say what happened?") keeps its opening, which is what it asks.
function fromQuestionWord(lower: string): string {
  if (questionWordStart.test(lower) || auxiliaryStart.test(lower)) return lower;
  // A question word left where its answer would stand ("the games were held where?") asks what it would ask at the
  // front.
  const inSitu = questionWordAtEnd.exec(lower);
  if (inSitu !== null && !/\b(?:what|which|who|whom|whose|where|when|why|how)\b/.test(inSitu[1]!)) return `${inSitu[2]} ${inSitu[1]}`;
  const match = questionWordAfterPhrase.exec(lower);
  if (match === null || match.index > 80) return lower;
  const from = match.index + match[0].length;
  // Keep the preposition right before the question word: "in what year" stays a time question as before.
  const preposition = /\b(in|at|on|from|to|into|during|since|until|by|near|for|of|with)\s+$/.exec(lower.slice(0, from));
  return preposition === null ? lower.slice(from) : lower.slice(from - preposition[0].length);
}

// "Death toll?", "how many are missing", "how much has the company lost": a figure asked in the present, of no
// particular day, is the one standing now; a changing figure's newest report answers it.
function asksStandingFigure(kind: QuestionKind, tense: Tense, lower: string): boolean {
  if ((kind !== 'number' && kind !== 'amount') || tense !== 'unknown') return false;
  if ((lower.match(/\p{L}+/gu) ?? []).some((word) => weekdays.has(word))) return false;
  return !/\b(?:first|initial(?:ly)?|original(?:ly)?|earlier|before|previous(?:ly)?|ago|last|yesterday|(?:1[89]|20)\d\d)\b/.test(lower);
}

// Phrases that ask for the newest report and whose last word is no topic: "how many so far" is not about "far".
const untilNowPhrases = ['so far', 'thus far', 'to date', 'at this point', 'at the moment', 'as it stands'];
const untilNowWords = untilNowPhrases.map((phrase) => [new RegExp(String.raw`\b${phrase}\b`), phrase.split(' ').at(-1)!] as const);
const asksNewest = new RegExp(String.raw`\b(?:latest|now|current|currently|${untilNowPhrases.join('|')}|still|updated?|final|newest|most recent|in total|all told)\b`);

/** Whether a question asks for the newest report of what it asks: "latest", "so far", or a bare "death toll?". */
export function asksNewestReport(analysis: QuestionAnalysis): boolean {
  return analysis.wantsLatest || analysis.asksStandingFigure;
}

const chatQuestionWords: ReadonlyMap<string, string> = new Map([
  ['wat', 'what'],
  ['wht', 'what'],
  ['wut', 'what'],
  ['whut', 'what'],
  ['wot', 'what'],
  ['whr', 'where'],
  ['whn', 'when'],
  ['hw', 'how'],
]);
// Only where a question word stands: first, or after an opener ("so wat …").
const chatQuestionWord = new RegExp(String.raw`^(\W*(?:(?:and|so|but|ok|okay|also)\s+)?)(${[...chatQuestionWords.keys()].join('|')})(?=s?\b)`, 'i');

/** Reads a normalised question: the kind of thing it asks for, its terms, names and subject. */
export function analyzeQuestion(question: string): QuestionAnalysis {
  // Chat drops the apostrophe ("whos the mayor?", "whats the toll?"), misspells the opening question word ("wat
  // time did they …?", "wht did she say", "hw many …?") and shortens "are" to "r".
  const text = question
    .trim()
    .replace(chatQuestionWord, (typed: string, before: string, word: string, at: number, whole: string) =>
      // "Wat Arun": a capitalised word before another is a name.
      /^\p{Lu}/u.test(word) && /^s?\s+\p{Lu}/u.test(whole.slice(at + typed.length)) ? typed : before + (chatQuestionWords.get(word.toLowerCase()) ?? word),
    )
    .replace(/\b(who|what|where|when|how)s\b/gi, "$1's")
    // "what r they saying", "where r the crew": chat's "r" after a question word is "are".
    .replace(/\b(who|what|where|when|why|how|which)\s+r\b(?![’'.-])/gi, '$1 are');
  const core = withoutRequestFrame(text).replace(leadingOpeners, '').replace(/^[\s"'“‘(]+/, '');
  // "In what country …", "to where …", "about what year …": the preposition does not change what is asked.
  const lower = fromQuestionWord(core.toLowerCase()).replace(/^(?:in|at|on|from|to|into|during|since|until|by|near|for|of|with|about|around|roughly|approximately)\s+(?=(?:what|which|where|when|whom|how)\b)/, '');
  const phrases = findNamePhrases(core.charAt(0).toUpperCase() + core.slice(1));
  const names = phrases
    // A lone capitalised word that opens the question ("Bail?", "Magnitude?") is capitalised for the sentence, not
    // as a name.
    .filter((phrase) => !(phrase.sentenceInitial && !/\s/.test(phrase.text)))
    .map((phrase) => phrase.text);

  const recognised = recogniseKind({ core, lower });
  let kind: QuestionKind = recognised.kind;
  const subject = recognised.subject ?? null;
  const countNoun = recognised.countNoun ?? null;
  const wantsShare = recognised.wantsShare ?? false;

  const which = /^which\s+(\p{L}[\p{L}-]*)/u.exec(lower)?.[1];
  const whatNoun = /^(?:what|which)\s+(?:kind of\s+|type of\s+|sort of\s+)?(\p{L}[\p{L}-]*)/u.exec(lower)?.[1];
  const whatFocus = whatNoun === undefined || notTypeNouns.test(whatNoun) || /^(?:the|a|an|to|they|he|she|it|we|you|i|this|that|these|those|there)$/.test(whatNoun) ? null : termKey(whatNoun);
  // "Which central bank official": the kind is the phrase's head noun, not its first word.
  const whichHead = which === undefined ? null : (whichHeadNoun(text) ?? which);
  const typeNoun = whichHead === null || notTypeNouns.test(whichHead) ? null : termKey(whichHead);
  const focusNoun = which === undefined ? whatFocus : typeNoun;
  // "Which school collapsed?", "which road is closed": the answer is a name, of whatever kind the noun says.
  if (kind === 'other' && typeNoun !== null) kind = 'name';

  // The word that names the kind of answer ("what time", "which city", "what share") is not a topic to find.
  const typeWord = /^(?:what|which|how)\s+(time|day|date|year|month|week|hour|city|country|town|place|region|state|province|location|river|lake|district|county|share|percentage|percent|proportion|fraction|amount|sum|figure|number|long|much|many|far|big|large|high|tall|deep|often|wide|fast|heavy)\b/i.exec(lower)?.[1]?.toLowerCase();
  // "So far", "thus far" and "to date" ask for the newest figure (wantsLatest), and so do "now" and "currently" in a
  // question for a figure or a date; their words are no topic: "how many ops postponed now" is answered by "790 … had
  // been postponed by Friday", "when are the resits now" by "resits moved to December 6", neither of which says "now"
  // ("where's she traveling now?" keeps its "now").
  const untilNow = new Set([
    ...(['number', 'amount', 'duration', 'time'].includes(kind) ? ['now', 'currently'] : []),
    ...untilNowWords.filter(([phrase]) => phrase.test(lower)).map(([, word]) => word),
  ]);
  const terms: QuestionTerm[] = [];
  // The question's words as the index reads them: "follow-up" as "follow" and "up", "five-hour" as "5" and "hour",
  // "$60,000" as 60000.
  const nameWords = names.map((name) => name.toLowerCase().split(/[\s\-‐‑]+/));
  for (const token of tokenize(core)) {
    const term = chatFunctionWords.has(token) ? null : termKey(token);
    if (term === null) continue;
    const bare = token.toLowerCase().replace(/['’]s$/, '');
    const group = nameWords.findIndex((words) => words.includes(bare));
    const inName = group >= 0;
    terms.push({
      term,
      word: token,
      frame: (frameWords.has(bare) || bare === typeWord || untilNow.has(bare)) && !inName,
      nameGroup: inName ? group : null,
      generic: !inName && (genericWords.has(bare) || /^\p{Ll}+(?:ing|ly)$/u.test(bare)),
    });
  }
  const tense = tenseOf(core);
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
    wantsSeveral: typeNoun !== null && /[^s]s$/.test(whichHead!) && typeNoun !== whichHead,
    countNoun,
    wantsShare,
    // The whole question, not only from its question word: "shops getting compensation, how much".
    wantsMoney: kind === 'amount' && moneyAsked.test(text.toLowerCase()),
    quantityKinds,
    prefersFirstKind: kind === 'duration' || kind === 'amount' || wantsShare || /^how many\b/.test(lower),
    wantsClock: /^(?:what|which) time\b|^at what time\b/.test(lower),
    wantsAge: asksAge(text),
    // "What's the latest on when …" is read as its inner question, so the request is looked for in the question as typed.
    wantsLatest: asksNewest.test(lower) || /^\W*(?:what(?:'s|\s+is)\s+)?(?:the\s+)?latest\b/i.test(text),
    asksStandingFigure: asksStandingFigure(kind, tense, lower),
    years: text.match(/\b(?:1[89]|20)\d\d\b/g) ?? [],
    tense,
  };
}

// Words that make "how much" a question about money: "how much did it cost", "how much was the fine".
const moneyAsked = new RegExp(
  String.raw`\b${wordAlternation([...moneyNouns, 'cash', 'money', 'costing', 'pay', 'paid', 'paying', 'spend', 'spent', 'spending', 'charge', 'charged', 'charging', 'fined', 'worth', 'priced', 'bid', 'sell', 'sold', 'buy', 'bought', 'earn', 'earned', 'owe', 'owed', 'raise', 'raised', 'donate', 'donated', 'insure', 'insured', 'insurance', 'valued', 'reward', 'bounty'])}\b`,
);
