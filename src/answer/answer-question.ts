import { withCarriedTerms } from '../conversation/follow-up-search.js';
import { isWhWord, withoutRequestFrame } from '../conversation/question-shape.js';
import { resolveFollowUp } from '../conversation/resolve-follow-up.js';
import type { ConversationTurn, FollowUp } from '../conversation/turn.js';
import { leaderAsks, moneyNouns, quoteAttributionVerbs, roleNouns, wordAlternation } from '../language/lexicon.js';
import { wordsOf } from '../language/names.js';
import { termKey, termsOf } from '../search/terms.js';
import type { Story } from '../story.js';
import { normalizeForMatch } from '../text/normalize.js';
import { safeRenderedText } from '../text/safe-text.js';
import type { Answer, AskResult, Passage, QuestionKind } from '../types.js';
import type { AnswerModel } from './answer-model.js';
import { answerableFeatureValues, answerableProbability, namesAnUnknown } from './answerable.js';
import { composeAnswer } from './compose.js';
import { outletsOfCitations, readOutletScope, readOutletsAsked, type OutletScope } from './outlet-scope.js';
import { answerWhatComesNext, readNextQuestion } from './whats-next.js';
import { planQuery, type QueryPlan } from './query-plan.js';
import { analyzeQuestion, type QuestionAnalysis } from './question.js';
import { needsCandidate, rankPassages, unrankedEntry, type RankedPassage, type RankOptions } from './rank.js';
import { agesOfAsked, directAnswerOf, nameOfNamed, peopleAsked, scoreSpans, type DirectAnswer, type ScoredSpan } from './direct-answer.js';
import { sourceAsked } from './attribution.js';
import { definitionClauseOf, mannerClauseOf, reasonClauseOf } from './clause-answers.js';
import { pickShortAnswer } from './short-answer.js';
import { spanKey } from './span-features.js';
import { isYesNoQuestion, yesNoFeatureValues, yesProbability } from './yes-no.js';

/** Longest question accepted, in characters; longer ones are refused with a message rather than searched. */
export const maxQuestionLength = 1000;

/** The plain statement an abstention opens with; adapters add what the bot covers. */
export const notCoveredText = "The coverage of this story doesn't say.";

/** The answer to "what else?" when the coverage has nothing beyond what was already cited. */
export const nothingMoreText = 'The coverage says nothing more on that.';

/** Options for {@link answerQuestion}. */
export type AnswerOptions = {
  /** The recent turns of the conversation the question was asked in, oldest first; a follow-up is read against them. */
  conversation?: readonly ConversationTurn[] | undefined;
  /** The fitted weights to answer with; defaults to the committed model (training passes candidates). */
  model?: AnswerModel;
};

/** A question read and searched: its analysis, its search plan, its passages best first, and its direct answer. */
export type QuestionReading = {
  question: string;
  analysis: QuestionAnalysis;
  plan: QueryPlan;
  ranked: RankedPassage[];
  /** Candidate answer spans of the best passages, best first (empty when the question wants no direct answer). */
  spans: ScoredSpan[];
  short: DirectAnswer | null;
  /** How the question was read against its conversation, or null outside one. */
  followUp: FollowUp | null;
  /** The outlet the question is asked of ("…, according to Test Wire?"), or null for the whole coverage. */
  scope: OutletScope | null;
  /** True for "which outlets reported …?": the outlets of the cited sentences are the direct answer. */
  asksOutlets: boolean;
  /** The answerable model's features, the probability it gives and the threshold it must reach. */
  answerable: { values: number[]; probability: number; threshold: number };
};

/**
 * Answers a question from the story's passages, citing each sentence it uses, or abstains when the coverage does not
 * say. In a conversation, a follow-up is first read as a standalone question (`resolved`).
 */
