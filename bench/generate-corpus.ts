import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRandom, hashString, type Random } from './prng.js';
import * as words from './vocabulary.js';

/** One person of the generated story's cast. */
export type Person = { first: string; last: string; full: string; role: string; org: string };

/** A fact a generated sentence states, from which a question with a known answer can be asked. */
export type Fact =
  | { kind: 'meeting'; a: Person; b: Person; place: string; weekday: string }
  | { kind: 'count'; count: string; noun: string; verb: string; place: string }
  | { kind: 'money'; org: string; amount: string; purpose: string }
  | { kind: 'quote'; speaker: Person; topic: string; quote: string }
  | { kind: 'schedule'; event: string; topic: string; date: string; place: string }
  | { kind: 'reason'; event: string; place: string; reason: string }
  | { kind: 'identity'; person: Person }
  | { kind: 'percent'; metric: string; change: string; month: string };

/** One generated article file. */
export type GeneratedArticle = { name: string; text: string; sentences: number };

/** Options for {@link generateCorpus}. */
export type CorpusOptions = {
  /** How many body sentences to generate in all (headlines and boilerplate not counted). */
  sentences: number;
  /** The PRNG seed; the same seed and size give byte-identical files. Defaults to 2024. */
  seed?: number;
  /** How many facts to keep for questions (a uniform sample of all stated); defaults to 4,000. */
  keepFacts?: number;
};

/** A generated corpus: its articles, the facts its sentences state and its cast. */
export type GeneratedCorpus = { articles: GeneratedArticle[]; facts: Fact[]; cast: Person[]; sentences: number };

type Sentence = { text: string; fact: Fact | null };

const prepositions = ['in', 'near', 'outside', 'across', 'around', 'beyond'];

/** Generates a deterministic news-like corpus: one developing story told by many outlets over weeks, with syndicated copies. */
export function generateCorpus(options: CorpusOptions): GeneratedCorpus {
  const seed = options.seed ?? 2024;
  const random = createRandom(seed);
  const factRandom = createRandom(seed ^ 0x5eed);
  const keepFacts = options.keepFacts ?? 4000;
  const cast = makeCast(random, 40 + Math.ceil(options.sentences / 400));
  const tail = makeTail(random, 200 + Math.ceil(options.sentences / 25));
  const articleCount = Math.max(1, Math.round(options.sentences / 30));
  const days = Math.max(30, Math.ceil(articleCount / 25));
  const start = Date.UTC(2025, 2, 3);
  const articles: GeneratedArticle[] = [];
  const facts: Fact[] = [];
  let seen = 0;
  let total = 0;
  const recent: Sentence[][] = [];
  for (let i = 0; total < options.sentences; i++) {
    const date = new Date(start + Math.floor((i * days) / articleCount) * 86_400_000);
    const want = Math.min(random.int(20, 40), Math.max(1, options.sentences - total));
    const body: Sentence[] = [];
    // About one article in six is a wire story another outlet carries: most of its sentences again, a few new.
    const copyOf = recent.length > 0 && random.chance(0.16) ? random.pick(recent) : null;
    while (body.length < want) {
      if (copyOf !== null && body.length < copyOf.length && random.chance(0.8)) body.push(copyOf[body.length]!);
      else body.push(makeSentence(random, cast, tail));
    }
    for (const sentence of body) {
      if (sentence.fact === null) continue;
      // Reservoir sampling keeps a uniform sample of every fact stated, whatever the corpus size.
      seen++;
      if (facts.length < keepFacts) facts.push(sentence.fact);
      else {
        const slot = Math.floor(factRandom.next() * seen);
        if (slot < keepFacts) facts[slot] = sentence.fact;
      }
    }
    recent.push(body);
    if (recent.length > 20) recent.shift();
    total += body.length;
    const text = renderArticle(random, body, date, cast);
    const name = `${String(i).padStart(6, '0')}_${hashString(text).toString(16).padStart(8, '0')}.txt`;
    articles.push({ name, text, sentences: body.length });
  }
  return { articles, facts, cast, sentences: total };
}

/** Writes a generated corpus's articles into a folder (created if missing), one file each. */
export async function writeCorpus(dir: string, corpus: GeneratedCorpus): Promise<void> {
  await mkdir(dir, { recursive: true });
  const batch = 64;
  for (let from = 0; from < corpus.articles.length; from += batch) {
    await Promise.all(corpus.articles.slice(from, from + batch).map((article) => writeFile(join(dir, article.name), article.text)));
  }
}

