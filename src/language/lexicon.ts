// General English word lists that storybot's reading of questions and sentences relies on.
// Nothing here belongs to any one story: these are grammar, calendar and newsroom vocabulary.

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

/** The words as a regular-expression alternation in their order, `(?:a|b|c)`, for a caller to bound with `\b`. */
export function wordAlternation(words: Iterable<string>): string {
  return `(?:${[...words].map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
}

// Function words and question words: they carry no topic, and in a news corpus they touch nearly every sentence.
const stopWordList = `a about above after against all am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for
from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how
how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on
once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such
than that that's the their theirs them themselves then there there's these they they'd they'll they're they've this those
through to too under until up us very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's
which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
also just will shall may might must much many whose whether yet ever s t d ll re ve m besides beside despite else
except among amid amidst upon onto via per within without toward towards regarding concerning`;

/** English function words and question words that are neither indexed nor searched. */
export const stopWords: ReadonlySet<string> = new Set(stopWordList.split(/\s+/));

/**
 * Chat's spellings of function words ("when r the resits", "what did u hear", "didnt they pay"): read as the stop words
 * they stand for in a question typed in lower case. Passages keep them, where "R." and "W." are a name's initials.
 */
export const chatFunctionWords = set(`r u ur n w b4 bc cuz coz abt tho pls plz thx ty ya dont doesnt didnt isnt arent
  wasnt werent hasnt havent hadnt cant couldnt wouldnt shouldnt thats theres im ive youre theyre`);

/**
 * Adverbs that open a sentence and so are capitalised there ("Soon Neroy was hooked", "Meanwhile Doe said"): never
 * the first word of a name.
 */
export const sentenceAdverbs: ReadonlySet<string> = set(`soon later now still meanwhile today yesterday tomorrow tonight instead earlier
eventually finally recently currently already afterwards afterward initially originally ultimately separately similarly likewise
additionally however moreover furthermore nevertheless nonetheless otherwise indeed perhaps maybe thus hence therefore
consequently overall elsewhere together again suddenly fortunately unfortunately sadly luckily apparently clearly obviously
notably importantly interestingly specifically previously subsequently immediately shortly sometimes often usually`);

/**
 * Past and participle forms of irregular verbs mapped to their base form, so "met" meets "meet"; also the forms the
 * stemmer cuts apart from their base ("died" to "di", "tried" to "tri", "injuries" away from "injured").
 */
export const irregularVerbs: ReadonlyMap<string, string> = new Map(
  `arose:arise arisen:arise ate:eat eaten:eat awoke:awake bore:bear born:bear beat:beat beaten:beat became:become
  began:begin begun:begin bent:bend bet:bet bid:bid bit:bite bitten:bite bled:bleed blew:blow blown:blow broke:break
  broken:break bred:breed brought:bring built:build burnt:burn burst:burst bought:buy caught:catch chose:choose
  chosen:choose clung:cling came:come cost:cost crept:creep cut:cut dealt:deal dug:dig drew:draw drawn:draw
  dreamt:dream drank:drink drunk:drink drove:drive driven:drive fell:fall fallen:fall fed:feed felt:feel fought:fight
  found:find fled:flee flew:fly flown:fly forbade:forbid forgot:forget forgotten:forget forgave:forgive
  forgiven:forgive froze:freeze frozen:freeze got:get gotten:get gave:give given:give went:go gone:go grew:grow
  grown:grow hung:hang heard:hear hid:hide hidden:hide hit:hit held:hold hurt:hurt kept:keep knelt:kneel knew:know
  known:know laid:lay led:lead leapt:leap left:leave lent:lend lay:lie lain:lie lit:light lost:lose made:make
  meant:mean met:meet paid:pay proved:prove proven:prove quit:quit ran:run rang:ring rung:ring rose:rise risen:rise
  said:say says:say saw:see seen:see sought:seek sold:sell sent:send set:set shook:shake shaken:shake shed:shed
  shone:shine shot:shoot showed:show shown:show shut:shut sang:sing sung:sing sank:sink sunk:sink sat:sit slept:sleep
  slid:slide spoke:speak spoken:speak spent:spend spun:spin split:split spread:spread sprang:spring stood:stand
  stole:steal stolen:steal stuck:stick stung:sting struck:strike strove:strive swore:swear sworn:swear swept:sweep
  swam:swim swum:swim swung:swing took:take taken:take taught:teach tore:tear torn:tear told:tell thought:think
  threw:throw thrown:throw understood:understand undertook:undertake undertaken:undertake upheld:uphold upset:upset
  woke:wake woken:wake wore:wear worn:wear wove:weave won:win wound:wind withdrew:withdraw withdrawn:withdraw
  wrote:write written:write oversaw:oversee overseen:oversee overtook:overtake overtaken:overtake
  children:child men:man women:woman people:person feet:foot teeth:tooth mice:mouse geese:goose
  died:die dies:die dying:die sued:sue suing:sue tied:tie ties:tie tying:tie lied:lie lies:lie lying:lie tried:try
  tries:try freed:free injury:injure injuries:injure`
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);

// British spellings, by the stems they change: "labour" and "labor", "organise" and "organize", "centre" and "center",
// "cancelled" and "canceled" are one word to a reader.
const ourStems = 'lab col fav hon harb neighb behavi rum vap arm endeav flav hum sav val vig splend parl savi od tum ferv clam cand ard ranc demean';
const iseStems = `organ recogn apolog critic real emphas author priorit mobil stabil final legal privat national summar util
  special minim maxim character categor sympath scrutin central capital hospital jeopard penal subsid normal neutral
  terror public standard modern harmon energ immun civil colon patron symbol fantas visual global monet digit sanit
  incentiv optim random vapor theor militar western urban industrial commercial memor item agon mesmer sensation
  criminal decriminal demoral destabil revital galvan polar rational social`;
const lledStems = 'travel cancel label model fuel signal total counsel channel level marshal quarrel tunnel dial equal rival jewel shovel pedal duel funnel refuel unravel barrel parcel pencil spiral initial';
const wordSpellings: ReadonlyMap<string, string> = new Map(
  `centre:center centres:centers metre:meter metres:meters kilometre:kilometer kilometres:kilometers
  centimetre:centimeter centimetres:centimeters millimetre:millimeter millimetres:millimeters litre:liter litres:liters
  theatre:theater theatres:theaters fibre:fiber calibre:caliber sombre:somber defence:defense offence:offense
  licence:license pretence:pretense programme:program programmes:programs catalogue:catalog grey:gray
  aluminium:aluminum manoeuvre:maneuver manoeuvres:maneuvers paediatric:pediatric paediatrician:pediatrician
  anaesthetic:anesthetic anaesthesia:anesthesia haemorrhage:hemorrhage leukaemia:leukemia anaemia:anemia
  orthopaedic:orthopedic diarrhoea:diarrhea oesophagus:esophagus foetus:fetus foetal:fetal analyse:analyze
  analysed:analyzed analysing:analyzing paralyse:paralyze paralysed:paralyzed judgement:judgment ageing:aging
  acknowledgement:acknowledgment mould:mold smoulder:smolder enrol:enroll enrolment:enrollment fulfil:fulfill
  plough:plow sceptic:skeptic sceptical:skeptical moustache:mustache pyjamas:pajamas tonne:ton tonnes:tons`
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);
const britishPatterns: ReadonlyArray<[RegExp, string]> = [
  [new RegExp(String.raw`^(${ourStems.split(' ').join('|')})our(s|ed|ing|ite|ites|able|ably|hood|hoods|ful|less|al|er|ers|ism)?$`), '$1or$2'],
  [new RegExp(String.raw`^(${iseStems.split(/\s+/).join('|')})is(e|es|ed|ing|ation|ations|er|ers)$`), '$1iz$2'],
  [new RegExp(String.raw`^(${lledStems.split(' ').join('|')})l(ed|ing|er|ers)$`), '$1$2'],
];

/** The American spelling of a lower-case word written the British way ("labour" → "labor"), or the word itself. */
export function americanSpelling(word: string): string {
  const listed = wordSpellings.get(word);
  if (listed !== undefined) return listed;
  if (word.length < 5) return word;
  for (const [pattern, replacement] of britishPatterns) if (pattern.test(word)) return word.replace(pattern, replacement);
  return word;
}

/**
 * The abbreviations news style writes before a date or a name, mapped to the word a reader types: "Sept. 17" is
 * September's, "Sen. Jane Doe" a senator. Left out where the short form is a common word of its own ("Mar", "Sat",
 * "St", "Dr", "Rep" … of a sales rep). Chat's own shorthands ("ppl", "govt", "yrs") are read the same way.
 */
export const newsAbbreviations: ReadonlyMap<string, string> = new Map(
  `jan:january feb:february apr:april jun:june jul:july aug:august sep:september sept:september oct:october
  nov:november dec:december gen:general sen:senator gov:governor lt:lieutenant col:colonel sgt:sergeant capt:captain
  cmdr:commander adm:admiral supt:superintendent atty:attorney dept:department univ:university corp:corporation
  mt:mount ft:fort ppl:people govt:government intl:international natl:national pres:president yr:year yrs:years
  hrs:hours mins:minutes wk:week wks:weeks approx:approximately bn:billion doc:doctor docs:doctors ops:operations incl:including
  hosp:hospital info:information mgmt:management mgr:manager exec:executive execs:executives admin:administration
  hq:headquarters uni:university govts:governments yday:yesterday tmrw:tomorrow thru:through evac:evacuation
  evacs:evacuations stats:statistics chem:chemical prez:president op:operation co:company commish:commission pct:percent
  est:estimate ests:estimates civ:civil nite:night tonite:tonight heli:helicopter helis:helicopters biz:business
  wx:weather vol:volunteer vols:volunteers edu:education dir:director cttee:committee emerg:emergency avg:average
  vics:victims sats:satellites`
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);

/** Groups of words a newsroom uses for the same thing; a question's word also finds its group's other words. */
export const synonymGroups: readonly (readonly string[])[] = [
  ['say', 'tell', 'state', 'declare', 'remark', 'comment', 'claim', 'assert', 'add', 'note', 'describe', 'call'],
  ['meet', 'meeting', 'talks', 'talk', 'negotiation', 'negotiate', 'discussion', 'discuss', 'session', 'summit', 'hold'],
  ['pledge', 'promise', 'commit', 'commitment', 'vow'],
  ['offer', 'bid', 'proposal', 'propose', 'approach'],
  ['obstacle', 'hurdle', 'barrier', 'sticking', 'impediment', 'stumbling'],
  ['demand', 'insist', 'require', 'call'],
  ['kill', 'die', 'dead', 'death', 'fatality', 'casualty', 'toll'],
  ['injure', 'wounded', 'hurt', 'injury'],
  ['attack', 'strike', 'assault', 'raid', 'bomb', 'shell'],
  ['control', 'hold', 'occupy', 'seize', 'capture'],
  ['leave', 'withdraw', 'withdrawal', 'retreat', 'exit', 'pull'],
  ['child', 'kid', 'minor'],
  ['money', 'fund', 'funding', 'cash', 'aid', 'budget'],
  ['cost', 'price', 'spend', 'spending'],
  ['ban', 'prohibit', 'forbid', 'outlaw', 'end'],
  ['war', 'conflict', 'fighting', 'hostility'],
  ['peace', 'ceasefire', 'truce', 'settlement', 'deal', 'agreement', 'accord'],
  ['deal', 'agreement', 'accord', 'pact', 'treaty', 'settlement'],
  ['plan', 'proposal', 'framework', 'blueprint', 'initiative'],
  ['accuse', 'blame', 'charge', 'condemn', 'criticize', 'criticise'],
  ['warn', 'caution', 'threaten'],
  ['support', 'back', 'endorse', 'help', 'aid'],
  ['reject', 'refuse', 'deny', 'dismiss', 'oppose'],
  ['arrest', 'detain', 'custody', 'apprehend'],
  ['resign', 'quit', 'step'],
  ['elect', 'vote', 'ballot', 'election'],
  ['strike', 'walkout', 'stoppage', 'industrial'],
  ['union', 'guild', 'lodge', 'brotherhood'],
  ['wage', 'pay', 'salary', 'earnings'],
  ['layoff', 'redundancy', 'job', 'cut', 'fire', 'dismiss', 'sack'],
  ['missing', 'unaccounted', 'disappeared', 'lost'],
  ['troop', 'soldier', 'personnel'],
  ['docker', 'dockworker', 'longshoreman', 'stevedore'],
  ['loan', 'financing', 'borrowing', 'credit'],
  ['upkeep', 'maintenance', 'repair'],
  ['survivor', 'survive', 'alive', 'rescue', 'trapped'],
  ['deep', 'depth'],
  ['high', 'height', 'altitude', 'tall', 'level'],
  ['far', 'distance', 'away'],
  ['wide', 'width'],
  ['heavy', 'weight'],
  ['old', 'age', 'aged'],
  ['fast', 'speed'],
  ['strong', 'strength', 'magnitude', 'powerful', 'biggest', 'strongest', 'largest'],
  ['big', 'large', 'size', 'member', 'strong', 'biggest', 'largest'],
  ['bail', 'bond'],
  ['sentence', 'term', 'prison', 'jail', 'imprisonment'],
  ['charge', 'count', 'indict', 'indictment', 'accuse'],
  ['recover', 'return', 'repay', 'refund', 'reimburse', 'compensate', 'back'],
  ['spend', 'use', 'divert', 'siphon', 'misappropriate', 'buy'],
  ['money', 'fund', 'funds', 'deposit', 'cash', 'savings'],
  ['plea', 'plead', 'guilty'],
  ['verdict', 'ruling', 'decision', 'judgment', 'convict', 'acquit'],
  ['jury', 'juror'],
  ['prosecutor', 'prosecution', 'government'],
  ['lawyer', 'attorney', 'counsel', 'defence', 'defense'],
  ['house', 'home', 'building', 'dwelling'],
  ['collapse', 'fall', 'crumble', 'topple', 'destroy', 'flatten'],
  ['stock', 'share', 'shares', 'price', 'trading', 'market'],
  ['regulator', 'regulatory', 'approval', 'approve', 'clear', 'clearance', 'sign', 'review', 'antitrust', 'watchdog', 'authority'],
  ['collapse', 'breach', 'burst', 'fail', 'failure', 'give', 'come'],
  ['levee', 'embankment', 'dike', 'dyke', 'dam', 'barrier'],
  ['lawsuit', 'suit', 'sue', 'case', 'challenge', 'litigation', 'court'],
  ['donation', 'contribution', 'donor', 'donate', 'gift'],
  ['start', 'begin', 'launch', 'open', 'kick'],
  ['end', 'finish', 'conclude', 'close', 'stop', 'halt'],
  ['long', 'duration', 'last', 'hour', 'day', 'week', 'month', 'year'],
  ['next', 'upcoming', 'follow', 'schedule', 'again', 'continue', 'further'],
  ['leader', 'head', 'chief', 'president', 'chairman', 'director'],
  ['adviser', 'advisor', 'aide', 'counsellor', 'counselor'],
  ['country', 'nation', 'state'],
  ['city', 'town', 'capital'],
  ['weapon', 'arm', 'munition', 'missile'],
  ['inaugurate', 'inauguration', 'sworn', 'swear', 'office', 'oath'],
  ['goal', 'target', 'aim', 'objective'],
  ['people', 'person', 'resident', 'civilian', 'citizen'],
  ['victim', 'casualty'],
  ['cause', 'reason', 'because', 'due', 'blame', 'trigger'],
  ['percent', 'percentage', 'share', 'proportion'],
  ['optimism', 'optimistic', 'hope', 'hopeful', 'positive', 'good'],
  ['territory', 'territorial', 'land', 'region'],
  ['buy', 'purchase', 'acquire'],
  ['sell', 'sale'],
  ['fire', 'blaze', 'wildfire', 'flame'],
  ['flood', 'flooding', 'deluge'],
  ['storm', 'hurricane', 'cyclone', 'typhoon'],
  ['quake', 'earthquake', 'tremor'],
  ['aboard', 'onboard'],
  ['lawmaker', 'legislator', 'mp', 'mep', 'parliamentarian'],
  ['hack', 'hacker', 'cyberattack', 'cyber'],
  ['reward', 'bounty'],
  ['probe', 'investigation', 'inquiry', 'investigate'],
  ['submarine', 'submersible', 'sub'],
  ['fireman', 'firemen', 'firefighter'],
  ['reopen', 'resume', 'restart'],
  ['ship', 'vessel', 'boat'],
];

/** Words that open a follow-up without changing what it asks ("and where?", "so, was it worth it?"). */
export const discourseOpeners = set('and so but ok okay also well now oh hmm');

/** Question words and verbs that frame a question without naming its topic ("what did X say about …"). */
export const frameWords = set(`say said tell told think thought mean happen happened do did does done know report reported
  describe described call called react reacted respond responded explain explained give gave get got go went make made
  exactly really actually according latest news update story coverage article articles please located situated
  based`);

/** Chat's words for whoever leads a body ("the union boss", "who runs the port?"), not themselves titles a story prints. */
export const leaderAsks = set(`boss bosses head heads run runs running ran leading leader leaders helm`);

/** The titles by which a story names whoever leads a body: what "the boss" of a company, union or agency is called. */
export const leaderTitles = set(`chief executive ceo head director chairman chairwoman chair chairperson president
  leader founder commissioner governor secretary-general general-secretary managing manager principal owner
  superintendent coordinator`);

/** Words that name a role or office: the word right before a name in "national security adviser Jane Doe". */
export const roleNouns = set(`adviser advisor aide ambassador analyst anchor archbishop assistant attorney author bishop boss
  candidate captain cardinal ceo cfo chair chairman chairwoman chairperson champion chancellor chief coach colonel
  commander commissioner congressman congresswoman correspondent counsel councillor councilor couple dean delegate
  deputy diplomat director doctor economist editor emir envoy executive expert founder general governor head judge
  justice king lawmaker lawyer leader lieutenant manager mayor member minister monarch negotiator nominee officer
  official owner pastor physician pilot president premier presenter priest prince princess principal professor
  prosecutor queen rabbi rapporteur regulator representative researcher ruler scientist secretary senator sergeant
  sheikh sheriff son-in-law daughter-in-law spokesman spokeswoman spokesperson speaker spouse strategist student
  superintendent surgeon teacher treasurer trustee tsar czar veteran vice-president wife husband son daughter brother
  sister mother father widow nephew niece cousin grandson granddaughter counterpart partner colleague friend ally
  rival critic opponent investigator inspector detective agent activist organiser organizer protester witness
  survivor victim resident worker employee engineer economist chairmen founder ceo businessman businesswoman
  entrepreneur industrialist banker investor financier developer contractor architect consultant farmer fisherman
  organizer campaigner commentator columnist journalist reporter photographer historian professor scholar physicist
  chemist biologist meteorologist forecaster hydrologist seismologist epidemiologist nurse paramedic firefighter
  soldier commander pilot captain skipper striker goalkeeper coach athlete singer actor actress director producer
  writer novelist poet artist musician composer owner operator manager supervisor foreman mediator arbitrator
  negotiator lobbyist strategist pollster incumbent challenger frontrunner runner-up democrat republican countryman
  countrywoman compatriot teammate spaniard frenchman frenchwoman briton englishman englishwoman irishman scotsman
  welshman dutchman mp mep mla mpp legislator parliamentarian councilman councilwoman alderman assemblyman
  assemblywoman cop medic exec cto coo cio rep`);

/** Capitalised words that open a title before a name ("Foreign Minister", "Gen.", "Dr."). */
export const honorifics = set(`mr mrs ms miss dr prof sir dame lord lady gen general col colonel lt capt captain maj major
  sgt adm admiral cmdr rev reverend fr father sen senator rep representative gov governor pres president sec secretary
  amb ambassador judge justice king queen prince princess sheikh emir pope saint st minister chancellor premier mayor
  chief commissioner director deputy speaker chairman chairwoman envoy officer agent detective inspector sheriff
  pastor rabbi imam bishop archbishop cardinal`);

/** Words that mark a capitalised phrase as an organisation or body rather than a person. */
export const organisationWords = set(`agency airline airlines airways alliance army assembly association authority bank
  board bureau cabinet center centre chamber church club coalition college command commission committee company
  conference congress corp corporation council court department directorate embassy federation force forces foundation
  fund government group guard holdings house inc institute institution league legislature limited ltd media ministry
  movement navy network office organisation organization parliament party police press program programme railway
  regiment school senate service services society staff studio studios tribunal trust union university
  committee news times post journal herald tribune gazette daily weekly radio television tv channel`);

/** Words that mark a capitalised phrase as a place ("Gulf of Aden", "Red Sea", "Hudson River"). */
export const placeWords = set(`avenue bay beach bridge canal cape city coast county creek desert district gulf harbor harbour
  hill hills island islands lake mount mountain mountains ocean park peninsula plaza port province region republic
  river road sea square state street strait territory town township valley village highway motorway expressway
  freeway`);

/** Nouns of a territory that name a place after "of" ("the canton of Valais", "the province of Cádiz"). */
export const territoryNouns = set(`canton city county district emirate governorate island municipality oblast parish prefecture
  province region republic state territory town township village borough commune`);

/** Prepositions that put the capitalised phrase after them in a place ("in Lisbon", "near the border"). */
export const placePrepositions = set(`in at near outside inside from to across toward towards into throughout around
  within via`);

/** Month names in calendar order, January first. */
export const monthNames: readonly string[] = `january february march april may june july august september october november
  december`.split(/\s+/);

/** Month abbreviations mapped to their number (1–12); "may" is a name already. */
export const monthAbbreviations: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10],
  ['nov', 11], ['dec', 12],
]);

/** Month names and abbreviations mapped to their number (1–12), each name followed by its abbreviations. */
export const months: ReadonlyMap<string, number> = new Map(
  monthNames.flatMap((name, index) => [[name, index + 1] as const, ...[...monthAbbreviations].filter(([, number]) => number === index + 1)]),
);

/** Weekday names mapped to JavaScript's day numbers (Sunday 0). */
export const weekdays: ReadonlyMap<string, number> = new Map([
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);

/** Weekday abbreviations, Monday's first ("mon", "tues", "thurs"). */
export const weekdayAbbreviations = set('mon tue tues wed thu thur thurs fri sat sun');

/** Number words that name one exact number, and their values ("five", "a dozen"). */
export const exactNumberWords: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50],
  ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['hundred', 100], ['thousand', 1000], ['dozen', 12],
]);

/** Number words and their values, for reading "five hours" or "dozens"; a vague one ("several") at a typical value. */
export const numberWordValues: ReadonlyMap<string, number> = new Map([
  ...exactNumberWords,
  ['dozens', 24], ['hundreds', 200], ['thousands', 2000], ['several', 3], ['few', 3],
]);

/** Words for spans of time, singular, as in "five hours" or "a two-day visit". */
export const durationUnits = set(`second minute hour day night week fortnight month year decade century`);

/** Words that place a phrase in time ("two years later", "after the war", "that spring"), besides months and weekdays. */
export const timePlacingWords = set(`year years day days week weeks month months century centuries decade decades morning
  afternoon evening night noon midnight dawn dusk today yesterday tomorrow tonight ago later earlier after before during
  since until when while once spring summer autumn fall winter season era age period time times hour hours minute
  minutes weekend holiday christmas easter`);

/** The words that name a sum of money asked for ("what's the damage bill?", "how much was the fine?"). */
export const moneyNouns = set('bill cost costs price fine tab budget bail ransom salary fee fees payout compensation revenue revenues turnover dividend dividends profit profits earnings wages severance');

/** The units of {@link durationUnits} that make "how many" ask how long ("how many hours"), singular. */
export const countedDurationUnits = set('second minute hour day night week month year decade');

/** Whether a lower-case word is one of {@link countedDurationUnits}, singular or plural ("hour", "hours"). */
export function isCountedDurationUnit(typed: string): boolean {
  // Chat's "hrs", "mins", "wks" count hours, minutes and weeks.
  const word = newsAbbreviations.get(typed) ?? typed;
  return countedDurationUnits.has(word) || (word.endsWith('s') && countedDurationUnits.has(word.slice(0, -1)));
}

/** Verbs of speaking, for finding who said what. */
export const speechVerbs = set(`say said says tell told telling state stated states add added adds note noted notes
  warn warned warns write wrote writes describe described describes call called calls insist insisted insists argue
  argued argues claim claimed claims accuse accused accuses urge urged urges announce announced announces declare
  declared declares stress stressed stresses suggest suggested suggests confirm confirmed confirms deny denied denies
  praise praised praises demand demanded demands caution cautioned cautions emphasize emphasized emphasise emphasised
  acknowledge acknowledged admit admitted reply replied respond responded`);

// The readers below each match their own few speech verbs. The lists differ because each reader was tuned (and the
// answer model fitted) with its own; they live here so that a change to one shows beside the others.

/** Verbs that make a question ask what someone said or thought ("what did X say", "how did X react"). */
export const statementQuestionVerbs = set('say said tell told think describe call claim announce warn write wrote respond react mean');

/** Verbs that attribute a quote to the pronoun after it ("…," she added), so the quote runs on from the sentence before. */
export const quoteAttributionVerbs = set('said says added adds told continued warned wrote insisted noted');

/** The verbs that tie a quote to a speaker named in the sentence before ("…," she said). */
export const speakerQuoteVerbs = set('said says added told wrote insisted warned');

/** Verbs that tie a named speaker to a sentence ("Doe said", "said Doe"). */
export const speakerVerbs = set(`said says saying told tells telling added adds wrote writes insisted warned argued stressed noted
  noting declared announced called calls explained explains described describes urged urges underscored acknowledged
  admitted claimed claims welcomed praised criticized criticised vowed pledged`);

/** Words that attribute a sentence to a speaker, so a quote that opens it is no fragment ("according to"). */
export const attributionWords = set('said says told added according wrote stated announced confirmed insisted warned noted');

/** Verbs of reporting, that date the report rather than an event ("officials said on Friday"). */
export const reportingVerbs = set('said says told announced added reported confirmed wrote stated speaking');

/** Verbs of speaking or thinking after a name, that a pronoun after them refers back to ("Doe said she …"). */
export const speechAndThoughtVerbs = set(`said says told added adds explained recalled insisted admitted wrote believes believed thinks
  thought hopes hoped knew knows felt feels`);

/** Words that negate what a sentence says ("not", "never", "without"); "n't" is read apart. */
export const negationWords = set('not never no none nor neither without cannot');

const negation = new RegExp(String.raw`\b${wordAlternation(negationWords)}\b|n['’]t\b`, 'i');

/** Whether a text (or a single word) holds a negation: one of {@link negationWords}, or "n't". */
export function negates(text: string): boolean {
  return negation.test(text);
}

/** What a unit measures. */
export type MeasureDimension = 'length' | 'weight' | 'speed' | 'temperature' | 'area' | 'magnitude';

/** Units of measure, by what they measure ("9.1 metres", "40 tonnes", "magnitude 6.8"). */
export const measureUnits: Readonly<Record<MeasureDimension, ReadonlySet<string>>> = {
  length: set(`m metre metres meter meters km kilometre kilometres kilometer kilometers mile miles ft foot feet inch inches
    cm centimetre centimetres centimeter centimeters mm millimetre millimetres millimeter millimeters yard yards`),
  weight: set('kg kilogram kilograms kilo kilos tonne tonnes ton tons pound pounds lb lbs gram grams'),
  speed: set('mph kph km/h knots'),
  temperature: set('degrees celsius fahrenheit °c °f'),
  area: set('hectare hectares acre acres'),
  magnitude: set('magnitude'),
};

/** The measures a "how …?" word asks for ("how high" a length, "how heavy" a weight). */
export const measureQuestionWords: ReadonlyMap<string, readonly MeasureDimension[]> = new Map<string, readonly MeasureDimension[]>([
  ['high', ['length']], ['tall', ['length']], ['deep', ['length']], ['far', ['length']], ['wide', ['length']], ['low', ['length']],
  ['heavy', ['weight']], ['fast', ['speed']], ['hot', ['temperature']], ['cold', ['temperature']], ['strong', ['magnitude', 'speed']],
  ['big', ['area', 'length', 'weight']], ['large', ['area', 'length', 'weight']],
]);

/** Verbs that deny the act named after them ("refused to testify", "declined to comment", "failed to file"). */
export const refusalVerbs = set(`refuse refuses refused refusing decline declines declined declining deny denies denied denying
  fail fails failed failing unable reject rejects rejected rejecting`);

/** Words that make a clause's subject no one: "nobody was charged", "none survived". */
export const noOneWords = set('nobody none no-one nothing neither');

/** Words besides a negation or refusal that deny or limit what a question asks: "never", "only one", "disputed". */
export const denialWords = set('never only denial disputed disputes unaware');

/** Words that say a thing has stopped or been taken back ("order lifted", "visit cancelled", "fleet grounded"). */
export const endingWords = set(`lift lifts lifted end ends ended cancel cancels cancelled canceled cancelling postpone postpones
  postponed scrap scraps scrapped withdraw withdraws withdrew withdrawn suspend suspends suspended suspension halt halts
  halted ground grounds grounded free frees freed release releases released drop drops dropped abandon abandons abandoned
  stop stops stopped cease ceases ceased revoke revokes revoked`);

/** Words that say a thing stays as it was ("remains in custody", "was still being treated"). */
export const unchangedWords = set('remain remains remained remaining still');


/**
 * Nouns so broad that nearly every noun is a kind of them ("person" of "suspect", "thing" of "weapon"): WordNet gives
 * them as a noun's broader kind, but a sentence that says one has not said the question's word in other words.
 */
export const broadKindNouns = set(`person people individual someone somebody soul mortal human being thing things entity
  object objects matter group groups act acts event events part parts whole unit organism`);

/**
 * Common verbs, adjectives and adverbs that shape a question without naming its topic ("main", "handling",
 * "latest"): when the story never uses one, that says little about whether it answers the question.
 */
export const genericWords = set(`main major key big biggest small large latest recent current new old first last final
  next previous early late top chief overall total exact exactly real actual likely possible general specific certain
  whole full entire same different other various several many much more most less least few little good bad best worst
  high low long short quick quickly slow fast hard easy important significant serious official officially public
  handle handling deal dealing take taking taken took get getting got make making go going come coming came put held holds
  putting keep keeping give giving find finding show showing seem seeming happen happening try trying use using
  want wanting need needing mean meaning become becoming leave leaving begin beginning start starting run running
  move moving play playing turn turning bring bringing hold holding stand standing set setting lead leading
  name names look looking work working involve involved involving affect affected affecting impacted impacting include including concern concerning regard regarding
  respond responding react reacting expect expected expecting plan planned planning help helping allow allowing
  currently recently still already yet now then ever again later soon today really actually basically anything
  something everything nothing anyone someone everyone thing things stuff kind sort type way ways part parts lot
  lots like connection connections relationship relation relations link links tie ties role involvement background
  situation status update updates progress outcome result results impact effect effects reaction response detail
  details information anything else ahead away back forward along around together apart instead anyway even
  going gone happen happened happening guy guys lady ladies dude dudes fella fellas bloke blokes folks`);

/** Nouns whose answer is a number or amount ("death toll?", "what was turnout"). */
export const quantityNouns = set(`toll margin turnout premium price cost costs total number count amount figure figures rate
  share percentage percent proportion tally score budget salary wage wages fine fee fees value valuation population
  size age height depth level levels speed temperature rainfall capacity revenue revenues profit profits loss losses
  debt deficit sum bill damage damages bail ransom reward payout compensation award votes
  casualties dead deaths injured missing evacuated attendance crowd sales offer offers bid bids rise increase raise
  hike boost drop fall decline growth gain pay-rise magnitude depth height distance size`);

// Plural nouns that do not end in -s, and collectives counted as plurals ("how many police").
const irregularPlurals: ReadonlySet<string> = set('people children men women police staff personnel cattle feet teeth mice geese');

/** Whether a lower-case word reads as a plural noun: an irregular plural, or -s but not -ss, -us or -is. */
export function looksPlural(word: string): boolean {
  return irregularPlurals.has(word) || (word.length >= 4 && /[^sui]s$/.test(word));
}

/** Nouns for people in general, beyond the roles ("what man", "which player"); plurals in -s are read from these. */
export const personNouns = set(`person people man men woman women boy girl child children kid baby individual celebrity
  star player host guy lady gentleman hero fan suspect gunman character`);

/** Nouns that ask for what someone does for a living ("what is his occupation?"). */
export const occupationNouns = set('occupation profession job career trade position post title role vocation');

/** Nouns for bodies of people that organisationWords, which reads names, leaves out ("what team", "which outlet"). */
export const bodyNouns = set(`team outlet newspaper paper magazine firm band brand label charity companies agencies
  parties station`);

/** Nouns for places that placeWords, which reads names, leaves out ("what country", "which venue"). */
export const areaNouns = set(`country countries nation place location area site venue continent neighborhood
  neighbourhood capital prison jail hospital airport building home`);
