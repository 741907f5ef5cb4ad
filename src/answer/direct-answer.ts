import { firstNameGender } from '../language/first-names.js';
import { hasSenseKindOf, isKindOf } from '../language/noun-kinds.js';
import { isWordNetWord } from '../language/synonyms.js';
import { findNamePhrases, isCapitalised, type NameRegistry } from '../language/names.js';
import { durationUnits, measureQuestionWords, measureUnits, months, newsAbbreviations, numberWordValues, timePlacingWords, weekdays, wordAlternation, type MeasureDimension } from '../language/lexicon.js';
import { findTimeMentions, tenseOf } from '../language/dates.js';
import { tagSentence } from '../language/tagger.js';
import { foldToken, termKey, termsOf } from '../search/terms.js';
import { findQuantities, gluedScaleWord, holdsFigure } from '../language/quantities.js';
import { answerModel, linearScore, weightsFor, type AnswerModel } from './answer-model.js';
import { asksNewestReport, type QuestionAnalysis } from './question.js';
import type { RankedPassage } from './rank.js';
import type { Passage } from '../types.js';
import { countsAskedNoun, namesNounAfter, type ShortAnswer } from './short-answer.js';
import { agePhrase, askedClassOf, askedNounOf, askedPhraseWords, asksCount, asksName, asksRoleHolder, asksYear } from './asked-class.js';
import { isAge, questionSlotOf, spanFeatures, spanFeatureValues, spanKey, strandedPrepositionBefore, type SpanContext } from './span-features.js';
import { askedKindWords, cutAskedWords, findAnswerSpans, listLessAsked, typeOfAsked, type AnswerSpan, type SpanKind } from './spans.js';
import { besideTermsOf, standsBeside } from './list-siblings.js';

/** A candidate span with its features and the span model's score. */
export type ScoredSpan = { span: AnswerSpan; features: number[]; score: number };

/** What the direct answer reads of the story beyond its passages: its names, each article's date, and the search's spelling corrections. */
export type DirectAnswerStory = { names?: NameRegistry; articleDate?: (document: string) => string | null; corrected?: ReadonlySet<string> };

/** The direct answer: its text, its score, and the passages that state it, best first. */
export type DirectAnswer = ShortAnswer & { score: number };

/** How many of the best passages are searched for answer spans. */
const spanDepth = 5;
const maxShortLength = 120;
const featureNames = spanFeatures.map((feature) => feature.name);

/** Scores every candidate span of the best passages with the span model, best first. */
export function scoreSpans(ranked: readonly RankedPassage[], analysis: QuestionAnalysis, names: NameRegistry, readerPick: ShortAnswer | null, model: AnswerModel = answerModel): ScoredSpan[] {
  const spanWeights = weightsFor(model.span, featureNames);
  const top = ranked.slice(0, spanDepth);
  if (top.length === 0) return [];
  const spans = top.flatMap((entry, rank) => findAnswerSpans(entry, rank, names));
  const phrase = askedPhraseWords(analysis.text);
  const kindAsked = kindAskedOf(phrase);
  // "What sport": a word of the asked kind may stand only as a modifier ("football greatness"), which no phrase offers.
  if (kindAsked !== null && !partNouns.has(kindAsked)) {
    const seen = new Set(spans.map((span) => `${span.rank}:${span.start}:${span.end}`));
    spans.push(...top.flatMap((entry, rank) => askedKindWords(entry, rank, kindAsked)).filter((span) => !seen.has(`${span.rank}:${span.start}:${span.end}`)));
  }
  const pick = readerPick === null ? null : readerSpan(readerPick, ranked);
  if (pick !== null && !spans.some((span) => span.start === pick.start && span.end === pick.end && span.entry === pick.entry)) spans.push(pick);
  // A name counts as stated wherever its surname is ("Silva" states "Ana Silva"); other spans where they stand whole.
  const votes = new Map<string, number>();
  // Votes are counted in the words the spans come from: a run-on passage is read no further than the tagger reads.
  const texts = top.map((entry) => entry.passage.normalized.slice(0, 4000).toLowerCase());
  for (const span of spans) {
    const key = spanKey(span.text);
    if (key === '' || votes.has(key)) continue;
    const needle = span.kind === 'person' ? (key.split(' ').at(-1) ?? key) : key;
    votes.set(key, texts.filter((text) => text.includes(needle)).length);
  }
  const context: SpanContext = {
    analysis,
    questionTerms: new Set(analysis.terms.map((term) => term.term)),
    bestScore: top[0]!.score,
    votes,
    readerPick: readerPick === null ? null : spanKey(readerPick.text),
    asked: askedClassOf(analysis.text),
    strandedBefore: strandedPrepositionBefore(analysis.text),
    slot: questionSlotOf(analysis.text, phrase),
    kindAsked,
  };
  return spans
    .map((span) => {
      const features = spanFeatureValues(span, context);
      return { span, features, score: linearScore(spanWeights, features, model.span.bias) };
    })
    .sort((a, b) => b.score - a.score);
}

// "What part", "what type", "what area": nearly any noun is a kind of these, so a word is not offered for being one.
const partNouns = new Set(['part', 'parts', 'portion', 'portions', 'piece', 'pieces', 'type', 'types', 'kind', 'kinds', 'sort', 'sorts', 'form', 'forms', 'area', 'areas', 'aspect', 'aspects', 'thing', 'things', 'way', 'ways']);

// "What award": the noun whose kinds answer the question. "What time" is not: WordNet's kinds of time ("GMT", "noon")
// say nothing of which time the story gives for the event, where a month's or a day's kinds ("June", "Monday") do.
function kindAskedOf(phrase: readonly string[]): string | null {
  const noun = phrase.at(-1)?.toLowerCase() ?? null;
  return noun === null || /^(?:time|times|hour|hours)$/.test(noun) ? null : noun;
}

/**
 * The best-scoring span as the direct answer, with the top passages that state it; null when there is none. A
 * question that names the sort of figure it wants ("what share", "how many children") takes a span of that sort
 * when the passages give one; a span that only repeats the question, or ends on "one" of "one of the first …", is
 * passed over.
 */
