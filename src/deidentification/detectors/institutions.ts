import { type PhiCandidate, PhiKind } from '../phi-kind.js';
import { type DetectionContext, gapBetween } from './context.js';
import { matchAll } from './regex-util.js';

/** Capitalized nouns that end (or start, with "of"/"for") an institution's name. */
const HEADS = new Set([
  'hospital',
  'hospitals',
  'clinic',
  'clinics',
  'centre',
  'center',
  'centres',
  'centers',
  'infirmary',
  'hospice',
  'sanatorium',
  'sanitarium',
  'institute',
  'pharmacy',
  'laboratory',
  'laboratories',
  'lab',
  'labs',
  'healthcare',
  'health',
  'network',
  'system',
  'services',
  'authority',
  'team',
  'group',
  'associates',
  'practice',
  'physicians',
  'university',
  'college',
  'school',
  'academy',
  'general',
  'memorial',
  'manor',
  'lodge',
  'villa',
  'home',
  'residence',
  'partners',
  'foundation',
  'polyclinic',
  'dispensary',
  'hôpital',
  'clinique',
  'chu',
  'chum',
  'cliniques',
  'medicentre',
  'medicenter',
  'rehab',
  'rehabilitation',
  'sciences',
  'care',
  'station',
  'midwives',
  'midwifery',
  'physio',
  'physiotherapy',
  'chiropractic',
  'dentistry',
  'optometry',
  'diagnostics',
  'hospitalier',
]);
/** Heads too generic to stand for an institution without another distinctive word before them. */
const WEAK_HEADS = new Set([
  'health',
  'network',
  'system',
  'services',
  'authority',
  'team',
  'group',
  'associates',
  'practice',
  'physicians',
  'general',
  'memorial',
  'home',
  'residence',
  'partners',
  'foundation',
  'care',
  'station',
  'sciences',
  'lab',
  'labs',
  'rehab',
  'rehabilitation',
  'school',
  'college',
  'academy',
  'manor',
  'lodge',
  'villa',
  'team',
]);
/** Words that describe a service, not an organisation: "Cardiology Clinic" names no one. */
const GENERIC = new Set(
  `the a an of for and at in on to st saint mount mt family medical medicine health community regional general
  memorial university children's childrens women's womens men's veterans walk-in walk urgent care outpatient
  inpatient primary emergency teaching public private rural county city district provincial state national
  royal hospital clinic centre center institute cardiology cardiac heart oncology cancer dialysis renal kidney
  fracture diabetes memory pain sleep eye ear nose throat ent skin dermatology allergy asthma respiratory lung
  pulmonary chest breast women maternity obstetrics prenatal antenatal fertility sexual std hiv travel
  vaccination immunization mental psychiatric psychiatry addiction addictions methadone opioid substance
  rehabilitation rehab physiotherapy physio physical occupational speech hearing vision dental wound stroke
  neurology neuro epilepsy movement headache spine orthopedic orthopaedic sports bone joint hand foot
  podiatry gastroenterology gi liver hepatology endocrine endocrinology thyroid obesity bariatric weight
  geriatric geriatrics seniors pediatric paediatric pediatrics paediatrics adolescent youth infant newborn
  neonatal trauma burn surgical surgery day ambulatory infusion transfusion anticoagulation warfarin inr
  lipid hypertension heart-failure vascular rheumatology arthritis lupus ibd transplant palliative hospice
  nursing long-term long term chronic complex continuing acute critical intensive imaging radiology
  ultrasound mri ct x-ray lab laboratory pathology blood testing screening assessment diagnostic
  treatment wellness healthcare health-care specialty specialist medicentre same-day after-hours clinic's
  minor injury injuries virtual telehealth mobile home school student employee campus research clinical
  academic satellite main north south east west central downtown uptown new old upper lower`.split(/\s+/),
);
/** Well-known institutions whose names carry no head noun. Written for this project. */
// Quebec health establishments are named by acronym: "CISSS des Laurentides", "CLSC Côte-des-Neiges".
const QUEBEC_ESTABLISHMENT =
  /\b(?:CISSS|CIUSSS|CSSS|CLSC|CHSLD|CHU|CHUQ|CHUS|CHUL|GMF)(?:\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])?\s?[A-ZÀ-Ý][\wÀ-ÿ'’-]*(?:\s+[A-ZÀ-Ý][\wÀ-ÿ'’-]*){0,3})?/g;
