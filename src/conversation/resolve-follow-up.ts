import { discourseOpeners, looksPlural, organisationWords, placeWords, roleNouns } from '../language/lexicon.js';
import { readOutletScope, readOutletsAsked, scopedQuestion } from '../answer/outlet-scope.js';
import { findNamePhrases } from '../language/names.js';
import { isKindOf } from '../language/noun-kinds.js';
import { tagSentence } from '../language/tagger.js';
import type { Story } from '../story.js';
import { pickReferent, referentsOf, type PronounClass, type Referent } from './antecedents.js';
import {
  aboutQuestion,
  baseVerb,
  isAuxiliary,
  isPreposition,
  isPresentForm,
  isWhWord,
  joinWords,
  looksLikeVerbForm,
  shapeOf,
  shapeWords,
  splitAboutQuestion,
  type QuestionShape,
  type ShapeWord,
} from './question-shape.js';
import type { ConversationTurn, FollowUp, FollowUpReading } from './turn.js';

/** How many of the latest turns' citations count as anchors. */
const anchorTurns = 2;

const startOver = /^(?:(?:ok(?:ay)?|please|let'?s)[,\s]+)*(?:start (?:over|again|afresh|anew)|begin again|new (?:conversation|topic|thread|chat)|reset|forget (?:it|that|everything|all that)|clear (?:the )?(?:context|history|conversation))[.!\s]*$/i;

/** Whether a message asks to forget the conversation so far ("start over", "new topic"). */
export function asksToStartOver(question: string): boolean {
  return startOver.test(question.trim());
}

// "What else?", "anything else?", "more", "any others?": the next best passages for the same question.
const moreRequest =
  /^(?:(?:what|who|where|when|how|which|anything|anyone|anybody|something|somebody|anywhere|any one)\s+else|(?:tell me |any |some |a little |anything |much )?more(?: please| details?| info(?:rmation)?)?|(?:any|some) others?|any other \p{L}+|go on|keep going|continue|what other|the others?|the other (?:one|\p{L}+))$/u;
// "And then?", "after that?", "what happened next?": what follows the last answer. "What's next?" asks what the
// coverage says comes next (`whats-next.ts`), not what the article tells after the last answer.
const nextRequest =
  /^(?:then|next|after that|afterwards?|and then|then what|what next|what then|what was next|what happened (?:next|then|after(?:wards| that)?)|what did (?:he|she|they|it) do (?:next|then|after(?:wards| that)?))$/;

/**
 * Reads a question against the conversation's recent turns (oldest first): replaces pronouns by who or what they
 * point to, completes fragments ("Why?", "In what city?", "County?") from the last question and its answer, and
 * turns "what else?" into the last question with its cited passages excluded. A question that needs no context is
 * returned as it is, with the last turn's words to carry at a low weight and its citations as anchors.
 */
export function resolveFollowUp(question: string, turns: readonly ConversationTurn[], story: Story): FollowUp {
  const typed = question.trim();
  if (asksToStartOver(typed)) return { resolved: '', carry: '', borrowed: [], anchors: [], exclude: [], given: [], reset: true, reading: 'reset' };
  const last = turns.at(-1);
  const anchors = turns
    .slice(-anchorTurns)
    .reverse()
    .flatMap((turn) => turn.cited.slice(0, 2));
  const carry = last === undefined ? '' : [last.resolved, last.abstained ? '' : (last.short ?? '')].filter((part) => part !== '').join(' ');
  const bare = (text: string) => shapeWords(text).map((word) => word.lower.replace(/['’]s$/, ''));
  const typedWords = new Set(bare(typed));
  const result = (resolved: string, reading: FollowUpReading, exclude: string[] = [], given: string[] = []): FollowUp => ({
    resolved: reading === 'standalone' ? resolved : ensureQuestionMark(resolved),
    carry,
    borrowed: [...new Set(bare(resolved).filter((word) => !typedWords.has(word)))],
    anchors: [...new Set(anchors)],
    exclude,
    given,
    reset: false,
    reading,
  });
  // The direct answers already given to a question, for "who else?" not to give them again.
  const givenFor = (resolved: string): string[] => [
    ...new Set(turns.filter((turn) => turn.resolved === resolved && !turn.abstained && turn.short !== null).map((turn) => turn.short!)),
  ];

  let words = shapeWords(typed);
  while (words.length > 1 && discourseOpeners.has(words[0]!.lower)) words = words.slice(1);
  const lower = words.map((word) => word.lower).join(' ');
  const referents = referentsOf(turns, story);

  if (last !== undefined) {
    // "Which outlets reported that?": which outlets carry what the last question asked about.
    if (readOutletsAsked(typed)?.question === '') {
      const lastScope = readOutletScope(last.resolved, story);
      const asked = withoutQuestionMark(lastScope === null || lastScope.question === '' ? last.resolved : lastScope.question);
      // "Which outlets reported who met?": the question word of the last question is not a sentence's first word here.
      const opener = shapeWords(asked)[0]?.lower ?? '';
      const embedded = isWhWord(opener) || isAuxiliary(opener) ? asked.charAt(0).toLowerCase() + asked.slice(1) : asked;
      return result(`Which outlets reported ${embedded}?`, 'outlet');
    }
    // "And the Gazette?", "what does Test Wire say?": the last question, asked of that outlet's coverage alone.
    const outlet = readOutletScope(typed, story);
    if (outlet !== null && outlet.question === '') {
      const lastScope = readOutletScope(last.resolved, story);
      return result(scopedQuestion(lastScope === null ? last.resolved : lastScope.question, outlet.outlet), 'outlet');
    }
    if (moreRequest.test(lower)) {
      const exclude = turns.filter((turn) => turn.resolved === last.resolved).flatMap((turn) => turn.cited);
      const asked = words[0] !== undefined && isWhWord(words[0].lower) && words[0].lower !== shapeOf(shapeWords(last.resolved))?.whWord ? completeFragment([words[0]], last, story) : null;
      return result(asked ?? last.resolved, 'more', [...new Set(exclude)], asked === null ? givenFor(last.resolved) : []);
    }
    if (nextRequest.test(lower)) {
      // "What happened next?" is a question of its own, asked after the last answer; "and then?" repeats the last.
      const ownWords = /\b(?:happened|do|did)\b/.test(lower);
      return result(ownWords ? joinWords(replacePronouns(words, referents, story).words) : last.resolved, 'next');
    }
    // "Then where?": a fragment read as the next step.
    if (words[0]?.lower === 'then' && words.length > 1 && isFragment(words.slice(1))) {
      return result(completeFragment(words.slice(1), last, story) ?? typed, 'next');
    }
    // "Who else died?": the question without "else". Its answer often stands in the sentence that gave the last one
    // ("Jane Doe and John Roe died"), so nothing is excluded; the last turn's words are carried.
    const elseAt = words.findIndex((word) => word.lower === 'else');
    if (elseAt === 1 && isWhWord(words[0]!.lower) && words.length > 2) {
      const withoutElse = [...words.slice(0, 1), ...words.slice(2)];
      const asked = joinWords(replacePronouns(withoutElse, referents, story).words);
      // "What did Babe Ruth do?", then "who else did this?": someone other than the person the last question named.
      const named = words[0]!.lower === 'who' ? findNamePhrases(last.resolved).filter((phrase) => story.names.kindOf(phrase) === 'person').map((phrase) => phrase.text) : [];
      return result(asked, 'more', [], [...new Set([...givenFor(last.resolved), ...givenFor(ensureQuestionMark(asked)), ...named])]);
    }
    // "What about Acme?", "how about in March?": read as "And Acme?" is when it names the counterpart of a name in the
    // last question, or follows a yes-or-no question. Otherwise it asks about a topic of its own ("What about the pay
    // rise?").
    const about = /^(?:what|how)$/.test(words[0]?.lower ?? '') && words[1]?.lower === 'about' ? words.slice(2) : [];
    if (about.length > 0 && isFragment(about)) {
      const completed = swapName(about, last.resolved, story) ?? (isYesNo(shapeWords(last.resolved)) ? completeFragment(about, last, story) : null);
      if (completed !== null) return result(completed, 'fragment');
    } else if (isFragment(words)) {
      const completed = completeFragment(words, last, story);
      if (completed !== null) return result(completed, 'fragment');
    }
  }
  if (last !== undefined) {
    const described = nameOfDescribed(typed, last, referents, story);
    if (described !== null) return result(described, 'pronoun');
  }
  const replaced = replacePronouns(words, referents, story);
  if (replaced.changed) return result(joinWords(replaced.words), 'pronoun');
  return result(typed, 'standalone');
}

const asksHisName = /^\W*(?:what(?:['’]?s|\s+is|\s+was)|whats)\s+(?:his|her|their)\s+(?:full\s+|first\s+|real\s+)?names?\W*$/i;

// A person described, not named, the last in the text: "Roshan's driver", "the hospital's associate director",
// "her husband": a determiner, possessive pronoun or possessive, then up to three adjectives and nouns ending on a
// noun for a person.
function describedPerson(text: string): string | null {
  const words = tagSentence(text);
  let found: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const opens = (word.pos === 'DET' && /^(?:the|a|an|another)$/i.test(word.text)) || (word.pos === 'PRON' && /^(?:his|her|their|its)$/i.test(word.text)) || (word.pos === 'PART' && /^['’]s$/.test(word.text));
    if (!opens) continue;
    let head = -1;
    for (let k = i + 1; k < Math.min(words.length, i + 4) && ['ADJ', 'NOUN'].includes(words[k]!.pos) && /^\p{Ll}/u.test(words[k]!.text); k++) if (words[k]!.pos === 'NOUN' && isPersonNoun(words[k]!.text)) head = k;
    if (head < 0) continue;
    // A possessive takes its owner along ("Roshan's driver").
    const from = word.pos === 'PART' && i > 0 ? i - 1 : i;
    found = text.slice(words[from]!.start, words[head]!.end);
  }
  return found;
}

/**
 * "What's his name?" after an answer or question that described someone ("Roshan's driver", "How old is Christine's
 * son?") asks for the name of that person, not of the last person named.
 */
function nameOfDescribed(typed: string, last: ConversationTurn, referents: readonly Referent[], story: Story): string | null {
  if (!asksHisName.test(typed)) return null;
  const short = last.abstained || /^(?:yes|no)\b/i.test(last.short ?? '') ? null : last.short;
  // An answer that named someone leaves "his name" to the pronoun's referent.
  if (short !== null && findNamePhrases(short).some((phrase) => phrase.text === short.trim() && story.names.kindOf(phrase) === 'person')) return null;
  const person = (short === null ? null : describedPerson(short)) ?? describedPerson(last.resolved);
  if (person === null) return null;
  const phrase = joinWords(replacePronouns(shapeWords(person), referents, story).words);
  // "A police officer" was the answer; the one asked about is "the police officer".
  return `What is the name of ${phrase.replace(/^(?:the|a|an|another)\b/i, 'the')}?`;
}

function isPersonNoun(word: string): boolean {
  const lower = word.toLowerCase();
  return roleNouns.has(lower) || roleNouns.has(lower.replace(/s$/, '')) || isKindOf(lower, 'person');
}

/** A fragment: a question phrase with nothing after it ("Why?", "In what city?"), or a short phrase with no verb ("County?"). */
function isFragment(words: readonly ShapeWord[]): boolean {
  if (words.length === 0 || words.length > 4) return false;
  const shape = shapeOf(words);
  if (shape !== null) return shape.aux === null && shape.rest.every((word) => fragmentTail.has(word.lower));
  return words.length <= 3 && !words.some((word) => isAuxiliary(word.lower) || looksLikeVerbForm(word.lower) || pronounClassOf(word.lower) !== null);
}

// What may follow a question phrase in a fragment: "Where at?", "Why not?", "How so?", "When exactly?".
const fragmentTail = new Set(['at', 'not', 'so', 'exactly', 'then', 'now', 'precisely', 'about', 'from', 'to', 'for', 'with']);

/**
 * Completes a fragment from the last turn: its question phrase takes the place of the last question's, and the last
 * answer fills the slot the last question asked about ("Whose house was searched?" "Jane Doe's." "In what city?" →
 * "In what city was Jane Doe's house searched?"). Null when the last question cannot be taken apart that way.
 */
function completeFragment(fragment: readonly ShapeWord[], last: ConversationTurn, story: Story): string | null {
  const base = shapeWords(last.resolved);
  // What trails the question word ("Where at?", "Why not?") shapes the reading, not the words.
  const whAt = fragment.findIndex((word) => isWhWord(word.lower));
  const tail = fragment.filter((word, i) => whAt >= 0 && i > whAt && fragmentTail.has(word.lower));
  let words = fragment.filter((word) => !tail.includes(word));
  const negated = tail.some((word) => word.lower === 'not');
  let fragmentShape = shapeOf(words);
  const previous = shapeOf(base);
  const answer = last.abstained ? null : last.short;
  if (fragmentShape === null) {
    // A bare noun phrase: a name stands in for the last question's name of its kind ("And Acme?"); a noun asks
    // "what <noun>" in the last question's frame ("In what city?" … "County?" → "In what county …").
    const swapped = swapName(words, last.resolved, story);
    if (swapped !== null) return swapped;
    // "Boys or girls?", or a name that has no counterpart in the last question: asked about the last question.
    // After a yes-or-no question ("Did the union accept?" "The employers?"), so is the fragment.
    if (words.some((word) => word.lower === 'or') || looksLikeName(words, story) || (previous === null && isYesNo(base))) return aboutLast(joinWords(words), last);
    const nouns = words.filter((word) => !/^(?:the|a|an|which|what)$/.test(word.lower));
    if (nouns.length === 0) return null;
    const frame = previous !== null && (previous.whWord === 'what' || previous.whWord === 'which') && previous.wh.length > 1 ? previous : null;
    const common = nouns.map((word) => ({ text: word.lower, lower: word.lower }));
    words = [...(frame?.preposition ?? []), { text: frame?.wh[0]!.text ?? 'what', lower: frame?.whWord ?? 'what' }, ...common];
    fragmentShape = shapeOf(words);
    if (fragmentShape === null) return null;
  }
  const asked = joinWords(words);
  if (previous === null) {
    // The last question asked yes or no ("Was a film made about her?"): "When?" asks when that was; "Who?" after
    // "Is she with anyone?" asks who in the place of "anyone", and "Which?" after "Did she win any awards?" which
    // awards.
    if (isYesNo(base)) {
      const aux = negated ? negate(base[0]!) : base[0]!.lower;
      const rest = base.slice(1);
      const open = fragmentShape.rest.length === 0 && fragmentShape.wh.length === 1 ? fragmentShape.whWord : null;
      const slot = open === null ? -1 : rest.findIndex((word) => indefinites[open]?.test(word.lower) === true);
      if (slot >= 0 && rest[slot]!.lower === 'any') {
        const nouns = takeNouns(rest, slot + 1);
        if (nouns.length > 0) return `${asked} ${joinWords(nouns)} ${aux} ${joinWords([...rest.slice(0, slot), ...rest.slice(slot + 1 + nouns.length)])}`;
      } else if (slot >= 0) {
        return `${asked} ${aux} ${joinWords([...rest.slice(0, slot), ...rest.slice(slot + 1)])}`;
      }
      return `${asked} ${aux} ${joinWords(rest)}`;
    }
    return aboutLast(asked, last);
  }
  const where = previous.whWord === 'where' && fragmentShape.whWord !== 'where' && answer !== null ? ` ${/^(?:in|at|on|near|from|to|inside|outside)\b/i.test(answer) ? answer : `in ${answer}`}` : '';
  if (!previous.subject) {
    if (previous.aux === null) return aboutLast(asked, last);
    const aux = negated ? negate(previous.aux) : previous.aux.text;
    return `${asked} ${aux} ${joinWords(previous.rest)}${where}`.replace(/\s+/g, ' ').trim();
  }
  const subject = subjectFromAnswer(previous, answer);
  if (subject === null) return aboutLast(asked, last);
  if (previous.aux !== null) {
    const aux = negated ? negate(previous.aux) : previous.aux.text;
    return `${asked} ${aux} ${subject} ${joinWords(previous.rest)}`.trim();
  }
  const verb = previous.rest[0];
  const verbBase = verb === undefined ? null : baseVerb(verb.text);
  if (verb === undefined || verbBase === null) return aboutLast(asked, last);
  const did = isPresentForm(verb.text) ? 'does' : 'did';
  return `${asked} ${negated ? `${did}n't` : did} ${subject} ${verbBase} ${joinWords(previous.rest.slice(1))}`.trim();
}

// A question that opens with its auxiliary: "Did the union accept?".
function isYesNo(words: readonly ShapeWord[]): boolean {
  return words.length > 1 && isAuxiliary(words[0]!.lower);
}

// The fallback when the last question cannot be taken apart: the fragment, then what it is about ("Why: who won
// the vote?"), without the fallback's own earlier prefixes.
function aboutLast(asked: string, last: ConversationTurn): string {
  let question = last.resolved;
  // Each earlier prefix is cut in turn; every cut shortens the text, so this ends.
  for (let split = splitAboutQuestion(question); split !== null; split = splitAboutQuestion(question)) question = split.question;
  return aboutQuestion(asked, withoutQuestionMark(question));
}

// The subject the last answer gives a question whose question phrase was its subject: "Jane Doe" for "who", "Jane
// Doe's house" for "whose house", "the agency" for "what agency" when there was no answer.
function subjectFromAnswer(previous: QuestionShape, answer: string | null): string | null {
  const nouns = joinWords(previous.wh.slice(1));
  if (answer !== null) {
    // "What happened to Martin?" "threw the first punch": an answer that is an action is "that" in the next question.
    if (previous.whWord === 'what' && looksLikeVerbForm(answer.split(/\s+/)[0]!.toLowerCase())) return 'that';
    if (previous.whWord === 'whose') return `${answer.replace(/['’]s$/, '')}'s${nouns === '' ? '' : ` ${nouns}`}`;
    return answer;
  }
  if (nouns !== '' && previous.whWord !== 'how') return `the ${nouns}`;
  // Unanswered "who died at the wheel?": "When?" still asks when someone died at the wheel.
  if (previous.whWord === 'who' || previous.whWord === 'whom') return 'someone';
  if (previous.whWord === 'what') return 'something';
  return null;
}

// "And Acme?" after "What did Initech say?", or "and in Porto?" after "Who met in Lisbon?": the name replaces the last
// question's name of the same kind.
function swapName(words: readonly ShapeWord[], lastQuestion: string, story: Story): string | null {
  const text = joinWords(words[0] !== undefined && isPreposition(words[0].lower) && words.length > 1 ? words.slice(1) : words);
  const [phrase] = findNamePhrases(text.charAt(0).toUpperCase() + text.slice(1));
  if (phrase === undefined || phrase.text.length < text.replace(/^(?:the|a|an)\s+/i, '').length) return null;
  const kind = story.names.kindOf(phrase);
  if (kind === 'unknown') return null;
  const capitalised = lastQuestion.charAt(0).toUpperCase() + lastQuestion.slice(1);
  const target = findNamePhrases(capitalised).find((other) => !(other.sentenceInitial && !/\s/.test(other.text)) && story.names.kindOf(other) === kind);
  if (target === undefined) return null;
  return `${capitalised.slice(0, target.start)}${phrase.text}${capitalised.slice(target.end)}`;
}

// A capitalised phrase the story uses as a name, not a common noun capitalised to open the fragment ("County?").
function looksLikeName(words: readonly ShapeWord[], story: Story): boolean {
  const named = words.filter((word) => !/^(?:the|a|an)$/.test(word.lower));
  if (named.length === 0 || !named.every((word) => /^\p{Lu}/u.test(word.text))) return false;
  if (named.length === 1 && (placeWords.has(named[0]!.lower) || organisationWords.has(named[0]!.lower) || roleNouns.has(named[0]!.lower))) return false;
  return named.some((word) => story.names.isKnownName(word.text));
}

// The word a yes-or-no question leaves open that a bare question word asks about: "anyone" for "who".
const indefinites: Partial<Record<string, RegExp>> = {
  who: /^(?:anyone|anybody|someone|somebody)$/,
  whom: /^(?:anyone|anybody|someone|somebody)$/,
  what: /^(?:anything|something|any)$/,
  which: /^any$/,
};

// The noun words after "any": up to the first plural ("any acting awards"), or the one word ("any country care").
function takeNouns(words: readonly ShapeWord[], from: number): ShapeWord[] {
  const nouns: ShapeWord[] = [];
  for (let i = from; i < words.length && nouns.length < 3; i++) {
    const word = words[i]!;
    if (isAuxiliary(word.lower) || isPreposition(word.lower) || isWhWord(word.lower) || /^(?:and|or|particular)$/.test(word.lower)) break;
    nouns.push(word);
  }
  const plural = nouns.findIndex((word) => looksPlural(word.lower));
  return nouns.slice(0, plural >= 0 ? plural + 1 : 1);
}

function negate(aux: ShapeWord): string {
  const irregular: Record<string, string> = { will: "won't", can: "can't", shall: "shan't", am: 'am not', "'s": ' is not', "'re": ' are not' };
  return irregular[aux.lower] ?? `${aux.lower}n't`;
}

/** Which referent a pronoun needs, or null for a word that is not one this reads. */
export function pronounClassOf(lower: string): PronounClass | null {
  if (/^(?:he|him|his|himself)$/.test(lower)) return 'he';
  if (/^(?:she|her|hers|herself)$/.test(lower)) return 'she';
  if (/^(?:they|them|their|theirs|themselves)$/.test(lower)) return 'they';
  if (/^(?:it|its)$/.test(lower)) return 'it';
  if (lower === 'there') return 'there';
  if (/^(?:that|this)$/.test(lower)) return 'that';
  return null;
}

const beForms = new Set(['is', 'was', 'are', 'were', "'s", 'be', 'been']);

// Replaces each pronoun that has a referent: "he" by the name, "his" by the name's possessive, "there" by the place.
function replacePronouns(words: readonly ShapeWord[], referents: readonly Referent[], story: Story): { words: ShapeWord[]; changed: boolean } {
  const chosen = new Map<PronounClass, Referent | null>();
  let changed = false;
  const out = words.map((word, i): ShapeWord => {
    const pronoun = pronounClassOf(word.lower);
    if (pronoun === null) return word;
    const before = words[i - 1]?.lower;
    const after = words[i + 1]?.lower;
    // "Is there …", "how many were there?": "there" that says something exists points nowhere.
    if (pronoun === 'there' && ((before !== undefined && beForms.has(before)) || (after !== undefined && beForms.has(after)))) return word;
    // "What is that?", "where's that?": "that" is the last answer. Elsewhere it is a determiner ("that day"), joins a
    // clause, or stands for a whole statement ("who said that?"), which the carried words already bring.
    if (pronoun === 'that' && (after !== undefined || before === undefined || !beForms.has(before))) return word;
    if (pronoun === 'it' && (after === 'is' || after === "'s") && i === 0) return word;
    // "How long has it been since …?": "it" that stands for time itself points nowhere.
    if (pronoun === 'it' && after === 'been') return word;
    // "What did Jane want done with her car?": the question names who "her" is.
    if ((pronoun === 'he' || pronoun === 'she') && namesPersonBefore(words, i, story)) return word;
    if (!chosen.has(pronoun)) chosen.set(pronoun, pickReferent(pronoun, referents, story));
    const referent = chosen.get(pronoun);
    if (referent == null) return word;
    changed = true;
    const possessive = /^(?:his|its|their|hers|theirs)$/.test(word.lower) || (word.lower === 'her' && after !== undefined && !isPreposition(after) && !pronounClassOf(after) && !isAuxiliary(after));
    if (pronoun === 'there') return { text: before !== undefined && isPreposition(before) ? referent.text : `in ${referent.text}`, lower: '' };
    return { text: possessive ? `${referent.text.replace(/['’]s$/, '')}'s` : referent.text, lower: '' };
  });
  return { words: out, changed };
}

// Whether the words before a pronoun name someone who is not known to be a place or an organisation.
function namesPersonBefore(words: readonly ShapeWord[], end: number, story: Story): boolean {
  if (end === 0) return false;
  const before = joinWords(words.slice(0, end));
  // A lone capitalised word that opens the question ("Did", "Where") is capitalised for the sentence.
  return findNamePhrases(before).some((phrase) => !(phrase.sentenceInitial && !/\s/.test(phrase.text)) && ['person', 'unknown'].includes(story.names.kindOf(phrase)));
}

function withoutQuestionMark(text: string): string {
  return text.replace(/[?.!\s]+$/, '');
}

function ensureQuestionMark(text: string): string {
  const trimmed = withoutQuestionMark(text.trim());
  return trimmed === '' ? trimmed : `${trimmed}?`;
}
