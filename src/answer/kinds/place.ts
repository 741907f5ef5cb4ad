import type { KindRule } from './kind-rule.js';

// "Which city", and with one describing word between, "which European country", "what constituent country".
const placeNouns =
  /^(?:which|what)\s+(?:(?!(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|the|a|an|of|kind|type|sort)\s)\p{L}+\s+)?(?:(?:city|country|county)|(?:cities|countries|counties)|(?:town|place|region|state|province|venue|location|capital|village|area|site|port|airport|base|hospital|building|street|road|highway|route|bridge|station|island|river|lake|sea|mountain|district|neighbou?rhood|border|coast|valley)s?|country's)\b/iu;

/** "Where …", "is it where …?", "which city …": asks for a place. */
export const placeRule: KindRule = {
  name: 'place',
  recognise: ({ lower }) =>
    /^where\b/.test(lower) || (/\bwhere\b.*\?$/.test(lower) && /^(?:do|does|did|is|are|was|were) /.test(lower)) || placeNouns.test(lower) ? { kind: 'place' } : null,
};
