import type { DataSource } from 'typeorm';

export interface SeedSummary {
  scale: number;
  cases: number;
  clinicians: number;
  specialists: number;
  forums: number;
  replies: number;
  consultOffers: number;
}

/** Clinical vocabulary for synthetic titles and bodies; picked with a skew so a few words are common. */
const WORDS = (
  'patient presents with fever cough dyspnea chest pain abdominal rash fatigue headache nausea vomiting ' +
  'diarrhea weight loss night sweats syncope palpitations edema jaundice hematuria proteinuria anemia ' +
  'thrombocytopenia leukocytosis elevated troponin creatinine lactate ferritin lipase bilirubin ' +
  'hypertension diabetes asthma copd heart failure atrial fibrillation stroke seizure migraine ' +
  'pneumonia sepsis cellulitis osteomyelitis endocarditis meningitis encephalitis tuberculosis measles ' +
  'lupus vasculitis sarcoidosis amyloidosis lymphoma leukemia myeloma melanoma carcinoma metastasis ' +
  'pancreatitis cholecystitis appendicitis diverticulitis colitis crohn hepatitis cirrhosis ascites ' +
  'nephrotic nephritic glomerulonephritis hyperkalemia hyponatremia hypercalcemia acidosis alkalosis ' +
  'thyroid adrenal pituitary cushing addison graves hashimoto prolactin cortisol insulin metformin ' +
  'warfarin apixaban heparin amoxicillin ceftriaxone vancomycin prednisone methotrexate rituximab ' +
  'ultrasound radiograph ct mri biopsy echocardiogram electrocardiogram lumbar puncture culture ' +
  'pediatric neonatal pregnant postpartum elderly immunocompromised transplant dialysis smoker ' +
  'unclear differential workup referral advice suggested management follow persistent recurrent ' +
  'acute chronic bilateral unilateral progressive intermittent severe mild moderate unusual rare'
).split(' ');

const FORUMS = [
  ['general-medicine', 'General medicine', 'OPEN'],
  ['cardiology-cases', 'Cardiology cases', 'OPEN'],
  ['infectious-disease', 'Infectious disease', 'OPEN'],
  ['pediatrics', 'Pediatrics', 'OPEN'],
  ['dermatology-images', 'Dermatology', 'OPEN'],
  ['rural-practice', 'Rural practice', 'OPEN'],
  ['emergency', 'Emergency medicine', 'OPEN'],
  ['oncology-board', 'Oncology board', 'OPEN'],
  ['rheumatology', 'Rheumatology', 'OPEN'],
  ['nephrology', 'Nephrology', 'OPEN'],
  ['verified-only', 'Verified clinicians only', 'PRIVATE'],
  ['difficult-cases', 'Difficult cases (private)', 'PRIVATE'],
] as const;

/** Distinct synthetic texts the cases and replies draw from. */
const TEXT_POOL = 20_000;

/** Bench users: readers and posters are verified non-specialists, consultants are specialists. */
export const BENCH_USERS_PER_KIND = 100;

/** SQL for `n` words picked with a skew (word k has weight ~ 1/sqrt(k)), one pick per series row. */
function wordsSql(count: string, salt: string): string {
  return `(SELECT string_agg(w[1 + floor(${WORDS.length} * power(random(), 2))::int + 0 * g], ' ')
             FROM generate_series(1, ${count}) AS g WHERE ${salt} IS NOT NULL)`;
}

/**
 * Seeds the data set in a few set-based statements (INSERT … SELECT generate_series): forums,
 * clinicians (a fifth of them specialists with one or two specialties), cases spread over two years
 * (one or two specialties each, 0.5% removed), replies (5% of threads have 25, the others 0 to 4),
 * consult offers (two specialists per case), routing load, and bench-only sessions for the load test.
 */
export async function seedDataSet(source: DataSource, scale: number): Promise<SeedSummary> {
  const clinicians = Math.max(100, Math.round(scale / 10));
  const runner = source.createQueryRunner();
  await runner.connect();
  try {
    return await seedWith((sql, params) => runner.query(sql, params), scale, clinicians);
  } finally {
    await runner.release();
  }
}

