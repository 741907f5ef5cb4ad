import { findTimeMentions, tenseOf } from '../language/dates.js';
import { broadKindNouns, denialWords, negates, noOneWords, refusalVerbs, speakerQuoteVerbs, speakerVerbs, speechVerbs, wordAlternation } from '../language/lexicon.js';
import { termKey, termsOf } from '../search/terms.js';
import type { Story } from '../story.js';
import { isWordNetWord, wordnetSynonymsOf } from '../language/synonyms.js';
import type { Passage } from '../types.js';
import { gluedHeadingSetOff } from '../ingest/glued-headings.js';
import { findCandidates, type Candidate } from './candidates.js';
import { definitionPatternOf } from './definitions.js';
import { synonymsOf, type QueryPlan } from './query-plan.js';
import type { QuestionAnalysis } from './question.js';
import { answerModel, linearScore, weightsFor, type AnswerModel } from './answer-model.js';
import { passageFeatures, passageFeatureValues, type PassageEvidence, type QuestionEvidence } from './passage-features.js';

/** A passage scored for one question, with the answer candidates it holds. */
export type RankedPassage = {
  passage: Passage;
  /** Share of the question's weighted topics the passage (or, for less, its context) covers, 0–1. */
  coverage: number;
  /** Share covered by the sentence itself, without help from its neighbours or headline. */
  ownCoverage: number;
  /** The ranking model's score (a logit: higher is likelier to hold the answer). */
  score: number;
  /** Candidates of the asked-for kind that the question does not already name. */
  candidates: Candidate[];
  /** The sentence's processed terms that matched the question, with their weights, for proximity. */
  matched: Map<string, number>;
  /** How recent the passage's article is within the story, 0 (oldest) to 1 (newest); 0.5 when undated. */
  freshness: number;
  /** True for background about an earlier event ("a decade ago"), which the question did not ask about. */
  background: boolean;
  /** For a statement question, whether the one asked about speaks in the passage ("Doe said", "said Doe"). */
  speaks: boolean;
  /** The passage's features, in the order of {@link passageFeatures}. */
  features: number[];
};

// How many of the engine's first hits have the sentence after them read when it opens with a pronoun.
const followingDepth = 10;
const opensWithPronoun = /^\W*(?:he|she|they|his|her|their)\b/i;

// A negation, refusal or denial anywhere in the sentence: what answers a yes-or-no question "no" ("did not", "refused",
// "no one", "only one", "unhurt"). Tried and not kept: only such a word within five words before one of the question's
// words (fitted weight 2.77; fixtures right 2457 against 2481 here, yes/no 68.9% against 72.4%).
function deniesSomething(sentence: string): boolean {
  if (negates(sentence)) return true;
  return (sentence.toLowerCase().match(/\p{L}+/gu) ?? []).some((word) => refusalVerbs.has(word) || noOneWords.has(word) || denialWords.has(word) || /^un\p{L}{4,}(?:ed|able|ful|hurt)$/u.test(word));
}

/** How much of a passage is read for answer candidates, in characters. */
const maxCandidateText = 4000;

/** How many passages the engine returns for re-ranking. */
const searchDepth = 40;

/** Where a conversation's earlier answers stand: passages near them are likelier to answer a follow-up. */
export type RankOptions = {
  /** Passages the conversation's recent answers cited, newest first. */
  anchors?: readonly Passage[];
  /** "And then?": the answer lies after the anchors. */
  ahead?: boolean;
  /** Terms carried from earlier turns of the conversation. */
  carried?: readonly string[];
  /** Passages not to cite again ("what else?"). */
  exclude?: ReadonlySet<string>;
  /** The question asks for yes or no. */
  yesNo?: boolean;
  /** The only articles to search, for a question asked of one outlet's coverage; every article when absent. */
  within?: ReadonlySet<string>;
  model?: AnswerModel;
};

const featureNames = passageFeatures.map((feature) => feature.name);

// "When?", "Why?", "Who else?" alone: a fragment a conversation reads against its last turn. Reaching here, it had
// none to be read against. In a story of one article it most likely asks about the article's subject, whose opening
// sentences are read (CoQA's questions asked alone lose 4 points of answers found otherwise); a story of several
// articles has no one subject, and the fragment finds nothing.
const bareQuestionWord = /^\W*(?:(?:and|so|but|then)\s+)?(?:when|why|who|whom|whose|where|how|which|what)(?:\s+(?:else|exactly|then|now|so))?\W*$/i;

