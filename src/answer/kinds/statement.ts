import { statementQuestionVerbs, wordAlternation } from '../../language/lexicon.js';
import type { KindRule } from './kind-rule.js';

const verbs = wordAlternation(statementQuestionVerbs);
const asksWhatWasSaid = new RegExp(String.raw`^(?:what|how) (?:did|does|do|has|have|had|will|would) .+? ${verbs}\b`);
const speakerOf = new RegExp(String.raw`^(?:what|how) (?:did|does|do|has|have|had|will|would) (.+?) ${verbs}\b`, 'i');
// "What's the union saying now?", "what is the minister telling reporters": the same question, as it goes on.
const asksWhatIsBeingSaid = /^(?:what|how)(?:['’]?s| is| are| was| were) (.+?) (?:saying|telling|claiming|arguing|warning|suggesting)\b/i;

/** "What did X say …", "how did X react", "what was X's response": what someone said, and who. */
export const statementRule: KindRule = {
  name: 'statement',
  recognise: ({ core, lower }) => {
    if (
      !asksWhatWasSaid.test(lower) &&
      !asksWhatIsBeingSaid.test(lower) &&
      !/^what (?:was|were|is|are) .+?(?:'s|s') (?:reaction|response|message|statement|position|view|stance)\b/.test(lower)
    ) {
      return null;
    }
    const ongoing = asksWhatIsBeingSaid.exec(core);
    if (ongoing !== null) return { kind: 'statement', subject: ongoing[1]!.replace(/^(?:the|a|an)\s+/i, '') };
    const speaker = speakerOf.exec(core);
    return { kind: 'statement', subject: speaker ? speaker[1]!.replace(/^(?:the|a|an)\s+/i, '') : null };
  },
};
