import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startConsoleChat } from '../adapters/console/console-chat.js';
import { openStory, serveInThread } from '../src/open-story.js';

const storyDir = join(import.meta.dirname, 'fixtures/stories/harbor-strike');

async function chat(lines: string[]): Promise<string> {
  const opened = await openStory({ dir: storyDir });
  if (!opened.ok) throw new Error(opened.message);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const done = startConsoleChat({ service: serveInThread(opened.service), input, output });
  input.end(lines.map((line) => `${line}\n`).join(''));
  await done;
  return text;
}

describe('startConsoleChat', () => {
  it('greets with the story, answers with citations, lists sources and help, and says goodbye when input ends', async () => {
    const text = await chat(['/help', '/sources', 'How long did the strike last?', 'Who won the 1998 World Cup?']);
    expect(text).toMatch(/^storybot · ".+" · \d+ articles from \d+ outlets/);
    expect(text).toContain('/sources   the articles I answer from');
    expect(text).toMatch(/^1\. .+ · .+$/m);
    expect(text).toMatch(/\[1\] .+/);
    expect(text).toMatch(/The coverage of this story doesn't say\.\nI answer questions about ".+" from \d+ articles/);
    expect(text.trimEnd().endsWith('Bye.')).toBe(true);
  });
});
