import { irregularVerbs } from '../language/lexicon.js';

/** A word of a question as typed, with its lower-case form for matching. */
export type ShapeWord = { text: string; lower: string };

/** A wh-question taken apart: the question phrase, the auxiliary after it, and the rest. */
export type QuestionShape = {
  /** Words before the question word: a preposition ("in", "according to"), or none. */
  preposition: ShapeWord[];
  /** The question word ("who", "what", "how"), lower case. */
  whWord: string;
  /** The question word and the words that complete it: "what city", "how many days", "whose house". */
  wh: ShapeWord[];
  /** The auxiliary right after the question phrase ("did", "was"), or null. */
  aux: ShapeWord | null;
  /** True when the question phrase is the subject ("who met …", "whose house was searched"). */
  subject: boolean;
  /** The words after the auxiliary, or after the question phrase when there is none. */
  rest: ShapeWord[];
};

const whWords = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how']);
const auxiliaries = new Set([
  'is', 'was', 'are', 'were', 'am', 'be', 'do', 'does', 'did', 'has', 'have', 'had', 'will', 'would', 'can', 'could',
  'should', 'shall', 'may', 'might', 'must', "'s", "'re", "'ve", "'d", "'ll",
]);
const prepositions = new Set([
  'in', 'on', 'at', 'by', 'with', 'for', 'from', 'to', 'of', 'after', 'before', 'since', 'until', 'against', 'across',
  'during', 'about', 'into', 'under', 'over', 'near', 'between', 'through', 'toward', 'towards', 'like', 'than', 'per',
  'according', 'among', 'behind', 'beyond', 'within', 'without', 'via',
]);
// Words that open a noun phrase: after "was" they show the question phrase is not the subject ("where was the boat").
const subjectOpeners = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'my', 'our', 'your', 'this', 'that', 'these', 'those', 'he', 'she',
  'it', 'they', 'we', 'you', 'i', 'there', 'some', 'any', 'each', 'every', 'both', 'all', 'many', 'most', 'no', 'one',
  'two', 'three',
]);
const notSubjectWords = new Set(['not', "n't", 'never', 'also', 'still', 'being', 'been', 'now', 'already', 'just', 'currently', 'really']);