function makeCast(random: Random, size: number): Person[] {
  const cast: Person[] = [];
  const used = new Set<string>();
  while (cast.length < size) {
    const first = random.pick(words.firstNames);
    // Beyond the list's surnames, invented ones keep a large cast's names distinct.
    const last = used.size < words.surnames.length * 2 || random.chance(0.3) ? random.pick(words.surnames) : capitalise(tailWord(random, 3));
    const full = `${first} ${last}`;
    if (used.has(full)) continue;
    used.add(full);
    cast.push({ first, last, full, role: random.pick(words.roles), org: random.pick(words.organisations) });
  }
  return cast;
}

function makeTail(random: Random, size: number): string[] {
  const tail = new Set<string>();
  while (tail.size < size) tail.add(tailWord(random, random.int(2, 4)));
  return [...tail];
}

function tailWord(random: Random, syllableCount: number): string {
  let word = '';
  for (let i = 0; i < syllableCount; i++) word += random.pick(words.syllables);
  return word;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function count(random: Random): string {
  const n = random.chance(0.5) ? random.int(2, 99) : random.chance(0.7) ? random.int(100, 9999) : random.int(10_000, 250_000);
  return n.toLocaleString('en-US');
}

function money(random: Random): string {
  const whole = random.int(1, 950);
  const decimal = random.chance(0.4) ? `.${random.int(1, 9)}` : '';
  const unit = random.pick(['million', 'million', 'billion']);
  switch (random.int(0, 3)) {
    case 0:
      return `$${whole}${decimal} ${unit}`;
    case 1:
      return `${whole}${decimal} ${unit} euros`;
    case 2:
      return `£${whole}${decimal} ${unit}`;
    default:
      return `€${random.int(1, 99)},${String(random.int(0, 999)).padStart(3, '0')}`;
  }
}

function makeSentence(random: Random, cast: readonly Person[], tail: readonly string[]): Sentence {
  const person = () => random.zipf(cast);
  const place = () => random.zipf(words.places);
  const noun = () => random.zipf(words.nouns);
  const adjective = () => random.pick(words.adjectives);
  const verb = () => random.pick(words.verbsPast);
  const rare = () => random.pick(tail);
  const weekday = () => random.pick(words.weekdays);
  const roll = random.next();
  if (roll < 0.07) {
    const a = person();
    let b = person();
    if (b === a) b = cast[(cast.indexOf(a) + 1) % cast.length]!;
    const where = place();
    const day = weekday();
    return { text: `${a.full} met ${b.full} in ${where} on ${day} to discuss the ${noun()}.`, fact: { kind: 'meeting', a, b, place: where, weekday: day } };
  }
  if (roll < 0.14) {
    const n = count(random);
    const what = random.pick(words.countNouns);
    const how = random.pick(words.countVerbs);
    const where = place();
    const opener = random.pick(['About', 'Some', 'More than', 'Nearly', 'At least']);
    return { text: `${opener} ${n} ${what} were ${how} in ${where} on ${weekday()}, ${random.pick(words.organisations)} said.`, fact: { kind: 'count', count: n, noun: what, verb: how, place: where } };
  }
  if (roll < 0.2) {
    const org = random.pick(words.organisations);
    const amount = money(random);
    const purpose = random.pick(words.purposes);
    const speaker = person();
    return { text: `${capitalise(org)} pledged ${amount} for ${purpose}, ${speaker.role} ${speaker.full} said.`, fact: { kind: 'money', org, amount, purpose } };
  }
  if (roll < 0.3) {
    const speaker = person();
    const quote = random.pick(words.quoteClauses);
    const topic = noun();
    const text = random.chance(0.5)
      ? `"${quote} on the ${topic}," said ${speaker.full}, ${speaker.role} of ${speaker.org}.`
      : `${speaker.full} said of the ${topic}: "${quote}."`;
    return { text, fact: { kind: 'quote', speaker, topic, quote } };
  }
  if (roll < 0.35) {
    const event = random.pick(words.events);
    const topic = noun();
    const month = random.int(0, 11);
    const date = `${words.months[month]} ${random.int(1, 28)}`;
    const where = place();
    return { text: `The ${event} on the ${topic} is scheduled for ${date} in ${where}.`, fact: { kind: 'schedule', event, topic, date, place: where } };
  }
  if (roll < 0.4) {
    const event = random.pick(words.events);
    const where = place();
    const reason = random.pick(words.reasons);
    return { text: `The ${event} in ${where} was postponed because of ${reason}, officials said.`, fact: { kind: 'reason', event, place: where, reason } };
  }
  if (roll < 0.47) {
    const who = person();
    return { text: `${who.full}, the ${who.role} of ${who.org}, ${verb()} the ${adjective()} ${noun()} on ${weekday()}.`, fact: { kind: 'identity', person: who } };
  }
  if (roll < 0.52) {
    const metric = random.pick(words.metrics);
    const change = `${random.int(0, 24)}.${random.int(1, 9)}%`;
    const month = random.pick(words.months);
    return { text: `${metric} ${random.pick(['rose', 'fell', 'climbed', 'dropped'])} ${change} in ${month}, according to ${random.pick(words.organisations)}.`, fact: { kind: 'percent', metric, change, month } };
  }
  if (roll < 0.56) {
    return { text: `The ${noun()} ${verb()} at ${random.int(1, 11)}:${String(random.int(0, 59)).padStart(2, '0')} ${random.pick(['a.m.', 'p.m.'])} on ${weekday()}, the ${random.pick(words.roles)} said.`, fact: null };
  }
  if (roll < 0.63) {
    return { text: `The ${noun()} began in ${random.pick(words.months)} after ${noun()} ${verb()} a ${adjective()} ${noun()} in ${random.pick(words.countries)}.`, fact: null };
  }
  // Background sentences: the story's common words with a rare one or two, as most of any article reads.
  const parts = [`${capitalise(adjective())} ${noun()} ${verb()} the ${adjective()} ${noun()} ${random.pick(prepositions)} ${place()}`];
  if (random.chance(0.6)) parts.push(`adding to ${noun()} over the ${rare()} ${noun()}`);
  if (random.chance(0.4)) parts.push(`while ${noun()} ${verb()} ${random.int(2, 90)} ${noun()}`);
  if (random.chance(0.3)) parts.push(`according to ${person().full}`);
  return { text: `${parts.join(', ')}.`, fact: null };
}

function renderArticle(random: Random, body: readonly Sentence[], date: Date, cast: readonly Person[]): string {
  const outlet = random.pick(words.outlets);
  const wire = random.pick(words.outlets.filter((candidate) => candidate.wire));
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const iso = date.toISOString().slice(0, 10);
  const title = `${capitalise(random.pick(words.nouns))} ${random.pick(['Talks', 'Strike', 'Crisis', 'Deal', 'Vote', 'Dispute'])} ${random.pick(['Deepen', 'Stall', 'Resume', 'Widen', 'Drag On', 'Near End'])} in ${random.zipf(words.places)}`;
  const lines: string[] = [];
  const style = random.int(0, 2);
  if (style === 0) {
    lines.push(`---\ntitle: ${title}\nsource: ${outlet.name}\ndate: ${iso}\nurl: https://news.example/${iso}/${hashString(title + iso).toString(16)}\n---\n`);
  } else if (style === 1) {
    lines.push(outlet.name, '', title, '');
  } else {
    const reporter = random.pick(cast);
    lines.push(title, '', `By ${reporter.first.toUpperCase()} ${reporter.last.toUpperCase()} ${wire.name}`, `Updated 7:42 PM CEST, ${words.months[month]} ${day}, ${date.getUTCFullYear()}`, '');
  }
  const paragraphs: string[] = [];
  let i = 0;
  while (i < body.length) {
    const size = Math.min(body.length - i, random.int(1, 3));
    paragraphs.push(body.slice(i, i + size).map((sentence) => sentence.text).join(' '));
    i += size;
  }
  if (style !== 0) {
    const city = random.zipf(words.places).toUpperCase();
    paragraphs[0] = `${city}, ${words.monthAbbreviations[month]} ${day} (${wire.name}) — ${paragraphs[0]}`;
  }
  for (const [index, paragraph] of paragraphs.entries()) {
    lines.push(paragraph, '');
    if (index > 0 && index % 5 === 0 && random.chance(0.3)) lines.push(random.pick(['Response on the Ground', 'What Comes Next', 'Background', 'Reaction']), '');
    if (random.chance(0.04)) lines.push(boilerplate(random, cast), '');
  }
  if (random.chance(0.5)) lines.push(boilerplate(random, cast), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function boilerplate(random: Random, cast: readonly Person[]): string {
  return random
    .pick(words.boilerplateLines)
    .replace('{name}', random.pick(cast).full)
    .replace('{name2}', random.pick(cast).full);
}