async function seedWith(
  q: (sql: string, params?: unknown[]) => Promise<any>,
  scale: number,
  clinicians: number,
): Promise<SeedSummary> {
  const step = async (label: string, sql: string, params?: unknown[]) => {
    const started = Date.now();
    await q(sql, params);
    if (process.env.BENCH_VERBOSE)
      console.log(`  seed ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  await q('SET synchronous_commit = off');
  await q(`SET work_mem = '64MB'`);
  await q(`CREATE UNLOGGED TABLE bench_words AS SELECT $1::text[] AS w`, [WORDS]);
  await q('CREATE UNLOGGED TABLE bench_forums (n int PRIMARY KEY, id uuid NOT NULL)');
  for (const [index, [slug, name, visibility]] of FORUMS.entries()) {
    await q(
      `WITH f AS (INSERT INTO forums (slug, name, visibility) VALUES ($1, $2, $3) RETURNING id)
       INSERT INTO bench_forums SELECT $4, id FROM f`,
      [slug, name, visibility, index + 1],
    );
  }
  await step(
    'clinicians',
    `CREATE UNLOGGED TABLE bench_clinicians AS
       SELECT i AS n, gen_random_uuid() AS id, i % 5 = 0 AS specialist FROM generate_series(1, ${clinicians}) AS i`,
  );
  await q('ALTER TABLE bench_clinicians ADD PRIMARY KEY (n)');
  await step(
    'clinicians insert',
    `INSERT INTO clinicians (id, email, display_name, password_hash, verification_status, accepting_consults, jurisdiction, created_at)
     SELECT id, 'clinician' || n || '@bench.test', 'Dr Bench ' || n, 'x',
            CASE WHEN specialist OR n % 10 < 7 THEN 'VERIFIED' ELSE 'UNVERIFIED' END,
            specialist AND n % 50 <> 0, 'CA-ON', now() - interval '3 years'
       FROM bench_clinicians`,
  );
  await step(
    'clinician specialties',
    `WITH codes AS (SELECT array_agg(code ORDER BY code) AS c FROM specialties)
     INSERT INTO clinician_specialties (clinician_id, specialty_code)
     SELECT id, c[1 + (n / 5) % array_length(c, 1)] FROM bench_clinicians, codes WHERE specialist
     UNION
     SELECT id, c[1 + (n * 7) % array_length(c, 1)] FROM bench_clinicians, codes WHERE specialist AND n % 3 = 0`,
  );
  await step(
    'cases map',
    `CREATE UNLOGGED TABLE bench_cases AS
       SELECT i AS n, gen_random_uuid() AS id,
              now() - ((${scale} - i) * (63072000.0 / ${scale})) * interval '1 second' AS created_at
         FROM generate_series(1, ${scale}) AS i`,
  );
  await q('ALTER TABLE bench_cases ADD PRIMARY KEY (n)');
  // Texts come from a pool of distinct synthetic ones (generating words per row is the slow part).
  await step(
    'text pool',
    `CREATE UNLOGGED TABLE bench_texts AS
       SELECT k, initcap(${wordsSql('4 + k % 5', 'k')}) AS title, ${wordsSql('40 + k % 80', 'k')} AS body,
              ${wordsSql('15 + k % 30', 'k')} AS reply
         FROM bench_words, generate_series(0, ${TEXT_POOL - 1}) AS k`,
  );
  await q('ALTER TABLE bench_texts ADD PRIMARY KEY (k)');
  await step(
    'cases',
    `INSERT INTO cases (id, forum_id, author_id, title, body, urgency, status, tags, created_at, removed_at)
     SELECT bc.id, f.id, cl.id, t.title, t.body,
            CASE WHEN bc.n % 10 = 0 THEN 'URGENT' ELSE 'ROUTINE' END,
            CASE bc.n % 4 WHEN 0 THEN 'RESOLVED' WHEN 1 THEN 'ANSWERED' ELSE 'OPEN' END,
            CASE WHEN bc.n % 3 = 0 THEN ARRAY[w[1 + bc.n % 40]] ELSE '{}' END,
            bc.created_at,
            CASE WHEN bc.n % 200 = 7 THEN bc.created_at + interval '1 day' END
       FROM bench_cases bc, bench_words, bench_forums f, bench_clinicians cl, bench_texts t
      WHERE f.n = 1 + (hashint4(bc.n) & 2147483647) % ${FORUMS.length}
        AND cl.n = 1 + (hashint4(bc.n * 31) & 2147483647) % ${clinicians}
        AND t.k = (hashint4(bc.n * 17) & 2147483647) % ${TEXT_POOL}`,
  );
  await step(
    'case specialties',
    `WITH codes AS (SELECT array_agg(code ORDER BY code) AS c FROM specialties)
     INSERT INTO case_specialties (case_id, specialty_code)
     SELECT id, c[1 + n % array_length(c, 1)] FROM bench_cases, codes
     UNION
     SELECT id, c[1 + (n * 13) % array_length(c, 1)] FROM bench_cases, codes WHERE n % 3 = 0`,
  );
  await step(
    'case revisions',
    `INSERT INTO case_revisions (case_id, version, title, body, tags, forum_id, editor_id, edited_at)
     SELECT id, 1, title, body, tags, forum_id, author_id, created_at FROM cases`,
  );
  await step(
    'replies',
    `INSERT INTO replies (case_id, author_id, body, created_at, accepted)
     SELECT bc.id, cl.id, t.reply, bc.created_at + s.j * interval '37 minutes', false
       FROM bench_cases bc
       CROSS JOIN LATERAL generate_series(1, CASE WHEN bc.n % 20 = 0 THEN 25 ELSE bc.n % 5 END) AS s(j)
       JOIN bench_clinicians cl ON cl.n = 1 + (hashint4(bc.n * 97 + s.j) & 2147483647) % ${clinicians}
       JOIN bench_texts t ON t.k = (hashint4(bc.n * 7 + s.j) & 2147483647) % ${TEXT_POOL}`,
  );
  await step(
    'consult offers',
    `WITH sp AS (
       SELECT specialty_code, array_agg(clinician_id ORDER BY clinician_id) AS ids
         FROM clinician_specialties GROUP BY specialty_code),
     primary_code AS (
       SELECT DISTINCT ON (cs.case_id) cs.case_id, cs.specialty_code, bc.n, bc.created_at
         FROM case_specialties cs JOIN bench_cases bc ON bc.id = cs.case_id
        WHERE bc.n % 200 <> 7 -- no offers on removed cases
        ORDER BY cs.case_id, cs.specialty_code)
     INSERT INTO consult_offers (case_id, specialist_id, specialty_code, status, offered_at, due_at, responded_at)
     SELECT p.case_id, sp.ids[1 + (p.n + k) % array_length(sp.ids, 1)], p.specialty_code,
            (ARRAY['OFFERED','ACCEPTED','ANSWERED','ANSWERED','DECLINED','EXPIRED'])[1 + (p.n + k) % 6],
            p.created_at + interval '5 minutes', p.created_at + interval '2 days 5 minutes',
            CASE WHEN (p.n + k) % 6 >= 1 THEN p.created_at + interval '3 hours' END
       FROM primary_code p JOIN sp USING (specialty_code)
       CROSS JOIN generate_series(0, 1) AS k
     ON CONFLICT DO NOTHING`,
  );
  await step(
    'routing load',
    `INSERT INTO routing_load (clinician_id, open_offers, last_offered_at)
     SELECT cl.id, count(o.id) FILTER (WHERE o.status IN ('OFFERED', 'ACCEPTED')), max(o.offered_at)
       FROM bench_clinicians cl LEFT JOIN consult_offers o ON o.specialist_id = cl.id
      WHERE cl.specialist GROUP BY cl.id`,
  );
  // Bench users: their own accounts (posters' cases are removed after each postCase run).
  await step(
    'bench users',
    `INSERT INTO clinicians (email, display_name, password_hash, verification_status, created_at)
     SELECT kind || i || '@bench.test', 'Bench ' || kind || ' ' || i, 'x', 'VERIFIED', now() - interval '1 year'
       FROM generate_series(1, ${BENCH_USERS_PER_KIND}) AS i, unnest(ARRAY['reader', 'poster']) AS kind`,
  );
  await q(
    `CREATE TABLE bench_sessions (kind text NOT NULL, clinician_id uuid NOT NULL, session_id uuid NOT NULL)`,
  );
  await q(
    `WITH users AS (
       SELECT split_part(email, '@', 1) AS handle, id FROM clinicians WHERE email ~ '^(reader|poster)[0-9]+@bench[.]test$'
       UNION ALL
       SELECT 'consultant', cl.id FROM bench_clinicians cl
        WHERE cl.specialist AND cl.n % 50 <> 0 AND cl.n <= ${BENCH_USERS_PER_KIND * 5 * 5}),
     s AS (INSERT INTO sessions (clinician_id) SELECT id FROM users RETURNING id, clinician_id)
     INSERT INTO bench_sessions
     SELECT regexp_replace(u.handle, '[0-9]+$', ''), s.clinician_id, s.id FROM s JOIN users u ON u.id = s.clinician_id`,
  );
  await step('analyze', 'VACUUM ANALYZE');
  const [counts] = await q(`SELECT
      (SELECT count(*)::int FROM cases) AS cases,
      (SELECT count(*)::int FROM clinicians) AS clinicians,
      (SELECT count(DISTINCT clinician_id)::int FROM clinician_specialties) AS specialists,
      (SELECT count(*)::int FROM forums) AS forums,
      (SELECT count(*)::int FROM replies) AS replies,
      (SELECT count(*)::int FROM consult_offers) AS consult_offers`);
  return {
    scale,
    cases: counts.cases,
    clinicians: counts.clinicians,
    specialists: counts.specialists,
    forums: counts.forums,
    replies: counts.replies,
    consultOffers: counts.consult_offers,
  };
}
