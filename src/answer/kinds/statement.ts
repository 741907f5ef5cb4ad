import { statementQuestionVerbs } from '../../language/lexicon.js';
import type { KindRule } from './kind-rule.js';

const speechVerbs = [...statementQuestionVerbs].join('|');

/** "What did X say …", "how did X respond", "what was X's reaction": asks what someone said, and who. */
export const statementRule: KindRule = {
  name: 'statement',
  recognise: ({ core, lower }) => {
    const asks =
      new RegExp(`^(?:what|how) (?:did|does|do|has|have|had|will|would) .+? (?:${speechVerbs})\\b`).test(lower) ||
      /^what (?:was|were|is|are) .+?(?:'s|s') (?:reaction|response|message|statement|position|view|stance)\b/.test(lower);
    if (!asks) return null;
    const speaker = new RegExp(`^(?:what|how) (?:did|does|do|has|have|had|will|would) (.+?) (?:${speechVerbs})\\b`, 'i').exec(core);
    return { kind: 'statement', subject: speaker ? speaker[1]!.replace(/^(?:the|a|an)\s+/i, '') : null };
  },
};
