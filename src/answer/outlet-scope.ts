import type { Story } from '../story.js';
import { listedText } from '../format.js';
import { sameOutlet } from '../ingest/article-metadata.js';
import { maxShortLength } from './short-answer.js';

/** A question asked of one outlet's coverage: the question without the outlet, and the articles that outlet carries. */
export type OutletScope = {
  /** The question with the outlet's words taken out; empty when it asks only what the outlet says. */
  question: string;
  /** The outlet as the story names it ("Test Wire", "Harbour Gazette"). */
  outlet: string;
  /** The articles the outlet published, or, when it published none, those that say they carry its reporting. */
  documents: ReadonlySet<string>;
  /** The articles the outlet published itself: their copy of a sentence is the one to quote. */
  own: ReadonlySet<string>;
};

type Outlet = { name: string; documents: Set<string>; own: Set<string> };

// Words that name the kind of page rather than the outlet: "KTVX News" is asked about as "KTVX", "Gazette/Ledger
// summary" as "Gazette" or "Ledger".
const genericWords = new Set(['news', 'summary', 'wire', 'newswire', 'online', 'digital', 'media', 'network', 'agency', 'service', 'daily', 'com']);
const report = String.raw`(?:['’]s?)?(?:\s+(?:report|reports|reporting|coverage|story|stories|article|articles|account|version|piece|take))?`;
const questionWord = String.raw`(?:who|whom|whose|what|when|where|why|how|which|did|does|do|is|are|was|were|has|have|had|will|would|can|could)\b`;

// The outlets a story's articles name, each under every way a reader may write it, longest first. Kept per overview,
// which the story computes afresh after every change, so a new article's outlet is known to the next question.
const outletsByOverview = new WeakMap<object, { outlets: Map<string, Outlet>; patterns: Patterns | null }>();

function outletsOf(story: Story): { outlets: Map<string, Outlet>; patterns: Patterns | null } {
  const overview = story.overview();
  const known = outletsByOverview.get(overview);
  if (known !== undefined) return known;
  const byAlias = new Map<string, Outlet>();
  const byShortAlias = new Map<string, Outlet & { names: Set<string> }>();
  for (const article of story.articles()) {
    for (const name of [article.source, ...article.credits]) {
      if (name === null || name.trim() === '') continue;
      for (const { alias, display, short } of aliasesOf(name)) {
        // Every outlet a reader may mean by the alias counts: "Gazette" is the Gazette's own articles and the pages that
        // carry its reporting.
        const outlet = (short ? byShortAlias : byAlias).get(alias) ?? { name: display, documents: new Set<string>(), own: new Set<string>(), names: new Set<string>() };
        outlet.documents.add(article.document);
        if (name === article.source) outlet.own.add(article.document);
        if (short) byShortAlias.set(alias, { ...outlet, names: new Set([...('names' in outlet ? outlet.names : []), display]) });
        else byAlias.set(alias, outlet);
      }
    }
  }
  // "The Gazette" is the Harbour Gazette only when no other outlet of the story is a Gazette too.
  for (const [alias, outlet] of byShortAlias) if (outlet.names.size === 1 && !byAlias.has(alias)) byAlias.set(alias, outlet);
  const outlets = new Map([...byAlias].sort((a, b) => b[0].length - a[0].length));
  const read = { outlets, patterns: patternsFor(outlets) };
  outletsByOverview.set(overview, read);
  return read;
}

