import { percentile, withScratchDatabase } from './scratch-database.js';
import { DomainEvents } from '../src/events/domain-events.js';
import { PARSE_WATCH_QUERY_SQL } from '../src/watches/watch-limits.js';
import { MATCH_CASE_SQL, WatchMatchingService } from '../src/watches/watch-matching.service.js';

const WATCHERS = 5_000;
const WATCHES_PER_WATCHER = 20;
const WATCHES = WATCHERS * WATCHES_PER_WATCHER;
const POSTS_PER_TEXT = 40;
const WARM_UP = 5;
const BATCH = 10_000;

const CONDITIONS =
  `pericarditis myocarditis endocarditis cardiomyopathy arrhythmia bradycardia tachycardia syncope
  angina infarction dissection aneurysm embolism thrombosis vasculitis arteritis sarcoidosis amyloidosis lupus
  scleroderma dermatomyositis polymyositis gout pseudogout spondylitis arthritis bursitis tendinitis osteomyelitis
  cellulitis fasciitis abscess sepsis meningitis encephalitis myelitis neuropathy myopathy myasthenia sclerosis
  epilepsy seizure migraine stroke hemorrhage hydrocephalus dementia delirium psychosis depression anorexia
  pneumonia bronchiolitis bronchiectasis asthma emphysema fibrosis pneumothorax effusion empyema tuberculosis
  histoplasmosis aspergillosis candidiasis cryptococcus pneumocystis measles mumps rubella varicella zoster
  herpes syphilis gonorrhea chlamydia hiv hepatitis cirrhosis pancreatitis cholecystitis cholangitis appendicitis
  diverticulitis colitis ileitis gastritis ulcer reflux achalasia dysphagia celiac intussusception volvulus
  obstruction ischemia nephritis nephrotic nephrolithiasis pyelonephritis cystitis prostatitis glomerulonephritis
  hyperkalemia hyponatremia hypercalcemia hypoglycemia ketoacidosis thyroiditis thyrotoxicosis hypothyroidism
  pheochromocytoma acromegaly cushing addison hyperparathyroidism prolactinoma diabetes insipidus anemia
  thalassemia hemophilia thrombocytopenia neutropenia leukemia lymphoma myeloma sarcoma melanoma carcinoma
  glioma meningioma neuroblastoma retinoblastoma wilms kawasaki bronchitis croup pertussis scarlet impetigo
  eczema psoriasis urticaria angioedema anaphylaxis pemphigus pemphigoid vitiligo alopecia acne rosacea
  uveitis scleritis episcleritis glaucoma cataract keratitis conjunctivitis retinopathy papilledema otitis
  mastoiditis sinusitis pharyngitis tonsillitis epiglottitis laryngitis preeclampsia eclampsia ectopic
  endometriosis adenomyosis fibroids ovarian torsion mastitis osteoporosis osteoarthritis fracture dislocation
  hemochromatosis wilson porphyria gaucher fabry marfan ehlers turner klinefelter down fragile lyme babesiosis
  malaria dengue chikungunya zika leptospirosis brucellosis toxoplasmosis giardiasis amebiasis strongyloides`
    .split(/\s+/)
    .filter(Boolean);
const FINDINGS =
  `fever rash pain headache cough dyspnea wheeze hemoptysis palpitations edema jaundice pruritus ascites
  diarrhea vomiting hematuria proteinuria oliguria weakness numbness tremor ataxia diplopia ptosis dysarthria aphasia
  confusion fatigue weight loss night sweats lymphadenopathy splenomegaly hepatomegaly murmur rub gallop bruit
  troponin ferritin creatinine lactate procalcitonin eosinophilia leukocytosis pancytopenia hypoxia hypotension
  hypertension tachypnea petechiae purpura nodules ulcers blisters arthralgia myalgia stiffness swelling`
    .split(/\s+/)
    .filter(Boolean);
/** Organ-and-process terms (nephropathy, hepatomegaly, …), for a vocabulary of many distinct lexemes. */
const ROOTS =
  `cardio nephro hepato neuro dermato gastro pneumo osteo myo arthro encephalo colo cysto angio lympho
  hemato thyro adreno pancreato cholecysto spleno retino oto rhino laryngo tracheo broncho esophago duodeno ileo
  jejuno procto hystero oophoro salpingo orchi prostato uretero pyelo glomerulo phlebo arterio cerebro myelo
  radiculo polyneuro chorio vaso dacryo sialo`
    .split(/\s+/)
    .filter(Boolean);
const SUFFIXES =
  'itis pathy megaly algia osis oma ectasia sclerosis malacia rrhagia plasia stenosis trophy'.split(' ');
