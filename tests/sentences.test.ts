import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences, splitSentenceSpans } from '../src/text/sentences.js';

type GoldenCase = { id: string; text: string; expect: string[] };

const golden: GoldenCase[] = readFileSync(new URL('./fixtures/sbd-golden-en.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as GoldenCase);

// A small deterministic generator, so that a failing property test fails the same way every run.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const invisible = /[\s\u0085\u200b\u2060\ufeff]/g;
const visible = (text: string): string => text.replace(invisible, '');

describe('splitSentences', () => {
  it('returns nothing when the text is empty or only whitespace', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\t \r\n ')).toEqual([]);
    expect(splitSentences('\u200b \ufeff')).toEqual([]);
  });

  it('passes at least 95% of the golden rules exactly', () => {
    const failures = golden.filter((c) => JSON.stringify(splitSentences(c.text)) !== JSON.stringify(c.expect));
    const score = (golden.length - failures.length) / golden.length;
    expect(golden.length).toBe(48);
    expect(score, `failing: ${failures.map((c) => c.id).join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps titles and initials with the name that follows', () => {
    expect(splitSentences('Gen. Ana Ruiz met Lt. Col. Omar Haddad and Dr. Li Wen in Mt. Hood on Tuesday.')).toHaveLength(1);
    expect(splitSentences('The fund was set up by Mary K. Doyle. It grew fast.')).toEqual([
      'The fund was set up by Mary K. Doyle.',
      'It grew fast.',
    ]);
  });

  it('ends a sentence at an acronym when a sentence-opening word follows', () => {
    expect(splitSentences('She moved to the U.K. The job paid more.')).toEqual(['She moved to the U.K.', 'The job paid more.']);
    expect(splitSentences('The U.N. Security Council met on Friday.')).toHaveLength(1);
    expect(splitSentences('They met in Washington, D.C., on Monday.')).toHaveLength(1);
  });

  it('does not end a headline at an acronym followed by a capitalised small word', () => {
    expect(splitSentences('U.S. And Allies Agree on Sanctions')).toHaveLength(1);
    expect(splitSentences('Envoy Meets E.U. In Talks Over Tariffs')).toHaveLength(1);
  });

  it('ends a sentence at a corporate suffix only when a sentence-opening word follows', () => {
    expect(splitSentences('Orbis Inc. CEO Mara Lind resigned. Shares fell.')).toEqual([
      'Orbis Inc. CEO Mara Lind resigned.',
      'Shares fell.',
    ]);
    expect(splitSentences('The bid came from Halden & Co. It was rejected.')).toEqual([
      'The bid came from Halden & Co.',
      'It was rejected.',
    ]);
  });

  it('ends a sentence at a word that only looks like an abbreviation', () => {
    expect(splitSentences('The firm settled with the SEC. Critics called it weak.')).toHaveLength(2);
    expect(splitSentences('The show was about modern art. Critics loved it.')).toHaveLength(2);
    expect(splitSentences('He met Tom Reyes Sr. He was late.')).toHaveLength(2);
    expect(splitSentences('ACME INC. CEO Jo Lee quit.')).toHaveLength(1);
  });

  it('ends a sentence at a.m. or p.m. unless a day, a time zone or local time follows', () => {
    expect(splitSentences('The blast came at 4 a.m. Rescuers arrived within minutes.')).toEqual([
      'The blast came at 4 a.m.',
      'Rescuers arrived within minutes.',
    ]);
    expect(splitSentences('Polls close at 8 p.m. Sunday in most regions.')).toHaveLength(1);
    expect(splitSentences('The vote starts at 9 a.m. ET and ends at 6 p.m. Kyiv time.')).toHaveLength(1);
  });

  it('does not end a fronted time phrase at a.m. or p.m.', () => {
    expect(splitSentences('By 8 p.m. Police had cleared the square.')).toEqual(['By 8 p.m. Police had cleared the square.']);
  });

  it('does not break a dateline after the month abbreviation', () => {
    expect(splitSentences('Feb. 11 (AFP) — The ministry said the bridge would reopen. Traffic resumed.')).toEqual([
      'Feb. 11 (AFP) — The ministry said the bridge would reopen.',
      'Traffic resumed.',
    ]);
    expect(splitSentences('BRUSSELS, Oct 2 (Reuters) – E.U. ministers agreed on a U.S.-backed plan on Thursday.')).toHaveLength(1);
    expect(splitSentences('The vote is set for Sept. 17. Shareholders will decide.')).toEqual([
      'The vote is set for Sept. 17.',
      'Shareholders will decide.',
    ]);
  });

  it('ends a sentence at a state abbreviation only when a sentence-opening word follows', () => {
    expect(splitSentences('Sen. Rosa Diaz, D-Calif., said the bill would pass. Rep. Ben Ode, R-Texas, disagreed.')).toEqual([
      'Sen. Rosa Diaz, D-Calif., said the bill would pass.',
      'Rep. Ben Ode, R-Texas, disagreed.',
    ]);
    expect(splitSentences('The plant is in St. Cloud, Minn. The town depends on it.')).toEqual([
      'The plant is in St. Cloud, Minn.',
      'The town depends on it.',
    ]);
  });

  it('keeps decimals, money, percentages and units inside the sentence', () => {
    expect(splitSentences('Inflation eased to 2.4% in May. The bank held rates at 4.25%.')).toEqual([
      'Inflation eased to 2.4% in May.',
      'The bank held rates at 4.25%.',
    ]);
    expect(splitSentences('The EU pledged €12bn and $3.5 billion more. Troops took 480 sq km (185 sq miles) of land.')).toEqual([
      'The EU pledged €12bn and $3.5 billion more.',
      'Troops took 480 sq km (185 sq miles) of land.',
    ]);
  });

  it('keeps abbreviations before numbers with their number', () => {
    expect(splitSentences('See Fig. 3 on p. 12 and No. 4 in Vol. 2 of the report.')).toHaveLength(1);
    expect(splitSentences('The deal, worth c. $5bn, was signed.')).toHaveLength(1);
    expect(splitSentences('Was it approved? No. It was not.')).toEqual(['Was it approved?', 'No.', 'It was not.']);
  });

  it('keeps emails and web addresses whole', () => {
    expect(splitSentences('Write to desk@news.example.org. Or visit https://news.example.org/a.b?id=3. Thanks.')).toEqual([
      'Write to desk@news.example.org.',
      'Or visit https://news.example.org/a.b?id=3.',
      'Thanks.',
    ]);
  });

  it('keeps a closing quote with the sentence it closes', () => {
    expect(splitSentences('He called the deal “historic.” Critics disagreed.')).toEqual(['He called the deal “historic.”', 'Critics disagreed.']);
    expect(splitSentences('“We will not back down,” she said. “Not today.”')).toEqual(['“We will not back down,” she said.', '“Not today.”']);
    expect(splitSentences('“Why now?” he asked.')).toEqual(['“Why now?” he asked.']);
  });

  it('keeps a short parenthesis whole even when it holds a full stop', () => {
    expect(splitSentences('(Photo: Crews clear debris on Monday. Jo Park/Metro Pix) The road reopened.')).toEqual([
      '(Photo: Crews clear debris on Monday. Jo Park/Metro Pix) The road reopened.',
    ]);
    expect(splitSentences('The road reopened. (It had been shut for a week.) Traffic resumed.')).toEqual([
      'The road reopened.',
      '(It had been shut for a week.)',
      'Traffic resumed.',
    ]);
  });

  it('treats ellipses as a pause before lowercase and as an end before a capital', () => {
    expect(splitSentences('He paused… then left.')).toHaveLength(1);
    expect(splitSentences('He paused... Then he left.')).toEqual(['He paused...', 'Then he left.']);
    expect(splitSentences('The talks . . . went nowhere.')).toHaveLength(1);
  });

  it('ends a sentence at repeated or mixed marks but not at a brand name before lowercase', () => {
    expect(splitSentences('It passed?! Nobody expected it!! Officials cheered.')).toEqual([
      'It passed?!',
      'Nobody expected it!!',
      'Officials cheered.',
    ]);
    expect(splitSentences('He works at Zoomly! in the sales team.')).toHaveLength(1);
  });

  it('tells the pronoun I from a middle initial', () => {
    expect(splitSentences('The deal was done by you and I. Did Carla J. Ruiz sign it?')).toEqual([
      'The deal was done by you and I.',
      'Did Carla J. Ruiz sign it?',
    ]);
  });

  it('starts a new sentence at each item of an inline numbered or lettered list', () => {
    expect(splitSentences('1) Higher pay 2) Fewer night shifts 3) No cranes')).toEqual(['1) Higher pay', '2) Fewer night shifts', '3) No cranes']);
    expect(splitSentences('a. Open the gates b. Call the crews')).toEqual(['a. Open the gates', 'b. Call the crews']);
    expect(splitSentences('• 1. Ports reopen • 2. Ships unload')).toEqual(['• 1. Ports reopen', '• 2. Ships unload']);
  });

  it('splits CJK text at its own terminators with no spaces after them', () => {
    expect(splitSentences('港口重新开放。船只开始卸货！你听说了吗？')).toEqual(['港口重新开放。', '船只开始卸货！', '你听说了吗？']);
  });

  it('splits text in other scripts and steps over zero-width characters', () => {
    expect(splitSentences('Порт снова открыт. Суда разгружаются.')).toEqual(['Порт снова открыт.', 'Суда разгружаются.']);
    expect(splitSentences('The port reopened.\u200b Ships unloaded.\u200b')).toEqual(['The port reopened.', 'Ships unloaded.']);
  });
});

describe('splitSentences on lines', () => {
  it('ends a sentence at a line break after terminal punctuation', () => {
    expect(splitSentences('The port reopened.\nships began to unload.')).toEqual(['The port reopened.', 'ships began to unload.']);
  });

  it('always ends a sentence at a blank line', () => {
    expect(splitSentences('Talks resumed with Dr.\n\nNobody came.')).toEqual(['Talks resumed with Dr.', 'Nobody came.']);
  });

  it('ends a headline without a period at the line break before the story', () => {
    expect(splitSentences('Dockworkers Return as Strike Ends\nShips began to unload on Monday.')).toEqual([
      'Dockworkers Return as Strike Ends',
      'Ships began to unload on Monday.',
    ]);
  });

  it('ends a photo credit line before a dateline that opens with a month abbreviation', () => {
    expect(splitSentences('Crews work at the pier on Monday. Photo by Jo Park/Harbour Pix\nMar. 9 (AP) — The pier reopened.')).toEqual([
      'Crews work at the pier on Monday.',
      'Photo by Jo Park/Harbour Pix',
      'Mar. 9 (AP) — The pier reopened.',
    ]);
  });

  it('splits bullet lines and keeps a lone bullet or number with the item on the next line', () => {
    expect(splitSentences('Key sticking points:\n-\nControl of the eastern ports\n-\nPay for night shifts\nTalks resume Monday.')).toEqual([
      'Key sticking points:',
      '-\nControl of the eastern ports',
      '-\nPay for night shifts',
      'Talks resume Monday.',
    ]);
    expect(splitSentences('Sources\n-\n1.\nWire: Ports Reopen: Covers the deal .\n-\n2.\nDaily: Ships Unload: Covers the backlog .')).toEqual([
      'Sources',
      '-\n1.\nWire: Ports Reopen: Covers the deal .',
      '-\n2.\nDaily: Ships Unload: Covers the backlog .',
    ]);
  });

  it('splits indented bullet lines under a heading', () => {
    expect(splitSentences('What To Watch\n\n  • Whether the levee holds.\n  • When the rail line reopens.')).toEqual([
      'What To Watch',
      '• Whether the levee holds.',
      '• When the rail line reopens.',
    ]);
  });

  it('joins a line that ends mid-sentence to a next line that starts in lowercase', () => {
    expect(splitSentences('The minister said the talks\nwould resume next week.')).toEqual(['The minister said the talks\nwould resume next week.']);
  });

  it('joins the lines of a hard-wrapped paragraph even where a capitalised name starts a line', () => {
    const text = [
      'About 3,400 dockworkers walked off the job at the Port of Calder at dawn',
      'on Monday, halting container traffic at the busiest port in the region',
      'after talks with the terminal operators and Secretary of Labor',
      'Ruth Abernethy collapsed. The union wants a 14% raise over three years.',
      '',
      'Automation Dispute',
      'The dispute over cranes at Berth 7 is harder to bridge than pay.',
    ].join('\n');
    expect(splitSentences(text)).toEqual([
      text.slice(0, text.indexOf(' The union')),
      'The union wants a 14% raise over three years.',
      'Automation Dispute',
      'The dispute over cranes at Berth 7 is harder to bridge than pay.',
    ]);
  });

  it('treats CRLF line endings like LF', () => {
    expect(splitSentences('Port Strike Ends\r\nDockworkers returned on Monday.\r\n\r\nShips unloaded.')).toEqual([
      'Port Strike Ends',
      'Dockworkers returned on Monday.',
      'Ships unloaded.',
    ]);
  });

  it('ends a sentence at a line of dashes or underscores', () => {
    expect(splitSentences('The levee held\n___\nA reporter contributed')).toEqual(['The levee held', '___', 'A reporter contributed']);
  });

  it('leaves a headline glued to the next headline as one sentence', () => {
    expect(splitSentences('Ports reopen on MondayShips queue offshore\n\nThe strike ended.')).toEqual([
      'Ports reopen on MondayShips queue offshore',
      'The strike ended.',
    ]);
  });
});

describe('splitSentenceSpans', () => {
  it('gives offsets whose slice of the input is the trimmed sentence', () => {
    const text = '  “Stop.” She left.\r\n\r\n\tDr. Ruiz stayed.  ';
    const spans = splitSentenceSpans(text);
    expect(spans.map((span) => span.text)).toEqual(['“Stop.”', 'She left.', 'Dr. Ruiz stayed.']);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(spans[0]!.start).toBe(2);
  });

  it('matches splitSentences', () => {
    for (const c of golden) expect(splitSentenceSpans(c.text).map((span) => span.text)).toEqual(splitSentences(c.text));
  });
});

describe('splitSentences properties', () => {
  const pool = [
    'The White House said U.S. envoy Rosa Diaz would meet the minister on Thursday.',
    '“We have something pretty well worked out,” Diaz said.',
    'Feb. 11 (AFP) — Gen. Omar Haddad arrived at 6 p.m. Friday with the E.U. delegation.',
    'Prices rose 19.3% to $100.00 in the U.S. last year.',
    'Is the deal over?',
    'It passed!!',
    'Kyiv, which called the talks “constructive,” wants more.',
    'Sen. Ana Ruiz, D-Calif., backs the U.S.-led plan worth €90bn.',
    'Write to desk@news.example.org for details.',
    'He never meant that....',
    'The fund, set up by Mary K. Doyle and Halden & Co. in 2019, grew.',
    'Officials seized 701 sq km (270 sq miles) of land, said No. 2 official Li Wen.',
    'Their ferry left at 7:15 a.m. on Monday.',
    '東京で会合が開かれた。',
  ];
  const joiners = [' ', '  ', '\n', '\r\n', '\n\n', ' \n '];

  it('returns the known sentences for random concatenations of them', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const picked = Array.from({ length: 1 + Math.floor(next() * 8) }, () => pool[Math.floor(next() * pool.length)]!);
      const text = picked.reduce((joined, sentence) => joined + joiners[Math.floor(next() * joiners.length)]! + sentence);
      expect(splitSentences(text), JSON.stringify(text)).toEqual(picked);
    }
  });

  it('keeps every visible character, in order, with no empty sentence, for random text', () => {
    const next = random(11);
    const alphabet = [...'aZ.!?…。 \n\r\t"\'“”()[]1-•⁃:,;$%\u200b'].concat(['U.S.', 'a.m.', 'Mr.', 'e.g.', ' . . . ', 'No. ', 'I. ']);
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: Math.floor(next() * 200) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
      const spans = splitSentenceSpans(text);
      let previousEnd = 0;
      for (const span of spans) {
        expect(span.text.length).toBeGreaterThan(0);
        expect(span.text).toBe(text.slice(span.start, span.end));
        expect(visible(span.text.charAt(0)) + visible(span.text.charAt(span.text.length - 1))).not.toBe('');
        expect(span.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = span.end;
      }
      expect(spans.map((span) => visible(span.text)).join(''), JSON.stringify(text)).toBe(visible(text));
    }
  });

  it('finishes on a megabyte of random characters and on long runs of dots and abbreviations', () => {
    const next = random(13);
    const alphabet = 'aB. !?\n\r"\'()[]…。1-•:,;$%';
    const noise = Array.from({ length: 1 << 20 }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    expect(visible(splitSentences(noise).join(''))).toBe(visible(noise));
    expect(splitSentences('.'.repeat(1 << 20))).toHaveLength(1);
    expect(splitSentences('. '.repeat(1 << 19))).toHaveLength(1);
    expect(splitSentences('U.S. '.repeat(200_000)).length).toBeGreaterThan(0);
    expect(splitSentences(`(${'a. '.repeat(300_000)}`)).toHaveLength(1);
    expect(splitSentences('\n'.repeat(1 << 20))).toEqual([]);
  });
});
