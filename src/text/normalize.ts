// Zero-width and other invisible format characters that break matching but carry no meaning in news text: Unicode's
// default-ignorable code points, which take in every zero-width space and joiner, the bidirectional marks, embeddings
// and isolates (U+061C, the Arabic letter mark, too), soft hyphens, variation selectors, fillers and tag characters.
const invisible = /\p{Default_Ignorable_Code_Point}/gu;

/** One whitespace or invisible format character: what may pad a line or a sentence without being its text. */
export const paddingCharacter = /[\s\p{Default_Ignorable_Code_Point}]/u;

/** Normalises text for matching: NFKC, invisible characters removed, quotes and dashes folded, spaces collapsed. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(invisible, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes invisible format characters while keeping the text otherwise as written. */
export function stripInvisible(text: string): string {
  return text.replace(invisible, '');
}

/** Reads invisible format characters as spaces ("Harbour\u200BGazette" as "Harbour Gazette"), spaces collapsed. */
export function invisibleAsSpace(text: string): string {
  return text.replace(invisible, ' ').replace(/\s+/g, ' ').trim();
}

/** An aggregator's own reference markers ("[1]", "[1][2]") with the space before them, which clash with our citation numbers. */
export const referenceMarkers = /\s*(?:\[\d{1,3}\])+/g;
