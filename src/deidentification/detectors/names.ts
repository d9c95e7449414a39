import { isClinicalToken, isNeverName } from '../clinical-allow-list.js';
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
]);

/** Words after which a capitalized word (or an unknown lowercase one) is very likely a person. */
const PERSON_CUES = new Set([
  'pt',
  'patient',
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
  'grandma',
  'grandpa',
  'aunt',
  'uncle',
  'niece',
  'nephew',
  'cousin',
  'boyfriend',
  'girlfriend',
  'fiance',
  'fiancé',
  'fiancée',
  'mom',
  'mum',
  'dad',
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
  'roommate',
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
  'resident',
  'mrn',
  'name',
  'aka',
  'alias',
  'nee',
  'née',
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

const MAC_PREFIX = /^(?:mc|mac)[a-z]{3,}$/;
const APOSTROPHE_PREFIX = /^[od]['’][a-z]{2,}$/;

export function detectNames(ctx: DetectionContext): PhiCandidate[] {
  const { tokens, lists } = ctx;
  const n = tokens.length;
  const isName = (t: Token) => nameListed(t.key, lists.firstNames, lists.lastNames);
  const isEnglish = (key: string) => lists.englishWords.has(key);
  const blocked = (i: number) => ctx.protectedToken[i] || followedByClinicalHead(ctx, i);
  const seed = new Array<number>(n).fill(0); // 0 none, 1 dictionary, 2 cue-backed

  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (blocked(i)) continue;
    const prev = i > 0 ? tokens[i - 1] : undefined;
    const prevAdjacent = prev !== undefined && /^[\s.,:]{0,3}$/.test(gapBetween(ctx, i - 1, i));
    const titled = prevAdjacent && TITLES.has(prev.key) && /^\.?\s{1,3}$/.test(gapBetween(ctx, i - 1, i));
    const cued = prevAdjacent && PERSON_CUES.has(prev.key);
    const named = isName(t);
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
      else if (named && t.sentenceStart && i + 1 < n && SUBJECT_VERBS.has(tokens[i + 1].key)) seed[i] = 1;
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
        !cur.capitalized && !next.capitalized && seed[i] === 2 && isName(next) && !isEnglish(next.key);
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
      if (canJoin(left - 1, tokens[i]) || seed[left - 1]) left--;
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
  return candidates;
}

function nameListed(key: string, first: Set<string>, last: Set<string>): boolean {
  if (first.has(key) || last.has(key)) return true;
  if (MAC_PREFIX.test(key) || APOSTROPHE_PREFIX.test(key)) return true;
  if (key.includes('-'))
    return key.split('-').some((part) => part.length >= 3 && (first.has(part) || last.has(part)));
  return false;
}