/** Splits a question into words, apostrophes kept and edge punctuation dropped; "what's" becomes "what" and "'s". */
export function shapeWords(question: string): ShapeWord[] {
  const words: ShapeWord[] = [];
  for (const raw of question.replace(/[?!.,;:]+/g, ' ').split(/\s+/)) {
    const text = raw.replace(/^["'“‘(]+|["'”’)]+$/g, '');
    if (text === '') continue;
    // "what's", "where's", "who's": a question word with its auxiliary.
    const contracted = /^(who|what|where|when|how|why|which|that|there|it|he|she)['’](s|re|ve|d|ll)$/i.exec(text);
    if (contracted !== null) {
      words.push({ text: contracted[1]!, lower: contracted[1]!.toLowerCase() }, { text: `'${contracted[2]}`, lower: `'${contracted[2]!.toLowerCase()}` });
      continue;
    }
    // "whats", "whos", "wheres" typed without the apostrophe.
    const bare = /^(what|who|where|how)s$/i.exec(text);
    if (bare !== null) {
      words.push({ text: bare[1]!, lower: bare[1]!.toLowerCase() }, { text: "'s", lower: "'s" });
      continue;
    }
    words.push({ text, lower: text.toLowerCase() });
  }
  return words;
}

/** Whether a lower-case word is an auxiliary verb ("did", "was", "'s"). */
export function isAuxiliary(lower: string): boolean {
  return auxiliaries.has(lower);
}

/** Whether a lower-case word is a preposition. */
export function isPreposition(lower: string): boolean {
  return prepositions.has(lower);
}

/** Whether a lower-case word is a question word. */
export function isWhWord(lower: string): boolean {
  return whWords.has(lower);
}

/** Whether a lower-case word looks like a verb's past or participle form ("searched", "met", "doing"). */
export function looksLikeVerbForm(lower: string): boolean {
  if (irregularVerbs.has(lower) && !/^(?:children|men|women|people|feet|teeth|mice|geese)$/.test(lower)) return true;
  return /^\p{L}{3,}(?:ed|ing)$/u.test(lower) && !/(?:eed|thing|ring|ling|ding)$/.test(lower);
}

/** Reads a wh-question's parts, or returns null when the question does not start with (a preposition and) a question word. */
export function shapeOf(words: readonly ShapeWord[]): QuestionShape | null {
  let i = 0;
  const preposition: ShapeWord[] = [];
  while (i < words.length && i < 2 && isPreposition(words[i]!.lower)) preposition.push(words[i++]!);
  // "according to whom"
  if (preposition.length === 1 && words[i]?.lower === 'to' && preposition[0]!.lower === 'according') preposition.push(words[i++]!);
  const first = words[i];
  if (first === undefined || !whWords.has(first.lower)) return null;
  const wh: ShapeWord[] = [first];
  i++;
  if (first.lower === 'how') {
    // "how many days", "how long", "how badly": the word after "how" completes it, and after many/much a noun.
    const next = words[i];
    if (next !== undefined && !auxiliaries.has(next.lower) && !subjectOpeners.has(next.lower)) {
      wh.push(next);
      i++;
      if (/^(?:many|much)$/.test(next.lower)) i = takeNounWords(words, i, wh, 3);
    }
  } else if (first.lower === 'what' || first.lower === 'which' || first.lower === 'whose') {
    i = takeNounWords(words, i, wh, 3);
  }
  const next = words[i];
  if (next !== undefined && auxiliaries.has(next.lower)) {
    // After the auxiliary, a verb form or an adverb means the question phrase is its subject ("who was arrested");
    // anything else starts the subject ("where was the boat", "what did she say").
    const after = words[i + 1];
    const inverted = after !== undefined && !notSubjectWords.has(after.lower) && !looksLikeVerbForm(after.lower) && !/ly$/.test(after.lower);
    return { preposition, whWord: first.lower, wh, aux: next, subject: !inverted, rest: words.slice(i + 1) };
  }
  // "who met in the capital", "what happened": a verb right after the question phrase.
  const subject = next !== undefined && (looksLikeVerbForm(next.lower) || isPresentForm(next.lower));
  return { preposition, whWord: first.lower, wh, aux: null, subject, rest: words.slice(i) };
}

// The noun words after "what", "which", "whose", "how many": up to the auxiliary, verb or pronoun that ends them.
function takeNounWords(words: readonly ShapeWord[], from: number, into: ShapeWord[], max: number): number {
  let i = from;
  while (i < words.length && i - from < max) {
    const word = words[i]!;
    if (auxiliaries.has(word.lower) || subjectOpeners.has(word.lower) || whWords.has(word.lower) || looksLikeVerbForm(word.lower)) break;
    if (prepositions.has(word.lower) && word.lower !== 'of') break;
    if (word.lower === 'else') break;
    into.push(word);
    i++;
  }
  // "what kind of" needs its noun; a dangling "of" stays with the rest.
  if (into.at(-1)?.lower === 'of') {
    into.pop();
    i--;
  }
  return i;
}

/** The base form of a verb form for "did …" ("met" → "meet", "searched" → "search"), or null when the word is not one. */
export function baseVerb(word: string): string | null {
  const lower = word.toLowerCase();
  const irregular = irregularVerbs.get(lower);
  if (irregular !== undefined) return irregular;
  if (/^\p{L}+ied$/u.test(lower)) return lower.length <= 4 ? lower.slice(0, -1) : `${lower.slice(0, -3)}y`;
  const doubled = /^(\p{L}{2,}?([bdgkmnprt]))\2ed$/u.exec(lower);
  if (doubled !== null) return doubled[1]!;
  const past = /^(\p{L}{2,})ed$/u.exec(lower);
  if (past !== null) {
    const stem = past[1]!;
    // The silent e comes back after these endings: arrived, used, placed, charged, created, injured, decided.
    if (/(?:[vz]|[aeiou][sc]|[nr]c|[dr]g|[aeiou]t|[^aeiou]at|ur|[aeiou]d|[aeiou]k|[aiou]n)$/.test(stem) && !/(?:ee|oo|ea|oa|ai|ou|oi)[a-z]$/.test(stem)) return `${stem}e`;
    return stem;
  }
  const present = /^(\p{L}{2,})s$/u.exec(lower);
  if (present !== null && !/(?:ss|us|is)$/.test(lower)) {
    if (/ies$/.test(lower)) return `${lower.slice(0, -3)}y`;
    if (/(?:ch|sh|x|z|o)es$/.test(lower)) return lower.slice(0, -2);
    return present[1]!;
  }
  return null;
}

/** Whether a verb form is in the present tense ("says", "runs"), so "did" would be wrong and "does" right. */
export function isPresentForm(word: string): boolean {
  const lower = word.toLowerCase();
  return /s$/.test(lower) && !/(?:ss|us|is)$/.test(lower) && !/ed$/.test(lower) && !irregularVerbs.has(lower.replace(/s$/, '')) || lower === 'says';
}

/** Joins shape words back into text. */
export function joinWords(words: readonly ShapeWord[]): string {
  return words.map((word) => word.text).join(' ').replace(/ '(s|re|ve|d|ll)\b/g, "'$1");
}

// A follow-up read against the last question carries the phrase it asked about before it: "Why: who won the vote?".
const aboutPrefix = /^([^:?]{1,60}):\s+/;

/** A question read against an earlier one: the phrase it asked about ("Why: who won the vote?"), then that question. */
export function aboutQuestion(asked: string, question: string): string {
  return `${asked}: ${question}`;
}

/** The phrase a question read against an earlier one asked about, and that question; null for any other question. */
export function splitAboutQuestion(text: string): { about: string; question: string } | null {
  const match = aboutPrefix.exec(text);
  return match === null ? null : { about: match[1]!, question: text.slice(match[0].length) };
}

// "What's the latest on when the port reopens?": the question inside asks when, of the newest reports.
const latestOnWh = String.raw`(?:what(?:['’]s|\s+is)\s+)?(?:the\s+)?latest(?:\s+(?:word|news))?\s+(?:on|about|regarding)(?=\s+(?:who|whom|whose|where|when|why|how|which|what)\b)`;

// A request wrapped round the question ("do you know …", "can you tell me …", "any idea …"), after any opening word.
const requestFrame = new RegExp(
  String.raw`^\W*(?:(?:so|and|but|ok|okay|hey|hi|please|quick question)[,:]?\s+)*` +
    String.raw`(?:(?<ask>(?:do|does)\s+(?:you|anyone|anybody|someone|somebody)\s+(?:happen\s+to\s+)?(?:know|remember|recall|have\s+(?:any\s+)?(?:idea|clue|info(?:rmation)?|details?))` +
    String.raw`|(?:any(?:one|body)?\s+)?(?:idea|clue|info)|any\s+(?:word|news|update|updates|more)(?=\s+(?:on|about|regarding)\b)|${latestOnWh}|any(?:one|body)\s+know|i(?:\s+(?:want|would\s+like|need|wanna)|['’]d\s+like)\s+to\s+know|i(?:['’]m|\s+am)?\s+wondering|i\s+wonder(?:ed)?)` +
    String.raw`|(?<tell>(?:(?:can|could|would|will)\s+(?:you|anyone|somebody|someone)\s+(?:please\s+)?)?(?:tell|show|remind|give)\s+(?:me|us)|(?:please\s+)?let\s+(?:me|us)\s+know|(?:can|could|would)\s+you\s+(?:please\s+)?(?:say|explain|find\s+out|check)|explain))` +
    String.raw`(?:\s+please)?[,:]?\s+`,
  'i',
);

/**
 * The question inside a request for it: "do you know who met?" asks "who met?", "can you tell me the toll?" asks
 * "the toll?", "any idea about the deal?" asks "what about the deal?"; "do you know if …" stays a yes/no question.
 */
export function withoutRequestFrame(question: string): string {
  const frame = requestFrame.exec(question);
  if (frame === null) return question;
  const rest = question.slice(frame[0].length);
  if (/^(?:what|who|whom|whose|where|when|why|how|which)\b/i.test(rest)) return capitalised(rest);
  const about = /^(?:(?:any|some)thing\s+(?:(?:new|more|else)\s+)?|more\s+|)(?:about|on|regarding)\s+(\S.*)$/is.exec(rest);
  // "Any word on when the heat breaks?" asks when.
  if (about !== null && /^(?:what|who|whom|whose|where|when|why|how|which)\b/i.test(about[1]!)) return capitalised(about[1]!);
  if (about !== null) return `What about ${about[1]}`;
  // "Tell me the death toll": a request for a thing is a question about it; "do you know the mayor?" is left as typed.
  return frame.groups?.['tell'] !== undefined && !/^(?:if|whether)\b/i.test(rest) ? capitalised(rest) : question;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
