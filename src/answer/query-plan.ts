import { leaderAsks, leaderTitles, synonymGroups } from '../language/lexicon.js';
import { wordnetSynonymsOf } from '../language/synonyms.js';
import type { PassageIndex } from '../search/passage-index.js';
import { termKey } from '../search/terms.js';
import type { QuestionAnalysis } from './question.js';

/** One topic of a question: its term, the index terms that count as finding it, and how much it matters. */
export type QueryConcept = {
  /** The question's own processed term. */
  term: string;
  /** Index terms that match it fully: the term itself or its spelling correction. */
  exact: string[];
  /** Index terms that match it partly: synonyms and related forms (Kenya / Kenyan). */
  related: string[];
  /** Index terms WordNet gives as synonyms of a word the story never uses; they count as covering it, not as matches. */
  paraphrases: readonly string[];
  /** Inverse document frequency of the term in the story; unknown terms weigh the most. */
  weight: number;
  /** True when neither the term nor a correction occurs in the story. */
  unknown: boolean;
  /** The name of the question this term is part of, or null. */
  nameGroup: number | null;
};

/** The terms to search and to score coverage with. */
export type QueryPlan = {
  concepts: QueryConcept[];
  /** Every index term to search, with its boost. */
  searchWeights: Map<string, number>;
};

/** The terms a newsroom uses for the same thing as a term (its synonym groups), without the term itself. */
export function synonymsOf(term: string): readonly string[] {
  return synonymsByTerm.get(term) ?? [];
}

const synonymsByTerm: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of synonymGroups) {
    const terms = group.map((word) => termKey(word)).filter((term): term is string => term !== null);
    for (const term of terms) {
      const related = map.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) related.add(other);
      map.set(term, related);
    }
  }
  return new Map([...map].map(([term, related]) => [term, [...related]]));
})();

// Frame words count a little: "what did X say" needs the passage to be about X, not to contain "say".
const frameWeight = 0.15;
const relatedBoost = 0.45;