export function answerQuestion(story: Story, rawQuestion: string, options: AnswerOptions = {}): AskResult {
  const checked = checkQuestion(rawQuestion);
  if (!checked.ok) return checked;
  const question = checked.question;
  const reading = readQuestion(story, question, options);
  const { analysis, ranked, short, scope, asksOutlets } = reading;
  const resolved = reading.question;
  // "What does Test Wire say?" asks for that outlet's news as "what's the latest?" asks for the story's.
  if (scope?.question === '' || asksForCatchUp(scope?.question ?? resolved, analysis)) return { ok: true, answer: catchUpAnswer(story, question, resolved, scope ?? undefined) };
  // "What's next?", "when is the next meeting?": what the coverage schedules, when it schedules anything that fits.
  const next = readNextQuestion(scope?.question ?? resolved);
  const upcoming = next === null ? null : answerWhatComesNext(story, question, resolved, next, scope);
  if (upcoming !== null) return { ok: true, answer: upcoming };
  if (ranked.length === 0 || reading.answerable.probability < reading.answerable.threshold || asksUnknownSpeaker(story, analysis, reading.plan) || asksUnstatedAge(story, reading)) return { ok: true, answer: abstention(question, resolved, analysis.kind, reading.followUp?.reading === 'more' ? nothingMoreText : notCoveredText) };
  let chosen = chooseSupport(ranked, short?.support ?? speakerSupport(ranked, analysis));
  if (analysis.kind === 'statement') chosen = withQuotedWords(story, chosen, analysis.subject);
  chosen = withTextUnderHeadings(story, chosen);
  const composed = composeAnswer(story, chosen, scope ?? undefined, unquotedSpeakerNote(story, analysis, ranked));
  const shortText = asksOutlets ? outletsOfCitations(composed.citations) : (short?.text ?? null);
  const answer: Answer = {
    question,
    resolved,
    answer: composed.answer,
    short: shortText === null ? null : safeRenderedText(shortText),
    abstained: false,
    kind: analysis.kind,
    citations: composed.citations,
  };
  return { ok: true, answer };
}

/** The question normalised, or why it cannot be asked. */
export function checkQuestion(rawQuestion: string): { ok: true; question: string } | Extract<AskResult, { ok: false }> {
  // The cap holds for the question as sent, before it is normalised: padding of spaces, zero-width characters or
  // emoji counts, so a question of megabytes is refused without being read, and only its start is echoed.
  if (rawQuestion.length > maxQuestionLength) {
    return {
      ok: false,
      reason: 'too-long',
      message: `That question is ${rawQuestion.length} characters long; please keep it under ${maxQuestionLength}.`,
      question: `${cleanQuestion(rawQuestion.slice(0, 160)).slice(0, 80)}…`,
    };
  }
  const question = cleanQuestion(rawQuestion);
  if (question === '') return { ok: false, reason: 'empty-question', message: 'Please ask a question about the story.', question };
  if (!/[\p{L}\p{N}]/u.test(question)) {
    return { ok: false, reason: 'no-words', message: 'That question has no words in it; please ask about the story.', question };
  }
  return { ok: true, question };
}

/**
 * Reads a checked question (against its conversation, if any): ranks the story's passages for it, finds its direct
 * answer and judges whether it is answered.
 */
export function readQuestion(story: Story, typed: string, options: AnswerOptions = {}): QuestionReading {
  // "Do you know who met?" asks "who met?"; "can you tell me why?" is the follow-up "why?".
  const asked = withoutRequestFrame(typed);
  const followUp = options.conversation === undefined ? null : resolveFollowUp(asked, options.conversation, story);
  const question = followUp === null || followUp.reset || followUp.resolved === '' ? asked : followUp.resolved;
  // "Who met, according to Test Wire?" is "who met?" read in Test Wire's articles alone.
  const scope = readOutletScope(question, story);
  const scoped = scope === null || scope.question === '' ? question : scope.question;
  // "Which outlets reported that the talks failed?" searches "the talks failed"; its answer names the outlets.
  const outletsAsked = readOutletsAsked(scoped);
  const searched = outletsAsked?.question ?? scoped;
  const plan = withCarriedTerms(planQuery(analyzeQuestion(searched), story.index), followUp, story.index);
  const analysis = withStorySpelling(analyzeQuestion(searched), plan, story);
  // A question asked on its own that says "he" or "she" is searched as typed, but its direct answer is chosen as if
  // the person the story names most were named, so that person is not taken for the answer ("who are his rivals?");
  // "what's her name?" asks for that very person.
  const alone = options.conversation === undefined && !/\bnamed?\b/i.test(asked) ? resolveFollowUp(asked, [], story) : null;
  const spanAnalysis = alone !== null && alone.reading === 'pronoun' && alone.resolved !== '' ? withStorySpelling(analyzeQuestion(alone.resolved), plan, story) : analysis;
  const reading = readWith(story, { question, searched, asked, plan, analysis, spanAnalysis, followUp, scope, asksOutlets: outletsAsked !== null }, followUp?.exclude ?? [], options);
  // "Any others?" after a list: the next name often stands in the sentence that gave the last one, which a request
  // for more leaves out. When nothing else answers, that sentence is read again for an answer not yet given.
  if (followUp !== null && followUp.exclude.length > 0 && followUp.given.length > 0 && !isAnswered(reading)) {
    const again = readWith(story, { question, searched, asked, plan, analysis, followUp, scope, asksOutlets: outletsAsked !== null }, [], options);
    if (again.short !== null && isAnswered(again)) return again;
  }
  return reading;
}