// "Gazette/Ledger summary" → "gazette ledger summary", "gazette ledger", "gazette", "ledger"; "The Valley Times" →
// "valley times" and, short, "times"; "KTVX News" → "ktvx news", "ktvx". Each alias comes with the outlet's words it stands for, as the story
// writes them ("Gazette"); a short alias is a name's last word alone, which readers use when it is unambiguous.
function aliasesOf(name: string): Array<{ alias: string; display: string; short: boolean }> {
  const aliases = new Map<string, { display: string; short: boolean }>();
  for (const part of [name, ...name.split(/\s*(?:\/|\||;|,|\band\b)\s*/i)]) {
    let words: string[] = part.match(/[\p{L}\p{N}&]+/gu) ?? [];
    if (words[0]?.toLowerCase() === 'the') words = words.slice(1);
    const display = (kept: readonly string[]) => (part === name ? name : kept.join(' '));
    for (;;) {
      const alias = words.join(' ').toLowerCase();
      if (alias.length >= 2 && !genericWords.has(alias) && !aliases.has(alias)) aliases.set(alias, { display: display(words), short: false });
      if (words.length < 2 || !genericWords.has(words.at(-1)!.toLowerCase())) break;
      words = words.slice(0, -1);
    }
    const last = words.at(-1)?.toLowerCase();
    if (words.length >= 2 && last !== undefined && last.length >= 4 && !genericWords.has(last) && !aliases.has(last)) aliases.set(last, { display: display(words), short: true });
  }
  return [...aliases].map(([alias, { display, short }]) => ({ alias, display, short }));
}

// An alias as a pattern: its words with any spacing or punctuation between them.
const aliasPattern = (alias: string) => alias.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(String.raw`[\s/&.-]+`);

type Patterns = { prefix: RegExp; suffix: RegExp; says: RegExp; alone: RegExp };

function patternsFor(outlets: ReadonlyMap<string, Outlet>): Patterns | null {
  if (outlets.size === 0) return null;
  const o = String.raw`(?:the\s+)?(${[...outlets.keys()].map(aliasPattern).join('|')})`;
  return {
    // "According to Test Wire, who met?", "In the Gazette's report: who met?"
    prefix: new RegExp(String.raw`^(?:(?:and|but|so)\s+)?(?:according\s+to|per|in|from)\s+${o}${report}(?:\s*[,:;–—-]\s*|\s+(?=${questionWord}))(.+)$`, 'iu'),
    // "Who met, according to Test Wire?", "who met per the Gazette?", "what's the latest from Test Wire?"
    suffix: new RegExp(String.raw`^(.+?)[\s,;:–—-]+(?:according\s+to|per|from|in)\s+${o}${report}\s*[?.!]*$`, 'iu'),
    // "What does Test Wire say about the talks?", "what's the Gazette reporting?"
    says: new RegExp(
      String.raw`^(?:(?:and|but|so)\s+)?(?:what|how)(?:\s+(?:does|did|do|is|was|has|have)|['’]s)\s+${o}\s+(?:say|said|saying|report|reported|reporting|write|wrote|writing|tell|told|telling|describe|described|describing|cover|covered|covering|have|had)\b(?:\s+(?:about|on|of|regarding|over)\b)?\s*(.*?)\s*[?.!]*$`,
      'iu',
    ),
    // "And Test Wire?", "what about the Gazette?", "according to KTVX?"
    alone: new RegExp(String.raw`^(?:(?:and|but|so|also|now)\s+)?(?:(?:what|how)\s+about\s+)?(?:(?:according\s+to|per|in|from)\s+)?${o}${report}\s*[?.!]*$`, 'iu'),
  };
}

/**
 * Reads a question asked of one outlet's coverage ("Who met, according to Test Wire?", "What does the Gazette say about the
 * talks?"); null when it names no outlet of the story in that way, so a topic that happens to be an outlet's name is
 * searched as usual.
 */