const TERMS = [...CONDITIONS, ...ROOTS.flatMap((root) => SUFFIXES.map((suffix) => root + suffix))];
const PHRASES = [
  'chest pain',
  'shortness of breath',
  'pleuritic chest pain',
  'friction rub',
  'heart failure',
  'atrial fibrillation',
  'pulmonary embolism',
  'acute kidney injury',
  'giant cell arteritis',
  'multiple sclerosis',
  'migratory rash',
  'adult onset still',
  'kawasaki disease',
  'sickle cell crisis',
  'diabetic ketoacidosis',
  'hilar lymphadenopathy',
  'st elevation',
  'bone marrow',
  'lumbar puncture',
  'ground glass',
];

const CASE_TEXTS: Array<[string, string, string]> = [
  [
    'pericarditis',
    'Pleuritic chest pain after a viral illness',
    'A 30-year-old man has pleuritic chest pain for four days, worse lying flat, with a friction rub. ' +
      'ECG shows diffuse ST elevation with PR depression; troponin mildly raised. Echo shows a small effusion. ' +
      'Pericarditis or myocarditis? Would you start colchicine and NSAIDs, and when to image again?',
  ],
  [
    'still disease',
    'Recurrent fevers with a migratory rash',
    'A 45-year-old woman has had recurrent fevers for 3 weeks with a migratory rash and arthralgia. Ferritin is ' +
      'markedly raised, leukocytosis with neutrophilia, liver enzymes up, blood cultures negative. Adult onset ' +
      'Still disease versus lymphoma or infection: what would you check next, bone marrow or PET?',
  ],
  [
    'pediatric',
    'Five days of fever in a toddler',
    'A 2-year-old with five days of fever, bilateral conjunctivitis, cracked lips, a polymorphous rash and ' +
      'cervical lymphadenopathy. CRP high, platelets rising. Kawasaki disease seems likely; echo pending. IVIG ' +
      'now, and is aspirin still recommended? Measles is circulating locally.',
  ],
  [
    'neurology',
    'Progressive weakness and diplopia',
    'Fatigable ptosis and diplopia over two months, worse in the evening, with mild dysphagia and proximal ' +
      'weakness. Ice pack test positive. Antibodies pending. Myasthenia gravis; CT for thymoma? Any role for ' +
      'steroids before the results, and how to monitor for crisis?',
  ],
  [
    'renal',
    'Acute kidney injury with hematuria',
    'Creatinine doubled over a week with hematuria, proteinuria and new hypertension, after a sore throat ' +
      'three weeks ago. Complement low. Post-infectious glomerulonephritis versus lupus nephritis or vasculitis. ' +
      'Biopsy now, or wait for ANCA and anti-GBM?',
  ],
];

/** A deterministic pseudo-random generator, so every run seeds the same watches. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Realistic watch queries: conditions, findings, quoted phrases, OR, a few negations. */
function watchQuery(random: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const shape = random();
  if (shape < 0.3) return pick(TERMS);
  if (shape < 0.55) return `${pick(TERMS)} ${pick(FINDINGS)}`;
  if (shape < 0.65) return `"${pick(PHRASES)}"`;
  if (shape < 0.8) return `${pick(TERMS)} OR ${pick(TERMS)}`;
  if (shape < 0.9) return `"${pick(PHRASES)}" ${pick(FINDINGS)}`;
  if (shape < 0.95) return `${pick(TERMS)} -${pick(FINDINGS)}`;
  return `${pick(TERMS)} ${pick(TERMS)} ${pick(FINDINGS)}`;
}

/**
 * Seeds 100,000 watches (5,000 verified watchers × 20 varied clinical queries, stored exactly as
 * createWatch stores them) into a fresh embedded PostgreSQL, then times matching one posted case
 * (prefilter on the lexemes GIN index, confirm with @@, read policy, record the matches) for a few
 * realistic case texts, each posted 40 times, and prints p50/p95 per text.
 */