// A question with nothing to search ("How old was she?", "In what city?", asked without the turns before it) is read
// against the story's opening sentences, where a reader looks for its subject; whether that answers it is the
// answerable model's call. A question that names someone or something the story never does gets nothing.
function openingHits(story: Story, plan: QueryPlan, within: ReadonlySet<string> | undefined): Array<{ id: string; score: number }> {
  if (plan.concepts.some((concept) => concept.unknown && concept.nameGroup !== null)) return [];
  // Nor does one made only of words neither the story nor WordNet knows ("asdkjh qwpoeiru").
  const topics = plan.concepts.filter((concept) => concept.weight > 0);
  if (topics.length > 0 && topics.every((concept) => concept.unknown && concept.related.length === 0 && !isWordNetWord(concept.term))) return [];
  // Each article's first sentences, leads first, and no more of them than are kept: a story of thousands of articles
  // costs no more than one of forty.
  const articles = story.articles().filter((article) => within === undefined || within.has(article.document));
  const hits: Array<{ id: string; score: number }> = [];
  for (let position = 0; position < searchDepth && hits.length < searchDepth; position++) {
    for (const article of articles) {
      const passage = article.passages[position];
      if (passage !== undefined) hits.push({ id: passage.id, score: 1 });
      if (hits.length === searchDepth) break;
    }
  }
  return hits;
}

/** A passage quoted without being ranked (a neighbour that completes a quote, a lead, a scheduled event). */
export function unrankedEntry(passage: Passage): RankedPassage {
  return { passage, coverage: 0, ownCoverage: 0, score: 0, candidates: [], matched: new Map(), freshness: 0.5, background: false, speaks: false, features: [] };
}