export function directAnswerOf(scored: readonly ScoredSpan[], ranked: readonly RankedPassage[], analysis: QuestionAnalysis, story: DirectAnswerStory = {}): DirectAnswer | null {
  const { names, articleDate, corrected } = story;
  const wantsNumber = analysis.kind === 'number';
  const usable = scored.filter(({ span }) => (termsOf(span.text).length > 0 || /\d/.test(span.text)) && (wantsNumber || !isPartitive(span)));
  const questionTerms = new Set(termsOf(analysis.text));
  const leading = usable[0];
  // With no span to weigh, nothing below answers either.
  if (leading === undefined) return null;
  // A question of one of these shapes is answered by its own reader, in this order, when the best passages give what
  // it looks for; the span model's best score stands for the answer's.
  const read = questionShapeAnswer(analysis, leading.span, ranked, questionTerms);
  if (read !== null) return { text: clip(read.text), support: [read.entry], score: leading.score };
  const measures = measuresAsked(analysis.text);
  const fitting = usable.filter((candidate) => isAskedFigure(candidate.span, analysis, measures));
  // A figure of the asked sort in the sentence the best span stands in comes before one from another sentence.
  const inBest = fitting.filter((candidate) => candidate.span.entry === leading.span.entry);
  // A length of time is not fetched from another sentence: most stories give one somewhere ("for 20 hours"), and it
  // would answer "how long was she a customer?" where the best sentence says "since 2019".
  const elsewhere = analysis.kind === 'duration' ? [] : fitting;
  const chosen = inBest.length > 0 ? inBest : elsewhere.length > 0 ? elsewhere : usable;
  const pool = asksNewestFigure(analysis) ? (newerReportFirst(usable, chosen) ?? chosen) : asksFirstFigure(analysis) ? (olderReportFirst(fitting.length > 0 ? fitting : usable, chosen) ?? chosen) : chosen;
  const show = shownSpanFor(analysis);
  const candidates = complementFirst(besideFirst(pool, analysis, leading.span.entry), analysis, leading.span.entry, questionTerms);
  const askedAbout = names === undefined ? null : nameWordsAskedAbout(analysis);
  // Shown as a reader gives it, a span can come down to the question's own words ("the working" of "the working
  // fluid" for "what working fluid …?"): that repeats the question, so the next span that says something answers.
  const age = analysis.wantsAge;
  const count = analysis.kind === 'number' && asksCount(analysis.text);
  const name = asksName(analysis.text);
  const roleHolder = names !== undefined && asksRoleHolder(analysis.text, analysis.kind);
  const manner = asksManner(analysis.text);
  const ahead = analysis.kind === 'time' && articleDate !== undefined && asksAhead(analysis.text);
  // The span shown, and the span as printed that it was cut from.
  let best: ScoredSpan | undefined;
  let from: ScoredSpan | undefined;
  for (const candidate of candidates) {
    // "How many shots were fired?" is not answered by the suspect's age ("Nowsch, 19,"), nor by a phrase with no
    // figure in it ("a hospital").
    if (count && (isAge(candidate.span) || !holdsFigure(candidate.span.text) || onlyMoneyOrShare(candidate.span, analysis))) continue;
    // "How long …?" is not answered by an age ("46-year" of "46-year-old").
    if (analysis.kind === 'duration' && (isAge(candidate.span) || beforeOld(candidate.span))) continue;
    // Nor by "26 children": a span of time names a unit of time, or life, and stands in the best sentence (a length
    // of time from another sentence is most often another's: "a nurse there for 22 years").
    if (analysis.kind === 'duration' && (!namesTimeUnit(candidate.span.text) || candidate.span.entry !== leading.span.entry)) continue;
    const shown = { ...candidate, span: show(candidate.span) };
    // "How did they get out?" is answered by a way ("a rope of bedsheets"), not by a name, a place, a time or a figure.
    if (manner && namedOrCounted(candidate.span)) continue;
    // "Name of the boat?" is not answered by "25 metres", "a 38-year-old man" or "Residents" opening a sentence:
    // only a word the story capitalises as a name answers it.
    if (name && (names === undefined || !namesSomething(shown.span, names))) continue;
    // "Who's the boss at the airline?" is not answered by the airline, nor by "Regional" of a glued heading: only by
    // what could be a person's name.
    if (roleHolder && !couldBePersonName(shown.span, names)) continue;
    // "How old is she?" is not answered by "41,398 votes" or by a name: only what can be an age answers it.
    if (age && !couldBeAge(shown.span.text)) continue;
    // "When did it blow up?" is not answered by "200 metres" or "A-Rod": only what can be a time answers it.
    if (analysis.kind === 'time' && !couldBeTime(shown.span)) continue;
    // "Who was flying the chopper?" is not answered by "K-60" or "Game 3": no one's name ends in a figure (a
    // company's may hold one, "Level 3 Communications").
    if (analysis.kind === 'person' && /\d\W*$/.test(shown.span.text)) continue;
    // "Where was he when he called?" is not answered by "911" or by a person's name.
    if (analysis.kind === 'place' && (!couldBePlace(shown.span) || (names !== undefined && namesKnownPerson(shown.span, names)))) continue;
    const echoes =
      echoesQuestion(shown.span, questionTerms) ||
      (askedAbout !== null && names !== undefined && namesWhomAsked(shown.span, askedAbout, names, corrected)) ||
      (ahead && articleDate !== undefined && datedBeforeItsArticle(candidate.span, articleDate));
    if (best === undefined || !echoes) [best, from] = [shown, candidate];
    if (!echoes) break;
  }
  if (best === undefined || from === undefined) return null;
  const printed = from.span.text;
  const key = spanKey(best.span.text);
  const others = ranked.slice(0, spanDepth).filter((entry) => entry !== best.span.entry && entry.passage.normalized.toLowerCase().includes(key));
  const text = clip(best.span.text);
  // A span taken first for standing in the question's list is no weaker evidence that the passages answer than the
  // span the model scored best.
  const score = candidates === pool ? best.score : Math.max(best.score, pool[0]?.score ?? best.score);
  return { text, support: [best.span.entry, ...others], score, ...(printed !== text ? { printed } : {}) };
}

type ShapeAnswer = { text: string; entry: RankedPassage };

function questionShapeAnswer(analysis: QuestionAnalysis, leading: AnswerSpan, ranked: readonly RankedPassage[], questionTerms: ReadonlySet<string>): ShapeAnswer | null {
  // "What is a term that means constant temperature?" and "isothermal (constant temperature) processes": the word a
  // sentence glosses in parentheses, or the term it puts in parentheses after the words it names ("(counterflow)").
  const termed = glossedTerm(leading.entry, analysis, questionTerms);
  if (termed !== null) return { text: termed, entry: leading.entry };
  // "What does vBNS stand for?": the words the coverage spells it out in, before it in brackets.
  const expansion = expansionAsked(analysis.text, ranked.slice(0, spanDepth));
  if (expansion !== null) return expansion;
  // "What song was he singing?": a title the best sentences put in quotation marks ("Lonesome Day").
  const title = asksTitledWork(analysis.text) ? quotedTitleIn(ranked.slice(0, 3), questionTerms) : null;
  if (title !== null) return title;
  // "What was Hero's nationality?": the people the best sentences set before a role or a name ("Greek mathematician
  // Hero of Alexandria").
  const nationality = asksNationality.test(analysis.text) ? nationalityIn(ranked.slice(0, 3), questionTerms) : null;
  if (nationality !== null) return nationality;
  // "What type of valve …?": the words the best span's sentence puts before "valve" ("adjustable spring-loaded"); a
  // question that names what its answer is listed with ("Along with …") is left to the list. Only a question that
  // says "type", "kind", "sort" or "form" is read for its asked phrase here.
  const namesType = typeWordIn.test(analysis.text) && besideTermsOf(analysis.text).size === 0;
  const typed = namesType ? typeOfAsked(leading.entry, leading.rank, askedPhraseWords(analysis.text), questionTerms) : null;
  return typed === null ? null : { text: typed.text, entry: typed.entry };
}

const asksExpansion = /\b(?:stands?|stood)\s+for\b|\bshort\s+for\b|\babbreviat/i;