const KNOWN_INSTITUTIONS =
  /\b(?:Sunnybrook|SickKids|Sick\s+Kids|CHEO|Mayo\s+Clinic|Cleveland\s+Clinic|Johns\s+Hopkins|Mass(?:achusetts)?\s+General|Mount\s+Sinai|Cedars[-\s]Sinai|Kaiser(?:\s+Permanente)?|Brigham(?:\s+and\s+Women['’]s)?|Sloan[-\s]Kettering|MD\s+Anderson|Dana[-\s]Farber|Princess\s+Margaret|Toronto\s+Western|Toronto\s+General|Women['’]s\s+College|Holland\s+Bloorview|CAMH|Baycrest|Trillium|Humber\s+River|Scarborough\s+Health|Unity\s+Health|UHN|Sinai\s+Health|Hamilton\s+Health\s+Sciences|Foothills|Vancouver\s+General|VGH|Jewish\s+General|McGill\s+University\s+Health|MUHC|CHUM|CHU\s+Sainte-Justine|Sainte-Justine|Montreal\s+Children['’]s|Stollery|Alberta\s+Children['’]s|BC\s+Children['’]s|IWK|Health\s+Sciences\s+Centre|Victoria\s+General|Royal\s+Columbian|Lions\s+Gate|Kingston\s+General|KGH|London\s+Health\s+Sciences|LHSC|Grand\s+River|Credit\s+Valley|Bellevue|Presbyterian|NYU\s+Langone|Mount\s+Auburn|Beth\s+Israel|Lahey|Geisinger|Intermountain|Ochsner|Vanderbilt|Stanford\s+Health|UCSF|UCLA\s+Health|Duke\s+Health|Emory|Northwell|Montefiore|Hopkins)\b/g;

// "St. Michael's", "St Joseph's", "Saint Mary's" stand for hospitals in Canadian and US notes.
const SAINT_POSSESSIVE =
  /\b(?:St\.?|Saint|Ste\.?|Sainte)\s{1,2}[A-Z][a-z]+(?:['’]s)?(?:\s{1,2}(?:Hospital|Health(?:\s+Centre|\s+Center|\s+Care)?|Healthcare|Regional|General|Medical\s+Cent(?:re|er)|Home|Hospice|Infirmary|Villa|Manor|Lodge))*/g;

const ABBREVIATED = new Set(['st', 'ste', 'mt', 'ft']);

export function detectInstitutions(ctx: DetectionContext): PhiCandidate[] {
  const { tokens, text } = ctx;
  const out: PhiCandidate[] = [];
  const add = (start: number, end: number, confidence: number) =>
    out.push({ kind: PhiKind.INSTITUTION, start, end, confidence });
  const joinable = (a: number, b: number) => {
    const gap = gapBetween(ctx, a, b);
    if (/^\.\s{1,2}$/.test(gap)) return ABBREVIATED.has(tokens[a].key);
    return /^(?:\s{1,2}|\s{0,2}&\s{0,2}|-)$/.test(gap);
  };
  const nameWord = (i: number) =>
    tokens[i].capitalized ||
    tokens[i].allCaps ||
    ['of', 'the', 'and', 'for', 'de', 'du', 'la', 'des'].includes(tokens[i].key);

  for (let h = 0; h < tokens.length; h++) {
    const head = tokens[h];
    if (!head.capitalized || !HEADS.has(head.key) || ctx.protectedToken[h]) continue;
    let left = h;
    while (left > 0 && h - left < 6 && joinable(left - 1, left) && nameWord(left - 1)) left--;
    while (left < h && ['of', 'the', 'and', 'for'].includes(tokens[left].key)) left++;
    let right = h;
    // "Hospital for Sick Children", "University of Ottawa Heart Institute"
    while (right + 1 < tokens.length && right - h < 6 && joinable(right, right + 1) && nameWord(right + 1))
      right++;
    while (right > h && !tokens[right].capitalized && !tokens[right].allCaps) right--;
    let distinctive = false;
    for (let k = left; k <= right; k++) {
      if (k !== h && !GENERIC.has(tokens[k].key) && !HEADS.has(tokens[k].key)) distinctive = true;
    }
    if (!distinctive) continue;
    if (WEAK_HEADS.has(head.key) && right === h && h - left < 1) continue;
    add(tokens[left].start, tokens[right].coreEnd, 2);
    h = right;
  }
  for (const re of [KNOWN_INSTITUTIONS, QUEBEC_ESTABLISHMENT]) {
    matchAll(text, re, (m) => add(m.index, m.index + m[0].length, 2));
  }
  matchAll(text, SAINT_POSSESSIVE, (m) => {
    // "St. John's wort" and "St. Louis encephalitis" are clinical; protected phrases win.
    const i = firstTokenAtOrAfter(ctx, m.index);
    if (i < tokens.length && ctx.protectedToken[i]) return;
    add(m.index, m.index + m[0].length, 2);
  });
  return out;
}

function firstTokenAtOrAfter(ctx: DetectionContext, index: number): number {
  let lo = 0;
  let hi = ctx.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.tokens[mid].start < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