/** Scores the passages the index finds with the fitted passage model, best first. */
export function rankPassages(story: Story, analysis: QuestionAnalysis, plan: QueryPlan, options: RankOptions = {}): RankedPassage[] {
  const within = options.within;
  const accept = within === undefined ? undefined : (id: string) => within.has(story.passage(id)?.document ?? '');
  const found = story.index.search([...plan.searchWeights.keys()], { limit: searchDepth, termWeights: plan.searchWeights, fuzzy: false, accept });
  const hits = found.length > 0 ? found : bareQuestionWord.test(analysis.text) && story.articles().length > 1 ? [] : openingHits(story, plan, within);
  if (hits.length === 0) return [];
  const topScore = hits[0]!.score;
  // What someone said seldom repeats the question's topic words or their full name ("…," Doe said): the passages
  // that name the speaker are searched too, lest the topic words crowd them out of the engine's first results.
  // A passage found beyond the engine's own hits joins them last, scored no higher than the last of them.
  const seen = new Set(hits.map((hit) => hit.id));
  const addHit = (hit: (typeof hits)[number]) => {
    if (seen.has(hit.id)) return;
    seen.add(hit.id);
    hits.push({ ...hit, score: Math.min(hit.score, hits.at(-1)!.score) });
  };
  const speakerTerms = analysis.kind === 'statement' ? speakerTermsOf(analysis, plan) : [];
  if (speakerTerms.length > 0) for (const hit of story.index.search(speakerTerms, { limit: searchDepth, fuzzy: false, accept })) addHit(hit);
  // A sentence that goes on about the one before it with a pronoun ("She was 45.") holds few of the question's words,
  // so the engine seldom finds it: the sentence after each of the first hits is read too when it opens so.
  for (const hit of hits.slice(0, followingDepth)) {
    const passage = story.passage(hit.id);
    const next = passage === undefined ? undefined : story.neighbour(passage, 1);
    if (next !== undefined && opensWithPronoun.test(next.normalized) && (accept === undefined || accept(next.id))) addHit({ ...hit, id: next.id });
  }
  const model = options.model ?? answerModel;
  const passageWeights = weightsFor(model.passage, featureNames);
  const question: QuestionEvidence = { analysis, plan, wantsCandidate: needsCandidate(analysis) };
  const totalWeight = plan.concepts.reduce((sum, concept) => sum + concept.weight, 0) || 1;
  const heaviest = Math.max(0, ...plan.concepts.map((concept) => concept.weight)) || 1;
  const questionWords = new Set(analysis.terms.map((term) => term.term));
  const dateRange = storyDateRange(story);
  const surnames = surnameConcepts(story, analysis, plan);
  const askedYear = analysis.years.length > 0 || /\bago\b/.test(analysis.text);
  const countedNouns = analysis.kind === 'number' && analysis.countNoun !== null && /^how many\b/i.test(analysis.text) ? new Set([analysis.countNoun, ...synonymsOf(analysis.countNoun)]) : null;
  const speaks = analysis.kind === 'statement' && analysis.subject !== null ? speakerTest(speakerAsPrinted(analysis.subject, plan), story) : null;
  const pairs = topicPairs(plan);
  const paraphrases = paraphraseTermsOf(plan);
  const definition = definitionPatternOf(analysis.text);
  const ranked: RankedPassage[] = [];
  for (const hit of hits) {
    const passage = story.passage(hit.id);
    if (passage === undefined || options.exclude?.has(passage.id)) continue;
    const ordered = termsOf(passage.normalized);
    const own = new Set(ordered);
    const context = contextTerms(story, passage);
    let covered = 0;
    let ownCovered = 0;
    let missingNames = 0;
    let rarestMissing = 0;
    let paraphrased = 0;
    const matched = new Map<string, number>();
    const ownCredits = plan.concepts.map((concept) => {
      let credit = 0;
      for (const term of concept.exact) if (own.has(term)) { credit = 1; matched.set(term, concept.weight); }
      if (credit < 1) for (const term of concept.related) if (own.has(term)) { credit = Math.max(credit, 0.75); matched.set(term, concept.weight * 0.75); }
      return credit;
    });
    plan.concepts.forEach((concept, i) => {
      const surname = concept.nameGroup === null ? undefined : surnames.get(concept.nameGroup);
      if (surname !== undefined) ownCredits[i] = Math.max(ownCredits[i]!, ownCredits[surname]!);
    });
    for (const [i, concept] of plan.concepts.entries()) {
      let credit = ownCredits[i]!;
      const ownCredit = credit;
      if (credit < 0.5) {
        for (const term of [...concept.exact, ...concept.related]) if (context.has(term)) credit = Math.max(credit, 0.5);
      }
      covered += concept.weight * credit;
      ownCovered += concept.weight * ownCredit;
      if (concept.nameGroup !== null && ownCredit === 0) missingNames += concept.weight;
      if (credit === 0) rarestMissing = Math.max(rarestMissing, concept.weight / heaviest);
      if (ownCredit === 0 && paraphrases[i]!.some((term) => own.has(term))) {
        paraphrased += concept.weight;
        for (const term of paraphrases[i]!) if (own.has(term) && !matched.has(term)) matched.set(term, concept.weight * 0.5);
      }
    }
    // A run-on "sentence" of thousands of figures is read for candidates no further than its first few thousand
    // characters: past them, no answer reads better, and every candidate costs the question time.
    // A heading glued to the sentence's start ("First Painting Recovered Belgian police …") answers nothing itself; a
    // candidate that ends where the set-off took the heading's last letter ("55 Million Euro;The …") lost it.
    const setOff = gluedHeadingSetOff(passage);
    const candidates = findCandidates(analysis, setOff.text.slice(0, maxCandidateText), {
      articleDate: story.dateOf(passage.document),
      statedWeekdays: () => story.statedWeekdaysOf(passage.document),
      eventDate: passage.eventDate,
      names: story.names,
      headline: passage.role === 'headline',
    }).filter((candidate) => candidate.end !== setOff.lostLetter && !echoesQuestion(candidate, questionWords, analysis));
    const background = !askedYear && isBackground(passage.normalized, story.dateOf(passage.document));
    const freshness = freshnessOf(story, passage, dateRange);
    const evidence: PassageEvidence = {
      passage,
      engine: hit.score / topScore,
      ownCoverage: ownCovered / totalWeight,
      coverage: covered / totalWeight,
      missingNames: missingNames / totalWeight,
      rarestMissing,
      paraphrased: paraphrased / totalWeight,
      pairs: pairShare(pairs, ordered),
      density: densityOf(ordered, matched),
      words: ordered.length,
      candidates,
      countsAskedNoun: countedNouns !== null && candidates.some((candidate) => candidate.kind === 'count' && candidate.noun !== null && countedNouns.has(candidate.noun)),
      speakerSpeaks: speaks?.(passage) ?? false,
      speech: analysis.kind === 'statement' && isSpeech(passage.normalized),
      background,
      freshness,
      defines: definition !== null && definition.test(passage.normalized),
      causal: analysis.kind === 'reason' && causalWords.test(passage.normalized),
      denies: options.yesNo === true && deniesSomething(passage.normalized),
      anchor: anchorCloseness(passage, options.anchors ?? [], options.ahead ?? false),
      carried: options.carried === undefined || options.carried.length === 0 ? 0 : options.carried.filter((term) => own.has(term)).length / options.carried.length,
    };
    const features = passageFeatureValues(evidence, question);
    const score = linearScore(passageWeights, features, model.passage.bias);
    ranked.push({ passage, coverage: evidence.coverage, ownCoverage: evidence.ownCoverage, score, candidates, matched, freshness, background, speaks: evidence.speakerSpeaks, features });
  }
  return ranked.sort((a, b) => b.score - a.score);
}