/** Plans a search: corrects misspelt terms, adds synonyms and related forms, and weighs every term by rarity. */
export function planQuery(analysis: QuestionAnalysis, index: PassageIndex): QueryPlan {
  const total = Math.max(index.size, 1);
  const idf = (df: number) => Math.log(1 + (total - df + 0.5) / (df + 0.5));
  const concepts: QueryConcept[] = [];
  const searchWeights = new Map<string, number>();
  const seen = new Set<string>();
  const joined = joinedTerms(analysis, index);
  for (const [at, questionTerm] of analysis.terms.entries()) {
    if (seen.has(questionTerm.term)) continue;
    seen.add(questionTerm.term);
    const exact: string[] = [];
    let unknown = false;
    const compound = joined.get(at);
    if (index.hasTerm(questionTerm.term)) exact.push(questionTerm.term);
    else {
      const correction = compound === undefined ? index.correct(questionTerm.word) : null;
      if (correction !== null) exact.push(correction);
      else unknown = compound === undefined;
    }
    if (compound !== undefined) exact.push(compound);
    const leader = asksForLeader(analysis, questionTerm.word) ? leaderTitleTerms.filter((term) => index.hasTerm(term)) : [];
    const related = [...new Set([...relatedTerms(questionTerm.term, index), ...derivedTerms(questionTerm.word, index), ...leader])].filter((term) => !exact.includes(term));
    // A common word the story never uses and has no listed synonym for ("cops", "boss") is looked up in WordNet: the
    // story may say it in its own words ("police", "chief"). Those words tell whether the story covers the question,
    // not where: searched for, WordNet's synonyms cost SQuAD 1.9 points of answers found.
    const paraphrases = unknown && related.length === 0 && questionTerm.nameGroup === null && /^\p{Ll}/u.test(questionTerm.word) ? wordnetSynonymsOf(questionTerm.term).filter((synonym) => index.hasTerm(synonym)) : [];
    // A word the story never uses but says in other words ("again" for "further talks") weighs as those words do.
    const known = exact.length > 0 ? exact : related;
    const df = known.length > 0 ? Math.max(...known.map((term) => index.documentFrequency(term))) : 0;
    let weight = idf(df) * (questionTerm.frame ? frameWeight : 1);
    // A common word ("main", "handling", "now") says little about the topic, and nothing when the story never uses it;
    // an unknown noun ("population") says the story is not about what was asked.
    if (questionTerm.generic) weight *= known.length === 0 ? 0 : 0.5;
    concepts.push({ term: questionTerm.term, exact, related, paraphrases, weight, unknown, nameGroup: questionTerm.nameGroup });
    for (const term of exact) searchWeights.set(term, Math.max(searchWeights.get(term) ?? 0, questionTerm.frame ? frameWeight : 1));
    for (const term of related) searchWeights.set(term, Math.max(searchWeights.get(term) ?? 0, relatedBoost * (questionTerm.frame ? frameWeight : 1)));
  }
  // What someone said is often worded apart from the question ("the search for survivors" / "any hope"): for a
  // statement question, a topic word the story never uses counts no more than its typical known word.
  if (analysis.kind === 'statement') {
    const known = concepts.filter((concept) => !concept.unknown && concept.nameGroup === null && concept.weight > 0).map((concept) => concept.weight).sort((a, b) => a - b);
    const typical = known.length > 0 ? known[Math.floor(known.length / 2)]! : 0;
    // The speaker is not worded apart: an unknown speaker ("the state governor") still counts in full.
    const speaker = new Set((analysis.subject ?? '').toLowerCase().split(/\s+/).map((word) => termKey(word)).filter((term) => term !== null));
    for (const concept of concepts) {
      if (concept.unknown && concept.nameGroup === null && typical > 0 && !speaker.has(concept.term)) concept.weight = Math.min(concept.weight, typical);
    }
  }
  // A verb the story never uses ("represented", "attended") names how things relate, not what they are about: the
  // story says it in other words, so it counts no more than the question's typical known word.
  {
    const topics = concepts.filter((concept) => !concept.unknown && concept.weight > 0 && concept.nameGroup === null);
    const known = (topics.length > 0 ? topics : concepts.filter((concept) => !concept.unknown && concept.weight > 0)).map((concept) => concept.weight).sort((a, b) => a - b);
    const typical = known.length > 0 ? known[Math.floor(known.length / 2)]! : 0;
    const verbs = new Set(analysis.terms.filter((term) => term.nameGroup === null && /\p{L}{3,}(?:ed|ing)$/u.test(term.word)).map((term) => term.term));
    for (const concept of concepts) if (concept.unknown && typical > 0 && verbs.has(concept.term)) concept.weight = Math.min(concept.weight, typical);
  }
  // A name the story knows by another first name ("Rick" for "Richard") is still that name: an unknown part of a
  // partly known name does not count against a passage.
  for (const concept of concepts) {
    if (concept.nameGroup === null || !concept.unknown) continue;
    if (concepts.some((other) => other.nameGroup === concept.nameGroup && !other.unknown && /\p{L}/u.test(other.term))) concept.weight = 0;
  }
  return { concepts, searchWeights };
}

// "the rotkar bahn" for "the Rotkarbahn", "fire fighters" for "firefighters", "Apple Talk" for "AppleTalk": two
// neighbouring question words that the story writes as one word. Each of the two finds that word, as well as itself
// where the story uses it (SQuAD: one answer more found, none lost).
function joinedTerms(analysis: QuestionAnalysis, index: PassageIndex): Map<number, string> {
  const joined = new Map<number, string>();
  analysis.terms.forEach((first, at) => {
    const second = analysis.terms[at + 1];
    if (second === undefined) return;
    if (!/^\p{L}+$/u.test(first.word) || !/^\p{L}+$/u.test(second.word)) return;
    const term = termKey(first.word + second.word);
    if (term === null || !index.hasTerm(term)) return;
    joined.set(at, term);
    joined.set(at + 1, term);
  });
  return joined;
}

const leaderTitleTerms = [...new Set([...leaderTitles].map((title) => termKey(title)).filter((term): term is string => term !== null))];

// "Who's the union boss?", "who runs the port?", "carrowmore's boss?": the story names the person by a title ("chief
// executive", "president"), so those titles count as the question's word. A verb ("runs", "heads") asks this only of
// a who-question; "boss" and "leader" ask it anywhere.
function asksForLeader(analysis: QuestionAnalysis, word: string): boolean {
  const lower = word.toLowerCase();
  if (!leaderAsks.has(lower)) return false;
  if (/^(?:boss|bosses|leader|leaders)$/.test(lower)) return true;
  return analysis.kind === 'person' || analysis.kind === 'identity';
}