export async function benchWatchMatching(): Promise<void> {
  await withScratchDatabase(async (source) => {
    const seeded = Date.now();
    await source.query(`
      INSERT INTO clinicians (email, display_name, password_hash, verification_status)
      SELECT 'watcher' || i || '@bench.test', 'Watcher ' || i, 'x', 'VERIFIED'
        FROM generate_series(1, ${WATCHERS}) AS i`);
    const watcherIds: string[] = (await source.query('SELECT id FROM clinicians ORDER BY email')).map(
      (r: { id: string }) => r.id,
    );
    const random = rng(42);
    const parse = PARSE_WATCH_QUERY_SQL.replaceAll('$1', 'v.q');
    for (let start = 0; start < WATCHES; start += BATCH) {
      const owners: string[] = [];
      const queries: string[] = [];
      for (let i = start; i < Math.min(WATCHES, start + BATCH); i++) {
        owners.push(watcherIds[i % WATCHERS]);
        queries.push(watchQuery(random));
      }
      // One multi-row INSERT per batch; a watcher's repeated query is skipped, as createWatch refuses it.
      await source.query(
        `INSERT INTO watches (clinician_id, query, tsquery, lexemes)
         SELECT v.owner, v.q, p.tsquery, p.lexemes
           FROM unnest($1::uuid[], $2::text[]) AS v(owner, q)
           CROSS JOIN LATERAL (${parse}) AS p
          WHERE p.nodes > 0 AND cardinality(p.lexemes) > 0
         ON CONFLICT (clinician_id, tsquery) DO NOTHING`,
        [owners, queries],
      );
    }
    const [{ watches, lexemes }] = await source.query(
      'SELECT count(*)::int AS watches, (SELECT count(DISTINCT l)::int FROM watches, unnest(lexemes) AS l) AS lexemes FROM watches',
    );
    const [{ forum }] = await source.query(
      "INSERT INTO forums (slug, name, visibility) VALUES ('bench', 'Bench', 'PRIVATE') RETURNING id AS forum",
    );
    const [{ author }] = await source.query(
      "INSERT INTO clinicians (email, display_name, password_hash, verification_status) VALUES ('author@bench.test', 'Author', 'x', 'VERIFIED') RETURNING id AS author",
    );
    await source.query('VACUUM ANALYZE');
    console.log(
      `seeded ${watches} watches (${lexemes} distinct lexemes) for ${WATCHERS} watchers in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
    );

    const matching = new WatchMatchingService(source, new DomainEvents());
    for (const [label, title, body] of CASE_TEXTS) {
      const timings: number[] = [];
      let matches = 0;
      let firstCase = '';
      for (let i = 0; i < POSTS_PER_TEXT + WARM_UP; i++) {
        const [{ id }] = await source.query(
          'INSERT INTO cases (forum_id, author_id, title, body) VALUES ($1, $2, $3, $4) RETURNING id',
          [forum, author, title, body],
        );
        firstCase ||= id;
        const started = process.hrtime.bigint();
        const found = await matching.matchCase(id);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (i >= WARM_UP) timings.push(ms);
        matches = found.length;
      }
      const [{ candidates }] = await source.query(
        `WITH c AS (SELECT tsvector_to_array(search) AS lexemes FROM cases WHERE id = $1)
         SELECT count(*)::int AS candidates FROM c, watches w WHERE w.lexemes && c.lexemes`,
        [firstCase],
      );
      // For comparison, finding (not recording) the matches with the prefilter, and testing every watch.
      const prefilterStarted = process.hrtime.bigint();
      await source.query(
        `WITH c AS (SELECT search, tsvector_to_array(search) AS lexemes FROM cases WHERE id = $1)
         SELECT count(*) FROM c, watches w WHERE w.lexemes && c.lexemes AND w.tsquery @@ c.search`,
        [firstCase],
      );
      const prefiltered = Number(process.hrtime.bigint() - prefilterStarted) / 1e6;
      const scanStarted = process.hrtime.bigint();
      const [{ total }] = await source.query(
        'SELECT count(*)::int AS total FROM watches w WHERE w.tsquery @@ (SELECT search FROM cases WHERE id = $1)',
        [firstCase],
      );
      const fullScan = Number(process.hrtime.bigint() - scanStarted) / 1e6;
      if (total !== matches) throw new Error(`prefilter lost matches: ${matches} vs ${total} by full scan`);
      if (process.env.EXPLAIN) {
        const [{ id }] = await source.query(
          'INSERT INTO cases (forum_id, author_id, title, body) VALUES ($1, $2, $3, $4) RETURNING id',
          [forum, author, title, body],
        );
        const plan = await source.query(`EXPLAIN (ANALYZE) ${MATCH_CASE_SQL}`, [id]);
        console.log(plan.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n'));
      }
      timings.sort((a, b) => a - b);
      console.log(
        `${label.padEnd(14)} ${String(matches).padStart(5)} matches of ${String(candidates).padStart(5)} candidates: ` +
          `p50 ${percentile(timings, 50).toFixed(2)} ms, p95 ${percentile(timings, 95).toFixed(2)} ms ` +
          `(${timings.length} posts; finding them alone: ${prefiltered.toFixed(1)} ms with the prefilter, ` +
          `${fullScan.toFixed(1)} ms testing every watch)`,
      );
    }
  });
}

if (process.argv[1]?.endsWith('watch-matching.bench.js')) await benchWatchMatching();