const causalWords = /\b(?:because|due to|as a result|after|amid|since|so that|in order to|aimed at|over concerns?|citing|following)\b/i;

const broadKindTerms = new Set([...broadKindNouns].map((word) => termKey(word)).filter((term): term is string => term !== null));

// WordNet's synonyms of each common topic word that the story uses and the plan does not already match ("begin" for
// "start"): a sentence may word the question apart from it. Names have none.
function paraphraseTermsOf(plan: QueryPlan): string[][] {
  return plan.concepts.map((concept) => {
    if (concept.nameGroup !== null || concept.weight === 0) return [];
    const known = new Set([concept.term, ...concept.exact, ...concept.related]);
    return wordnetSynonymsOf(concept.term).filter((term) => !known.has(term) && !broadKindTerms.has(term));
  });
}

// The question's topics in the order it names them, as pairs of neighbours: "prime minister", "sign treaty".
function topicPairs(plan: QueryPlan): Array<[ReadonlySet<string>, ReadonlySet<string>]> {
  const topics = plan.concepts.filter((concept) => concept.weight > 0).map((concept) => new Set([...concept.exact, ...concept.related]));
  const pairs: Array<[ReadonlySet<string>, ReadonlySet<string>]> = [];
  for (let i = 1; i < topics.length; i++) pairs.push([topics[i - 1]!, topics[i]!]);
  return pairs;
}

// Share of the pairs whose first topic stands at most three words before the second in the sentence.
function pairShare(pairs: ReadonlyArray<[ReadonlySet<string>, ReadonlySet<string>]>, terms: readonly string[]): number {
  if (pairs.length === 0) return 0;
  let found = 0;
  for (const [first, second] of pairs) {
    let hit = false;
    for (let i = 0; i < terms.length && !hit; i++) {
      if (!first.has(terms[i]!)) continue;
      for (let j = i + 1; j < Math.min(terms.length, i + 4); j++) if (second.has(terms[j]!)) hit = true;
    }
    if (hit) found++;
  }
  return found / pairs.length;
}

// Distinct matched terms over the words from the first match to the last.
function densityOf(terms: readonly string[], matched: ReadonlyMap<string, number>): number {
  let first = -1;
  let last = -1;
  const distinct = new Set<string>();
  terms.forEach((term, i) => {
    if (!matched.has(term)) return;
    if (first < 0) first = i;
    last = i;
    distinct.add(term);
  });
  if (distinct.size === 0) return 0;
  return Math.min(1, distinct.size / (last - first + 1));
}

// 1 for a passage cited earlier in the conversation, falling off with the sentences between (and, looking ahead,
// faster behind it) and with how far back the citing turn was; 0 in other articles.
function anchorCloseness(passage: Passage, anchors: readonly Passage[], ahead: boolean): number {
  let best = 0;
  anchors.forEach((anchor, rank) => {
    if (anchor.document !== passage.document) return;
    const offset = passage.position - anchor.position;
    const distance = ahead && offset < 0 ? 2 * -offset + 1 : Math.abs(offset);
    best = Math.max(best, 1 / (1 + distance + rank * 0.5));
  });
  return best;
}

// The index terms of the speaker's name in a statement question, corrected where the question misspelt them.
function speakerTermsOf(analysis: QuestionAnalysis, plan: QueryPlan): string[] {
  if (analysis.subject === null) return [];
  const words = new Set(analysis.subject.split(/\s+/).map((word) => termKey(word)));
  return plan.concepts.filter((concept) => words.has(concept.term) || concept.exact.some((term) => words.has(term))).flatMap((concept) => concept.exact);
}