export function readOutletScope(question: string, story: Story): OutletScope | null {
  const { outlets, patterns } = outletsOf(story);
  if (patterns === null) return null;
  const text = question.trim();
  const scope = (alias: string, rest: string): OutletScope | null => {
    const outlet = outlets.get(alias.toLowerCase().match(/[\p{L}\p{N}&]+/gu)?.join(' ') ?? '');
    if (outlet === undefined) return null;
    // An outlet's own articles when it has any; otherwise the pages that say they carry its reporting (an
    // aggregator's "Gazette and Ledger").
    return { question: rest.trim(), outlet: outlet.name, documents: outlet.own.size > 0 ? outlet.own : outlet.documents, own: outlet.own };
  };
  const says = patterns.says.exec(text);
  if (says !== null) return scope(says[1]!, says[2] === '' ? '' : `What about ${says[2]!}?`);
  const prefix = patterns.prefix.exec(text);
  if (prefix !== null) return scope(prefix[1]!, prefix[2]!);
  const suffix = patterns.suffix.exec(text);
  if (suffix !== null) return scope(suffix[2]!, `${suffix[1]!.replace(/[\s,;:–—-]+$/, '')}?`);
  const alone = patterns.alone.exec(text);
  if (alone !== null) return scope(alone[1]!, '');
  return null;
}

/** The question scoped to an outlet as a reader would write it: "who met in Lisbon, according to Test Wire?". */
export function scopedQuestion(question: string, outlet: string): string {
  const bare = question.trim().replace(/[?.!\s]+$/, '');
  return bare === '' ? `What does ${outlet} say?` : `${bare}, according to ${outlet}?`;
}

// "Which outlets reported …?", "what news agencies confirmed …?": the outlets are the answer, not a filter.
const outletsAsked =
  /^(?:(?:and|so)\s+)?(?:which|what)\s+(?:news\s+)?(?:outlets?|agenc(?:y|ies)|news\s+organi[sz]ations?|media(?:\s+outlets?)?|newspapers?|papers|publications?|wires?|networks?|broadcasters?)\s+(?:have\s+|has\s+|had\s+)?(?:first\s+)?(?:reported|report|reports|said|say|says|wrote|write|writes|confirmed|confirm|confirms|carried|carry|carries|covered|cover|covers|mentioned|mention|mentions|quoted|quote|have|has|had)\b\s*(?:(?:that|on|about|the\s+news\s+(?:that|of))\s+)?(.+?)\s*[?.!]*$/iu;

/** The topic of "Which outlets reported that the talks failed?" ("What about the talks failed?"), or null for any other question. */
export function readOutletsAsked(question: string): { question: string } | null {
  const match = outletsAsked.exec(question.trim());
  if (match !== null && /^(?:it|that|this|these|those|them)$/i.test(match[1]!)) return { question: '' };
  // The reported thing is searched as a topic ("What about the concession?"), as "what does X say about …?" is; a
  // pronoun ("which outlets reported that?") leaves the topic to the conversation, and the question empty.
  return match === null ? null : { question: `What about ${match[1]!}?` };
}

/** The outlets that carry the cited sentences, each once, in citation order: "Test Wire, Harbour Gazette and KTVX News". */
export function outletsOfCitations(citations: ReadonlyArray<{ source: string | null; credits: readonly string[]; also: ReadonlyArray<{ source: string | null }> }>): string | null {
  const outlets: string[] = [];
  for (const citation of citations) {
    // An aggregator page with no outlet of its own stands for the outlets it credits.
    for (const outlet of [...(citation.source === null ? citation.credits : [citation.source]), ...citation.also.map((copy) => copy.source)]) {
      // One outlet printed two ways ("THE HARBOUR LEDGER" on its masthead, "The Harbour Ledger" in a credit) is named once.
      if (outlet !== null && !outlets.some((named) => sameOutlet(named, outlet))) outlets.push(outlet);
    }
  }
  if (outlets.length === 0) return null;
  // As many outlets as the direct answer's length allows, then how many more: "A, B and 4 others".
  for (let shown = outlets.length; shown >= 1; shown--) {
    const rest = outlets.length - shown;
    const named = outlets.slice(0, shown);
    const text =
      rest === 0 ? listedText(named) : `${named.join(', ')} and ${rest} other${rest === 1 ? '' : 's'}`;
    if (text.length <= maxShortLength) return text;
  }
  return `${outlets.length} outlets`;
}
