import { stripInvisible } from '../text/normalize.js';

/** Why a line or sentence is not part of the story: page furniture, a photo caption or an author's biography. */
export type BoilerplateKind = 'furniture' | 'caption' | 'credit' | 'bio';

// Labels that head a list of links to other stories: "Similar Articles", "Related", "You may also like".
const linkListLabels: readonly RegExp[] = [
  /^(?:related|recommended|similar|more|latest|top|trending|popular|most read|most popular|editor'?s picks?)(?: \w+){0,2}? (?:articles?|stories|news|coverage|reading|content|videos?|posts|links|topics)\W*$/i,
  /^(?:related|recommended|trending(?: now)?|most read|top stories|you (?:may|might) also like|more stories|see also)\W*$/i,
];

// Each pattern recognises a kind of page furniture by its wording, anchored at the start so it costs one pass.
const furnitureStartPatterns: readonly RegExp[] = [
  /^(?:sign(?:ing)? up|subscribe)\b.{0,120}?\b(?:here|newsletters?|inbox|free|today|now|updates?|channel|alerts?|briefing|digest)\b/i,
  /^register (?:here|now|for free|today)\b/i,
  /^(?:sign up|subscribe|log ?in|sign in|register)(?: here| now| today)?\W*$/i,
  /^get (?:the latest|our|breaking|daily|weekly)\b.{0,80}\b(?:inbox|newsletter|app|alerts?)\b/i,
  /^(?:download|get) (?:the|our) (?:\w+ )?app\b/i,
  /^our standards\b/i,
  /^purchase licen[cs]ing rights/i,
  /^(?:©|\(c\)\s*\d{4}|copyright\s+(?:©\s*|\(c\)\s*)?\d{4}|copyright ©)/i,
  /^also read\b/i,
  /^(?:read|see) (?:more|also|next|the full story)\b/i,
  ...linkListLabels,
  /^(?:related|recommended|trending|must read|don'?t miss|you (?:may|might) also like|more from\b.{0,40}|more on this(?: story| topic)?|most read|top stories|watch|listen)\s*[:|]/i,
  /^(?:advertisement|advert|sponsored(?: content)?|paid (?:content|post)|story continues below(?: advertisement)?|scroll (?:down )?to continue(?: with content)?|skip (?:advertisement|ad)|ad feedback)\W*$/i,
  /^(?:share|share this(?: article| story| page)?|share on \w+|follow us(?: on \w+)?|follow (?:him|her|them) on \w+|like us on \w+|tweet|email|print|copy link|save|bookmark)\W*$/i,
  /^(?:(?:share|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email|e-mail|print|copy link|flipboard|pinterest)\b[\s|,·•/]*){2,}$/i,
  /^(?:follow|join) (?:us|our|the\b.{0,30}) on (?:facebook|twitter|x|instagram|linkedin|whatsapp|telegram|youtube|threads|bluesky|google news)\b/i,
  /^(?:listen to|play|watch) (?:this|the) (?:article|story|video)\b/i,
  /^\d+\s*(?:min|minute)s?\s+read\W*$/i,
  /^(?:click|tap) here\b/i,
  /^(?:https?:\/\/|www\.)\S+$/i,
  /^about the authors?\W*$/i,
  /^(?:\(\s*)?(?:additional |further )?(?:reporting|writing|editing|compiled|research|graphics?|production) by\b/i,
];

// One alternation tests every pattern in a single match, which matters when every sentence of a large corpus is checked.
const furnitureStarts = new RegExp(furnitureStartPatterns.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');

// Lines that carry these anywhere are licensing or credit furniture even when glued to other text.
const furnitureAnywhere = /\ball rights reserved\b|\bpurchase licen[cs]ing rights|;\s*editing by\b/i;
// A link label; inside a long sentence of the story it is left alone, since the sentence still carries a fact.
const linkLabel = /\bopens (?:in )?(?:a )?new (?:tab|window)\W*$/i;

// A caption's last words credit the picture: "Photo by A. Name/Agency", "(Photo: …)", "| License Photo", "AGENCY/Name".
const creditWordTail =
  /(?:^|[\s(|])(?:photo|photograph|image|picture|pictures|photos|video|illustration|graphic|credit|file photo)s?(?:\s+by|\s+courtesy(?:\s+of)?|\s+credit|\s*:)\s+[^!?]{2,100}[^.!?"”'’\s]\)?$/i;
const licenceTail = /\|\s*licen[cs]e photo$|\bgetty images\)?$/i;
const slashCreditTail = /(?:^|[.!?]["”’]?\s+)[A-Z][A-Za-z.]*\/[A-Z][\w.'’ -]{1,60}(?:\/[A-Z][\w.'’ -]{1,40}){0,2}\)?$/;
const captionStart = /^\(?(?:photo|file photo|image|picture|caption|pictured)\b\s*[:(]/i;
// "FILE - …", "(File photo)", "… in a 2019 file photo." mark an archive picture's caption; a story may still mention a file photo.
const filePhoto = /^FILE\s*[-–—]\s|^\(?file (?:photo|picture|image)\b|\bin (?:a|an|this|the) (?:\d{4} )?file (?:photo|picture|image)\b|\bfile (?:photo|picture|image)\)?$/i;

// An author's biography names a newsroom job, a beat or a degree; two cues (or a lead sentence of the form
// "Name is a … correspondent") make a paragraph at the end of an article a biography.
const bioLead =
  /^(?:[A-Z][\w.'’-]+\s+){1,4}(?:is|was|has been|serves as)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,6}?(?:correspondent|reporter|journalist|editor|writer|columnist|contributor|producer|photographer|photojournalist|bureau chief|anchor|commentator|freelancer|staff writer|analyst)\b/;
const bioCues: readonly RegExp[] = [
  /\b(?:is|was) an? (?:[\w-]+ ){0,6}?(?:correspondent|reporter|journalist|editor|writer|columnist|contributor|producer|photographer|bureau chief|anchor)\b/i,
  /\b(?:s?he|they) (?:covers|has covered|have covered|previously (?:worked|reported|covered)|joined|has reported|reports on|writes about|has written for)\b/i,
  /\b(?:holds|earned|received|has) an? (?:BA|MA|BS|BSc|MSc|MBA|MPhil|PhD|bachelor'?s|master'?s|degree)\b/,
  /\bduring (?:her|his|their) (?:\d+|\w+) years (?:with|at)\b/i,
  /\b(?:follow|email|contact) (?:him|her|them)\b/i,
  /\bbased in\b/i,
];

/** Tells whether a whole line or paragraph is page furniture, a caption or a reporting credit; null when it is story text. */
export function boilerplateKindOfBlock(block: string): BoilerplateKind | null {
  const words = countWords(block, 80);
  if (words <= 40 && startsWithFurniture(block)) return /^\(?\s*(?:additional |further )?(?:reporting|writing|editing)/i.test(block) ? 'credit' : 'furniture';
  if (words <= 60 && furnitureAnywhere.test(block.slice(0, 400))) return 'furniture';
  if (words <= 15 && linkLabel.test(block)) return 'furniture';
  if (isPhotoCaption(block, words)) return 'caption';
  return null;
}

/** Tells whether a line only announces a list of links to other stories ("Similar Articles", "Read more"). */
export function isLinkListLabel(line: string): boolean {
  const label = line.trim();
  return countWords(label, 10) <= 6 && (linkListLabels.some((pattern) => pattern.test(label)) || /^read (?:more|next)\W*$/i.test(label));
}

/** Tells whether one sentence inside a paragraph is page furniture (a sign-up prompt, a credit line, a link label). */
export function isBoilerplateSentence(sentence: string): boolean {
  const words = countWords(sentence, 40);
  if (words > 40) return false;
  const clean = stripInvisible(sentence);
  if (startsWithFurniture(clean) || captionStart.test(clean)) return true;
  return words <= 15 && (furnitureAnywhere.test(clean) || linkLabel.test(clean));
}

/** Tells whether a paragraph describes a journalist rather than the story ("… is a senior correspondent based in …"). */
export function isAuthorBio(paragraph: string): boolean {
  const opening = paragraph.slice(0, 300);
  if (bioLead.test(opening) || beatLead.test(opening)) return true;
  let cues = 0;
  for (const cue of bioCues) cues += Math.min(2, paragraph.match(new RegExp(cue.source, `${cue.flags.replace('g', '')}g`))?.length ?? 0);
  return cues >= 2;
}

// "Jane Doe covers the chip industry from Taipei": a name and a beat open a biography as surely as a job title does.
const beatLead = /^(?:[A-Z][\w.'’-]+\s+){1,3}(?:covers|reports on|writes about|has covered|has reported on)\s/;

/** Tells whether a short line is only a person's name, as a byline box prints it above a biography. */
export function isNameLine(line: string): boolean {
  return line.length <= 60 && /^(?:[A-Z][\p{L}.'’-]+)(?:\s+[A-Z][\p{L}.'’-]+){1,3}$/u.test(line);
}

function startsWithFurniture(text: string): boolean {
  return furnitureStarts.test(text.length > 300 ? text.slice(0, 300) : text);
}

function isPhotoCaption(block: string, words: number): boolean {
  if (captionStart.test(block) && words <= 80) return true;
  if (words <= 40 && filePhoto.test(block)) return true;
  // Only the tail is examined, so a long paragraph costs the same as a short one; the sentinel keeps `^` at the real start.
  const tail = block.length <= 160 ? block : `\u0000${block.slice(-160)}`;
  if (/[.!?]["”'’]?$/.test(block)) return false;
  return creditWordTail.test(tail) || licenceTail.test(tail) || slashCreditTail.test(tail);
}

// Counting stops just past the limit the caller cares about, so a long paragraph is not walked to its end.
function countWords(text: string, limit: number): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length && words <= limit; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
