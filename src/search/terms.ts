import { stemmer } from 'stemmer';
import { americanSpelling, exactNumberWords, irregularVerbs, newsAbbreviations, stopWords } from '../language/lexicon.js';

// Letters, digits and marks, with the joiners that keep one token whole: decimal points and thousands separators
// between digits, dots inside acronyms (U.S.), apostrophes inside words (world's) and ampersands (AT&T). An ordinal
// or a decade (10th, 1990s, 1000's) stays one token, as the question reader sees it.
const tokenPattern = /\p{L}[\p{L}\p{M}\p{N}]*(?:[.'’&]\p{L}[\p{L}\p{M}\p{N}]*)*\.?|\p{N}+(?:[.,]\p{N}+)*(?:(?:st|nd|rd|th|s|['’]s)(?![\p{L}\p{N}]))?|%/gu;

/** Splits text into raw tokens, keeping decimals (19.3), thousands (19,000), acronyms (U.S.) and possessives whole. */
export function tokenize(text: string): string[] {
  const tokens = text.match(tokenPattern);
  if (tokens === null) return [];
  return tokens.map(cleanToken);
}

// "%" is the word "percent", so "19.3%" meets "what percentage"; a sentence's full stop is not part of its last
// word, though an acronym's dots (U.S.) are.
function cleanToken(token: string): string {
  return token === '%' ? 'percent' : token.endsWith('.') && !/^(?:\p{L}\.){2,}$/u.test(token) ? token.slice(0, -1) : token;
}

/** The indexed terms of a text with where each stands, stop words removed: {@link termsOf} with offsets. */
export function placedTermsOf(text: string): Array<{ term: string; start: number; end: number }> {
  const placed: Array<{ term: string; start: number; end: number }> = [];
  for (const match of text.matchAll(tokenPattern)) {
    const term = termKey(cleanToken(match[0]));
    if (term !== null) placed.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return placed;
}

const stemCache = new Map<string, string>();
const stemCacheLimit = 200_000;

function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /^\p{Script=Latin}+$/u.test(word) && word.length > 2 ? stemmer(word) : word;
    if (stemCache.size < stemCacheLimit) stemCache.set(word, stemmed);
  }
  return stemmed;
}

// Tokens and sentences recur endlessly in a story (the same words, the same passages ranked for question after
// question), and folding a token takes several regular expressions: these pure results are kept. A full cache
// starts afresh, so a flood of random words cannot grow it past its bound.
const foldCache = new Map<string, string | null>();
const termCache = new Map<string, string | null>();
const textCache = new Map<string, readonly string[]>();
const tokenCacheLimit = 200_000;
const textCacheLimit = 50_000;

function remember<T>(cache: Map<string, T>, key: string, value: T, limit = tokenCacheLimit): void {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
}

/** Folds a raw token to the word it stands for: acronyms and numbers folded, accents and possessives removed, stop words null. */
export function foldToken(token: string): string | null {
  let folded = foldCache.get(token);
  if (folded === undefined) {
    folded = foldUncached(token);
    remember(foldCache, token, folded);
  }
  return folded;
}

// Latin letters that carry no separable accent, so NFD leaves them: "Østergaard" is typed "Ostergaard",
// "Łódź" "Lodz", "Straße" "Strasse".
const latinLetterFolds: Readonly<Record<string, string>> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', ı: 'i', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th' };

/** Folds the Latin letters that have no separable accent to the letters typed for them ("ø" to "o", "æ" to "ae"). */
export function foldLatinLetters(text: string): string {
  return text.replace(/[øłđðıæœßþ]/g, (letter) => latinLetterFolds[letter]!);
}

function foldUncached(token: string): string | null {
  // Capitalised acronyms (US, U.S., EU) are names, not the pronoun "us"; fold their dots and keep them.
  const acronym = token.replace(/\./g, '');
  if (acronym.length >= 2 && acronym.length <= 6 && /^\p{Lu}+$/u.test(acronym) && token !== 'I') return acronym.toLowerCase();
  if (/^\p{N}/u.test(token)) return token.replace(/(?<=\d),(?=\d{3}\b)/g, '').replace(/['’]s$/, 's').toLowerCase();
  // Accents are folded so a question typed without them ("Vukovic") finds the name as printed ("Vuković").
  let lower = token.toLowerCase().replace(/[’]/g, "'").replace(/\.$/, '');
  if (/^[\p{Script=Latin}\p{M}'\d]+$/u.test(lower)) lower = foldLatinLetters(lower.normalize('NFD').replace(/\p{M}+/gu, ''));
  const word = lower.replace(/'s$/, '').replace(/'$/, '');
  if (stopWords.has(lower) || stopWords.has(word) || word.length === 0) return null;
  return word.replace(/'/g, '');
}

/** Turns a folded word into the indexed term: number words to digits, British spellings to American, irregular verbs to their base, the rest stemmed. */
export function stemWord(word: string): string {
  if (/^\p{N}/u.test(word)) return word;
  const number = exactNumberWords.get(word);
  if (number !== undefined) return String(number);
  const full = americanSpelling(newsAbbreviations.get(word) ?? word);
  const stemmed = stem(irregularVerbs.get(full) ?? full);
  // The stemmer cuts "use", "used" and "using" to "us", which is the United States' term (US, U.S.).
  return stemmed === 'us' && word !== 'us' ? 'use' : stemmed;
}

/** Turns a raw token into the indexed term, or null for a stop word. */
export function termKey(token: string): string | null {
  let term = termCache.get(token);
  if (term === undefined) {
    const word = foldToken(token);
    term = word === null ? null : stemWord(word);
    remember(termCache, token, term);
  }
  return term;
}

/** The indexed terms of a text, in order, stop words removed. */
export function termsOf(text: string): string[] {
  const cached = textCache.get(text);
  if (cached !== undefined) return [...cached];
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const term = termKey(token);
    if (term !== null) terms.push(term);
  }
  remember(textCache, text, [...terms], textCacheLimit);
  return terms;
}

/** The folded words of a text with their indexed terms, in order, stop words removed. */
export function wordsAndTerms(text: string): Array<{ word: string; term: string }> {
  const pairs: Array<{ word: string; term: string }> = [];
  for (const token of tokenize(text)) {
    const word = foldToken(token);
    if (word !== null) pairs.push({ word, term: termKey(token)! });
  }
  return pairs;
}
