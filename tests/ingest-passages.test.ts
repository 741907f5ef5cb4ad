import { describe, expect, it } from 'vitest';
import { boilerplateKindOfBlock, isAuthorBio, isBoilerplateSentence } from '../src/ingest/boilerplate.js';
import { normalizeForMatch } from '../src/text/normalize.js';
import { articleOf } from './ingest-helpers.js';

const texts = (text: string) => articleOf(text).passages.map((passage) => passage.text);

describe('glued aggregator headings', () => {
  const aggregator = [
    'Ferry Disaster Toll Rises To 31 As Captain Held',
    '',
    'Updated (5 articles)',
    '',
    'Death Toll Rises The number of people confirmed dead rose to 31 on Monday, the regional search agency said [3].',
    '',
    'Captain Held Captain Hendra Wiratama, 47, was detained on Sunday night and named a suspect [2].',
    '',
    'Company Apologises Stefanus Tandiono, 58, president director of the operator, apologised to the families [4].',
    '',
    'Money Traced To Malta Harbour Freight Ltd said it had moved the funds through a bank in Valletta [5].',
    '',
    'Wreck Located A remotely operated vehicle located the overturned hull on Monday afternoon [4].',
    '',
    'Relatives waiting at the port said Captain Hendra Wiratama had sailed despite a warning, and Harbour Freight Ltd declined to comment.',
  ].join('\n');
  const headings = (text: string) =>
    articleOf(text)
      .passages.filter((passage) => passage.gluedHeading !== undefined)
      .map((passage) => passage.normalized.slice(0, passage.gluedHeading));

  it('marks where the text starts after each heading a scraper glued to a paragraph, keeping names and titles whole', () => {
    expect(headings(aggregator)).toEqual(['Death Toll Rises', 'Captain Held', 'Company Apologises', 'Money Traced To Malta', 'Wreck Located']);
  });

  it('leaves pages whose paragraphs open with names as written', () => {
    const wire = [
      'Ferry captain detained after capsizing',
      '',
      'President Jane Doe said on Monday the search would go on.',
      '',
      'Captain Hendra Wiratama, 47, was detained on Sunday night.',
      '',
      'Rescue Agency chief Ana Lim said divers had reached the hull.',
      '',
      'The operator apologised to the families.',
    ].join('\n');
    expect(headings(wire)).toEqual([]);
  });
});

