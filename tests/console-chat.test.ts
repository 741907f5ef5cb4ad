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

  it('leaves on "exit" or "/quit", without asking them of the story or reading what follows', async () => {
    for (const leave of ['exit', 'Quit', '/quit']) {
      const text = await chat(['How long did the strike last?', leave, 'Who is the union president?']);
      expect(text.trimEnd().endsWith('Bye.'), leave).toBe(true);
      expect(text, leave).not.toContain('Dana Okonkwo');
    }
  });

  it('reads follow-ups as one conversation and shows how it understood one that differs from what was typed', async () => {
    const text = await chat(['Who is the union president?', 'What did she say?', 'Where did the talks resume?', 'When?']);
    const answers = text.split('\n\n');
    expect(answers[0]).toMatch(/Dana Okonkwo/);
    expect(text).not.toContain('(understood as: Who is the union president?)');
    expect(text).toContain('(understood as: What did Dana Okonkwo say?)');
    expect(text).toContain('(understood as: When did the talks resume in Harbour Commission?)');
    expect(text).toMatch(/\(understood as: When did the talks resume in Harbour Commission\?\)\n(?:Thursday|Mar 5)/);
  });

  it('starts over on /new and on "start over": a fragment then has nothing to be read against', async () => {
    const text = await chat(['Where did the talks resume?', '/new', 'When?', 'Where did the talks resume?', 'start over', 'When?']);
    expect(text.match(/Starting over: ask me anything about the story\./g)).toHaveLength(2);
    expect(text).not.toContain('(understood as:');
    expect(text.match(/The coverage of this story doesn't say\./g)).toHaveLength(2);
  });
});
