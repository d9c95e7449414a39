import {
  hasClinicalShape,
  isClinicalToken,
  isClinicalVocabulary,
  isDrugName,
  isNeverName,
} from '../clinical-allow-list.js';
import { type PhiCandidate, PhiKind } from '../phi-kind.js';
import { type Token } from '../tokenize.js';
import { type DetectionContext, followedByClinicalHead, gapBetween } from './context.js';

/** Courtesy and professional titles: the next capitalized word is a person whatever the dictionaries say. */
const TITLES = new Set([
  'dr',
  'doctor',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'prof',
  'professor',
  'nurse',
  'sr',
  'sister',
  'brother',
  'father',
  'rev',
  'reverend',
  'pastor',
  'rabbi',
  'imam',
  'mme',
  'mlle',
  'madame',
  'monsieur',
  'sir',
  'dame',
  'judge',
  'officer',
  'constable',
  'det',
  'sgt',
  'capt',
  'captain',
  'dre',
  'sra',
  'srta',
  'fr',
  'chief',
  'elder',
  'aunty',
  'auntie',
  'tita',
  'tito',
  'lola',
  'lolo',
  'kuya',
  'sheikh',
  'alhaji',
  'alhaja',
  'mallam',
  'madam',
  'mama',
  'baba',
]);

/** Cues strong enough to make a lowercase word a name ("her son kevin"); not "pt", which precedes jargon. */
const LOWERCASE_CUES = new Set([
  'named',
  'called',
  'son',
  'daughter',
  'husband',
  'wife',
  'mother',
  'father',
  'brother',
  'sister',
  'partner',
  'spouse',
  'friend',
  'neighbour',
  'neighbor',
  'caregiver',
  'guardian',
  'grandson',
  'granddaughter',
  'grandmother',
  'grandfather',
  'aunt',
  'uncle',
  'niece',
  'nephew',
  'cousin',
  'boyfriend',
  'girlfriend',
  'mom',
  'mum',
  'dad',
  'roommate',
  'aka',
  'nee',
  'née',
]);

/**
 * Words after which a capitalized word (or an unknown lowercase one) is very likely a person: the strong
 * cues above, plus roles, titles and record words that precede names only when capitalised.
 */
const PERSON_CUES = new Set([
  ...LOWERCASE_CUES,
  'pt',
  'patient',
  'grandma',
  'grandpa',
  'fiance',
  'fiancé',
  'fiancée',
  'sibling',
  'attending',
  'resident',
  'surgeon',
  'physician',
  'gp',
  'np',
  'rn',
  'pa',
  'md',
  'colleague',
  'by',
  'per',
  'with',
  'cc',
  'to',
  'from',
  'mrs',
  'ms',
  'mr',
  'dr',
  'contact',
  'sdm',
  'poa',
  'landlord',
  'employer',
  'coworker',
  'twin',
  'stepson',
  'stepdaughter',
  'stepfather',
  'stepmother',
  'baby',
  'infant',
  'child',
  'toddler',
  'teen',
  'student',
  'client',
  'mrn',
  'name',
  'alias',
  'signed',
  'dictated',
  'transcribed',
  'cosigned',
  'author',
  'authored',
  'informant',
  'interpreter',
]);

/** Cue words that are weak on their own (prepositions): they only back up a word that is name-listed. */
const WEAK_CUES = new Set(['by', 'per', 'with', 'to', 'from', 'cc', 'contact']);

/** Verbs that make a sentence-initial word the subject, e.g. "Rose reports", "Will was seen". */
const SUBJECT_VERBS = new Set([
  'is',
  'was',
  'has',
  'had',
  'presented',
  'presents',
  'reports',
  'reported',
  'states',
  'stated',
  'denies',
  'denied',
  'said',
  'says',
  'came',
  'comes',
  'went',
  'returned',
  'returns',
  'developed',
  'noted',
  'notes',
  'complained',
  'complains',
  'underwent',
  'received',
  'continues',
  'remains',
  'lives',
  'works',
  'agreed',
  'declined',
  'called',
  'asked',
  'arrived',
  'attends',
  'attended',
  'endorses',
  'endorsed',
  'tolerated',
  'tolerates',
  'admits',
  'admitted',
  'describes',
  'described',
  'feels',
  'felt',
  'wants',
  'wanted',
]);