// The phrase whose words' initials spell the question's abbreviation, set before it in brackets: "The Very high-speed
// Backbone Network Service (vBNS)". Words that add no letter may stand inside it ("high-speed", "of", "and").
function expansionAsked(question: string, entries: readonly RankedPassage[]): ShapeAnswer | null {
  if (!asksExpansion.test(question)) return null;
  const abbreviations = question.match(/\b[\p{L}]*\p{Lu}[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*\b/gu) ?? [];
  for (const abbreviation of abbreviations) {
    const letters = [...abbreviation.replace(/[^\p{L}]/gu, '').toLowerCase()];
    for (const entry of entries) {
      const sentence = entry.passage.normalized;
      const at = sentence.indexOf(`(${abbreviation})`);
      if (at < 0) continue;
      const words = sentence.slice(Math.max(0, at - 200), at).trim().split(/\s+/).slice(-12);
      let letter = letters.length - 1;
      let first = -1;
      for (let i = words.length - 1; i >= 0 && letter >= 0; i--) {
        const word = words[i]!;
        if (word.charAt(0).toLowerCase() === letters[letter]) {
          letter--;
          first = i;
        } else if (/^\p{Lu}/u.test(word)) break;
      }
      if (letter < 0 && first >= 0) return { text: words.slice(first).join(' '), entry };
    }
  }
  return null;
}

// Works known by a title, which news puts in quotation marks.
const titledWorks = new Set(['film', 'films', 'movie', 'movies', 'show', 'shows', 'series', 'programme', 'program', 'documentary', 'sitcom', 'song', 'songs', 'single', 'track', 'album', 'record', 'book', 'books', 'novel', 'novels', 'memoir', 'play', 'musical', 'opera', 'poem', 'painting', 'episode', 'hymn', 'anthem']);

// "What song …?", "which film …?", "what's the name of her novel?": a question for a work's title.
function asksTitledWork(question: string): boolean {
  // The question is tagged for its asked noun only when it names a work at all.
  if (!(question.toLowerCase().match(/\p{L}+/gu) ?? []).some((word) => titledWorks.has(word))) return false;
  const noun = askedNounOf(question)?.toLowerCase() ?? null;
  return noun !== null && (titledWorks.has(noun) || noun === 'name' || noun === 'title');
}

// A title is up to seven words in quotation marks, each capitalised but the small ones ("Born in the U.S.A", "I'm on
// Fire"), less the comma or stop news style sets inside the closing mark; not one the question already gives.
function quotedTitleIn(entries: readonly RankedPassage[], questionTerms: ReadonlySet<string>): ShapeAnswer | null {
  for (const entry of entries) {
    for (const quoted of entry.passage.normalized.slice(0, 2000).matchAll(/["“]([^"“”]{1,80}?)["”]/gu)) {
      // "Showbiz Tonight's" A.J. Hammer: the possessive is the sentence's, not the title's.
      const title = quoted[1]!.replace(/[\s,.!?;:]+$/u, '').replace(/['’]s$/u, '');
      const words = title.split(/\s+/).filter(Boolean);
      if (words.length === 0 || words.length > 7 || !/^[\p{Lu}\p{N}]/u.test(words[0]!)) continue;
      if (!words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || /^(?:a|an|the|of|in|on|at|to|for|and|or|but|by|with|from|&)$/i.test(word))) continue;
      const terms = termsOf(title);
      if (terms.length > 0 && terms.every((term) => questionTerms.has(term))) continue;
      return { text: title, entry };
    }
  }
  return null;
}

const asksNationality = /\bnationality\b/i;

// A capitalised word that names a people or its language, set before a noun or a name: "Greek mathematician", "The
// Spanish inventor", "a Scottish polymath"; not a word of the question, and not the language itself ("Greek texts" is
// as good an answer as any, "Greek language" is not).
function nationalityIn(entries: readonly RankedPassage[], questionTerms: ReadonlySet<string>): ShapeAnswer | null {
  for (const entry of entries) {
    const words = tagSentence(entry.passage.normalized);
    for (const [at, word] of words.entries()) {
      const next = words[at + 1];
      if (at === 0 && word.pos !== 'ADJ') continue;
      if (!/^\p{Lu}\p{Ll}+$/u.test(word.text) || next === undefined || !['NOUN', 'PROPN'].includes(next.pos) || /^languages?$/i.test(next.text)) continue;
      const lower = word.text.toLowerCase();
      if (questionTerms.has(termKey(word.text) ?? '') || !['language', 'people', 'nation', 'inhabitant'].some((kind) => hasSenseKindOf(lower, kind))) continue;
      return { text: word.text, entry };
    }
  }
  return null;
}

// A question that says the kind of thing it asks for a type of ("what type of …", "which kinds of …").
const typeWordIn = /\b(?:kind|type|sort|form)s?\b/i;

// A question for what something is called: "another term for", "a term that means", "what is it called", "known as".
const asksTerm = /\b(?:term|word|name)\s+(?:for|that\s+means|meaning)\b|\b(?:called|known\s+as|referred\s+to\s+as|termed)\s*\??\s*$|\bwhat\s+is\s+it\s+called\b/i;

function glossedTerm(entry: RankedPassage, analysis: QuestionAnalysis, questionTerms: ReadonlySet<string>): string | null {
  if (!asksTerm.test(analysis.text)) return null;
  const says = (text: string) => termsOf(text).filter((term) => questionTerms.has(term)).length;
  const sentence = entry.passage.normalized;
  let best: { text: string; said: number } | null = null;
  for (const match of sentence.matchAll(/([\p{L}][\p{L}-]*)\s+\(([^()]{1,60})\)/gu)) {
    const [, word, gloss] = match;
    const before = sentence.slice(Math.max(0, match.index - 80), match.index + word!.length);
    // "isothermal (constant temperature)": the gloss says the question's words, the word before it does not; of
    // "isobaric (constant pressure)" and it, the gloss that says more of them.
    const said = says(gloss!);
    if (said > 0 && says(word!) === 0 && !/^(?:the|a|an|and|or|of|in)$/i.test(word!) && said > (best?.said ?? 0)) best = { text: word!, said };
    // "reverses its direction of flow at each stroke (counterflow)": the words before say the question's, the term in
    // parentheses is a few words of its own.
    if (best === null && says(before) >= 2 && said === 0 && gloss!.trim().split(/\s+/).length <= 3 && /^\p{L}/u.test(gloss!.trim())) return gloss!.trim();
  }
  return best?.text ?? null;
}

// "What's the maximum penalty?" and "carries a maximum penalty of death by firing squad": in the best sentence, a span
// right after the asked noun and "of", "is", "was" or a colon comes before the rest, in score order.
function complementFirst(pool: readonly ScoredSpan[], analysis: QuestionAnalysis, best: RankedPassage | undefined, questionTerms: ReadonlySet<string>): readonly ScoredSpan[] {
  if (best === undefined || !/\b(?:what|which)\b/i.test(analysis.text) || analysis.kind !== 'other') return pool;
  const noun = askedNounOf(analysis.text);
  // "the latest estimate of the election's cost" names what is estimated, not the estimate.
  if (noun === null || /^(?:kind|type|sort|form|name|one|estimate|total|figure|number|amount|cost|price|value|count|rate|share)s?$/.test(noun)) return pool;
  const sentence = best.passage.normalized;
  // The noun as a common word, not inside a name ("the Peabody Museum of Archaeology"); and no span that only says the
  // question again ("part of the 19th century" for "in what part of the 19th century …?").
  const escaped = noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lead = new RegExp(`\\b${escaped}s?(?:\\s+(?:of|is|was|were|are)|:)\\s+$`);
  // "the maximum penalty for drug trafficking is death by firing squad": past a phrase that qualifies the noun, what
  // it is comes after the verb, and before what follows the noun's "of".
  const stated = new RegExp(`\\b${escaped}s?\\s+(?:for|of|in|on|at|from|to|with)\\s+[^,;:.?!]{1,40}?\\s+(?:is|was|were|are)\\s+$`);
  const complements = (pattern: RegExp) =>
    pool.filter(
      (candidate) =>
        candidate.span.entry === best &&
        candidate.span.words[0]?.pos !== 'VERB' &&
        !termsOf(candidate.span.text).some((term) => questionTerms.has(term)) &&
        pattern.test(sentence.slice(Math.max(0, candidate.span.start - 80), candidate.span.start)),
    );
  const after = [...complements(stated), ...complements(lead)];
  return after.length === 0 ? pool : [...new Set(after), ...pool.filter((candidate) => !after.includes(candidate))];
}

// "Along with mills and mines, in what industrial locations …?": in the best sentence, a span listed with the things
// the question names ("factories, mills and mines") comes before the rest, in score order.
function besideFirst(pool: readonly ScoredSpan[], analysis: QuestionAnalysis, best: RankedPassage | undefined): readonly ScoredSpan[] {
  const beside = besideTermsOf(analysis.text);
  if (beside.size === 0 || best === undefined) return pool;
  const listed = pool.filter((candidate) => candidate.span.entry === best && standsBeside(candidate.span, beside));
  return listed.length === 0 ? pool : [...listed, ...pool.filter((candidate) => !listed.includes(candidate))];
}

/** The surnames of the people a question names that the story knows as people ("kalogeropoulos" of "how old is kalogeropoulos"). */
export function peopleAsked(question: string, names: NameRegistry): string[] {
  return (question.match(/\p{L}[\p{L}'’-]+/gu) ?? []).filter((word) => word.length > 2 && names.personBySurname(word) !== null).map((word) => word.toLowerCase().replace(/['’]s$/, ''));
}

/**
 * "How old is Doe?": only an age the sentence gives as an age ("Doe, 52,", "the 52-year-old", "she was 52") in a
 * sentence that names Doe, or that opens with "he" or "she" right after one naming Doe ("Doe died on Monday. She was 45."),
 * answers it; another person's age, or any figure of a sentence that merely names Doe, does not.
 */
export function agesOfAsked(spans: ScoredSpan[], analysis: QuestionAnalysis, names: NameRegistry, previous: (passage: Passage) => string | undefined): ScoredSpan[] {
  // Read only for a how-old question: the look-up of every question word costs each other question for nothing.
  const people = analysis.wantsAge ? peopleAsked(analysis.text, names) : [];
  if (people.length === 0) return spans;
  const named = people.map((surname) => new RegExp(`(?<![\\p{L}])${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu'));
  const namesAsked = (text: string | undefined) => text !== undefined && named.some((pattern) => pattern.test(text));
  return spans.filter(({ span }) => readsAsAge(span) && (namesAsked(span.entry.passage.normalized) || (personalPronoun.test(span.entry.passage.normalized) && namesAsked(previous(span.entry.passage)))));
}

// A sentence that opens with "he" or "she" goes on about someone the sentence before named.
const personalPronoun = /^\W*(?:he|she)\b/i;

// "Doe, 52,", "52-year-old", "aged 52", "she was 52", "who turns 52": a figure the sentence gives as someone's age.
function readsAsAge(span: AnswerSpan): boolean {
  if (isAge(span) || ageOf(span) !== null) return true;
  return /^\d{1,3}$/.test(span.text) && /\b(?:is|was|turned|turns|turning)\s+$/i.test(span.entry.passage.normalized.slice(Math.max(0, span.start - 10), span.start));
}

/**
 * "What's Doe's name?", as a conversation resolves "what's her name?" once "her" is known: the fullest form of that
 * name the story uses, from the best passage that gives it; null for any other question or a name no top passage has.
 */
export function nameOfNamed(question: string, ranked: readonly RankedPassage[], names: NameRegistry, score: number): DirectAnswer | null {
  const owner = /^\W*[Ww]hat(?:['’]?s|\s+is|\s+was)\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.-]*)['’]s?\s+(?:full\s+|real\s+)?name\W*$/u.exec(question)?.[1];
  if (owner === undefined) return null;
  const full = names.fullName(owner);
  const surname = (full.split(/\s+/).at(-1) ?? full).toLowerCase();
  const support = ranked.slice(0, spanDepth).filter((entry) => entry.passage.normalized.toLowerCase().includes(surname));
  return support.length === 0 ? null : { text: full, support, score };
}

// How far below the best span a figure from a newer report may score, and how much of the question its sentence must
// cover against the best span's, to answer "how many now?". Chosen on the newsroom stories (npm run evaluate, 1,984
// questions): short answers right with a reach of 1, 2, 3: 745, 748, 747 (736 without the rule); a share of 0.9
// gives the same as 0.8, and 0.6 lets in figures from sentences about something else ("7.62 mm rifle ammunition" for
// "latest count of docs") and loses two answers.
const newerReportReach = 2;
const newerReportCoverage = 0.8;

/**
 * "How many now?", "latest figure?": when a figure from a newer article than the chosen span's scores near the best
 * and its sentence is about as much on the question, the figures of the newest report come first. A figure the
 * sentence gives as the one before ("to 341,000, from 318,000") is an older report. Null when no newer report is
 * near, as in a story of one article or of undated articles, where the chosen spans stand.
 */
function newerReportFirst(usable: readonly ScoredSpan[], chosen: readonly ScoredSpan[]): ScoredSpan[] | null {
  const lead = chosen[0];
  if (lead === undefined) return null;
  const near = figuresNear(usable, lead).filter((candidate) => !isEarlierFigure(candidate.span));
  const newest = [...near].sort((a, b) => b.span.entry.freshness - a.span.entry.freshness || b.score - a.score);
  const top = newest[0];
  if (top === undefined || top === lead || !(top.span.entry.freshness > lead.span.entry.freshness || isEarlierFigure(lead.span))) return null;
  return [...newest, ...chosen.filter((candidate) => !newest.includes(candidate))];
}

/**
 * "How many did they first say?", "the initial estimate?": the mirror of {@link newerReportFirst}. Of the figures
 * near the best, one the sentence gives as the earlier ("up from 3 million", "first put it at 3 million") or one from
 * the oldest report comes first. Null when none is nearer the start than the chosen span.
 */
function olderReportFirst(usable: readonly ScoredSpan[], chosen: readonly ScoredSpan[]): ScoredSpan[] | null {
  const lead = chosen[0];
  if (lead === undefined || isEarlierFigure(lead.span)) return null;
  const near = figuresNear(usable, lead);
  const age = (candidate: ScoredSpan) => (isEarlierFigure(candidate.span) ? -1 : candidate.span.entry.freshness);
  const oldest = [...near].sort((a, b) => age(a) - age(b) || b.score - a.score);
  const top = oldest[0];
  if (top === undefined || top === lead || !(age(top) < age(lead))) return null;
  return [...oldest, ...chosen.filter((candidate) => !oldest.includes(candidate))];
}

// The figures that score within reach of the best span, in a sentence about as much on the question as the best's.
function figuresNear(usable: readonly ScoredSpan[], lead: ScoredSpan): ScoredSpan[] {
  const best = usable[0]?.score ?? lead.score;
  const coverage = (usable[0] ?? lead).span.entry.coverage * newerReportCoverage;
  return usable.filter((candidate) => candidate.score >= best - newerReportReach && candidate.span.entry.coverage >= coverage && holdsFigure(candidate.span.text));
}

// A question whose answer is a figure: a count, a sum or a span of time.
const asksFigure = (analysis: QuestionAnalysis): boolean => ['number', 'amount', 'duration'].includes(analysis.kind);

// "How many did they first say?", "what was the initial estimate?": a figure question about the first report.
function asksFirstFigure(analysis: QuestionAnalysis): boolean {
  // The word must follow the question's own: "DEC originally had 3 layers but evolved into how many?" asks the later one.
  const asked = /\b(?:how\s+(?:many|much|long|big|high|large)|what|which)\b/i.exec(analysis.text);
  return (
    asksFigure(analysis) &&
    asked !== null &&
    /\b(?:initially|originally|at first|to begin with|initial|original|earliest|first\s+(?:said|say|says|put|gave|give|reported|report|announced|announce|estimated|estimate|figure|count|toll|number|tally))\b/i.test(analysis.text.slice(asked.index))
  );
}

// "How many now?", "latest figure?", and a bare "death toll?" that asks for the figure standing now.
function asksNewestFigure(analysis: QuestionAnalysis): boolean {
  return asksNewestReport(analysis) && asksFigure(analysis);
}

// "From 318,000", "up from the 2,900", "first said 2,900 jobs", "had initially put the toll at 12".
function isEarlierFigure(span: AnswerSpan): boolean {
  const before = span.entry.passage.normalized.slice(Math.max(0, span.start - 40), span.start);
  return (
    /\b(?:from|than)\s+(?:the\s+)?(?:(?:about|some|around|nearly|an estimated)\s+)?$/i.test(before) ||
    /\b(?:previously|earlier|initially|originally|first)\s+(?:[\p{L}'’]+\s+){0,4}$/iu.test(before)
  );
}

// "One of the first …", "installed one of …": a span that ends on a quantifier picking from what follows it names
// nothing, unless the question asks how many.
function isPartitive(span: AnswerSpan): boolean {
  const sentence = span.entry.passage.normalized;
  return isSlice(span) && /(?:^|\s)(?:one|some|many|most|all|each|several|both|none|few|any|much)$/i.test(span.text) && /^\s+of\b/i.test(sentence.slice(span.end, span.end + 4));
}

// "Who is buying Kestrel?" is not answered by "Kestrel Microdevices", nor "who replaced Doe?" by "Jane Doe": a name
// the question gives is who or what it asks about. "Who is Maj Mendes?" asks about the name itself, so it is not read.
// Each asked word maps to the word after it, which tells one person's first name from another's ("Charles Porter").
function nameWordsAskedAbout(analysis: QuestionAnalysis): ReadonlyMap<string, string | null> | null {
  if (analysis.kind !== 'person' || /^\W*who(?:'s|’s|s|\s+is|\s+was|\s+are|\s+were)\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b)(?:(?![\p{L}-]+(?:ing|ed)\b)[\p{L}\p{M}.'’-]+\s*){1,4}\W*$/iu.test(analysis.text)) return null;
  const words = (analysis.text.match(/[\p{L}\p{M}'’-]+/gu) ?? []).map((word) => ({ word, folded: foldToken(word) }));
  const asked = new Map<string, string | null>();
  words.forEach(({ folded }, i) => {
    if (folded !== null) asked.set(folded, words[i + 1]?.word ?? null);
  });
  return asked.size === 0 ? null : asked;
}

// A name is the asked one when its surname is ("Jane Doe" for "who replaced Doe?"), or half its capitalised words
// are ("Kestrel Microdevices"). A word the question follows with another name the span lacks is another's name
// ("Charles Richard" for "who worked for Charles Porter?"). Span kinds are not trusted: firms are often read as people.
// A name the question misspells counts by the search's correction of it ("vecktor" for "Vektor").
function namesWhomAsked(span: AnswerSpan, askedAbout: ReadonlyMap<string, string | null>, names: NameRegistry, corrected: ReadonlySet<string> = new Set()): boolean {
  const capitalised = capitalisedWords(span.text);
  if (capitalised.length === 0) return false;
  const held = new Set(capitalised.map((word) => foldToken(word)));
  const asked = (word: string) => {
    const folded = foldToken(word);
    if (folded === null || !isNameWord(word, names)) return false;
    if (!askedAbout.has(folded)) return corrected.has(termKey(word) ?? '');
    const next = askedAbout.get(folded) ?? null;
    return next === null || !names.isKnownName(next) || held.has(foldToken(next));
  };
  if (span.kind === 'person' && asked(capitalised.at(-1)!)) return true;
  return 2 * capitalised.filter(asked).length >= capitalised.length;
}

// "How did …?", "how was …?": the question asks for a manner, not a degree ("how big …?") or an amount.
function asksManner(question: string): boolean {
  return /^\W*(?:(?:and|so|but)\s+)?how(?:['’]d|\s+(?:did|does|do|was|were|is|are|has|have|had|can|could|would|will))\b|^\W*(?:(?:and|so|but)\s+)?how(?:\s+else)?\W*$/i.test(question);
}

const namedOrCountedKinds: ReadonlySet<AnswerSpan['kind']> = new Set(['person', 'place', 'organisation', 'name', 'time', 'number']);

function namedOrCounted(span: AnswerSpan): boolean {
  // "rose 3.8%" says how the market took it; "1 a.m. and 2 a.m." says nothing of how they escaped.
  // "Ritchie and screenwriters Kieran and Michele Mulroney" names people too.
  const namesOnly = span.kind === 'list' && span.text.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+/u).every((item) => /\p{Lu}/u.test(item.replace(/^(?:the|a|an)\s+/i, '')));
  return namedOrCountedKinds.has(span.kind) || namesOnly || (/\d/.test(span.text) && span.kind !== 'verb');
}

// "When will the line reopen?", "when r schools supposed to reopen?", "when does the trial start?": the question asks
// for a day still to come when it was asked, so a day already past when the article was written answers it last.
function asksAhead(question: string): boolean {
  return tenseOf(question) === 'future' || /\b(?:supposed to|going to|gonna|expected)\b/i.test(question) || /^\W*(?:(?:and|so)\s+)?when(?:['’]s|\s+(?:do|does|is|are|r))\b/i.test(question);
}

function datedBeforeItsArticle(span: AnswerSpan, articleDate: (document: string) => string | null): boolean {
  // A span the tagger or the reader found is dated by the typed dates it covers or shows ("Tuesday (Mar 11, 2031)").
  const typed = span.candidate !== null ? [span.candidate] : span.entry.candidates.filter((candidate) => (candidate.start >= span.start && candidate.end <= span.end) || candidate.display === span.text);
  const days = typed.filter((candidate) => candidate.kind === 'date' && /^\d{4}-\d\d-\d\d$/.test(candidate.key)).map((candidate) => candidate.key);
  const published = articleDate(span.entry.passage.document);
  return days.length > 0 && published !== null && days.every((day) => day <= published);
}

// A name a person may bear: one that opens with a first name ("Karin Lund", "Johanna Stöckl and Beat Imboden"); one
// whose last word names no body, place or thing and is a person in one of its WordNet senses ("Rollo", "Libor
// Mach"); or one the story types as a person's or whose last word it uses as a surname, when that word is no word of
// the language ("Prantl"; not "Rights" of "Human Rights", "Regional" of a glued heading, or "Systems"). The story's
// typing alone is not enough: it takes any two plain capitalised words for a person. Each name of a list must pass.
function couldBePersonName(span: AnswerSpan, names: NameRegistry): boolean {
  if (span.kind === 'list') return span.text.split(/\s*,\s*(?:and\s+)?|\s+and\s+/u).every((item) => couldBeNamed(item, 'name', names));
  return ['person', 'name', 'noun', 'description'].includes(span.kind) && couldBeNamed(span.text, span.kind, names);
}

function couldBeNamed(text: string, kind: SpanKind, names: NameRegistry): boolean {
  const words = capitalisedWords(text);
  if (words.length === 0) return false;
  if (firstNameGender(words[0]!) !== null) return true;
  const last = words.at(-1)!.replace(/['’]s$/, '');
  if (notPersonKinds.some((kind) => isKindOf(last, kind))) return false;
  // A word one of whose senses is a person: "Rollo" the chieftain, "Mach" the physicist, "Baker".
  if (hasSenseKindOf(last, 'person')) return true;
  const term = termKey(last);
  const noWord = term === null || !isWordNetWord(term);
  return noWord && (kind === 'person' || names.personBySurname(last) !== null);
}

// What the last word of a body's, a place's or a thing's name is a kind of.
const notPersonKinds = ['organization', 'institution', 'location', 'artifact', 'act', 'event', 'language', 'structure', 'document'];

function namesSomething(span: AnswerSpan, names: NameRegistry): boolean {
  if (span.kind === 'time' || span.kind === 'number') return false;
  return capitalisedWords(span.text).some((word) => isNameWord(word, names));
}

function capitalisedWords(text: string): string[] {
  return (text.match(/[\p{L}\p{M}'’-]+/gu) ?? []).filter(isCapitalised);
}

// A word the story capitalises inside its sentences, so a name and not a sentence's first word ("Kęsicka's" too).
function isNameWord(word: string, names: NameRegistry): boolean {
  return names.isKnownName(word.replace(/['’]s$/, ''));
}

// A figure or time stands for itself even when the question names it ("after how long?" read as "… two years").
function echoesQuestion(span: AnswerSpan, questionTerms: ReadonlySet<string>): boolean {
  if (span.kind === 'number' || span.kind === 'time' || /\d/.test(span.text)) return false;
  const terms = termsOf(span.text);
  return terms.length > 0 && terms.every((term) => questionTerms.has(term));
}

/**
 * For a question, how a span is shown as its direct answer: the figure alone when the question asks for a count, a
 * year or an age ("26" of "26 children", "1191" of "April 1191", "50" of "50-year-old man"); else a list less the
 * items the question names ("Along with toys, where …?" answered "models", not "toys and models"), and less the words
 * at its edges that the question asks with ("What culture …?" answered "Irish", not "Irish culture"). The question's
 * words are read once, for all spans.
 */
export function shownSpanFor(analysis: QuestionAnalysis): (span: AnswerSpan) => AnswerSpan {
  const asked = { phrase: new Set(termsOf(askedPhraseWords(analysis.text).join(' '))), question: new Set(termsOf(analysis.text)) };
  const age = analysis.wantsAge;
  const count = analysis.kind === 'number' && asksCount(analysis.text);
  const year = asksYear(analysis.text);
  const person = analysis.kind === 'person';
  const place = analysis.kind === 'place';
  // "What did they do?", "what happened?", "how did they …?": the verb is the answer.
  // "did" and "does" are only auxiliaries in "What did Watt add?"; "What did he do?" asks with "do".
  const asksAction = /\b(?:do|doing|done|happen|happens|happened)\b/i.test(analysis.text) || /^\W*how\b(?!\s+(?:much|many|long|old|far|big|large|high))/i.test(analysis.text);
  const measures = measuresAsked(analysis.text);
  const measure = measures === null ? null : measurePhrase(measures);
  const body = askedClassOf(analysis.text) === 'body';
  const other = analysis.kind === 'other';
  return (span) => {
    const figure = age ? ageOf(span) : count ? countOf(span) : year ? yearOf(span) : measure !== null ? measureOf(span, measure) : null;
    if (figure !== null) return figure;
    // "What news outlet is she with?" and "Valley Radio's Anna Berg": the outlet that owns the name.
    const owner = body ? ownerOfName(span) : null;
    if (owner !== null) return owner;
    const listed = listLessAsked(span, asked.question) ?? span;
    const cut = cutAskedWords(listed, asked) ?? listed;
    const unverbed = asksAction ? cut : (withoutLeadingVerb(cut) ?? cut);
    const whole = other ? (withoutShare(unverbed) ?? unverbed) : (sharedNounRange(unverbed) ?? unverbed);
    const bare = place ? withCompassPoint(placeName(whole) ?? placeBeforeItsRegion(whole) ?? whole) : whole;
    return person ? (nameAlone(bare) ?? withoutJobTitle(bare) ?? bare) : bare.kind === 'list' ? withoutLeadingArticle(bare) : bare;
  };
}

// Lengths of time besides the lexicon's units ("a season", "a life term", "overnight"), and chat's "min" and "hr".
const otherTimeWords = new Set(['season', 'term', 'life', 'lifetime', 'overnight', 'while', 'min', 'hr']);

// Whether a span names a unit of time ("three weeks", "2 hrs", "life", "48h").
function namesTimeUnit(text: string): boolean {
  if (/\d+[-\s]?(?:h|m|s|d)\b/i.test(text)) return true;
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).some((typed) => {
    const word = newsAbbreviations.get(typed) ?? typed;
    const singular = word.replace(/ies$/, 'y').replace(/s$/, '');
    return [word, singular].some((form) => durationUnits.has(form) || otherTimeWords.has(form));
  });
}

function ownerOfName(span: AnswerSpan): AnswerSpan | null {
  const owned = /^(?:the\s+)?(\p{Lu}[\p{L}\p{N}&.-]*(?:\s+\p{Lu}[\p{L}\p{N}&.-]*){0,3})['’]s?\s+\p{Lu}/u.exec(span.text);
  if (owned === null) return null;
  return narrowed(span, owned[0].indexOf(owned[1]!), owned[1]!.length);
}

// A figure in one of the measures asked, with the words that qualify it: "about 9.1 metres", "magnitude 6.8".
function measurePhrase(measures: readonly MeasureDimension[]): RegExp {
  const units = wordAlternation(measures.flatMap((dimension) => [...measureUnits[dimension]]).sort((a, b) => b.length - a.length));
  const figure = String.raw`(?:\d[\d,.]*|${wordAlternation(numberWordValues.keys())}|half|an?)`;
  const qualifier = String.raw`(?:(?:about|approximately|around|nearly|almost|roughly|some|over|under|up\s+to|more\s+than|less\s+than|at\s+least)\s+)?`;
  return new RegExp(String.raw`\b${qualifier}(?:magnitude\s+\d[\d.]*|${figure}(?:[\s-]+(?:a|an|of))?[\s-]*${units}(?![\p{L}]))`, 'iu');
}

// "How high …?" and "the crest of about 9.1 metres on Sunday": the measure alone.
function measureOf(span: AnswerSpan, phrase: RegExp): AnswerSpan | null {
  const match = phrase.exec(span.text);
  return match === null || match[0].length === span.text.length ? null : narrowed(span, match.index, match[0].length);
}

// "Where did the monks flee to?" and "to southern Italy": the part of the place the sentence gives is the place.
function withCompassPoint(span: AnswerSpan): AnswerSpan {
  if (!isSlice(span) || !/^\p{Lu}/u.test(span.text)) return span;
  const point = /\b((?:north|south|east|west|central|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)(?:ern)?\s+)$/i.exec(span.entry.passage.normalized.slice(Math.max(0, span.start - 16), span.start));
  return point === null ? span : widenedTo(span, span.start - point[1]!.length);
}

// "in the 10th and 11th centuries": a figure that shares its plural noun with one before it answers with it.
function sharedNounRange(span: AnswerSpan): AnswerSpan | null {
  if (!isSlice(span) || !/^\d+(?:st|nd|rd|th)?\s+\p{L}+s$/u.test(span.text)) return null;
  const before = /(\d+(?:st|nd|rd|th)?(?:,\s*\d+(?:st|nd|rd|th)?)*,?\s+(?:and|or|to)\s+)$/u.exec(span.entry.passage.normalized.slice(Math.max(0, span.start - 40), span.start));
  return before === null ? null : widenedTo(span, span.start - before[1]!.length);
}

// "What is bought by women?" and "half of all condoms": what is asked for is the thing, not the share of it.
function withoutShare(span: AnswerSpan): AnswerSpan | null {
  const share = /^(?:(?:about|nearly|almost|more\s+than|less\s+than)\s+)?(?:half|most|much|all|some|many|part|a\s+third|a\s+quarter|two-thirds|three-quarters)\s+of\s+(?:all\s+|the\s+)?(?=\p{L})/iu.exec(span.text);
  if (share === null || !isSlice(span) || share[0].length >= span.text.length) return null;
  return narrowed(span, share[0].length, span.text.length - share[0].length);
}

// "Where was it signed?" and "the city of Deabolis": the place's name, without the kind of place before it.
function placeName(span: AnswerSpan): AnswerSpan | null {
  const kind = /^(?:the\s+)?(?:city|town|village|port|province|state|county|region|island|district|capital)\s+of\s+(?=\p{Lu})/u.exec(span.text);
  return kind === null || !isSlice(span) ? null : narrowed(span, kind[0].length, span.text.length - kind[0].length);
}

// "When was it founded?" and "began in 911", "how much?" and "totaling $414 million", "who gave it?" and "given by
// Duke Kent-Brown": the thing itself, without the verb that led to it, unless the question asks what was done.
function withoutLeadingVerb(span: AnswerSpan): AnswerSpan | null {
  if (!isSlice(span) || span.words[0]?.pos !== 'VERB') return null;
  let from = 1;
  while (from < span.words.length && ['ADP', 'PART'].includes(span.words[from]!.pos)) from++;
  const rest = span.words.slice(from);
  if (rest.length === 0 || rest.some((word) => word.pos === 'VERB' || word.pos === 'AUX') || rest[0]!.pos === 'PRON') return null;
  // "guarded condition", "broken leg": a participle straight before its noun describes it.
  if (from === 1 && ['NOUN', 'ADJ'].includes(rest[0]!.pos)) return null;
  const offset = rest[0]!.start - span.start;
  return narrowed(span, offset, span.text.length - offset);
}

// "Who was cast?" and "the comic Ana Ruiz": the name, without the article and the role words before it; "who makes
// the chips?" and "California-based Norwell": the name, without where it is based.
function nameAlone(span: AnswerSpan): AnswerSpan | null {
  const based = /^(?:the\s+)?[\p{L}\p{N} ,.'’-]*?-based\s+(?=\p{Lu})/u.exec(span.text);
  if (based !== null && isSlice(span)) return narrowed(span, based[0].length, span.text.length - based[0].length);
  if (!isSlice(span)) return null;
  // "beating Gilles Muller": the tagger may read the verb before a name as a noun; the name is the person.
  const acting = /^\p{Ll}+ing\s+(?=\p{Lu})/u.exec(span.text);
  if (acting !== null && span.words.slice(1).every((word) => word.pos === 'PROPN' || word.pos === 'PUNCT')) return narrowed(span, acting[0].length, span.text.length - acting[0].length);
  if (span.words[0]?.pos !== 'DET') return null;
  const firstProper = span.words.findIndex((word) => word.pos === 'PROPN');
  if (firstProper < 1 || !span.words.slice(firstProper).every((word) => word.pos === 'PROPN' || word.pos === 'PUNCT')) return null;
  if (!span.words.slice(1, firstProper).every((word) => /^\p{Ll}/u.test(word.text))) return null;
  const offset = span.words[firstProper]!.start - span.start;
  return narrowed(span, offset, span.text.length - offset);
}

// "Who spoke for the department?" and "Corrections Secretary Walt McNeil": the person is "Walt McNeil". A rank a
// person is known by ("King Charles III", "Pope Benedict XVI", "Dr. Conrad Murray") stays.
function withoutJobTitle(span: AnswerSpan): AnswerSpan | null {
  if (!isSlice(span)) return null;
  const phrase = findNamePhrases(span.entry.passage.normalized).find((candidate) => candidate.end === span.end && candidate.start > span.start && candidate.title !== null);
  if (phrase === undefined || phrase.localKind !== 'person' || keptTitles.has(phrase.title!.split(/\s+/)[0]!.toLowerCase().replace(/\.$/, ''))) return null;
  return narrowed(span, phrase.start - span.start, phrase.end - phrase.start);
}
const keptTitles = new Set(['king', 'queen', 'prince', 'princess', 'emperor', 'empress', 'pope', 'saint', 'st', 'sir', 'dame', 'lord', 'lady', 'dr', 'mr', 'mrs', 'ms', 'miss', 'sheikh', 'emir']);

// "Which countries?" and "the Netherlands, Canada and Norway": a list is shown without the article of its first name.
function withoutLeadingArticle(span: AnswerSpan): AnswerSpan {
  const article = /^the\s+/i.exec(span.text);
  return article === null ? span : narrowed(span, article[0].length, span.text.length - article[0].length);
}

// A span the readers composed ("four valve" of "four-valve", "Jane Doe and John Roe") is not a slice of its sentence.
function isSlice(span: AnswerSpan): boolean {
  return span.words.length > 0 && span.entry.passage.normalized.slice(span.start, span.end) === span.text;
}

// "the Pasadena, California, sober living facility": a place with its region, set in commas before the noun it
// describes, is shown as "Pasadena, California"; the "the" belongs to the facility.
function placeBeforeItsRegion(span: AnswerSpan): AnswerSpan | null {
  if (!isSlice(span)) return null;
  const sentence = span.entry.passage.normalized;
  const name = /^the\s+(?=\p{Lu})/iu.exec(span.text);
  const region = /^,\s*(\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2}),\s+(?=\p{Ll})/u.exec(sentence.slice(span.end));
  if (name === null || region === null) return null;
  const start = span.start + name[0].length;
  const end = span.end + region[0].indexOf(region[1]!) + region[1]!.length;
  return { ...span, text: sentence.slice(start, end), start, end, words: span.words.filter((word) => word.start >= start) };
}

// The span narrowed to the part of its text at an offset; a composed span changes its text only.
// A slice span reaching back to `start` in its sentence. Its tagged words stay its own: the shown text is printed, not
// read again.
function widenedTo(span: AnswerSpan, start: number): AnswerSpan {
  return { ...span, text: span.entry.passage.normalized.slice(start, span.end), start };
}

function narrowed(span: AnswerSpan, offset: number, length: number): AnswerSpan {
  const text = span.text.slice(offset, offset + length);
  if (!isSlice(span)) return { ...span, text };
  const start = span.start + offset;
  const end = start + length;
  return { ...span, text, start, end, words: span.words.filter((word) => word.start >= start && word.end <= end) };
}

// "How many …?" and "26 children" or "four-course": the count alone, with what qualifies it ("about 15", "at least
// 40"); null when the span does not open with a count.
function countOf(span: AnswerSpan): AnswerSpan | null {
  const sliced = isSlice(span);
  // A composed span's own words are read, with offsets within its text.
  const words = sliced ? span.words : tagSentence(span.text);
  const base = sliced ? span.start : 0;
  const first = words.findIndex((word) => word.pos === 'NUM');
  if (first < 0 || first > 2 || words.slice(0, first).some((word) => word.pos !== 'ADV' && word.pos !== 'ADP' && word.pos !== 'DET' && !/^(?:more|fewer|less|than)$/i.test(word.text))) return null;
  // "3.5 million", "91%": the figure runs on through its number words and symbols, but a number word that opens a
  // hyphenated word ("two four-stroke engines") is not part of it.
  const hyphenated = (i: number) => words[i + 1]?.text === '-' && words[i + 1]!.start === words[i]!.end;
  let last = first;
  while (last + 1 < words.length && (words[last + 1]!.pos === 'NUM' || words[last + 1]!.pos === 'SYM') && !hyphenated(last + 1)) last++;
  // A scale glued to the figure stays with it: "1bn" is not "1", and "200m" is shown as printed.
  if (last + 1 < words.length && words[last + 1]!.start === words[last]!.end && gluedScaleWord.test(words[last + 1]!.text)) last++;
  if (last === words.length - 1) return null;
  // An article before the count goes ("a 14" is not a count), the qualifiers stay.
  const from = words.slice(0, first).findIndex((word) => !/^(?:a|an|the)$/i.test(word.text));
  const start = words[from < 0 ? first : from]!.start - base;
  return narrowed(span, start, words[last]!.end - base - start);
}

// "What year …?" and "14 October 1066": the year alone, "1066".
function yearOf(span: AnswerSpan): AnswerSpan | null {
  const match = /\b\d{4}\b/.exec(span.text);
  return match === null || match[0] === span.text ? null : narrowed(span, match.index, match[0].length);
}

// A time, or a phrase that places something in time: a date, a year, a day or season, "after the war", "two years ago".
function couldBeTime(span: AnswerSpan): boolean {
  // A bare number may be a year ("911", "1990s", "the 80s"); one with a unit ("200 metres") is not, nor an age or a
  // count of two digits ("41").
  if (span.kind === 'time' || /^(?:the\s+)?(?:\d{3,4}(?:s|\s*[-–]\s*\d{1,4})?|\d0s)$/.test(span.text.trim())) return true;
  const words = span.text.split(/[\s,;]+/);
  // "Jan Novak" names a man, not January.
  const month = (word: string, next: string | undefined) => months.has(word) && !(word.length <= 4 && next !== undefined && /^\p{Lu}/u.test(next));
  return words.some((raw, i) => {
    const word = raw.toLowerCase();
    return month(word, words[i + 1]) || weekdays.has(word) || timePlacingWords.has(word);
  });
}

// "Christine Wilford" or "Wilford": the full name or the surname of someone the story names as a person.
function namesKnownPerson(span: AnswerSpan, names: NameRegistry): boolean {
  const words = span.text.split(/\s+/);
  if (words.length > 4 || !words.every(isCapitalised)) return false;
  const person = names.personBySurname(words.at(-1)!);
  return person !== null && (person === span.text || (words.length === 1 && person.split(/\s+/).length > 1));
}

function couldBePlace(span: AnswerSpan): boolean {
  if (span.kind === 'person' || span.kind === 'time' || span.kind === 'number' || span.kind === 'verb' || /^[\d.,\s%$€£-]+$/.test(span.text)) return false;
  // "Thursday", "on Thursday": a day is no place, whatever kind the span was read as.
  const text = span.text.replace(/^(?:on|in|at|by)\s+/i, '');
  return !findTimeMentions(text).some((time) => time.start === 0 && time.end >= text.length);
}

// Whether shown text can be an age: a whole number up to 125, in figures or words, alone or in years ("50", "about
// 50", "50 years", "their 40s", "fifty").
function couldBeAge(text: string): boolean {
  const figure = /^(?:(?:about|around|nearly|almost|aged|age|just|only|over|under)\s+)?(\d{1,3})(?:[-\s]*(?:years?|yrs?)(?:[-\s]*old)?)?$/i.exec(text.trim());
  if (figure !== null) return Number(figure[1]) <= 125;
  if (/^(?:(?:in\s+)?(?:their|his|her|the)\s+)?(?:early\s+|mid-?|late\s+)?\d0s$/i.test(text.trim())) return true;
  // "fifty", "about fifty-two years old"; not "two Canadian family offices", whose figure counts something else.
  const words = text
    .toLowerCase()
    .replace(/^(?:about|around|nearly|almost|aged|age|just|only|over|under)\s+/, '')
    .replace(/[-\s]*(?:years?|yrs?)(?:[-\s]*old)?$/, '')
    .split(/[\s-]+/)
    .filter((word) => word !== '' && word !== 'and');
  return words.length > 0 && words.every((word) => numberWordValues.has(word) && word !== 'hundred' && word !== 'thousand');
}

// "How old is he?" and "the 50-year-old American man": the age alone, "50".
function ageOf(span: AnswerSpan): AnswerSpan | null {
  // A span cut short of its "old" ("39 years" of "39 years old") is an age as well.
  const match = agePhrase.exec(span.text) ?? /^(\d{1,3})[-\s]years?$/i.exec(span.text);
  const figure = match?.[1] ?? match?.[2];
  return match === null || figure === undefined ? null : narrowed(span, match.index + match[0].indexOf(figure), figure.length);
}

// "How many people were arrested?" is not answered by "the $31.2 million theft" or "a third" (of "a third suspect"):
// a sum of money or a share counts nothing, unless the question asks for one ("how many dollars") or the sum is of
// the asked noun ("$5 billion in American-made weapons" for "how many weapons").
function onlyMoneyOrShare(span: AnswerSpan, analysis: QuestionAnalysis): boolean {
  const quantities = findQuantities(span.text);
  if (analysis.wantsMoney || analysis.wantsShare || quantities.length === 0) return false;
  if (!quantities.every((quantity) => quantity.kind === 'money' || quantity.kind === 'percent')) return false;
  return analysis.countNoun === null || !namesNounAfter(span.entry.passage.normalized, span.end, analysis.countNoun);
}

// A figure of the asked sort, for a question that names one; any span for other questions.
function isAskedFigure(span: AnswerSpan, analysis: QuestionAnalysis, measures: readonly MeasureDimension[] | null): boolean {
  if (analysis.wantsShare) return span.candidate?.kind === 'percent';
  if (analysis.kind === 'duration') return holdsDuration(span);
  if (measures !== null) return holdsMeasure(span, measures);
  if (analysis.kind === 'number' && analysis.countNoun !== null) return span.candidate !== null && countsAskedNoun(span.candidate, span.entry.passage.normalized, analysis);
  return false;
}

// "20 hours", "three weeks": a length of time, which an age ("46-year-old") is not.
function holdsDuration(span: AnswerSpan): boolean {
  const after = span.entry.passage.normalized.slice(span.start);
  return findQuantities(span.text).some((quantity) => quantity.kind === 'duration' && !oldNext.test(after.slice(quantity.end)));
}

// A span cut from an age just before its "old": "46-year" of "46-year-old".
function beforeOld(span: AnswerSpan): boolean {
  return oldNext.test(span.entry.passage.normalized.slice(span.end));
}

// The "old" that makes a length of years an age ("46-year-old", "46 years old").
const oldNext = /^[\s-]*old\b/i;

// "How high …?", "how heavy …?": the measures the question asks for, or null for any other question.
function measuresAsked(question: string): readonly MeasureDimension[] | null {
  const word = /^\W*how\s+(\p{L}+)/iu.exec(question)?.[1]?.toLowerCase();
  return word === undefined ? null : (measureQuestionWords.get(word) ?? null);
}

// Whether a span is a figure in a unit of one of the asked measures, the unit within the span or right after it
// ("9.1 metres", "9.1" before "metres", "about half a mile", "a mile", "magnitude 6.8"); only words that qualify a figure
// ("about", "more than") may come before it.
function holdsMeasure(span: AnswerSpan, measures: readonly MeasureDimension[]): boolean {
  const isUnit = (word: string | undefined) => word !== undefined && measures.some((measure) => measureUnits[measure].has(word));
  // A unit glued to its figure ("30m", "5km") is read as the word after it.
  const wordsOf = (text: string) => text.toLowerCase().replace(/(\d)(\p{L})/gu, '$1 $2').split(/[^\p{L}\d°/.]+/u).map((word) => word.replace(/\.$/, '')).filter(Boolean);
  const own = wordsOf(span.text);
  const figure = own.findIndex((word, i) => /\d/.test(word) || numberWordValues.has(word) || word === 'half' || (/^an?$/.test(word) && isUnit(own[i + 1])));
  if (figure < 0 || !own.slice(0, figure).every((word) => figureQualifiers.has(word))) return false;
  const words = [...own, ...wordsOf(span.entry.passage.normalized.slice(span.end, span.end + 24)).slice(0, 3)];
  const next = /^(?:a|an|of)$/.test(words[figure + 1] ?? '') ? words[figure + 2] : words[figure + 1];
  return isUnit(next) || isUnit(own[figure - 1]);
}

// Words that may stand before a figure in the span that gives it.
const figureQualifiers = new Set(['about', 'approximately', 'around', 'nearly', 'almost', 'roughly', 'some', 'over', 'under', 'up', 'to', 'more', 'less', 'than', 'just', 'only', 'at', 'least', 'most', 'a', 'an', 'the', 'magnitude']);

// The hand-written readers' answer as a span of its first supporting passage: where it stands whole, or from its
// first name to its last when it joins several ("Jane Doe and John Roe").
function readerSpan(pick: ShortAnswer, ranked: readonly RankedPassage[]): AnswerSpan | null {
  const entry = pick.support[0];
  if (entry === undefined) return null;
  const rank = ranked.indexOf(entry);
  const sentence = entry.passage.normalized;
  const parts = pick.text.split(/,\s*|\s+and\s+/).map((part) => part.replace(/\s*\(.*\)$/, '').trim()).filter(Boolean);
  const at = parts.map((part) => ({ start: sentence.indexOf(part), length: part.length })).filter((found) => found.start >= 0);
  const start = at.length > 0 ? Math.min(...at.map((found) => found.start)) : 0;
  const end = at.length > 0 ? Math.max(...at.map((found) => found.start + found.length)) : 0;
  const kind = parts.length > 1 ? 'list' : 'noun';
  return { text: pick.text, start, end, kind, entry, rank: rank < 0 ? spanDepth : rank, words: [], candidate: null };
}

function clip(text: string): string {
  return text.length <= maxShortLength ? text : `${text.slice(0, maxShortLength - 1).trimEnd()}…`;
}