// A person is named by surname far more often than in full: a sentence naming "Doe" names "Jane Doe". Per
// name group of a known person, the index of the concept of its surname.
function surnameConcepts(story: Story, analysis: QuestionAnalysis, plan: QueryPlan): Map<number, number> {
  const surnames = new Map<number, number>();
  analysis.names.forEach((name, group) => {
    const words = name.split(/\s+/);
    const last = words.at(-1)!;
    if (words.length < 2 || story.names.personBySurname(last) === null) return;
    const index = plan.concepts.findIndex((concept) => concept.nameGroup === group && [concept.term, ...concept.exact].includes(termKey(last) ?? ''));
    if (index >= 0) surnames.set(group, index);
  });
  return surnames;
}

/** Whether the question asks for something a sentence must state outright (a name, a time, a number). */
export function needsCandidate(analysis: QuestionAnalysis): boolean {
  return ['person', 'place', 'name', 'time', 'duration', 'amount', 'number', 'identity'].includes(analysis.kind);
}

// Topics a sentence inherits from where it stands: its headline, its heading and the sentences beside it
// ("he said" after a sentence naming the speaker).
function contextTerms(story: Story, passage: Passage): Set<string> {
  const terms = new Set<string>();
  const article = story.article(passage.document);
  const texts = [article?.title ?? '', passage.heading ?? '', story.neighbour(passage, -1)?.normalized ?? '', story.neighbour(passage, 1)?.normalized ?? ''];
  for (const text of texts) for (const term of termsOf(text)) terms.add(term);
  return terms;
}

