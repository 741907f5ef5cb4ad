import { durationUnits, looksPlural, months, numberWordValues, weekdays } from './lexicon.js';

/** What kind of quantity a span states. */
export type QuantityKind = 'money' | 'percent' | 'duration' | 'count';

/** A quantity stated in a sentence, with its offsets and, for counts, the noun it counts. */
export type QuantityMention = {
  kind: QuantityKind;
  text: string;
  start: number;
  end: number;
  /** The words right after a count ("children" in "19,000 children"), lower-cased; empty for other kinds. */
  noun: string;
};

const numberWordAlternation = [...numberWordValues.keys()].sort((a, b) => b.length - a.length).join('|');
const qualifier = String.raw`(?:(?:more|fewer|less) than|at least|at most|up to|about|around|roughly|nearly|almost|some|over|under|approximately|an estimated|a combined|a total of|as many as|as much as)\s+`;
const digits = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const scale = String.raw`(?:\s?(?:million|billion|trillion|thousand|bn|mn|m|k|lakh|crore)\b)?`;
// Symbols and the codes a desk writes before a sum: "KSh 1.6 billion", "Rs 500", "R$ 20", "CHF 3 million".
// A code stands alone: the "rs" that ends "hours" in "3 hours 20 minutes" is no rupees.
const currency = String.raw`(?:US\$|A\$|C\$|HK\$|NZ\$|S\$|R\$|[$€£¥₹₽₦₩₺₴₱₫฿]|(?<![\p{L}])(?:USD|EUR|GBP|CHF|JPY|CNY|RMB|INR|AUD|CAD|NZD|SGD|HKD|SEK|NOK|DKK|PLN|CZK|HUF|ZAR|KES|NGN|KSh|Rs\.?) ?)`;
const rate = String.raw`(?:\s(?:per|a|each|every)\s(?:month|year|week|day|annum|hour))?`;
// The currencies a world desk meets by name, plural and singular where both are printed ("1,400 forints", "50 lei").
const currencyWords = String.raw`(?:dollars|euros|pounds|rubles|roubles|yen|yuan|renminbi|rupees|rupiah|francs|pesos|hryvnias?|forints?|zlotys?|zlotych|korunas?|kronor|kroner|kronur|krona|krone|lira|lire|liras|lei|leu|leva|dinars?|dirhams?|riyals?|rials?|shekels?|ringgits?|baht|rand|naira|won|shillings|cedis|kwacha|tenge|lari|reais|bolivars?|pesetas|soles|dong|taka|kyats?|riels?|quetzal(?:es)?|colones|guaran[ií]es|bolivianos|lempiras|c[oó]rdobas|afghanis|manats?|birr|leones|kwanzas?|meticais|dalasis?|ouguiyas?|drams|denars?|kunas?)(?!\p{L})`;

const moneyPattern = new RegExp(
  String.raw`(?:${qualifier})?(?:${currency}\s?(?:${digits})${scale}|(?:${digits})${scale}\s${currencyWords})${rate}`,
  'giu',
);
const percentPattern = new RegExp(
  String.raw`(?:${qualifier})?(?:(?:${digits})\s?(?:%|percent\b|per cent\b|pct\b)|\b(?:one|two|three|four|a)[\s-](?:half|third|thirds|quarter|quarters|fifth|fifths)\b|\bhalf\b(?=\s+(?:of|the)\b))`,
  'giu',
);
const durationUnitPattern = String.raw`(?:${[...durationUnits].join('|')})s?\b`;
// "11 hours and 10 minutes", "two years, three months": the parts of one length are one duration.
const durationPattern = new RegExp(
  String.raw`(?:${qualifier})?(?:${digits}|${numberWordAlternation}|a|an|half an?|a few|several)[\s-]${durationUnitPattern}(?:\s(?:and|or) a half)?(?:(?:,\s*|\s+and\s+|\s+)(?:${digits}|${numberWordAlternation})[\s-]${durationUnitPattern}){0,2}`,
  'giu',
);
// A scale or unit glued to the figure is part of it as printed ("sales of 1bn", "200m condoms", "a 30m drop").
const gluedScale = String.raw`(?:bn|mn|tn|bln|mln|m|k)`;