// The question as asked (`question`, what `resolved` shows) and as searched, without an outlet's words.
type QuestionRead = Pick<QuestionReading, 'question' | 'plan' | 'analysis' | 'followUp' | 'scope' | 'asksOutlets'> & { searched: string; asked: string; spanAnalysis?: QuestionAnalysis };

function readWith(story: Story, read: QuestionRead, exclude: readonly string[], options: AnswerOptions): QuestionReading {
  const { plan, analysis, followUp, scope, asksOutlets } = read;
  const question = read.searched;
  const context = followUp === null ? {} : conversationContext(followUp, story, exclude);
  const within = scope === null ? {} : { within: scope.documents };
  const yesNo = isYesNoQuestion(question);
  const ranked = keepStatedNumbers(rankPassages(story, analysis, plan, { ...context, ...within, yesNo, model: options.model }), analysis.terms.map((term) => term.term));
  const readerPick = !yesNo && needsCandidate(analysis) ? pickShortAnswer(ranked, analysis) : null;
  const scored = !yesNo && wantsDirectAnswer(analysis) ? scoreSpans(ranked, read.spanAnalysis ?? analysis, story.names, readerPick, options.model) : [];
  const spans = agesOfAsked(withoutGiven(scored, followUp?.given ?? []), analysis, story.names, (passage) => story.neighbour(passage, -1)?.normalized);
  // "Who said that?" is read as typed: the follow-up's reading may have put a name in place of "that".
  const source = yesNo ? null : sourceAsked(read.asked, followUp?.anchors[0], ranked);
  const short = yesNo ? yesNoAnswer(story, question, plan, ranked, options.model) : source !== null ? { ...source, score: spans[0]?.score ?? 0 } : (nameOfNamed(question, ranked, story.names, spans[0]?.score ?? 0) ?? directAnswerOf(spans, ranked, analysis, { names: story.names, articleDate: (document) => story.article(document)?.date ?? null, corrected: correctedTerms(plan) }));
  const articles = story.overview().articles;
  const values = answerableFeatureValues({ analysis, plan, ranked, short, shortScore: yesNo ? null : (short?.score ?? null) });
  // A why-question's reason, a how-question's way and what a what-is question's X is are read after abstention is
  // weighed, which was fitted without them.
  const clause = yesNo ? null : analysis.kind === 'reason' ? reasonClauseOf(analysis, ranked) : analysis.kind === 'manner' ? mannerClauseOf(analysis, ranked) : definitionClauseOf(analysis, ranked);
  const shown = clause === null ? short : { ...clause, score: 0 };
  return { question: read.question, analysis, plan, ranked, spans, short: shown, followUp, scope, asksOutlets, answerable: { values, ...answerableProbability(values, articles, options.model) } };
}

function isAnswered(reading: QuestionReading): boolean {
  return reading.ranked.length > 0 && reading.answerable.probability >= reading.answerable.threshold;
}