function isSpeech(sentence: string): boolean {
  if (/["“”]/.test(sentence)) return true;
  return sentence.toLowerCase().split(/[^\p{L}]+/u).some((word) => speechVerbs.has(word));
}

function echoesQuestion(candidate: Candidate, questionWords: Set<string>, analysis: QuestionAnalysis): boolean {
  const words = candidate.display.split(/[\s,]+/).map((word) => word.replace(/[()]/g, '')).filter(Boolean);
  if (analysis.kind === 'person' || analysis.kind === 'place' || analysis.kind === 'name') {
    const nameWords = new Set(analysis.names.flatMap((name) => name.toLowerCase().split(/\s+/)));
    // "Which river": the Elm River names the kind asked for, not something the question already says.
    const echoes = (word: string) => nameWords.has(word.toLowerCase()) || (questionWords.has(termKey(word) ?? '') && termKey(word) !== analysis.typeNoun);
    return words.some(echoes);
  }
  if (analysis.kind === 'identity') return false;
  // A number or date the question already states is not its answer ("pledges for 2026" asks for an amount).
  const numbers = candidate.display.match(/\d[\d,.]*/g) ?? [];
  return numbers.length > 0 && numbers.every((number) => questionWords.has(number.replace(/,/g, '')));
}

// From the first dated article to the latest report, an undated article's inferred day included: an undated report
// of Thursday is newer than Wednesday's dated ones, not level with them.
function storyDateRange(story: Story): [number, number] | null {
  const overview = story.overview();
  if (overview.firstDate === null || overview.lastDate === null) return null;
  const cached = dateRanges.get(story);
  if (cached?.overview === overview) return cached.range;
  const first = Date.parse(overview.firstDate);
  let last = Date.parse(overview.lastDate);
  for (const article of story.articles()) {
    if (story.dateOf(article.document) !== null) continue;
    const time = undatedArticleTime(story, article.document, first);
    if (time !== null && time > last) last = time;
  }
  const range: [number, number] = [first, last];
  dateRanges.set(story, { overview, range });
  return range;
}

const dateRanges = new WeakMap<Story, { overview: object; range: [number, number] }>();

// Timeline entries carry their own date; other sentences are as recent as their article, and an undated article as
// recent as the latest weekday it reports on, placed in the story's own week ("on Friday" after Tuesday's articles).
function freshnessOf(story: Story, passage: Passage, range: [number, number] | null): number {
  if (range === null) return 0.5;
  const [first, last] = range;
  if (last <= first) return 0.5;
  const date = passage.eventDate ?? story.dateOf(passage.document);
  const time = date !== null ? Date.parse(date) : undatedArticleTime(story, passage.document, first);
  if (time === null) return 0.5;
  return Math.min(1, Math.max(0, (time - first) / (last - first)));
}

const undatedTimes = new WeakMap<object, number | null>();
const forecastWords = /\b(?:expects?|expected|forecasts?|forecast to|predicts?|predicted|due|scheduled|could|may|might|ahead of)\b/i;

function undatedArticleTime(story: Story, document: string, storyStart: number): number | null {
  const article = story.article(document);
  if (article === undefined) return null;
  if (undatedTimes.has(article)) return undatedTimes.get(article) ?? null;
  const startDay = new Date(storyStart).getUTCDay();
  let latest: number | null = null;
  for (const passage of article.passages) {
    // A forecast names a day still to come ("expect the river to crest on Sunday"), not the day of the report.
    if (tenseOf(passage.normalized) === 'future' || forecastWords.test(passage.normalized)) continue;
    for (const mention of findTimeMentions(passage.normalized)) {
      if (mention.weekday === null || mention.month !== null) continue;
      const time = storyStart + ((mention.weekday - startDay + 7) % 7) * 86_400_000;
      if (latest === null || time > latest) latest = time;
    }
  }
  undatedTimes.set(article, latest);
  return latest;
}

// A quote or a clause that a pronoun speaks ("…," she said; "Still, he said, the crews …"; "He added that …").
const quoteBySpeaker = new RegExp(String.raw`(?:["”’]\s*,?|^|,)\s*(?:he|she|they)\s+${wordAlternation(speakerQuoteVerbs)}\b`, 'i');

// "What's jane doh saying?": a misspelt speaker is looked for by the spelling the search corrected it to ("doe").
function speakerAsPrinted(subject: string, plan: QueryPlan): string {
  const words = subject.split(/\s+/);
  const surname = words.at(-1)!;
  const concept = plan.concepts.find((candidate) => candidate.term === termKey(surname));
  const corrected = concept !== undefined && !concept.exact.includes(concept.term) && concept.exact.length === 1 ? concept.exact[0]! : null;
  return corrected === null || !/^\p{L}+$/u.test(corrected) ? subject : [...words.slice(0, -1), corrected].join(' ');
}

// Whether the subject is the one speaking in a passage: "Doe said", "said Doe", or a quote that "she said" after a
// sentence naming Doe. The patterns depend on the subject alone, so they are built once per question.
function speakerTest(subject: string, story: Story): (passage: Passage) => boolean {
  const surname = subject.split(/\s+/).at(-1)!;
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const speech = wordAlternation(speakerVerbs);
  // Letter-aware edges, as \b is blind to "ć" ending "Vuković".
  const name = String.raw`(?<![\p{L}\p{N}])${escaped}(?![\p{L}\p{N}])`;
  const nameThenVerb = new RegExp(String.raw`${name}([\s\S]{0,40}?)\b${speech}\b`, 'giu');
  // "said former trainer Thad Lacinak, who …", but not "said envoy Jane Doe would meet …", a reported clause.
  const verbThenName = new RegExp(String.raw`\b${speech}\s+(?:[\p{L}\p{N}.'’-]+\s+){0,5}${name}(?=\s*(?:[,.;:!?)"”’]|$))`, 'iu');
  const named = new RegExp(name, 'iu');
  return (passage) => {
    const text = passage.normalized;
    // "Doe, 52, told …" and "Doe and Roe said", but not "Before meeting Doe, the minister told …" (a clause after the
    // comma has its own subject) or "Doe's lawyer said".
    for (const match of text.matchAll(nameThenVerb)) {
      const gap = match[1]!.trim();
      // "The administrator, Jane Doe, has said …": the comma closing an appositive, then only auxiliaries.
      const closesAppositive = /^,(?:\s*(?:has|have|had|also|later|then|again|earlier|previously|now|publicly|repeatedly)\b)*$/i.test(gap);
      if ((!gap.includes(',') || gap.endsWith(',') || closesAppositive) && !/^['’]s?\b/u.test(gap)) return true;
    }
    if (verbThenName.test(text)) return true;
    if (!quoteBySpeaker.test(text)) return false;
    const previous = story.neighbour(passage, -1);
    return previous !== undefined && named.test(previous.normalized);
  };
}

// A sentence about an earlier event: "a decade ago", "years ago", or a year at least two before the article's.
function isBackground(sentence: string, articleDate: string | null): boolean {
  if (/\b(?:a|one|two|three|four|five|several|many|\d+)\s+(?:decades?|years?)\s+ago\b/i.test(sentence)) return true;
  if (articleDate === null) return false;
  const articleYear = Number(articleDate.slice(0, 4));
  const years = [...sentence.matchAll(/\b(?:in|since|of)\s+((?:19|20)\d\d)\b/g)].map((match) => Number(match[1]));
  return years.length > 0 && years.every((year) => year <= articleYear - 2);
}
