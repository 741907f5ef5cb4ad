import { describe, expect, it } from 'vitest';
import { describeCitation } from '../src/format.js';
import type { Citation } from '../src/types.js';

function citation(overrides: Partial<Citation>): Citation {
  return { n: 1, id: '003.txt#2', document: '003.txt', source: null, credits: [], date: null, title: null, passage: 'A sentence.', also: [], ...overrides };
}

describe('describeCitation', () => {
  it('names the outlet, the day and the title, and the outlets that carry copies', () => {
    const line = describeCitation(citation({ source: 'Harbour Ledger', date: '2025-03-04', title: 'Ferry resumes', also: [{ document: '004.txt', source: 'Coastline Weekly', date: null, passage: 'A sentence.' }] }));
    expect(line).toBe('Harbour Ledger · Mar 4, 2025 · "Ferry resumes" · also carried by Coastline Weekly');
  });

  it('names an article with neither outlet nor title by its file, as the sources list does', () => {
    expect(describeCitation(citation({}))).toBe('Unknown outlet · 003.txt');
    expect(describeCitation(citation({ date: '2025-03-04' }))).toBe('Unknown outlet · Mar 4, 2025 · 003.txt');
  });

  it('does not add the file to an aggregator page named by the outlets it summarises', () => {
    expect(describeCitation(citation({ credits: ['BBC', 'CNN'] }))).toBe('BBC/CNN summary');
  });
});
