/**
 * Clinical vocabulary that looks like names or places: eponyms, place-named diseases, scores and brand
 * names. Written for this project. Tokens here are never redacted on dictionary evidence alone; a title
 * cue ("Dr. Addison") still wins because then the word is plainly a person.
 */
const EPONYMS = `
addison adson alzheimer apgar apley argyll asperger babinski barr barre barré barrett bartter bartholin
becker behcet behçet bell bence berger bezold billroth blumberg boas boerhaave bouchard bowen bragard
brenner broca brodie brudzinski brugada buerger burkitt caplan charcot chagas chiari chiba chvostek
clostridium coombs colles corrigan courvoisier coxsackie creutzfeldt crigler crohn cullen curling
cushing danlos darier dejerine dix doppler down dressler dubin duchenne dupuytren ebstein ehlers
eisenmenger ellison epley erb ewing fabry fallot fanconi felty finkelstein foley fournier friedreich
galeazzi gardner gaucher gehrig gerstmann giemsa glanzmann gleason goodpasture gottron gower gowers gram
graves grey guillain guyon hallpike hamman hashimoto heberden heimlich henoch hickman hirschsprung
hodgkin hoffmann holter homan homans horner huntington hurler hutchinson jaccoud jakob janeway jarisch
jeghers kaposi kartagener kasabach kawasaki kayser kernig kernohan kimmelstiel klatskin klebsiella
klinefelter klippel klumpke kocher koplik korotkoff korsakoff krabbe krukenberg kussmaul lasegue lasègue
leriche lesch lewy libman lisfranc lofgren löfgren lugol lyme mallory mallampati marburg marfan mcburney
mcmurray mcroberts meckel meige meigs meniere menière merkel mirizzi mobitz monteggia munchausen
nikolsky nissen noonan norwalk ollier ortolani osgood osler paget pancoast papanicolaou pap parinaud
parkinson peutz peyronie phalen pick pickwickian plummer pott prader prinzmetal purkinje quincke ranson
raynaud reiter rett reye riedel ringer romberg rotor rovsing roux schatzki schober schwann sheehan
sipple sjogren sjögren spurling stokes sturge takayasu tietze tinel tourette trendelenburg treacher
trousseau valsalva virchow volkmann waldenstrom waldenström wallenberg waterhouse wegener wenckebach
wernicke whipple willebrand wilms wolff zenker zollinger bankart sachs segond smith-petersen maisonneuve
weil widal wassermann mantoux quantiferon schirmer tzanck auspitz koebner kerley weiss troisier
lhermitte uhthoff kearns gastaut dravet mobius möbius chaddock oppenheim wartenberg chads vasc hasbled
meld glasgow blatchford rockall centor mcisaac alvarado braden waterlow tinetti lawton karnofsky ecog
nyha timi tyrer cuzick bosniak birads tirads lirads pirads breslow bayley wechsler beery pfannenstiel
`;

/** Place-named and other multi-word clinical phrases that must not become LOCATION or NAME. */
const PROTECTED_PHRASES = [
  'west nile',
  'rocky mountain spotted fever',
  'rocky mountain',
  'lyme disease',
  'lyme',
  'ebola',
  'zika',
  'marburg',
  'lassa fever',
  'lassa',
  'hendra',
  'nipah',
  'hantaan',
  'rift valley fever',
  'crimean-congo',
  'ross river',
  'murray valley',
  'kyasanur forest',
  'omsk',
  'powassan',
  'colorado tick fever',
  'st. louis encephalitis',
  'st louis encephalitis',
  'saint louis encephalitis',
  'japanese encephalitis',
  'eastern equine',
  'western equine',
  'venezuelan equine',
  'la crosse',
  'jamestown canyon',
  'middle east respiratory',
  'spanish flu',
  'hong kong flu',
  'asian flu',
  'norwalk',
  'coxsackie',
  'legionnaires',
  "legionnaire's",
  'stockholm syndrome',
  "st. john's wort",
  "st john's wort",
  "saint john's wort",
  'st. vitus',
  'st vitus',
  "st. anthony's fire",
  'mediterranean fever',
  'mediterranean diet',
  'mediterranean spotted fever',
  'boston criteria',
  'boston bowel',
  'new york heart association',
  'american heart association',
  'american college',
  'american diabetes association',
  'american thoracic society',
  'canadian cardiovascular society',
  'canadian task force',
  'canadian ct head',
  'canadian c-spine',
  'ottawa ankle',
  'ottawa knee',
  'ottawa sah',
  'glasgow coma scale',
  'glasgow-blatchford',
  'los angeles classification',
  'los angeles grade',
  'lou gehrig',
  'down syndrome',
  "down's syndrome",
  'bell palsy',
  "bell's palsy",
  'guillain-barré',
  'guillain-barre',
  'guillain barré',
  'guillain barre',
  'epstein-barr',
  'epstein barr',
  'creutzfeldt-jakob',
  'charcot-marie-tooth',
  'wolff-parkinson-white',
  'ehlers-danlos',
  'brown-séquard',
  'brown-sequard',
  'mallory-weiss',
  'zollinger-ellison',
  'peutz-jeghers',
  'von willebrand',
  'von hippel-lindau',
  'von recklinghausen',
  'de quervain',
  'de novo',
  'van gogh',
  'osgood-schlatter',
  'legg-calvé-perthes',
  'legg-calve-perthes',
  'sister mary joseph',
  'hand-schüller-christian',
  'stevens-johnson',
  'swan-ganz',
  'wells score',
  'wells criteria',
  'kaplan-meier',
  'kaplan meier',
  'bland-altman',
  'mann-whitney',
  'new zealand',
  'south african',
  'brazilian',
  'madura foot',
  'delhi belly',
  'baghdad boil',
  'oriental sore',
  'gulf war',
  'bornholm',
  'chagas',
  'q fever',
  'valley fever',
  'san joaquin',
  'pontiac fever',
  'tasmanian',
  'maryland bridge',
  'austin flint',
  'roux-en-y',
];