// Related forms the stemmer does not join: synonyms, and country names with their adjectives (Kenya, Kenyan).
function relatedTerms(term: string, index: PassageIndex): string[] {
  const related = new Set<string>();
  for (const synonym of synonymsByTerm.get(term) ?? []) if (index.hasTerm(synonym)) related.add(synonym);
  if (/^\p{L}{4,}$/u.test(term)) {
    const bases = ['ian', 'ean', 'an', 'n', 'ese', 'ish', 'i'].map((suffix) => (term.endsWith(suffix) ? term.slice(0, -suffix.length) : term));
    bases.push(term.replace(/(?:ian|ean)$/u, 'e'), term.replace(/ian$/u, 'a'));
    const forms = [`${term}n`, `${term}an`, `${term}ian`, `${term}ean`, `${term.replace(/[ae]$/u, '')}ian`, `${term.replace(/[ae]$/u, '')}ean`];
    for (const candidate of [...bases, ...forms]) {
      if (candidate !== term && candidate.length >= 4 && index.hasTerm(candidate)) related.add(candidate);
    }
  }
  return [...related];
}

// Noun and verb forms the stemmer keeps apart: acquisition / acquire, negotiation / negotiate, payment / pay.
const derivations: ReadonlyArray<[RegExp, string[]]> = [
  // Country adjectives and their countries: Japanese / Japan, Kenyan / Kenya, Chinese / China, Israeli / Israel.
  [/ese$/, ['', 'a']],
  [/ian$/, ['', 'e', 'a', 'ia']],
  [/ean$/, ['e', 'a']],
  [/an$/, ['', 'a']],
  [/n$/, ['']],
  [/i$/, ['']],
  [/a$/, ['n', 'ns']],
  [/e$/, ['ian', 'an', 'ese']],
  [/isition$/, ['ire']],
  [/ation$/, ['ate', 'e', '']],
  [/ition$/, ['ish', 'e']],
  [/tion$/, ['te', 't', '']],
  [/cession$/, ['cede']],
  [/ssion$/, ['t']],
  [/sion$/, ['de', 'd', 'se', 't']],
  [/ment$/, ['', 'e']],
  [/al$/, ['e', '']],
  [/ance$/, ['', 'e']],
  [/ence$/, ['', 'e']],
  [/ure$/, ['e', '']],
  [/ate$/, ['ation']],
  [/ire$/, ['isition']],
  [/cede$/, ['cession']],
  [/de$/, ['sion']],
  [/e$/, ['al', 'ation']],
  [/$/, ['ment', 'al', 'ation']],
];

// Adjectives and the nouns they are made from: parliamentary / parliament, presidential / president, industrial /
// industry. Looked up only for a word the story never prints: "primary" would otherwise find "prime", "official"
// "office".
const adjectiveDerivations: ReadonlyArray<[RegExp, string[]]> = [
  [/ial$/, ['', 'e', 'y']],
  [/ary$/, ['', 'e']],
];

function derivedTerms(rawWord: string, index: PassageIndex): string[] {
  const lower = rawWord.toLowerCase();
  if (!/^\p{L}{4,}$/u.test(lower)) return [];
  const rules = index.hasTerm(termKey(lower) ?? '') ? derivations : [...adjectiveDerivations, ...derivations];
  // A plural is derived from as its singular: "admissions" / "admit", "negotiations" / "negotiate".
  const word = /[^s]s$/.test(lower) && /(?:ion|ment|ance|ence|ure|al)s$/.test(lower) ? lower.slice(0, -1) : lower;
  const found = new Set<string>();
  for (const [suffix, replacements] of rules) {
    if (!suffix.test(word)) continue;
    for (const replacement of replacements) {
      const candidate = word.replace(suffix, replacement);
      if (candidate.length < 3 || candidate === word) continue;
      // The derived word itself need not be printed: "concede" finds the story's "conceded" by their shared term.
      const term = termKey(candidate);
      if (term !== null && index.hasTerm(term)) found.add(term);
    }
  }
  return [...found];
}