/** Verbs whose subject is a person, never a drug or test. */
const HUMAN_VERBS = new Set([
  'presented',
  'presents',
  'reports',
  'reported',
  'states',
  'stated',
  'denies',
  'denied',
  'said',
  'says',
  'complained',
  'complains',
  'lives',
  'works',
  'agreed',
  'declined',
  'asked',
  'arrived',
  'attends',
  'attended',
  'endorses',
  'endorsed',
  'describes',
  'described',
  'feels',
  'felt',
  'wants',
  'wanted',
  'underwent',
  'came',
  'went',
  'returned',
  'refused',
  'consented',
  'called',
  'told',
]);

/** Surname particles kept inside a name when a capitalized name part follows ("Ludwig van Beethoven"). */
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'ter',
  'ten',
  'st',
]);

/** Capitalized words that follow names without being part of them ("Dr. Lee Hospital" is rare, "Dr. Lee Cardiology" is not). */
const NOT_SURNAMES = new Set([
  'hospital',
  'clinic',
  'centre',
  'center',
  'health',
  'general',
  'memorial',
  'university',
  'institute',
  'medical',
  'cardiology',
  'neurology',
  'oncology',
  'surgery',
  'medicine',
  'pediatrics',
  'psychiatry',
  'radiology',
  'md',
  'rn',
  'phd',
  'frcpc',
  'np',
  'ccfp',
  'said',
  'says',
  'called',
  'reviewed',
  'agreed',
  'recommended',
  'suggested',
  'street',
  'avenue',
  'road',
  'drive',
  'lane',
  'crescent',
  'court',
  'boulevard',
  'way',
  'place',
  'county',
]);

const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'by',
  'is',
  'was',
  'no',
  'not',
  'has',
  'had',
  'history',
  'plan',
  'patient',
  'pt',
]);

/** "HFrEF", "SARS-CoV", "EpiPen"-style acronyms: two capitals in a row, or a part ending in a capital. */
const ACRONYM_PART = /(?:^|-)\p{Lu}{2}|\p{Ll}\p{Lu}(?:$|-)/u;
// Generic drug stems (INN suffixes): "denosumab", "cefazolin", "apixaban" are not in English word lists.
const DRUG_SUFFIX =
  /(?:mab|nib|zolin|cillin|mycin|micin|floxacin|oxacin|pril|sartan|olol|alol|statin|azole|tidine|prazole|gliptin|gliflozin|glutide|parin|xaban|gatran|vir|dipine|semide|thiazide|cept|lukast|terol|sone|olone|oxetine|azepam|zolam|triptan|profen|fenac|coxib|tropium|dronate|cycline|penem|vudine|fungin|caine|curonium|dopa|setron|zosin|afil|formin|glitazone|lutamide|relin|rubicin|platin|taxel|mustine|trexate|limus|ciclib|parib|apine|azine|pramine|triptyline|sentan|onide|barbital|amide|idine|oxone|orphine|odone|ulin|ase|stim|poetin|plase|dronate|tadine|lamide|tretin|zepam|peridone|peridol|azosin|azoline)$/;
