import { termsOf } from '../search/terms.js';
import type { Story } from '../story.js';
import { referenceMarkers } from '../text/normalize.js';
import { safeRenderedText } from '../text/safe-text.js';
import type { AlsoCarriedBy, Citation, Passage } from '../types.js';
import type { OutletScope } from './outlet-scope.js';
import type { RankedPassage } from './rank.js';

/** Longest answer text, in characters, markers included. */
export const maxAnswerLength = 600;

/** How alike two sentences' terms must be (Jaccard) to count as the same reporting. */
const sameFactSimilarity = 0.55;
// How many of a sentence's rarest terms find its copies.
const copySearchTerms = 8;

/** The passages an answer quotes, numbered, with the text that quotes them. */
export type ComposedAnswer = { answer: string; citations: Citation[] };

/**
 * Quotes up to three passages that add something new, within 600 characters, each cited with every outlet that
 * carries it; asked of one outlet, each is quoted from that outlet's own copy where it has one. A lead, when given,
 * opens the answer uncited: it speaks of the coverage, not from it.
 */
export function composeAnswer(story: Story, chosen: readonly RankedPassage[], scope?: Pick<OutletScope, 'documents' | 'own'>, lead?: string): ComposedAnswer {
  const citations: Citation[] = [];
  const parts: string[] = lead === undefined ? [] : [lead];
  let length = lead === undefined ? 0 : lead.length;
  const usedTerms: Set<string>[] = [];
  for (const entry of chosen) {
    if (citations.length >= 3) break;
    const terms = new Set(termsOf(entry.passage.normalized));
    if (usedTerms.some((used) => similarity(used, terms) >= sameFactSimilarity)) continue;
    const n = citations.length + 1;
    const marker = ` [${n}]`;
    // Of a sentence several outlets carry, quote the copy whose article says most about itself (outlet, date, title).
    const copies = copiesOf(story, entry.passage, terms);
    const all = [entry.passage, ...copies];
    const own = all.filter((copy) => scope?.own.has(copy.document) === true);
    const carried = all.filter((copy) => scope?.documents.has(copy.document) === true);
    const candidates = scope === undefined ? all : own.length > 0 ? own : carried.length > 0 ? carried : [entry.passage];
    const primary = candidates.reduce((a, b) => (documented(story, b) > documented(story, a) ? b : a));
    let text = quotable(primary.text);
    const room = maxAnswerLength - length - marker.length - (parts.length > 0 ? 1 : 0);
    if (text.length > room) {
      if (citations.length > 0) break;
      text = excerpt(text, room);
    }
    parts.push(`${text}${marker}`);
    length += text.length + marker.length + (parts.length > 1 ? 1 : 0);
    usedTerms.push(terms);
    citations.push(citationOf(story, primary, n, [entry.passage, ...copies].filter((copy) => copy !== primary)));
  }
  return { answer: parts.join(' '), citations };
}

function citationOf(story: Story, passage: Passage, n: number, copies: readonly Passage[]): Citation {
  const article = story.article(passage.document);
  return {
    n,
    id: passage.id,
    document: passage.document,
    source: article?.source ?? null,
    credits: article?.credits ?? [],
    date: story.dateOf(passage.document),
    title: article?.title ?? null,
    passage: passage.text,
    also: copies.map((copy) => ({ document: copy.document, source: story.article(copy.document)?.source ?? null, date: story.dateOf(copy.document), passage: copy.text })),
  };
}

/** Builds the citation of a passage, with the other articles that carry the same sentence. */
export function citationFor(story: Story, passage: Passage, n: number, terms = new Set(termsOf(passage.normalized))): Citation {
  return citationOf(story, passage, n, copiesOf(story, passage, terms));
}

/** Finds the sentences of other articles that report the same thing in nearly the same words (syndicated copies). */
export function findCopies(story: Story, passage: Passage, terms = new Set(termsOf(passage.normalized))): AlsoCarriedBy[] {
  return citationFor(story, passage, 0, terms).also;
}

function copiesOf(story: Story, passage: Passage, terms: ReadonlySet<string>): Passage[] {
  if (terms.size < 4) return [];
  const copies: Passage[] = [];
  const seenDocuments = new Set([passage.document]);
  // A copy shares the sentence's rarest words; searching by those alone spares scanning the postings of "said" and
  // "city", which on a large story cost more than the rest of the answer.
  const rarest = [...terms].sort((a, b) => story.index.documentFrequency(a) - story.index.documentFrequency(b) || a.localeCompare(b)).slice(0, copySearchTerms);
  for (const hit of story.index.search(rarest, { limit: 20, fuzzy: false })) {
    const other = story.passage(hit.id);
    if (other === undefined || seenDocuments.has(other.document)) continue;
    if (similarity(terms, new Set(termsOf(other.normalized))) < sameFactSimilarity) continue;
    // A sentence that gives other figures reports something else, however alike its words: "raised its offer to $52
    // million, up from $48.5 million" is not a copy of "has offered $48.5 million".
    const own = new Set(figuresOf(other.normalized));
    if (figuresOf(passage.normalized).some((figure) => !own.has(figure))) continue;
    seenDocuments.add(other.document);
    copies.push(other);
  }
  return copies;
}

// How much an article says about itself: a named outlet most, then a date, then a headline; running text over a
// timeline or list line.
function documented(story: Story, passage: Passage): number {
  const article = story.article(passage.document);
  return (article?.source ? 4 : 0) + (story.dateOf(passage.document) ? 2 : 0) + (article?.title ? 1 : 0) + (passage.role === 'sentence' ? 1 : 0);
}

function figuresOf(text: string): string[] {
  return (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((figure) => figure.replace(/,/g, ''));
}

/** Jaccard similarity of two term sets, 0–1. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / (a.size + b.size - shared);
}

// An aggregator's own reference markers ("[2]", "[1][3]") would clash with the answer's citation numbers; and what
// an article says must not ping anyone or turn the answer's text around.
function quotable(text: string): string {
  return safeRenderedText(text)
    .replace(referenceMarkers, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:])/g, '$1')
    // "at 10:40 p.m. [1]." loses its marker and would end "p.m..".
    .replace(/(?<!\.)\.\.(?!\.)/g, '.')
    .trim();
}

function excerpt(text: string, room: number): string {
  if (room <= 1) return '';
  const cut = text.slice(0, room - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > room * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