describe('parseArticle passages', () => {
  it('makes one passage per sentence in reading order with ids, positions and normalized text', () => {
    const article = articleOf('Snow closes Brenner pass\n\nThe pass closed at 6 a.m. on Friday. About 300 lorries waited at Vipiteno.\n', 'snow.txt');
    expect(article.passages.map((passage) => [passage.id, passage.position, passage.role, passage.text])).toEqual([
      ['snow.txt#0', 0, 'headline', 'Snow closes Brenner pass'],
      ['snow.txt#1', 1, 'sentence', 'The pass closed at 6 a.m. on Friday.'],
      ['snow.txt#2', 2, 'sentence', 'About 300 lorries waited at Vipiteno.'],
    ]);
    for (const passage of article.passages) expect(passage.normalized).toBe(normalizeForMatch(passage.text));
  });

  it('drops sign-up prompts, licensing lines, read-more links, share prompts and advertisements', () => {
    const passages = texts(
      [
        'Dam inspectors find leak at Orla reservoir',
        '',
        'Inspectors found a leak in the Orla dam wall on Monday.',
        '',
        'Sign up here.',
        '',
        'Subscribe to our newsletter for daily updates',
        '',
        'Advertisement',
        '',
        'Engineers said the leak posed no immediate danger.',
        '',
        'Also Read: Ten best walks around the reservoir',
        '',
        'Read more: Water bills to rise in April',
        '',
        'Related: Why dams age',
        '',
        'Similar Articles',
        '',
        'Share this article',
        '',
        'Follow us on Twitter',
        '',
        'Our Standards: The Newsroom Charter., opens new tab',
        '',
        'Purchase Licensing Rights',
        '',
        '© 2031 Orla Valley Times. All rights reserved.',
      ].join('\n'),
    );
    expect(passages).toEqual([
      'Dam inspectors find leak at Orla reservoir',
      'Inspectors found a leak in the Orla dam wall on Monday.',
      'Engineers said the leak posed no immediate danger.',
    ]);
  });

  it('drops the headlines listed under "Similar Articles", bulleted or not, but keeps a page label above the story', () => {
    const passages = texts(
      [
        'Dam inspectors find leak at Orla reservoir',
        '',
        'Inspectors found a leak in the Orla dam wall on Monday, the regional water authority said in a statement.',
        '',
        'Similar Articles',
        'Slovak Parliament Approves Budget After All-Night Session',
        'Vienna Opera Ball Tickets Sell Out in Record Eleven Minutes',
        '- Polish Farmers Block Border Crossings Over Grain Imports',
        '',
        'Engineers said the leak posed no immediate danger to villages below the dam.',
      ].join('\n'),
    );
    expect(passages).toEqual([
      'Dam inspectors find leak at Orla reservoir',
      'Inspectors found a leak in the Orla dam wall on Monday, the regional water authority said in a statement.',
      'Engineers said the leak posed no immediate danger to villages below the dam.',
    ]);
    expect(texts(['Latest News', '', 'Dam inspectors find leak at Orla reservoir', '', 'Inspectors found a leak in the Orla dam wall on Monday.'].join('\n'))).toContain('Dam inspectors find leak at Orla reservoir');
  });

  it('drops a whole photo caption paragraph that ends with a credit, even about another topic', () => {
    const passages = texts(
      [
        'Villagers walk along the flooded road to Carrow on Tuesday. Rescue boats took 40 people to safety. Photo by Mia Tan/Eastern Wire',
        'The river at Carrow rose two metres overnight, the environment agency said.',
        'A tulip field in bloom near Halden on Sunday. Photo by Ola Berg/Nordpix | License Photo',
      ].join('\n'),
    );
    expect(passages).toEqual(['The river at Carrow rose two metres overnight, the environment agency said.']);
  });

  it('drops captions in parentheses, agency/photographer credits and file photos', () => {
    const passages = texts(
      [
        'The bridge reopened on Friday.',
        '',
        '(Photo: Traffic crosses the Old Mill bridge. City Press/Handout)',
        '',
        'Cars cross the bridge in a 2019 file photo.',
        '',
        'Crowds gathered for the opening ceremony. NORDPIX/Ola Berg',
        '',
        'Mayor Ines Roth cut the ribbon at noon.',
        '',
        'Police released a file photo of the missing barge on Monday.',
      ].join('\n'),
    );
    expect(passages).toEqual([
      'The bridge reopened on Friday.',
      'Mayor Ines Roth cut the ribbon at noon.',
      'Police released a file photo of the missing barge on Monday.',
    ]);
  });

  it('drops reporting credits, an author name line and the author biography at the end', () => {
    const passages = texts(
      [
        'Grain exports hit record',
        '',
        'Grain exports from Port Selva reached 2.1 million tonnes in May.',
        '',
        'Reporting by Ana Lima and Joe Park; Editing by Kim Cho',
        '',
        'Purchase Licensing RightsAna Lima',
        '',
        'Ana Lima is a senior commodities correspondent based in Selva. She covers farming and trade. She holds a BA in economics.',
      ].join('\n'),
    );
    expect(passages).toEqual(['Grain exports hit record', 'Grain exports from Port Selva reached 2.1 million tonnes in May.']);
  });

  it('keeps a last paragraph of the story that only mentions a reporter', () => {
    const passages = texts('Strike ends at Corvo mine\n\nThe strike ended on Friday.\n\nUnion leader Rosa Dias said members would return on Monday.\n');
    expect(passages.at(-1)).toBe('Union leader Rosa Dias said members would return on Monday.');
  });

  it('marks headings, list items and the nearest heading above each passage', () => {
    const article = articleOf(
      [
        'Budget talks stall in Maravia',
        '',
        'Lawmakers failed to agree a budget on Friday.',
        '',
        'What To Watch',
        '',
        '  • Whether the finance minister resigns.',
        '  • A second vote planned for Tuesday.',
        '',
        'Key sticking points:',
        '-',
        'Pension reform',
        '-',
        'Defence spending',
        '',
        '## Market Reaction',
        '',
        'The currency fell 2% against the euro.',
      ].join('\n'),
    );
    expect(article.passages.map((passage) => [passage.role, passage.heading, passage.text])).toEqual([
      ['headline', null, 'Budget talks stall in Maravia'],
      ['sentence', null, 'Lawmakers failed to agree a budget on Friday.'],
      ['headline', null, 'What To Watch'],
      ['list-item', 'What To Watch', 'Whether the finance minister resigns.'],
      ['list-item', 'What To Watch', 'A second vote planned for Tuesday.'],
      ['sentence', 'What To Watch', 'Key sticking points:'],
      ['list-item', 'What To Watch', 'Pension reform'],
      ['list-item', 'What To Watch', 'Defence spending'],
      ['headline', 'What To Watch', 'Market Reaction'],
      ['sentence', 'Market Reaction', 'The currency fell 2% against the euro.'],
    ]);
  });

  it('reads timeline entries with their event dates', () => {
    const article = articleOf(
      [
        'Timeline',
        'Early 2030 – Engineers propose the Ostby tunnel.',
        'Nov 30, 2030 – The council approves funding of $80 million.',
        '2 December 2030: Digging starts at the north portal.',
        'Dec 9 – The first 100 metres are complete.',
      ].join('\n'),
    );
    expect(article.passages.map((passage) => [passage.role, passage.eventDate, passage.heading])).toEqual([
      ['headline', null, null],
      ['timeline', null, 'Timeline'],
      ['timeline', '2030-11-30', 'Timeline'],
      ['timeline', '2030-12-02', 'Timeline'],
      ['timeline', '2030-12-09', 'Timeline'],
    ]);
    expect(article.passages[2]!.text).toBe('Nov 30, 2030 – The council approves funding of $80 million.');
  });

  it('dates an undated page by its last timeline entry that has happened, not by one scheduled ahead', () => {
    const article = articleOf(
      [
        'Tunnel Project: Digging Starts After Years Of Delay',
        'Updated (3 articles)',
        '',
        'Digging Begins Crews started work at the north portal on Monday [1].',
        '',
        'Timeline',
        'Nov 30, 2030 – The council approves funding of $80 million [1].',
        'Dec 2, 2030 – Digging starts at the north portal [2].',
        'Dec 9, 2030 – Council vote on a second portal to be held [3].',
        'Jan 18, 2031 – First inspection scheduled [3].',
        'Feb 1, 2031 – Original date for the opening, now postponed [2].',
      ].join('\n'),
    );
    expect(article.date).toBe('2030-12-02');
  });

  it('dates a page by the last timeline entry that reports something done, told in the past or the present', () => {
    const dated = (lines: readonly string[]) =>
      articleOf(['Outbreak Grows: Seventh Farm Confirmed', 'Updated (4 articles)', '', 'Seventh Farm Confirmed The authority confirmed the virus at a seventh farm [4].', '', 'Timeline', ...lines].join('\n')).date;
    const done = ['Nov 9, 2030 – Six farms; zones widened to 5 km [3].', 'Nov 10, 2030 – Toll reaches seven; the ministry raises its offer [4].'];
    // What lies ahead: an infinitive, a noun phrase, a term that runs out, a date something could happen.
    expect(dated([...done, 'Nov 15, 2030 – Video talks between the two ministries [4].'])).toBe('2030-11-10');
    expect(dated([...done, 'Nov 14, 2030 – Regional court to hear the appeal [4].'])).toBe('2030-11-10');
    expect(dated([...done, 'Dec 4, 2030 – Earliest date the plant could reopen [4].'])).toBe('2030-11-10');
    expect(dated([...done, 'Jan 20, 2031 – Inauguration of the new president [2].'])).toBe('2030-11-10');
    // Past told in the present: "prosecutors announce", "Acme raises".
    expect(dated([...done, 'Nov 11, 2030 – Prosecutors announce the recovery at a news conference [4].'])).toBe('2030-11-11');
  });

  it('dates the paragraphs under a date heading as timeline entries', () => {
    const article = articleOf('Flood updates from Tolland\n\nResidents left 300 homes.\n\nMarch 3, 2031\n\nWater rose overnight.\n\nMarch 4, 2031\n\nCrews reopened the road.\n');
    expect(article.passages.map((passage) => [passage.role, passage.eventDate, passage.heading, passage.text])).toEqual([
      ['headline', null, null, 'Flood updates from Tolland'],
      ['sentence', null, null, 'Residents left 300 homes.'],
      ['headline', null, null, 'March 3, 2031'],
      ['timeline', '2031-03-03', 'March 3, 2031', 'Water rose overnight.'],
      ['headline', null, 'March 3, 2031', 'March 4, 2031'],
      ['timeline', '2031-03-04', 'March 4, 2031', 'Crews reopened the road.'],
    ]);
  });

  it('drops a headline repeated word for word, keeping the first', () => {
    const passages = texts('Lynx seen in Harz forest\n\nLynx seen in Harz forest\n\nA lynx was filmed near Elend on Sunday.\n\nLynx seen in Harz forest\n');
    expect(passages).toEqual(['Lynx seen in Harz forest', 'A lynx was filmed near Elend on Sunday.']);
  });

  it('skips lines that are only punctuation or list markers', () => {
    expect(texts('Rain expected\n-\n•\n***\n---\nRain is expected on Monday.\n')).toEqual(['Rain expected', 'Rain is expected on Monday.']);
  });

  it('keeps every passage a verbatim stretch of the file, quotes, dashes and invisible characters included', () => {
    const file =
      '\uFEFFMinister\u2019s plan \u2014 \u201cbold\u201d\r\n\r\nThe minister\u2019s plan \u2014 called \u201cbold\u201d by allies \u2014 passed 51\u201349.\u00A0It takes effect in May.\r\n\u200BCritics said it \u201cgoes too far.\u201d\r\n';
    const article = articleOf(file);
    const body = file.slice(1);
    for (const passage of article.passages) expect(body.includes(passage.text), passage.text).toBe(true);
    expect(article.passages.map((passage) => passage.normalized)).toContain('Critics said it "goes too far."');
  });

  it('joins the lines of a hard-wrapped paragraph before cutting sentences', () => {
    const file = [
      'Water restrictions extended across the Dunmore district',
      '',
      'The Dunmore water board extended its hosepipe ban on Monday until at',
      'least the end of September, saying reservoir levels stood at 41% of',
      'capacity after the driest spring in sixty years.',
      '',
      'Households that break the ban face fines of up to 1,000 pounds, the',
      'board said in a statement published on its website on Monday night.',
    ].join('\n');
    const passages = articleOf(file).passages;
    expect(passages.map((passage) => passage.role)).toEqual(['headline', 'sentence', 'sentence']);
    expect(passages[1]!.normalized).toBe(
      'The Dunmore water board extended its hosepipe ban on Monday until at least the end of September, saying reservoir levels stood at 41% of capacity after the driest spring in sixty years.',
    );
    for (const passage of passages) expect(file.includes(passage.text)).toBe(true);
  });
});