/** Verbs and prepositions before a medication: "started Nurtec", "switched to Jakavi", "trial of Qulipta". */
const DRUG_BEFORE = new Set([
  'started',
  'start',
  'starting',
  'restarted',
  'resumed',
  'stopped',
  'stop',
  'held',
  'hold',
  'holding',
  'discontinued',
  'switched',
  'changed',
  'trial',
  'taking',
  'takes',
  'take',
  'took',
  'prescribed',
  'tapered',
  'titrated',
  'added',
  'continue',
  'continued',
  'continues',
  'increased',
  'decreased',
  'on',
  'dose',
  'course',
  'given',
  'gave',
  'received',
  'using',
  'uses',
  'used',
  'injected',
]);
/** Words after a medication or device: "Xolair injections", "Dexcom readings", "after Aimovig failed". */
const DRUG_AFTER = new Set([
  'injection',
  'injections',
  'infusion',
  'infusions',
  'tablet',
  'tablets',
  'pill',
  'pills',
  'patch',
  'patches',
  'pump',
  'sensor',
  'readings',
  'therapy',
  'dose',
  'doses',
  'dosing',
  'level',
  'levels',
  'inhaler',
  'inhalers',
  'spray',
  'cream',
  'ointment',
  'drops',
  'gel',
  'capsule',
  'capsules',
  'syrup',
  'suspension',
  'failed',
  'monotherapy',
  'regimen',
  'toxicity',
  'overdose',
  'daily',
  'bid',
  'tid',
  'qid',
  'qhs',
  'prn',
  'weekly',
  'monthly',
  'po',
  'iv',
  'im',
  'sc',
  'sq',
  'given',
  'drip',
  'gtt',
  'load',
  'bolus',
  'neb',
  'nebs',
  'puffs',
  'pca',
  'ds',
  'xr',
  'xl',
  'er',
  'sr',
  'cr',
  'hct',
  'mr',
  'odt',
  'nasal',
  'eye',
  'ear',
  'sublingual',
  'sl',
  'pr',
  'ng',
  'pen',
  'autoinjector',
]);
const DRUG_PASSIVE = new Set([
  'started',
  'stopped',
  'held',
  'tapered',
  'titrated',
  'switched',
  'replaced',
  'increased',
  'decreased',
  'discontinued',
  'added',
  'approved',
  'avoided',
  'restarted',
  'resumed',
  'continued',
  'changed',
  'reduced',
  'weaned',
  'prescribed',
  'administered',
  'ordered',
  'effective',
  'ineffective',
  'tolerated',
  'given',
]);
const DOSE_AFTER =
  /^\s{0,2}\(?\s{0,2}\d+(?:[.,]\d+)?\s{0,2}(?:mg|mcg|µg|g|ml|mL|units?|iu|IU|%|mmol|meq|mEq)\b/;

/**
 * An unknown capitalized word in medication context is a brand or generic drug, not a person: a drug
 * stem, a dose after it, a prescribing verb before it, or "X was started" with nothing after the verb.
 */
function drugLike(ctx: DetectionContext, i: number): boolean {
  const { tokens, text } = ctx;
  const t = tokens[i];
  if (DRUG_SUFFIX.test(t.key)) return true;
  const after = text.slice(t.end, t.end + 24);
  if (DOSE_AFTER.test(after)) return true;
  // "Colcrys (colchicine)", "denosumab (Prolia)"
  if (/^\s{0,2}\(\s{0,2}\p{Ll}/u.test(after)) return true;
  if (i > 0 && /^\s{0,2}\($/.test(gapBetween(ctx, i - 1, i)) && /^\s{0,2}\)/.test(after)) return true;
  const prev = tokens[i - 1];
  if (prev && DRUG_BEFORE.has(prev.key) && /^\s{1,2}$/.test(gapBetween(ctx, i - 1, i))) return true;
  const prev2 = tokens[i - 2];
  if (
    prev?.key === 'to' &&
    prev2 &&
    ['switched', 'changed', 'increased', 'decreased', 'converted'].includes(prev2.key)
  )
    return true;
  if (prev?.key === 'of' && prev2 && ['trial', 'dose', 'course', 'doses', 'trials'].includes(prev2.key))
    return true;
  // "Zosyn and Vancomycin", "Humira, Stelara": a word listed beside a drug is a drug too.
  const isDrugWord = (j: number) =>
    j >= 0 && j < tokens.length && (isDrugName(tokens[j].key) || DRUG_SUFFIX.test(tokens[j].key));
  const COORD = /^\s{0,2}(?:[,/+]|\band\b|\bor\b|\bthen\b|,\s{0,2}then\b|->|→)\s{0,2}$/;
  if (i + 1 < tokens.length && COORD.test(gapBetween(ctx, i, i + 1)) && isDrugWord(i + 1)) return true;
  if (
    i + 2 < tokens.length &&
    /^\s{1,2}$/.test(gapBetween(ctx, i, i + 1)) &&
    ['and', 'or', 'then'].includes(tokens[i + 1].key) &&
    isDrugWord(i + 2) &&
    /^\s{1,2}$/.test(gapBetween(ctx, i + 1, i + 2))
  )
    return true;
  if (i > 0 && COORD.test(gapBetween(ctx, i - 1, i)) && isDrugWord(i - 1)) return true;
  if (
    i > 1 &&
    ['and', 'or', 'then'].includes(tokens[i - 1].key) &&
    /^,?\s{1,2}$/.test(gapBetween(ctx, i - 2, i - 1)) &&
    isDrugWord(i - 2)
  )
    return true;
  const next = tokens[i + 1];
  if (!next || !/^\s{1,2}$/.test(gapBetween(ctx, i, i + 1))) return false;
  if (DRUG_AFTER.has(next.key)) return true;
  const next2 = tokens[i + 2];
  if (['was', 'is', 'were', 'has', 'had'].includes(next.key) && next2 && DRUG_PASSIVE.has(next2.key)) {
    // "Kishiev was started on dialysis" is a person; "Jakavi was started for myelofibrosis" is a drug.
    const next3 = tokens[i + 3];
    return (
      !next3 ||
      !['on', 'to', 'a', 'an', 'the', 'her', 'his', 'him', 'them'].includes(next3.key) ||
      /[.,;]/.test(gapBetween(ctx, i + 2, i + 3))
    );
  }
  if (next.key === 'been' && next2 && DRUG_PASSIVE.has(next2.key)) return true;
  return false;
}

// Nicknames in quotes after a naming cue: 'goes by "Bud"', 'known as "Sunny"', 'William "Bill" Ortiz'.
const QUOTED_NICKNAME =
  /\b(?:[Gg]oes\s{1,2}by|[Gg]o\s{1,2}by|[Kk]nown(?:\s{1,2}to\s{1,2}\p{L}{1,12})?\s{1,2}as|[Nn]icknamed|[Nn]ickname|[Pp]refers|[Cc]alled|calls\s{1,2}(?:him|her)(?:self)?|aka|a\.k\.a\.?|name\s{1,2}is)\s{1,2}["“'‘](\p{Lu}[\p{L}'’.-]{0,20}(?:\s\p{Lu}[\p{L}'’-]{0,20})?)["”'’]/gu;
const QUOTED_WORD = /["“]([A-Z][a-z]{1,15})["”]/g;
// Initials as a name: "J.T.", "A.K.", "M.-C.", not abbreviations like "U.S." or "p.m.".
const INITIALS = /(?<![\p{L}.])[A-Z]\.-?\s?[A-Z]\.(?:\s?[A-Z]\.)?(?![\p{L}])/gu;
const NOT_INITIALS = new Set(
  'U.S. U.K. A.M. P.M. N.B. E.R. O.R. I.V. P.O. D.C. B.C. N.S. P.E. O.T. P.T. S.L. I.M. S.C. R.N. M.D. N.P. D.O. B.S. M.S. E.D. G.P. L.A. N.Y. T.O. Q.D. O.D. O.S. O.U. A.D. A.S. A.U. H.S. N.G. G.I. E.U. U.N. W.H.O. D.N.R. D.N.I. E.M.S. C.T. M.R. U.S.A. R.R. I.D. T.B. H.R. B.P.'.split(
    ' ',
  ),
);
// A name beside a relationship in brackets or an appositive: "Jordan (son)", "Hope, her granddaughter".
const RELATION =
  'son|daughter|wife|husband|mother|father|mom|mum|dad|brother|sister|partner|spouse|friend|neighbou?r|caregiver|guardian|grandson|granddaughter|grandmother|grandfather|aunt|uncle|niece|nephew|cousin|boyfriend|girlfriend|fianc[ée]e?|sdm|poa|roommate|stepson|stepdaughter|nurse|physician|gp|family\\s+doctor|case\\s+manager|social\\s+worker';
const NAME_THEN_RELATION = new RegExp(
  `(?<![\\p{L}])(\\p{Lu}[\\p{L}'’-]{1,24})\\s{0,2}(?:\\((?:${RELATION})\\)|,\\s{1,2}(?:her|his|their|the\\s+patient['’]s|pt['’]s|patient['’]s)\\s{1,2}(?:${RELATION})\\b)`,
  'giu',
);

const MAC_PREFIX = /^(?:mc|mac)[a-z]{3,}$/;
const APOSTROPHE_PREFIX = /^[od]['’][a-z]{2,}$/;

export function detectNames(ctx: DetectionContext): PhiCandidate[] {
  const { tokens, lists } = ctx;
  const n = tokens.length;
  const isName = (t: Token) => nameListed(t.key, lists.firstNames, lists.lastNames);
  const isEnglish = (key: string) => lists.englishWords.has(key);
  const blocked = (i: number) => ctx.protectedToken[i] || followedByClinicalHead(ctx, i);
  const seed = new Array<number>(n).fill(0); // 0 none, 1 dictionary, 2 cue-backed
  // Philter's rule: a capitalized word that no dictionary knows (not English, clinical, a region or a
  // known abbreviation) is most likely a name, wherever it stands ("Yefremova", "Nishiyama").
  const unknownOnly = new Array<boolean>(n).fill(false);
  const unknownPart = (part: string) =>
    part.length >= 3 &&
    !isEnglish(part) &&
    !isClinicalVocabulary(part) &&
    !hasClinicalShape(part) &&
    !isNeverName(part) &&
    !lists.regions.has(part);
  const unknownWord = (t: Token) => {
    if (t.key.length < 3 || isClinicalVocabulary(t.key) || lists.regions.has(t.key)) return false;
    if (isDemonym(t.key, lists.regions)) return false;
    const parts = t.key.split('-');
    // "Henoch-Schönlein": one eponym makes the compound clinical; "HFrEF", "SARS-CoV" are acronyms.
    if (parts.some(isClinicalToken) || ACRONYM_PART.test(t.text)) return false;
    return parts.some(unknownPart);
  };

  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (blocked(i)) continue;
    const prev = i > 0 ? tokens[i - 1] : undefined;
    const prevAdjacent = prev !== undefined && /^[\s.,:]{0,3}$/.test(gapBetween(ctx, i - 1, i));
    const titled = prevAdjacent && TITLES.has(prev.key) && /^\.?\s{1,3}$/.test(gapBetween(ctx, i - 1, i));
    const cued = prevAdjacent && PERSON_CUES.has(prev.key);
    const placePreposition =
      prev !== undefined &&
      ['from', 'to', 'in', 'of', 'at', 'via', 'across', 'through', 'around', 'near'].includes(prev.key) &&
      lists.regions.has(t.key);
    // "Long-term", "Well-being": a compound of English words with a lowercase second part is not a name.
    const englishCompound =
      /^\p{Lu}\p{Ll}+-\p{Ll}/u.test(t.text) && t.key.split('-').every((part) => isEnglish(part));
    const named = isName(t) && !placePreposition && !isDemonym(t.key, lists.regions) && !englishCompound;
    const clinical = isClinicalToken(t.key);
    // "her son Will", "Dr. May": a strong cue beats the never-a-name list, except for function words.
    if (
      isNeverName(t.key) &&
      !((titled || (cued && !WEAK_CUES.has(prev.key))) && t.capitalized && !FUNCTION_WORDS.has(t.key))
    )
      continue;

    if ((t.capitalized || t.allCaps || t.initial) && titled) {
      seed[i] = 2;
    } else if (t.capitalized && !clinical) {
      if (named && !isEnglish(t.key) && t.key.length >= 3) seed[i] = 1;
      else if (named && !t.sentenceStart && t.key.length >= 3) seed[i] = 1;
      else if (
        named &&
        t.sentenceStart &&
        i + 1 < n &&
        SUBJECT_VERBS.has(tokens[i + 1].key) &&
        // "Hope is that…", "Will was that…": a word, not a subject.
        !(isEnglish(t.key) && i + 2 < n && ['that', 'to', 'not'].includes(tokens[i + 2].key))
      )
        seed[i] = 1;
      else if (
        !named &&
        t.sentenceStart &&
        !isEnglish(t.key) &&
        i + 1 < n &&
        HUMAN_VERBS.has(tokens[i + 1].key) &&
        /^ $/.test(gapBetween(ctx, i, i + 1))
      )
        // "Sadia presented with…": drugs and tests are "started" or "elevated", only people "present" or "report".
        seed[i] = 1;
      else if (cued && (named || (!isEnglish(t.key) && !WEAK_CUES.has(prev.key)))) seed[i] = 2;
      // "her husband Cliff", "son Rocky": after a family cue a capitalized word is a name even if it is a word.
      else if (cued && LOWERCASE_CUES.has(prev.key) && !FUNCTION_WORDS.has(t.key) && !t.sentenceStart)
        seed[i] = 2;
      else if (!isEnglish(t.key) && unknownWord(t) && !drugLike(ctx, i)) {
        seed[i] = 1;
        unknownOnly[i] = true;
      }
    } else if (
      !t.capitalized &&
      !t.allCaps &&
      titled &&
      ['mr', 'mrs', 'ms', 'mx', 'dr', 'miss', 'mme', 'prof'].includes(prev.key) &&
      t.key.length >= 3 &&
      !clinical &&
      !FUNCTION_WORDS.has(t.key) &&
      (named || !isEnglish(t.key))
    ) {
      // Voice notes without capitals: "seen mrs thandiwe mokoena".
      seed[i] = 2;
    } else if (
      !t.capitalized &&
      !t.allCaps &&
      cued &&
      !WEAK_CUES.has(prev.key) &&
      named &&
      !isEnglish(t.key)
    ) {
      // Sloppy lowercase notes: "pt maria gonzalez".
      if (!clinical) seed[i] = 2;
    } else if (
      !t.capitalized &&
      !t.allCaps &&
      cued &&
      LOWERCASE_CUES.has(prev.key) &&
      t.key.length >= 3 &&
      !clinical &&
      !FUNCTION_WORDS.has(t.key) &&
      (lists.firstNames.has(t.key) || (!isEnglish(t.key) && unknownWord(t)))
    ) {
      // "her son kevin", "pt named patricia", "his wife maria": a given name (even one that is also a
      // word) or an unknown word right after a family or naming cue.
      seed[i] = 2;
    }
  }

  // All-caps headers ("GONZALEZ, MARIA"): two adjacent name-listed all-caps words.
  for (let i = 0; i + 1 < n; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (!a.allCaps || !b.allCaps || a.key.length < 3 || b.key.length < 3) continue;
    if (!/^[\s,]{1,3}$/.test(gapBetween(ctx, i, i + 1))) continue;
    if (isName(a) && isName(b) && !isClinicalToken(a.key) && !isClinicalToken(b.key))
      seed[i] = seed[i + 1] = 1;
  }

  // Voice notes and texts without capitals: "sms from priya sharma", "spoke to john ochieng". A listed given
  // name then a listed surname or an unknown word; a given name that is also a word needs a listed surname.
  for (let i = 0; i + 1 < n; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (a.capitalized || a.allCaps || b.capitalized || b.allCaps || seed[i] || seed[i + 1]) continue;
    if (a.key.length < 3 || b.key.length < 3 || gapBetween(ctx, i, i + 1) !== ' ') continue;
    if (!lists.firstNames.has(a.key) || blocked(i) || blocked(i + 1)) continue;
    if (FUNCTION_WORDS.has(a.key) || isNeverName(a.key) || isNeverName(b.key)) continue;
    if (isClinicalToken(a.key) || isClinicalToken(b.key) || isEnglish(b.key) || drugLike(ctx, i + 1))
      continue;
    const surname = lists.lastNames.has(b.key) || (!isEnglish(a.key) && b.key.length >= 4 && unknownWord(b));
    if (!surname || (isEnglish(a.key) && !lists.lastNames.has(b.key))) continue;
    seed[i] = 2;
    seed[i + 1] = 2;
  }

  const candidates: PhiCandidate[] = [];
  const taken = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    if (!seed[i] || taken[i]) continue;
    let left = i;
    let right = i;
    let confidence = seed[i];
    const canJoin = (j: number, anchor: Token) => {
      const t = tokens[j];
      if (blocked(j) || isNeverName(t.key)) return false;
      if (t.initial) return true;
      if (anchor.allCaps && t.allCaps) return isName(t) || !isEnglish(t.key);
      if (!t.capitalized) return false;
      // Extend over further name parts, or over unknown capitalized words ("Maria Xochiquetzal").
      return isName(t) || (!isEnglish(t.key) && !isClinicalToken(t.key));
    };
    const joinable = (a: number, b: number) => {
      const gap = gapBetween(ctx, a, b);
      // "Anna S." / "S. Anna" / "Gonzalez, Maria" (comma only in all-caps or surname-first forms).
      return (
        /^ {1,2}$/.test(gap) ||
        (tokens[a].initial && /^\. ?$/.test(gap)) ||
        (tokens[a].allCaps && gap === ', ')
      );
    };
    while (right + 1 < n && joinable(right, right + 1)) {
      const next = tokens[right + 1];
      const cur = tokens[right];
      // After a given name or a title, a capitalized word is the surname even if it is a word ("Wade Gallant").
      const surnameSlot =
        (lists.firstNames.has(cur.key) || seed[right] === 2) &&
        next.capitalized &&
        !blocked(right + 1) &&
        !isNeverName(next.key) &&
        !NOT_SURNAMES.has(next.key);
      const lowercaseName =
        !cur.capitalized &&
        !next.capitalized &&
        !next.allCaps &&
        seed[i] === 2 &&
        !isEnglish(next.key) &&
        (isName(next) || unknownWord(next)) &&
        !isNeverName(next.key);
      if (canJoin(right + 1, tokens[i]) || seed[right + 1] || surnameSlot || lowercaseName) {
        right++;
        confidence = Math.max(confidence, seed[right]);
      } else if (
        PARTICLES.has(next.key) &&
        right + 2 < n &&
        joinable(right + 1, right + 2) &&
        tokens[right + 2].capitalized
      ) {
        right += 2;
      } else break;
    }
    while (left - 1 >= 0 && joinable(left - 1, left)) {
      const prev = tokens[left - 1];
      if (prev.sentenceStart && !isName(prev) && !prev.initial) break;
      // "her cousin Aune Kettunen": after a strong person cue, the capitalized word before a name joins it.
      const before = left - 2 >= 0 ? tokens[left - 2] : undefined;
      const cuedGiven =
        prev.capitalized &&
        !blocked(left - 1) &&
        !isNeverName(prev.key) &&
        before !== undefined &&
        (TITLES.has(before.key) || (PERSON_CUES.has(before.key) && !WEAK_CUES.has(before.key))) &&
        /^[\s.,]{1,3}$/.test(gapBetween(ctx, left - 2, left - 1));
      if (canJoin(left - 1, tokens[i]) || seed[left - 1] || cuedGiven) left--;
      else break;
    }
    for (let j = left; j <= right; j++) taken[j] = true;
    const first = tokens[left];
    const last = tokens[right];
    // A lone initial is not a name ("Vitamin D", "Hepatitis B"); it needs a name beside it.
    if (left === right && first.initial && confidence < 2) continue;
    let end = last.coreEnd;
    if (last.initial && ctx.text[end] === '.') end++;
    candidates.push({ kind: PhiKind.NAME, start: first.start, end, confidence: confidence === 2 ? 3 : 1 });
  }
  const add = (start: number, end: number) =>
    candidates.push({ kind: PhiKind.NAME, start, end, confidence: 3 });
  const text = ctx.text;
  for (let m = QUOTED_NICKNAME.exec(text); m; m = QUOTED_NICKNAME.exec(text)) {
    const start = m.index + m[0].lastIndexOf(m[1]);
    if (!isClinicalToken(m[1].toLowerCase())) add(start, start + m[1].length);
  }
  for (let m = QUOTED_WORD.exec(text); m; m = QUOTED_WORD.exec(text)) {
    const key = m[1].toLowerCase();
    if (lists.firstNames.has(key) && !isEnglish(key) && !isClinicalVocabulary(key) && !isNeverName(key))
      add(m.index + 1, m.index + 1 + m[1].length);
  }
  for (let m = INITIALS.exec(text); m; m = INITIALS.exec(text)) {
    if (!NOT_INITIALS.has(m[0].replace(/[\s-]/g, ''))) add(m.index, m.index + m[0].length);
  }
  for (let m = NAME_THEN_RELATION.exec(text); m; m = NAME_THEN_RELATION.exec(text)) {
    const key = m[1].toLowerCase();
    if (FUNCTION_WORDS.has(key) || isNeverName(key) || isClinicalToken(key)) continue;
    if (!/^\p{Lu}/u.test(m[1])) continue;
    add(m.index, m.index + m[1].length);
  }
  return candidates;
}

function nameListed(key: string, first: Set<string>, last: Set<string>): boolean {
  if (first.has(key) || last.has(key)) return true;
  if (MAC_PREFIX.test(key) || APOSTROPHE_PREFIX.test(key)) return true;
  if (key.includes('-'))
    return key.split('-').some((part) => part.length >= 3 && (first.has(part) || last.has(part)));
  return false;
}

/** "Australian", "Canadian", "Brazilian": nationality adjectives, not surnames. */
function isDemonym(key: string, regions: Set<string>): boolean {
  if (key.endsWith('n') && regions.has(key.slice(0, -1))) return true;
  if (key.endsWith('ian') && (regions.has(`${key.slice(0, -3)}ia`) || regions.has(`${key.slice(0, -3)}a`)))
    return true;
  if (key.endsWith('ese') && regions.has(key.slice(0, -3))) return true;
  return false;
}
