import { loadAntonyms } from './antonyms.js';
import { loadNounKinds } from './noun-kinds.js';
import { loadProperNouns } from './proper-nouns.js';
import { loadSynonyms } from './synonyms.js';

/**
 * Reads every WordNet table answering uses (synonyms, antonyms, the noun hierarchy, the words most commonly names), which
 * are otherwise read on first use: the story engine calls it before its first question, whose deadline should not pay
 * for them (about 200 ms, several times that on a busy machine).
 */
export function loadWordNet(): void {
  loadSynonyms();
  loadAntonyms();
  loadNounKinds();
  loadProperNouns();
}