describe('boilerplate', () => {
  it('tells furniture, captions and credits from story text', () => {
    expect(boilerplateKindOfBlock('Sign up here.')).toBe('furniture');
    expect(boilerplateKindOfBlock('Reporting by Li Wei; Editing by Tom Grant')).toBe('credit');
    expect(boilerplateKindOfBlock('Workers rally outside the plant. Photo by Sam Cole/Metro Pix')).toBe('caption');
    expect(boilerplateKindOfBlock('Video Shows Workers Marching')).toBeNull();
    expect(boilerplateKindOfBlock('Join the strike, union leaders urged workers on Monday.')).toBeNull();
    expect(boilerplateKindOfBlock('Copyright lawsuits against the firm rose in 2030.')).toBeNull();
  });

  it('keeps a story sentence that happens to contain a link label', () => {
    const sentence =
      'The regulator said in a filing, opens new tab, that the merger would face a full investigation lasting up to six months because of competition concerns in three regional markets.';
    expect(isBoilerplateSentence(sentence)).toBe(false);
    expect(isBoilerplateSentence('Read the full report here, opens new tab')).toBe(true);
  });

  it('recognises an author biography by its newsroom job, beat or degree', () => {
    expect(isAuthorBio('Tom Reyes is a Madrid-based reporter for the agency.')).toBe(true);
    expect(isAuthorBio('She covers energy markets. She holds an MSc from Delft.')).toBe(true);
    expect(isAuthorBio('The company is based in Oslo and employs 400 people.')).toBe(false);
  });
});