/** A scale or unit written glued to a figure, as a word of its own ("bn" of "1bn", "m" of "200m"). */
export const gluedScaleWord = new RegExp(String.raw`^${gluedScale}$`, 'i');

const countPattern = new RegExp(
  String.raw`(?:${qualifier})?(?:\b(?:${digits})(?:${gluedScale}\b|\s(?:million|billion|trillion|thousand)\b)?|\b(?:${numberWordAlternation})\b)((?:[\s-](?:[\p{Ll}][\p{L}-]*|sq|km|mi)){1,2})?`,
  'giu',
);

/** Finds money, percentages, durations and counts in a sentence; overlapping finds keep the more specific kind. */
export function findQuantities(sentence: string): QuantityMention[] {
  const found: QuantityMention[] = [];
  // Which characters an earlier find holds: checking a span against them costs its length, where checking it
  // against every earlier find made a long list of figures quadratic.
  const held = new Uint8Array(sentence.length);
  const overlaps = (start: number, end: number) => {
    for (let at = start; at < end; at++) if (held[at] === 1) return true;
    return false;
  };
  const hold = (start: number, end: number) => held.fill(1, start, end);
  const collect = (pattern: RegExp, kind: QuantityKind) => {
    for (const match of sentence.matchAll(pattern)) {
      const text = match[0].trim();
      const start = match.index + match[0].indexOf(text);
      const end = start + text.length;
      if (overlaps(start, end)) continue;
      if (kind === 'count') {
        const numberText = (match[1] === undefined ? text : text.slice(0, text.length - match[1].trimEnd().length)).trim();
        // "3 p.m." is a clock time, not three of anything.
        if (/^[\s-]*[ap]\.?m\b\.?/iu.test(sentence.slice(start + numberText.length))) continue;
        // "eight U.S. presidents": an abbreviation with full stops qualifies the plural after it, as "Kenyan" does.
        const dotted = /^\s((?:\p{Lu}\.){2,})\s+(\p{Ll}+)/u.exec(sentence.slice(start + numberText.length));
        const abbreviated = dotted !== null && looksPlural(dotted[2]!) && !nonNouns.has(dotted[2]!);
        const counted = abbreviated ? `${dotted[1]!.toLowerCase()} ${dotted[2]!}` : countedNoun(match[1] ?? '');
        // Shown as printed ("19,000 Kenyan children"); matched lower-cased.
        const shown = abbreviated ? `${dotted[1]!} ${dotted[2]!}` : counted === '' ? '' : (match[1] ?? '').trim().replace(/^-/, '').split(/[\s-]+/).slice(0, counted.split(' ').length).join(' ');
        // A bare year ("in 2025") is a time, not a count; "[2]" is an aggregator's reference marker.
        if (/^(?:1[89]|20|21)\d\d$/.test(numberText)) continue;
        if (sentence.charAt(start - 1) === '[' && sentence.charAt(start + numberText.length) === ']') continue;
        if (numberInName(sentence, start, numberText)) continue;
        const countText = counted === '' ? numberText : `${numberText} ${shown}`;
        found.push({ kind, text: countText, start, end: start + countText.length, noun: counted });
        hold(start, start + countText.length);
        continue;
      }
      found.push({ kind, text, start, end, noun: '' });
      hold(start, end);
    }
  };
  collect(moneyPattern, 'money');
  collect(percentPattern, 'percent');
  collect(durationPattern, 'duration');
  collect(countPattern, 'count');
  return found.sort((a, b) => a.start - b.start);
}

// A capitalised word just before a number, itself after another capitalised word, an article or a preposition: "at
// Berth 7", "Union Local 14", "the Apollo 11". After a verb ("met Smith 3 times") the number is a count.
const nameBefore = /(?:\b(?:the|a|an|at|in|on|to|from|near|of|by|with|for|into|via)|\p{Lu}[\p{L}'’.-]*)\s+(\p{Lu}[\p{L}'’-]*)\s$/u;

