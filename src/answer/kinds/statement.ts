import { statementQuestionVerbs, wordAlternation } from '../../language/lexicon.js';
import type { KindRule } from './kind-rule.js';

const verbs = wordAlternation(statementQuestionVerbs);
const asksWhatWasSaid = new RegExp(String.raw`^(?:what|how) (?:did|does|do|has|have|had|will|would) .+? ${verbs}\b`);
const speakerOf = new RegExp(String.raw`^(?:what|how) (?:did|does|do|has|have|had|will|would) (.+?) ${verbs}\b`, 'i');

/** "What did X say …", "how did X react", "what was X's response": what someone said, and who. */
export const statementRule: KindRule = {
  name: 'statement',
  recognise: ({ core, lower }) => {
    if (
      !asksWhatWasSaid.test(lower) &&
      !/^what (?:was|were|is|are) .+?(?:'s|s') (?:reaction|response|message|statement|position|view|stance)\b/.test(lower)
    ) {
      return null;
    }
    const speaker = speakerOf.exec(core);
    return { kind: 'statement', subject: speaker ? speaker[1]!.replace(/^(?:the|a|an)\s+/i, '') : null };
  },
};
