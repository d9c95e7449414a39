import {
  BRAND_DRUGS,
  DEVICES,
  GENERIC_DRUGS,
  MORE_EPONYMS,
  ORGANISMS,
  PROCEDURES,
  SCORES,
} from './clinical-lexicon.js';

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
killip forrester schonlein schönlein pugh cheyne kehr levine framingham hartmann
duroziez quincke traube mayne kussmaul westermark hampton lachman mcconnell thompson simmonds
allen finkelstein hawkins neer speed yergason obrien jobe drawer ottawa rotterdam pugh
weil widal wassermann mantoux quantiferon schirmer tzanck auspitz koebner kerley weiss troisier
lhermitte uhthoff kearns gastaut dravet mobius möbius chaddock oppenheim wartenberg chads vasc hasbled
meld glasgow blatchford rockall centor mcisaac alvarado braden waterlow tinetti lawton karnofsky ecog
nyha timi tyrer cuzick bosniak birads tirads lirads pirads breslow bayley wechsler beery pfannenstiel
`;

/** Place-named and other multi-word clinical phrases that must not become LOCATION or NAME. */
const PROTECTED_PHRASES = [
  'royal college',
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
  maneuvre manoeuver stitch suture forceps retractor tourniquet mask splint brace boot cast
  drain drains reservoir cardiomyopathy myopathy pentad tetrad aphasia smear smears clip device pump port
  hearing aid stent stents coil filter balloon sheath cannula needle blade laryngoscope nail plate screw
  implant prosthesis valve sore rash carcinoma leukemia leukaemia vaccine block blockade variant pattern
  wave waves complex hernia dysplasia arthritis bursitis tenosynovitis neuroma angle zone stockings
  dressing bandage clamp pacemaker defibrillator tube gastropathy nephropathy glomerulonephritis
  nephritis hepatitis myelopathy radiculopathy disc osteotomy fundoplication gastrectomy pancreatoduodenectomy
  anastomosis pouch colitis tenotomy reconstruction arthrodesis fusion sheath drops spray
  tests criteria scoring questionnaire assessment checklist inventory index indices
  nomogram calculator chart charts curves percentile percentiles lesion lesions lymphadenopathy
  encephalitis meningitis pneumonia vasculitis sclerosis atrophy myelitis tenderness
  lens lenses orthosis collar frame traction splinting view views projection
  incision approach toxicity reaction solution`.split(/\s+/),
);