// "Berth 7", "Local 14", "Route 66": a bare number that ends a name is part of it, not a count; "June 25" and
// "Friday 12" are dates, read elsewhere.
function numberInName(sentence: string, start: number, numberText: string): boolean {
  if (!/^\d+$/.test(numberText)) return false;
  const word = nameBefore.exec(sentence.slice(Math.max(0, start - 60), start))?.[1];
  if (word === undefined) return false;
  const folded = word.toLowerCase();
  return !months.has(folded) && !weekdays.has(folded) && !/^(?:no|nos|number)$/.test(folded);
}

const leadingQualifier = new RegExp(`^${qualifier}`);

/** A key that two writings of one quantity share ("$5 billion", "USD 5bn"): its currency, then the figure folded. */
export function quantityKey(text: string): string {
  const currency = /€|\beur(?:os?)?\b/i.test(text) ? 'eur' : /£|\bgbp\b|\bpounds?\b/i.test(text) ? 'gbp' : /\$|\busd\b|\bdollars?\b/i.test(text) ? 'usd' : /¥|\byen\b/i.test(text) ? 'jpy' : '';
  return (
    currency +
    text
      .toLowerCase()
      .replace(leadingQualifier, '')
      .replace(/us\$|[a-z]\$|[$€£¥₹₽]|\b(?:usd|eur|gbp|euros?|dollars?|pounds?|yen)\b/g, '')
      .replace(/\b(?:million|mn|m)\b/g, 'm')
      .replace(/\b(?:billion|bn)\b/g, 'b')
      .replace(/(\d)(?:mn|m)\b/g, '$1m')
      .replace(/(\d)bn\b/g, '$1b')
      .replace(/,/g, '')
      .replace(/\s+/g, '')
  );
}

const nonNouns = new Set(['and', 'or', 'to', 'of', 'in', 'on', 'at', 'for', 'by', 'from', 'with', 'as', 'the', 'a', 'an', 'was', 'were', 'is', 'are', 'had', 'have', 'has', 'will', 'would', 'that', 'than', 'per', 'still', 'also', 'now', 'already', 'each', 'apiece', 'after', 'before', 'since', 'while', 'who', 'which', 'when', 'where', 'so', 'but', 'said', 'says', 'percent', 'times']);

// Words after a number that still lead to the counted noun: "701 sq km", "90 other countries".
const nounLeads = new Set(['sq', 'square', 'other', 'more', 'new', 'additional', 'extra', 'further', 'million', 'billion', 'thousand']);

function countedNoun(rest: string): string {
  const [original = '', following = ''] = rest.trim().replace(/^-/, '').split(/[\s-]+/);
  const [first, second] = [original.toLowerCase(), following.toLowerCase()];
  if (first === '' || nonNouns.has(first)) return '';
  if (nounLeads.has(first) && second !== '' && !nonNouns.has(second)) return `${first} ${second}`;
  // The word before a plural may qualify it: a capitalised adjective ("19,000 Kenyan children"), an abbreviation in
  // capitals ("12 EU states") or a singular noun ("1,800 car workers").
  const qualifier = /^\p{Lu}\p{Ll}+$/u.test(original) || /^\p{Lu}{2,4}$/u.test(original) || (/^\p{Ll}+$/u.test(original) && !looksPlural(first));
  if (qualifier && /^\p{Ll}+$/u.test(following) && looksPlural(following) && !nonNouns.has(second)) return `${first} ${second}`;
  return first;
}

/** Whether a text gives a figure, in digits or words ("26", "two", "dozens", "a hundred", "half"). */
export function holdsFigure(text: string): boolean {
  return /\d/.test(text) || text.toLowerCase().split(/[^\p{L}]+/u).some((word) => numberWordValues.has(word) || /^(?:millions?|billions?|trillions?|scores|none|no|zero|half|halves|thirds?|quarters?|fifths?|tenths?|once|twice)$/.test(word));
}