/** Nouns after which a capitalized word is an eponym, not a person: "Addison disease", "Murphy's sign". */
const CLINICAL_HEADS = new Set(
  `disease syndrome sign signs test tests palsy maneuver manoeuvre score scale criteria classification
  reflex triad phenomenon tumor tumour lymphoma sarcoma procedure operation fracture law ratio node nodes
  ulcer esophagus oesophagus thyroiditis encephalopathy ophthalmopathy virus fever position catheter stain
  disorder anomaly malformation deformity dystrophy ataxia chorea dementia neuralgia neuropathy lesion
  lesions nodule nodules cell cells body bodies point line lines spots spot murmur pulse respiration
  breathing node repair graft shunt flap incision approach technique method equation formula index
  rule rules questionnaire inventory protocol regimen diet toxin bacillus agar medium solution reaction
  ring rings contracture cyst cysts gland glands canal duct ligament membrane area fossa space pouch
  knot bundle fibers fibres tract circle valve classification staging stage grade grading system
  aneurysm angina arteritis anemia anaemia plexus sequence effect hypothesis curve bag tube tubes
  lens loop diverticulum granulomatosis chromosome translocation protein proteins rods pupil pupils
  fingers bypass granules crystals sounds bodies nodes
  maneuvre manoeuver stitch suture forceps retractor tourniquet mask splint brace boot cast`.split(/\s+/),
);

/** Common English and clinical words that name lists contain but that are almost never names in notes. */
const NEVER_NAME = `
general major minor will may can best early late long lead normal baby gene ace pat van von de la le del
di da du des den der dos el al bin ibn st saint mount mt fort port lake river north south east west
patient pt mr mrs ms dr miss doctor nurse sister mother father son daughter wife husband family friend
the a an and or of in on at to for with by from no not yes if but as is was be are were has had have
history plan assessment impression diagnosis exam examination labs lab imaging medications medication
allergies allergy social hpi ros cc chief complaint vitals vital signs physical course follow followup
summary discharge admission admit consult consultation note notes progress update addendum
monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday morning evening night
january february march april june july august september october november december
emergency department ward unit floor icu er ed or pacu nicu picu ccu room bed clinic hospital centre center
type stage grade class level day days week weeks month months year years hour hours
english french spanish african asian caucasian hispanic latino black white
christian muslim jewish catholic hindu buddhist
covid sars influenza flu strep staph
mg mcg ml kg cm mm mmhg bpm
`;

const CLINICAL_TOKEN_SET = new Set(EPONYMS.split(/\s+/).filter(Boolean));
const NEVER_NAME_SET = new Set(NEVER_NAME.split(/\s+/).filter(Boolean));

/** True for eponyms and place-named diseases: not a person or place on dictionary evidence alone. */
export function isClinicalToken(key: string): boolean {
  return CLINICAL_TOKEN_SET.has(key);
}

/** True for words that must not start or extend a name even when capitalized. */
export function isNeverName(key: string): boolean {
  return NEVER_NAME_SET.has(key);
}

export function isClinicalHead(key: string): boolean {
  return CLINICAL_HEADS.has(key);
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first so "rocky mountain spotted fever" wins over "rocky mountain".
const PROTECTED_RE = new RegExp(
  `(?<![A-Za-z])(?:${[...PROTECTED_PHRASES]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegex(p).replace(/'/g, "['’]").replace(/ /g, '\\s+'))
    .join('|')})(?![A-Za-z])`,
  'gi',
);

/** Character ranges of protected clinical phrases, so other detectors can skip tokens inside them. */
export function findProtectedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(PROTECTED_RE)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}