/** Common English and clinical words that name lists contain but that are almost never names in notes. */
const NEVER_NAME = `
sex gender
general major minor will may can best early late long lead normal baby gene ace pat van von de la le del
di da du des den der dos el al bin ibn st saint mount mt fort port lake river north south east west
he she they we you it his her him hers them their our your its this that these those
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

/**
 * Capitalized words in clinical notes that no English dictionary holds but that are never people: brand
 * drug names, organisms, lab and charting abbreviations, languages and peoples, vaccine makers. Written
 * for this project. Unknown capitalized words not listed here are treated as possible names (Philter's idea).
 */
const CLINICAL_VOCABULARY = `
tylenol advil motrin aleve aspirin asa lasix eliquis xarelto pradaxa savaysa coumadin plavix brilinta effient
lipitor crestor zocor pravachol zetia repatha praluent entresto norvasc lopressor toprol coreg altace
diovan cozaar avapro micardis benicar tenormin cardizem lanoxin amiodarone multaq aldactone inspra jardiance
farxiga invokana ozempic wegovy mounjaro zepbound trulicity victoza saxenda januvia janumet glucophage
lantus levemir tresiba toujeo humalog novolog novorapid apidra basaglar humulin novolin ryzodeg xultophy
synthroid eltroxin tapazole prednisone medrol decadron solumedrol humira remicade stelara entyvio skyrizi
rinvoq xeljanz enbrel cimzia simponi cosentyx taltz dupixent xolair nucala fasenra tezspire ocrevus
tysabri kesimpta tecfidera gilenya aubagio copaxone keppra dilantin tegretol lamictal depakote depakene
trileptal topamax zonegran vimpat briviact onfi frisium ativan valium xanax klonopin rivotril restoril
ambien zopiclone imovane seroquel zyprexa risperdal abilify rexulti latuda invega haldol clozaril
prozac zoloft paxil celexa lexapro cipralex effexor pristiq cymbalta wellbutrin remeron trazodone desyrel
elavil lithobid vyvanse adderall concerta ritalin biphentin strattera intuniv suboxone sublocade
methadose narcan kadian oxycontin percocet dilaudid tramacet ultram lyrica neurontin celebrex voltaren
mobic naprosyn toradol imitrex maxalt aimovig emgality ajovy botox nexium losec pantoloc protonix prevacid
pepcid zantac gaviscon tums maalox dulcolax senokot colace restoralax miralax lactulose imodium
flagyl cipro levaquin avelox bactrim septra keflex ancef rocephin zithromax biaxin augmentin clavulin
amoxil macrobid monurol vancocin dificid tamiflu paxlovid valtrex zovirax famvir diflucan sporanox
vfend cancidas biktarvy truvada descovy genvoya triumeq dovato harvoni epclusa mavyret sovaldi
ventolin salbutamol albuterol atrovent spiriva symbicort advair seretide breo trelegy flovent pulmicort
qvar singulair daliresp trikafta kalydeco orkambi flonase nasonex avamys claritin aerius reactin zyrtec
benadryl allegra epipen allerject glucagon baqsimi xylocaine lidocaine marcaine narcan naloxone
heparin fragmin lovenox innohep arixtra integrilin aggrastat activase tnkase cathflo kcentra octaplex
beriplex praxbind andexxa keytruda opdivo yervoy tecentriq imfinzi herceptin perjeta kadcyla enhertu
avastin erbitux vectibix rituxan gazyva darzalex revlimid pomalyst velcade kyprolis imbruvica calquence
venclexta gleevec tasigna sprycel tagrisso alecensa xalkori ibrance kisqali verzenio tamoxifen
arimidex femara aromasin zoladex lupron eligard firmagon zytiga xtandi erleada nubeqa xgeva prolia
evenity forteo fosamax actonel aclasta reclast depo provera mirena kyleena jaydess nexplanon yaz
yasmin alesse diclectin prenatal clomid gonal menopur ovidrel estrace premarin prometrium androgel
viagra cialis levitra flomax avodart proscar vesicare myrbetriq detrol ditropan epogen aranesp
eprex venofer ferinject monoferric feraheme neupogen neulasta grastofil plaquenil arava otezla
imuran cellcept myfortic prograf advagraf envarsus rapamune sandimmune neoral soliris ultomiris
spinraza zolgensma evrysdi kuvan pfizer moderna comirnaty spikevax novavax janssen astrazeneca
shingrix zostavax gardasil prevnar pneumovax menactra bexsero boostrix adacel pediacel pentacel
infanrix tdap dtap dtp mmr mmrv bcg ipv hpv hib rsv arexvy abrysvo beyfortus synagis fluzone fluad
flumist rotateq rotarix engerix twinrix havrix vaqta varivax priorix
staph strep enterococcus klebsiella escherichia coli influenzae pneumoniae aureus epidermidis
pyogenes agalactiae viridans faecalis faecium aeruginosa baumannii cloacae aerogenes marcescens
mirabilis difficile perfringens botulinum tetani monocytogenes meningitidis gonorrhoeae trachomatis
pallidum burgdorferi pylori jejuni typhi enterica sonnei flexneri tuberculosis avium leprae
albicans glabrata auris neoformans fumigatus jirovecii carinii gondii falciparum vivax ovale malariae
lamblia histolytica vaginalis stercoralis lumbricoides vermicularis capitis corporis pubis scabiei
mycoplasma chlamydia chlamydophila legionella bordetella pertussis haemophilus neisseria moraxella
catarrhalis listeria salmonella shigella campylobacter helicobacter clostridioides clostridium
bacteroides fusobacterium prevotella actinomyces nocardia serratia proteus citrobacter enterobacter
acinetobacter stenotrophomonas burkholderia brucella coxiella rickettsia bartonella borrelia treponema
cryptococcus aspergillus mucor rhizopus histoplasma blastomyces coccidioides pneumocystis toxoplasma
plasmodium giardia cryptosporidium trichomonas strongyloides ascaris enterobius sarcoptes
hgb hct plt wbc rbc mcv mch mchc rdw inr ptt aptt alt ast alp ggt ldh ck ckmb bnp ntprobnp
tsh crp esr trop troponin lytes creat bili tbili dbili lipase amylase hba hbaic ferr ferritin
egfr acr uacr psa cea afp lactate abg vbg sats spo fio peep cpap bipap hfnc hx dx tx rx sx fx bx
pmh pmhx fhx shx meds gerd copd chf cad ckd aki dka hhs uti urti lrti cap hap vap nstemi stemi
ecg ekg eeg emg ncs cxr kub mri mra mrcp ercp egd tte tee pet spect dexa
ct cta ctpa ivp vcug hida tipss tips picc ptca pci cabg tavi tavr avr mvr ppm icd crt
covid sars coronavirus omicron delta ebv cmv hsv vzv hiv hcv hbv hav hpv rsv hmpv
english french spanish portuguese italian german dutch polish ukrainian russian arabic farsi persian
dari pashto urdu hindi punjabi bengali gujarati tamil telugu malayalam kannada marathi nepali sinhala
tagalog filipino ilocano cebuano vietnamese cantonese mandarin hakka korean japanese thai khmer lao
burmese karen hmong somali amharic tigrinya oromo swahili yoruba igbo hausa twi lingala kinyarwanda
kirundi wolof haitian creole kreyol patois jamaican greek turkish kurdish armenian hebrew yiddish
romanian hungarian czech slovak serbian croatian bosnian albanian bulgarian macedonian slovenian
lithuanian latvian estonian finnish swedish norwegian danish icelandic ojibwe ojibway anishinaabe cree
oji inuktitut inuit inuk innu mohawk haudenosaunee mikmaq mi'kmaq dene metis métis nisga'a haida
salish navajo cherokee lakota dakota sioux apache hopi zuni yupik inupiaq asl lsq
covid-19 sars-cov-2 h1n1 h5n1 mpox
dexcom libre omnipod medtronic minimed tandem insulet abbott freestyle accu-chek contour onetouch
lidoderm belsomra jakavi colcrys prolia rybelsus uloric zyloprim nurtec qulipta ubrelvy steglatro
tresiba ozempic fiasp admelog lyumjev soliqua dexilant ondansetron zofran gravol maxeran reglan
buscopan mucomyst pulmozyme hypertonic cayston tobi bethkis creon pancrease zenpep
`;

const LEXICON = [BRAND_DRUGS, GENERIC_DRUGS, ORGANISMS, DEVICES, PROCEDURES, SCORES, MORE_EPONYMS]
  .join(' ')
  .split(/\s+/)
  .filter(Boolean);
/** Name-listed words that in notes are nearly always the organism or eponym ("Candida", "Ortolani"). */
const PROMOTED = 'candida galeazzi ortolani lanz auer huet tietze schlatter marchetti';
// Hyphenated lexicon entries ("Swan-Ganz", "Reed-Sternberg", "Salter-Harris") are never one person's name.
const CLINICAL_TOKEN_SET = new Set([
  ...EPONYMS.split(/\s+/).filter(Boolean),
  ...PROMOTED.split(' '),
  ...LEXICON.filter((w) => w.includes('-')),
]);
// The lexicon only stops the unknown-word rule: a lexicon word that is also a listed name ("Blake",
// "Weber") still needs a clinical head after it ("Blake drain", "Weber test") to be kept.
const CLINICAL_VOCABULARY_SET = new Set([...CLINICAL_VOCABULARY.split(/\s+/).filter(Boolean), ...LEXICON]);

/**
 * Word shapes of medical vocabulary that are (almost) never surnames: organism genera ("Kingella",
 * "Capnocytophaga", "Metapneumovirus"), operations ("Ventriculostomy"), diseases and findings
 * ("-itis", "-osis", "-emia"), drug classes. Only consulted for words no name list holds.
 */
const CLINICAL_SHAPE =
  /(?:coccus|cocci|bacter|bacterium|bacteria|monas|virus|viridae|plasma|sporum|sporium|phyton|myces|mycetes|phaga|oides|osoma|soma|idae|aceae|ostomy|otomy|ectomy|plasty|pexy|rrhaphy|scopy|scope|graphy|ogram|itis|osis|iasis|emia|aemia|pathy|algia|uria|oma|omas|penia|cytosis|lysis|ectasia|plasia|trophy|megaly|rrhea|rrhoea|sclerosis|stenosis|genesis|ptysis|phagia|phasia|plegia|paresis|kinesia|tonia|ismus|pnea|pnoea|cardia|ase|amine|inone|ofol|onium|azide|idine|oxin|mide|olol|dronate|parin|lukast|tropin|relin|pressin|tocin|caine|profen|dipine|sartan|pril|statin|mab|nib|vir|cillin|mycin|floxacin|cycline|azole|penem|cef\w+|ceph\w+)$/;

/** True for a word shaped like medical vocabulary (see CLINICAL_SHAPE). */
export function hasClinicalShape(key: string): boolean {
  return key.length >= 6 && CLINICAL_SHAPE.test(key);
}
const NEVER_NAME_SET = new Set(NEVER_NAME.split(/\s+/).filter(Boolean));

/** True for eponyms and place-named diseases: not a person or place on dictionary evidence alone. */
export function isClinicalToken(key: string): boolean {
  return CLINICAL_TOKEN_SET.has(key);
}

const DRUG_NAME_SET = new Set(
  [CLINICAL_VOCABULARY.slice(0, CLINICAL_VOCABULARY.indexOf('staph strep')), BRAND_DRUGS, GENERIC_DRUGS]
    .join(' ')
    .split(/\s+/)
    .filter(Boolean),
);

/** True for brand and generic drug names (a word listed beside one is likely a drug too). */
export function isDrugName(key: string): boolean {
  return DRUG_NAME_SET.has(key);
}

/** True for brand drugs, organisms, charting abbreviations and languages: capitalized but never a person. */
export function isClinicalVocabulary(key: string): boolean {
  return CLINICAL_VOCABULARY_SET.has(key) || CLINICAL_TOKEN_SET.has(key);
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
