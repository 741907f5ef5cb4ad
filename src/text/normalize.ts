// Zero-width and other invisible format characters that break matching but carry no meaning in news text.
const invisible = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

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

/** An aggregator's own reference markers ("[1]", "[1][2]") with the space before them, which clash with our citation numbers. */
export const referenceMarkers = /\s*(?:\[\d{1,3}\])+/g;