// "Who else?": a span that repeats an answer already given, or whole words of one ("Moran" of "Lee Moran"), is not a
// new answer; "Lee" is not part of "Leeds".
function withoutGiven(spans: ScoredSpan[], given: readonly string[]): ScoredSpan[] {
  if (given.length === 0) return spans;
  const padded = (text: string) => ` ${spanKey(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const keys = given.map(padded).filter((key) => key.trim() !== '');
  return spans.filter(({ span }) => {
    const key = padded(span.text);
    return key.trim() === '' || !keys.some((known) => known.includes(key) || key.includes(known));
  });
}

// "Did the talks resume?": yes or no, as the best sentence says, with that sentence as the support.
function yesNoAnswer(story: Story, question: string, plan: QueryPlan, ranked: readonly RankedPassage[], model: AnswerModel | undefined): DirectAnswer | null {
  if (ranked.length === 0) return null;
  const told = answeredSubhead(story, ranked);
  if (told !== null) return told;
  const yes = yesProbability(yesNoFeatureValues({ question, plan, ranked }), model);
  return { text: yes >= 0.5 ? 'Yes' : 'No', support: [ranked[0]!], score: Math.abs(yes - 0.5) * 2 };
}

// An explainer asks the question itself and answers it at once: "Was the bus company allowed to operate?" then
// "No." or "Yes, but …". A question subhead among the best passages that covers the question, followed by a
// paragraph opening with yes or no, is taken at its word, and both are the support.
function answeredSubhead(story: Story, ranked: readonly RankedPassage[]): DirectAnswer | null {
  const best = ranked[0]!.score;
  for (const entry of ranked.slice(0, 3)) {
    if (entry.score < best - 1 || entry.ownCoverage < subheadCoverage || !/\?\s*$/.test(entry.passage.normalized)) continue;
    const next = story.neighbour(entry.passage, 1);
    const said = next === undefined ? null : /^\W*(yes|no)\b/i.exec(next.normalized);
    if (said) return { text: said[1]!.toLowerCase() === 'yes' ? 'Yes' : 'No', support: [entry, unrankedEntry(next!)], score: 1 };
  }
  return null;
}

// How much of the question a subhead must ask to be the same question.
const subheadCoverage = 0.5;

// What someone said, why something happened, what there is to say about a topic ("What about the pay rise?") or
// what happened somewhere or at some time ("What happened in Lisbon?") is told by the sentences themselves, not by a
// phrase; what happened *to* something ("What happens to the waste heat?") has a phrase for an answer.
function wantsDirectAnswer(analysis: QuestionAnalysis): boolean {
  const text = analysis.text.trim();
  return analysis.kind !== 'statement' && analysis.kind !== 'reason' && !/^(?:what|how) about\b/i.test(text) && !asksForAnEvent.test(text) && !asksForNews(text);
}

// "What's the latest on the talks?", "any update on the strike?", "what's new?", "where do things stand?": a request
// for news, which the sentences tell. "What's the latest death toll?", "the latest on the contract value" and "the
// latest on when it reopens" name what they want, and are not.
function asksForNews(question: string): boolean {
  const news = /^(?:so\s+|and\s+)?(?:what(?:'s|’s|s|\s+is|\s+are)\s+(?:the\s+)?(?:latest|new|newest|status|situation)|any\s+(?:news|updates?|word|developments?)|where\s+(?:do|does)\s+(?:things|it|matters)\s+stand)\b(.*)$/i.exec(question);
  if (news === null) return false;
  const rest = news[1]!.replace(/[?!.\s]+$/, '');
  if (rest !== '' && !/^\s+(?:on|of|with|about|in|from|regarding|re|there|today|now|so\s+far)\b/i.test(rest)) return false;
  const words = rest.toLowerCase().match(/\p{L}+/gu) ?? [];
  return !words.some(isWhWord) && !valueNouns.has(words.at(-1) ?? '');
}

const valueNouns = new Set([...moneyNouns, 'value', 'figure', 'figures', 'number', 'numbers', 'toll', 'total', 'count', 'tally', 'estimate', 'date', 'time']);

const asksForAnEvent = /^(?:so\s+|and\s+)?what(?:'s|’s|\s+has|\s+had|\s+will|\s+would|\s+is|\s+was)?\s+(?:happened|happens|happening|happen)\b(?!\s+(?:to|after|when|if|once|with)\b)/i;

// The passages that state the direct answer come first; then the best of the rest, up to three, each ranked near
// the best (a passage far below it is about something else).
function chooseSupport(ranked: readonly RankedPassage[], support: readonly RankedPassage[]): RankedPassage[] {
  const best = ranked[0]!;
  const chosen: RankedPassage[] = [...support.slice(0, 1)];
  for (const entry of ranked) {
    if (chosen.length >= 3) break;
    if (chosen.includes(entry)) continue;
    if (entry.score < best.score - supportMargin) break;
    chosen.push(entry);
  }
  return chosen.length > 0 ? chosen : [best];
}

// "What did Doe say?" is answered by Doe's words: the best passage in which Doe speaks leads, when it ranks near the
// best, though sentences that repeat the question's topics without Doe's words outrank it.
function speakerSupport(ranked: readonly RankedPassage[], analysis: QuestionAnalysis): RankedPassage[] {
  if (analysis.kind !== 'statement' || ranked.length === 0) return [];
  const floor = ranked[0]!.score - supportMargin;
  const speaking = ranked.find((entry) => entry.speaks && entry.score >= floor);
  return speaking === undefined ? [] : [speaking];
}

// "What did Doe say?" when Doe is someone the story names but never quotes among the passages that name them: the
// answer says so before quoting what the coverage does say, rather than pass others' words off as Doe's.
function unquotedSpeakerNote(story: Story, analysis: QuestionAnalysis, ranked: readonly RankedPassage[]): string | undefined {
  if (analysis.kind !== 'statement' || analysis.subject === null || ranked.some((entry) => entry.speaks)) return undefined;
  const person = story.names.personBySurname(analysis.subject.split(/\s+/).at(-1)!);
  return person === null ? undefined : `The coverage does not quote ${person}.`;
}

// "How old is Doe?" when no top sentence gives Doe's age: any other age among them is someone else's.
function asksUnstatedAge(story: Story, reading: QuestionReading): boolean {
  return reading.analysis.wantsAge && reading.short === null && peopleAsked(reading.analysis.text, story.names).length > 0;
}

// "What did Angela Merkel say?" of a story that never names her, "what did the prime minister say?" of one that never
// speaks of a prime minister: whatever it quotes, it is someone else's words.
function asksUnknownSpeaker(story: Story, analysis: QuestionAnalysis, plan: QueryPlan): boolean {
  if (analysis.kind !== 'statement' || analysis.subject === null) return false;
  if (/\p{Lu}/u.test(analysis.subject)) return namesAnUnknown(plan, new Set(termsOf(analysis.subject)));
  // The role's own words: "the donor from Cork" is a donor, "this juror" a juror.
  const role = analysis.subject.toLowerCase().split(/\s+(?:from|of|in|at|for|with|on|who|whose)\s+/)[0]!;
  const words = role.split(/\s+/).filter((word) => !/^(?:the|a|an|this|that|these|those|his|her|their|its|our)$/.test(word));
  if (words.length < 2) return false;
  const [first, last] = words.slice(-2) as [string, string];
  // Only an office is checked ("the prime minister"): a name typed in lower case is the name check's, and an owner's
  // role ("the defence's economist") is as often worded the other way round ("an economist for the defence").
  if (!roleNouns.has(last) || /['’]|[^s]s$/u.test(first)) return false;
  // "The quarry boss" is chat's word for whoever leads it, whatever title the story prints.
  if (leaderAsks.has(last)) return false;
  return !storyPrintsPhrase(story, [first, last]);
}

// How many passages holding a role's rarer word are read for the role's two words side by side.
const rolePassageLimit = 500;

// Whether some passage names a role by its two words, side by side or one word apart, the first maybe possessive:
// "prime minister" in "Prime Minister", "doctors attorney" in "the doctor's defense attorney".
function storyPrintsPhrase(story: Story, words: readonly string[]): boolean {
  const terms = words.map((word) => termKey(word));
  if (terms.some((term) => term === null || !story.index.hasTerm(term))) return false;
  const rarer = [...terms].sort((a, b) => story.index.documentFrequency(a!) - story.index.documentFrequency(b!))[0]!;
  const escaped = words.map((word) => word.replace(/['’]s$|s['’]?$/u, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const phrase = new RegExp(String.raw`(?:^|[^\p{L}])${escaped[0]}(?:['’]s|s['’]?)?[\s-]+(?:[\p{L}-]+\s+)?${escaped[1]}`, 'iu');
  return story.index.search([rarer], { limit: rolePassageLimit, fuzzy: false }).some((hit) => phrase.test(story.passage(hit.id)?.normalized ?? ''));
}

// How far below the best passage's score (a logit) a passage may rank and still be quoted.
const supportMargin = 3;

/** Normalises a question and drops what chat platforms add around it: mention syntax and emoji. */
export function cleanQuestion(rawQuestion: string): string {
  return normalizeForMatch(
    normalizeForMatch(rawQuestion)
      .replace(/<[@#!][^<>\s]{0,80}>/g, ' ')
      .replace(/(?<![\p{L}\p{N}])@(?:everyone|here|channel)\b/giu, ' ')
      .replace(/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]/gu, ' '),
  );
}

// Each question term the search read as another of the story's terms, with that term ("vecktor" as "vektor").
function correctionsOf(plan: QueryPlan): Array<{ term: string; corrected: string }> {
  return plan.concepts.flatMap((concept) => (concept.exact[0] !== undefined && concept.exact[0] !== concept.term ? [{ term: concept.term, corrected: concept.exact[0] }] : []));
}

// The story's terms that the search reads a question's misspelt words as ("vektor" for "vecktor").
function correctedTerms(plan: QueryPlan): ReadonlySet<string> {
  return new Set(correctionsOf(plan).map(({ corrected }) => corrected));
}

/**
 * Respells the misspelt names of a question as the story prints them ("Smyth" as "Smith"): the search finds them
 * by their correction, but telling who speaks or who is described needs the printed name.
 */
export function withStorySpelling(analysis: QuestionAnalysis, plan: QueryPlan, story: Story): QuestionAnalysis {
  const corrections = new Map<string, string>();
  for (const { term, corrected } of correctionsOf(plan)) {
    const printed = printedWordOf(corrected, story);
    if (printed !== null) corrections.set(term, printed);
  }
  if (corrections.size === 0) return analysis;
  const respell = (text: string) => text.replace(/[\p{L}\p{M}'’]+/gu, (word) => corrections.get(termKey(word) ?? '') ?? word);
  return { ...analysis, subject: analysis.subject === null ? null : respell(analysis.subject), names: analysis.names.map(respell) };
}

// A word of the story whose indexed term is the given one, as a passage that holds it prints it.
function printedWordOf(term: string, story: Story): string | null {
  const [hit] = story.index.search([term], { limit: 1, fuzzy: false });
  const passage = hit === undefined ? undefined : story.passage(hit.id);
  if (passage === undefined) return null;
  const word = wordsOf(passage.normalized).find((candidate) => termKey(candidate.text) === term);
  return word === undefined ? null : word.text.replace(/['’]s$/u, '');
}

// A number the question states ("the 2014 floods", "the $44.75 bid") pins down which event it means: only passages
// that state it too can answer.
function keepStatedNumbers(ranked: RankedPassage[], questionTerms: readonly string[]): RankedPassage[] {
  const numbers = questionTerms.filter((term) => /^\d[\d.]*$/.test(term) && !/^\d$/.test(term));
  if (numbers.length === 0) return ranked;
  return ranked.filter((entry) => {
    const own = new Set(termsOf(entry.passage.normalized));
    return numbers.every((number) => own.has(number));
  });
}

const catchUpWords =
  /^(?:latest|update|updates|summary|summarize|summarise|overview|recap|happened|happening|news|new|developments?|going|catch|brief|story|far|state|play|things|stand|key|main|tl|dr|tldr)$/;

// "What's the latest?", "catch me up", "what happened?": a question about the story as a whole, with no topic of its own.
function asksForCatchUp(question: string, analysis: ReturnType<typeof analyzeQuestion>): boolean {
  if (!/\b(?:latest|update|summar|overview|recap|happen|news|new|developments?|catch me up|brief me|tl;?dr|state of play|stand|so far)/i.test(question)) return false;
  return analysis.terms.every((term) => term.frame || term.generic || catchUpWords.test(term.word.toLowerCase()));
}

// What ranking takes from a follow-up: the passages recent answers cited (a conversation walks through a story),
// whether to look past them ("and then?"), the words carried from earlier turns, and the passages not to cite again
// (the follow-up's own, or none when a request for more is read again).
function conversationContext(followUp: FollowUp, story: Story, exclude: readonly string[]): Pick<RankOptions, 'anchors' | 'ahead' | 'carried' | 'exclude'> {
  return {
    anchors: followUp.anchors.map((id) => story.passage(id)).filter((passage) => passage !== undefined),
    ahead: followUp.reading === 'next',
    carried: [...new Set(termsOf(followUp.carry))],
    exclude: new Set(exclude),
  };
}

// The newest articles' lead sentences, one fact each: what a colleague would say when asked what the story is now,
// or what one outlet says when asked of it.
function catchUpAnswer(story: Story, question: string, resolved: string, scope?: OutletScope): Answer {
  const articles = story
    .articles()
    .filter((article) => scope === undefined || scope.documents.has(article.document))
    .map((article, order) => ({ article, date: story.dateOf(article.document) ?? '', order }))
    .sort((a, b) => b.date.localeCompare(a.date) || b.order - a.order);
  const chosen: RankedPassage[] = [];
  for (const { article } of articles) {
    const lead = article.passages.find((passage) => passage.role === 'sentence' && passage.normalized.split(/\s+/).length >= 8);
    if (lead !== undefined) chosen.push(unrankedEntry(lead));
    if (chosen.length >= 4) break;
  }
  const composed = composeAnswer(story, chosen, scope);
  if (composed.citations.length === 0) return abstention(question, resolved, 'other');
  return { question, resolved, answer: composed.answer, short: null, abstained: false, kind: 'other', citations: composed.citations };
}

function abstention(question: string, resolved: string, kind: QuestionKind, text = notCoveredText): Answer {
  return { question, resolved, answer: text, short: null, abstained: true, kind, citations: [] };
}

const pronounAttribution = new RegExp(String.raw`["”’]\s*,?\s*(?:he|she|they|it|the \w+)\s+${wordAlternation(quoteAttributionVerbs)}\b|^\s*["“]`, 'i');

// What someone said often runs over two sentences: "Jane Doe praised the crews." then "“They saved lives,” she said."
// Quote the sentence beside the chosen one when it carries the words and the chosen one the speaker, or the reverse.
function withQuotedWords(story: Story, chosen: readonly RankedPassage[], subject: string | null): RankedPassage[] {
  const speaker = subject?.split(/\s+/).at(-1)?.toLowerCase() ?? null;
  // Also compared as indexed terms, so "Kesicka" names "Kęsicka" and each part of "Carrión-Baptista" counts.
  const speakerTerms = termsOf(speaker ?? '');
  const names = (passage: Passage) =>
    speaker !== null && (passage.normalized.toLowerCase().includes(speaker) || termsOf(passage.normalized).some((term) => speakerTerms.includes(term)));
  const result: RankedPassage[] = [];
  const seen = new Set<string>();
  const push = (entry: RankedPassage) => {
    if (seen.has(entry.passage.id)) return;
    seen.add(entry.passage.id);
    result.push(entry);
  };
  chosen.forEach((entry, i) => {
    if (i < 2) {
      const previous = story.neighbour(entry.passage, -1);
      if (previous !== undefined && pronounAttribution.test(entry.passage.normalized) && !names(entry.passage) && names(previous)) push(unrankedEntry(previous));
    }
    push(entry);
    if (i < 2) {
      const next = story.neighbour(entry.passage, 1);
      if (next !== undefined && pronounAttribution.test(next.normalized) && !names(next) && (names(entry.passage) || speaker === null)) push(unrankedEntry(next));
    }
  });
  return result;
}

// An explainer's question subhead ("How were the archives saved?"), or any subhead ("Why the Library Closed"), is
// answered by the sentence after it: quoted with it, so that an answer citing the heading also gives what it heads.
function withTextUnderHeadings(story: Story, chosen: readonly RankedPassage[]): RankedPassage[] {
  const result: RankedPassage[] = [];
  const seen = new Set(chosen.map((entry) => entry.passage.id));
  for (const entry of chosen) {
    result.push(entry);
    if (!asksItself.test(entry.passage.normalized) && !isSubhead(entry.passage)) continue;
    const next = story.neighbour(entry.passage, 1);
    if (next === undefined || seen.has(next.id) || asksItself.test(next.normalized)) continue;
    seen.add(next.id);
    result.push(unrankedEntry(next));
  }
  return result;
}

const asksItself = /\?["”’)]*$/;

// A heading inside an article, not the article's own headline.
function isSubhead(passage: Passage): boolean {
  return passage.role === 'headline' && passage.position > 0;
}

