import { isClinicalToken, isClinicalVocabulary } from '../clinical-allow-list.js';
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
  'secondary',
  'elementary',
  'collegiate',
  'montessori',
  'daycare',
  'walk-in',
  'mart',
  'drugs',
  'apothecary',
  'residences',
  // Companies (employers, suppliers, labs): "Lancet Laboratories Pty Ltd", "Safaricom Ltd", "Johnson Inc."
  'inc',
  'ltd',
  'llc',
  'pty',
  'plc',
  'gmbh',
  'corp',
  'corporation',
  'incorporated',
  'limited',
  'technologies',
  'systems',
  'solutions',
  'consulting',
  'analytics',
  'agency',
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
  'secondary',
  'elementary',
  'daycare',
  'walk-in',
  'mart',
  'drugs',
  'limited',
  'systems',
  'solutions',
  'consulting',
  'analytics',
  'agency',
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
  /\b(?:Sunnybrook|SickKids|Sick\s+Kids|CHEO|Mayo\s+Clinic|Cleveland\s+Clinic|Johns\s+Hopkins|Mass(?:achusetts)?\s+General|Mount\s+Sinai|St\.?\s+Mike['’]s|St\.?\s+Joe['’]s|Sick\s+Kids['’]?|Mass\s+Gen|Royal\s+Alex(?:andra)?|Royal\s+Jubilee|Royal\s+Victoria|Royal\s+University|Royal\s+Inland|QEII|Queensway[-\s]Carleton|Juravinski|Rockyview|Peter\s+Lougheed|Misericordia|Grey\s+Nuns|Glenrose|Bridgepoint|Southlake|Michael\s+Garron|Markham\s+Stouffville|Joseph\s+Brant|Montfort|Bruyère|Parkwood|Health\s+Sciences\s+North|Addenbrooke['’]s|Guy['’]s\s+and\s+St\.?\s+Thomas['’]|Great\s+Ormond\s+Street|Royal\s+Melbourne|Royal\s+Prince\s+Alfred|Westmead|Groote\s+Schuur|Mass\s+Eye\s+and\s+Ear|Cedars[-\s]Sinai|Kaiser(?:\s+Permanente)?|Brigham(?:\s+and\s+Women['’]s)?|Sloan[-\s]Kettering|MD\s+Anderson|Dana[-\s]Farber|Princess\s+Margaret|Toronto\s+Western|Toronto\s+General|Women['’]s\s+College|Holland\s+Bloorview|CAMH|Baycrest|Trillium|Humber\s+River|Scarborough\s+Health|Unity\s+Health|UHN|Sinai\s+Health|Hamilton\s+Health\s+Sciences|Foothills|Vancouver\s+General|VGH|Jewish\s+General|McGill\s+University\s+Health|MUHC|CHUM|CHU\s+Sainte-Justine|Sainte-Justine|Montreal\s+Children['’]s|Stollery|Alberta\s+Children['’]s|BC\s+Children['’]s|IWK|Health\s+Sciences\s+Centre|Victoria\s+General|Royal\s+Columbian|Lions\s+Gate|Kingston\s+General|KGH|London\s+Health\s+Sciences|LHSC|Grand\s+River|Credit\s+Valley|Bellevue|Presbyterian|NYU\s+Langone|Mount\s+Auburn|Beth\s+Israel|Lahey|Geisinger|Intermountain|Ochsner|Vanderbilt|Stanford\s+Health|UCSF|UCLA\s+Health|Duke\s+Health|Emory|Northwell|Montefiore|Hopkins)\b/g;

// "St. Michael's", "St Joseph's", "Saint Mary's" stand for hospitals in Canadian and US notes.
const SAINT_POSSESSIVE =
  /\b(?:St\.?|Saint|Ste\.?|Sainte)\s{1,2}[A-Z][a-z]+(?:['’]s)?(?:\s{1,2}(?:Hospital|Health(?:\s+Centre|\s+Center|\s+Care)?|Healthcare|Regional|General|Medical\s+Cent(?:re|er)|Home|Hospice|Infirmary|Villa|Manor|Lodge))*/g;

const ABBREVIATED = new Set(['st', 'ste', 'mt', 'ft']);

// "transferred from the General", "at the Royal": a hospital known by its bare adjective, after a place cue.
const THE_NICKNAME =
  /\b(?:at|to|from|in|via|of|into)\s{1,2}the\s{1,2}(?:General|Royal|Civic|Grace|Mater|Western|Jewish|Children['’]s|Queen['’]s|Alex|Rotunda|Infirmary|Misericordia|Royal\s+Alex|Royal\s+Vic|Vic|Mac|Montreal\s+General|Ottawa\s+Hospital)\b(?!\s{1,2}(?:[A-Z]|ward|surgery|medicine|internal|practice|public|population|anaesthe|anesthe|appearance|condition|health|principles?|rule|approach|idea|sense)|-)/g;
// Employers, schools and facilities named after a social-history or transfer cue: "works at Costco",
// "attends Westdale Secondary", "employed by Magna", "transferred to Queensway Carleton".
const ORG_CUE =
  /\b(?:works?\s{1,2}(?:at|for)|[Ww]orking\s{1,2}(?:at|for)|[Ww]orked\s{1,2}(?:at|for)|[Ee]mployed\s{1,2}(?:by|at|with)|[Ee]mployee\s{1,2}(?:of|at)|[Jj]ob\s{1,2}at|[Ss]hifts?\s{1,2}at|[Rr]etired\s{1,2}from|attends|attended|attending|[Ee]nrolled\s{1,2}(?:at|in)|[Ss]tudent\s{1,2}at|[Ss]tudies\s{1,2}at|[Tt]eacher\s{1,2}at|[Tt]ransferred\s{1,2}(?:from|to)|[Tt]ransfer\s{1,2}(?:from|to)|[Ss]een\s{1,2}at|[Aa]dmitted\s{1,2}(?:to|at)|[Ff]ollowed\s{1,2}at|[Aa]ssessed\s{1,2}at|[Tt]reated\s{1,2}at|[Dd]elivered\s{1,2}at|[Dd]ischarged\s{1,2}from|[Pp]resented\s{1,2}to|[Ss]ent\s{1,2}from|[Rr]eferred\s{1,2}(?:from|to))\s{1,2}((?:[A-Z][\p{L}'’&-]*|[A-Z]{3,})(?:\s{1,2}(?:[A-Z][\p{L}'’&-]*|[A-Z]{2,}|&|of|de|du)){0,4})/gu;
/** Capitalized words after a transfer cue that name a service or unit, not an organisation. */
const SERVICE_WORDS = new Set(
  `icu ccu cvicu nicu picu micu sicu hdu pacu ed er or ot ward unit floor stepdown step-down tele telemetry
  medicine surgery ortho orthopedics orthopaedics cardiology neurology nephrology oncology hematology
  haematology psychiatry pediatrics paediatrics obstetrics gynecology gynaecology urology gi ent plastics
  vascular neurosurgery hospitalist hospitalists internal family palliative rehab rehabilitation geriatrics
  icu's ltc long-term acute subacute transitional observation obs triage resus resuscitation
  emergency intensive critical care step down high dependency labour labor delivery l&d postpartum
  this that these their his her the a an our same another other outside home hospice dialysis
  physiotherapy physio ot pt slp speech occupational social work school college university daycare
  church grade kindergarten jk sk mass monday tuesday wednesday thursday friday saturday sunday aa na
  meetings meeting program programs group class classes full part time`.split(/\s+/),
);

// An acronym after a movement cue names a hospital ("then to RPA", "came from LUTH", "back to KATH"),
// unless it is a ward, service, test or region ("moved to ICU", "sent to CT", "came from NSW").
const ACRONYM_CUE =
  /\b(?:came|come|comes|coming|moved|went|go|goes|going|taken|took|brought|sent|then|back|flown|airlifted|retrieved|ambulanced|transported|returned|bounced|shipped|rushed|trip|visit|visits|visited|works|worked|nurse|doctor|registrar|resident|intern|consultant|admission|admitted|transferred|transfer|referred|referral|discharged|presented|seen|reviewed|delivered|born|followed|managed|booked|stayed|died)\s{1,2}(?:back\s{1,2}|over\s{1,2}|up\s{1,2}|down\s{1,2})?(?:to|from|at|via|in)\s{1,2}(?:the\s{1,2})?([A-Z]{3,6})(?:['’]s)?(?![\p{L}\d&/-])/giu;
const NOT_HOSPITAL_ACRONYMS = new Set(
  `icu ccu hdu itu nicu picu scbu sicu micu cvicu cticu neuroicu nnu ed er ae opd ipd mau amu sau eau cdu acu emu
  ssu ctu pacu pacu ent gi mri ct cxr ecg ekg echo eeg emg usg pet dexa ir gp ltc snf obs gyn obgyn sdec aau
  rau pau cau mfu ohc ane dka ards copd chf ccf aki ckd uti hiv tb icd ppe cpr bls acls als hems rfds nhs
  hse vha irb ems ama dnr dnar nfr oos std sti rsv covid sars ptsd adhd asd iv im sc po prn nsw vic qld tas
  act usa uae uk eu nz rsa drc kzn ncr cbd ptl nyc usd aud inr cabg pci tavi ercp ogd egd lp tpn ngt peg
  rrt cvvh ivf gyne paeds peds mdt ot pt slp sw rn np pa md mbbs frcs mrcp icp ppi tia stemi nstemi`.split(
    /\s+/,
  ),
);

export function detectInstitutions(ctx: DetectionContext): PhiCandidate[] {
  const { tokens, text } = ctx;
  const out: PhiCandidate[] = [];
  const add = (start: number, end: number, confidence: number) =>
    out.push({ kind: PhiKind.INSTITUTION, start, end, confidence });
  const joinable = (a: number, b: number) => {
    const gap = gapBetween(ctx, a, b);
    if (/^\.\s{1,2}$/.test(gap)) return ABBREVIATED.has(tokens[a].key) || tokens[a].initial;
    return /^(?:\s{1,2}|\s{0,2}&\s{0,2}|-)$/.test(gap);
  };
  const nameWord = (i: number) =>
    tokens[i].capitalized ||
    tokens[i].allCaps ||
    tokens[i].initial ||
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
  matchAll(text, THE_NICKNAME, (m) => {
    const start = m.index + m[0].search(/the\s/);
    add(start, m.index + m[0].length, 2);
  });
  matchAll(text, ORG_CUE, (m) => {
    const name = m[1];
    const start = m.index + m[0].length - name.length;
    const first = firstTokenAtOrAfter(ctx, start);
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1].end <= start + name.length) last++;
    // Trim trailing function words; skip services ("admitted to Medicine") and places the location detector owns.
    while (last > first && ['of', 'de', 'du'].includes(tokens[last].key)) last--;
    let distinctive = false;
    for (let k = first; k <= last; k++) {
      const key = tokens[k].key;
      if (ctx.protectedToken[k]) return;
      if (tokens[k].allCaps && NOT_HOSPITAL_ACRONYMS.has(key)) continue;
      if (!SERVICE_WORDS.has(key) && !GENERIC.has(key) && !HEADS.has(key) && !ctx.lists.regions.has(key))
        distinctive = true;
    }
    if (!distinctive || first >= tokens.length) return;
    add(tokens[first].start, tokens[last].coreEnd, 1);
  });
  matchAll(text, ACRONYM_CUE, (m) => {
    const key = m[1].toLowerCase();
    if (m[1] !== m[1].toUpperCase()) return;
    if (NOT_HOSPITAL_ACRONYMS.has(key) || SERVICE_WORDS.has(key) || ctx.lists.regions.has(key)) return;
    if (isClinicalToken(key) || isClinicalVocabulary(key)) return;
    const start = m.index + m[0].lastIndexOf(m[1]);
    add(start, start + m[1].length, 1);
  });
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
