/** One sentence of an article as indexed: the unit storybot ranks and cites. */
export type Passage = {
  /** Stable identifier: the document's name, `#`, and the position. */
  id: string;
  /** The article's file name inside the corpus folder. */
  document: string;
  /** The sentence's place among its article's passages, from 0. */
  position: number;
  /** The sentence exactly as the article has it, for citations. */
  text: string;
  /** The sentence normalised for matching (NFKC, no invisible characters, folded quotes and dashes). */
  normalized: string;
  /** The heading or timeline date the sentence sits under, where the article has one. */
  heading: string | null;
  /** The date the passage speaks of when it is a dated line (a timeline entry), as YYYY-MM-DD. */
  eventDate: string | null;
  /** What sort of line this is: running text, a headline or heading, or a list or timeline item. */
  role: PassageRole;
  /** How many characters of `normalized` are a heading a scraper glued to the sentence's start, when there is one. */
  gluedHeading?: number;
};

/** What sort of line a passage is, so ranking can prefer running text over headlines. */
export type PassageRole = 'sentence' | 'headline' | 'list-item' | 'timeline';

/** One article of the story, with what could be learnt about it. */
export type Article = {
  /** The file name inside the corpus folder. */
  document: string;
  /** The headline, or null when none could be found. */
  title: string | null;
  /** The outlet, from front matter, masthead or dateline; null when unknown. */
  source: string | null;
  /** Publication date as YYYY-MM-DD; null when unknown. */
  date: string | null;
  /** Month (1–12) and day of publication when the article states them without a year; null otherwise. */
  monthDay: { month: number; day: number } | null;
  /** The article's address, from front matter only. */
  url: string | null;
  /** Other outlets whose reporting the article says it carries (a dateline credit or an aggregator's list). */
  credits: string[];
  /** The article's passages in reading order. */
  passages: Passage[];
  /** A hash of the file's bytes, so a changed file can be told from an unchanged one. */
  contentHash: string;
};

/** A file in the corpus folder that was not ingested, and why. */
export type SkippedFile = {
  document: string;
  reason: 'empty' | 'binary' | 'not-utf8' | 'too-large' | 'unreadable' | 'no-text';
};

/** The kind of thing a question asks for. */
export type QuestionKind =
  | 'person'
  | 'place'
  /** A named thing of another kind: "which school", "which road". */
  | 'name'
  | 'time'
  | 'number'
  | 'amount'
  | 'duration'
  | 'identity'
  | 'reason'
  | 'statement'
  | 'manner'
  | 'other';

/** Another article that carries the same sentence as a cited passage. */
export type AlsoCarriedBy = {
  document: string;
  source: string | null;
  date: string | null;
  /** That article's own wording of the sentence. */
  passage: string;
};

/** One numbered source of an answer: the exact sentence and where it came from. */
export type Citation = {
  /** The number used by the answer's `[n]` markers, from 1. */
  n: number;
  /** The cited passage's id (`document#position`), so a conversation can tell what it has already cited. */
  id: string;
  document: string;
  source: string | null;
  /** Outlets the article says it draws on, for an aggregator page with no outlet of its own. */
  credits: string[];
  date: string | null;
  title: string | null;
  /** The cited sentence exactly as the article has it. */
  passage: string;
  /** Other articles that carry the same sentence (syndicated copies). */
  also: AlsoCarriedBy[];
};

/** A composed answer to one question. */
export type Answer = {
  question: string;
  /** The standalone question that was answered: the question itself, or a follow-up read against its conversation. */
  resolved: string;
  /** At most 600 characters of text with `[n]` markers, or a plain statement that the coverage does not say. */
  answer: string;
  /** The direct answer phrase (a name, place, time, number or amount) of at most 120 characters, or null. */
  short: string | null;
  /** True when the coverage does not answer the question. */
  abstained: boolean;
  /** What the question was read as asking for. */
  kind: QuestionKind;
  citations: Citation[];
};

/** Why a question could not be asked at all. */
export type QuestionProblem = 'empty-question' | 'no-words' | 'too-long';

/**
 * Why the story engine gave no answer: it is still building the story's first index, the answer ran past its
 * deadline (the engine was restarted), or the engine stopped while answering.
 */
export type EngineProblem = 'loading' | 'timed-out' | 'engine-stopped';

/** The outcome of asking: an answer (which may be an abstention), a problem with the question, or the engine's. */
export type AskResult =
  | { ok: true; answer: Answer }
  | { ok: false; reason: QuestionProblem | EngineProblem; message: string; question: string };

/** One article as listed by `/sources`. */
export type SourceSummary = {
  document: string;
  title: string | null;
  source: string | null;
  /** Outlets the article says it draws on (a syndication credit or an aggregator's source list). */
  credits: string[];
  date: string | null;
  url: string | null;
  passages: number;
};

/** What the story is, for headers, footers and abstentions. */
export type StoryOverview = {
  /** The story's headline: the title most of its articles share, or the earliest article's. */
  title: string;
  articles: number;
  /** Distinct outlets, most frequent first. */
  outlets: string[];
  /** Earliest and latest article dates, YYYY-MM-DD, where known. */
  firstDate: string | null;
  lastDate: string | null;
};
