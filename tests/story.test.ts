import { describe, expect, it } from 'vitest';
import { Story } from '../src/story.js';
import { articleOf } from './ingest-helpers.js';

const article = (document: string, day: number) =>
  articleOf(`---\ntitle: Report ${document}\nsource: Test Wire\ndate: 2026-03-${String(day).padStart(2, '0')}\n---\nThe council met on the ${day}th to discuss ${document}.`, document);

describe('Story', () => {
  it('keeps its articles in name order through additions, replacements and removals', () => {
    const story = new Story([article('m.txt', 3), article('c.txt', 1)]);
    expect(story.articles().map((a) => a.document)).toEqual(['c.txt', 'm.txt']);
    story.put(article('a.txt', 2));
    story.put(article('z.txt', 9));
    story.put(article('m.txt', 4));
    story.delete('c.txt');
    story.put(article('B.txt', 5));
    const names = story.articles().map((a) => a.document);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y)));
    expect(names).toEqual(['a.txt', 'B.txt', 'm.txt', 'z.txt']);
    expect(story.article('m.txt')?.date).toBe('2026-03-04');
    expect(story.overview()).toMatchObject({ articles: 4, firstDate: '2026-03-02', lastDate: '2026-03-09' });
  });
});
