import type { KindRule } from './kind-rule.js';

const placeNouns =
  /^(?:which|what)\s+(?:(?:city|country|county)|(?:cities|countries|counties)|(?:town|place|region|state|province|venue|location|capital|village|area|site|port|airport|base|hospital|building|street|road|highway|route|bridge|station|island|river|lake|sea|mountain|district|neighbou?rhood|border|coast|valley)s?|country's)\b/i;

/** "Where …", "is it where …?", "which city …": asks for a place. */
export const placeRule: KindRule = {
  name: 'place',
  recognise: ({ lower }) =>
    /^where\b/.test(lower) || (/\bwhere\b.*\?$/.test(lower) && /^(?:do|does|did|is|are|was|were) /.test(lower)) || placeNouns.test(lower) ? { kind: 'place' } : null,
};
