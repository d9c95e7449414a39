import { percentile, withScratchDatabase } from './scratch-database.js';
import { loadConfig } from '../src/config/app-config.js';
import { ConsultOffersService } from '../src/routing/consult-offers.service.js';

const SPECIALISTS = 50_000;
const CASES = 300;
const WARM_UP = 30;

/**
 * Seeds 50,000 verified specialists (one or two specialties each, random existing load) into a fresh
 * embedded PostgreSQL, then times choosing and recording the offers for one case (one transaction,
 * one requested specialty, fan-out 3), case after case, and prints the percentiles.
 */
export async function benchRouting(): Promise<void> {
  await withScratchDatabase(async (source) => {
    const seeded = Date.now();
    await source.query(`
      INSERT INTO clinicians (email, display_name, password_hash, verification_status, accepting_consults)
      SELECT 'specialist' || i || '@bench.test', 'Specialist ' || i, 'x', 'VERIFIED', i % 10 <> 0
        FROM generate_series(1, ${SPECIALISTS}) AS i`);
    await source.query(`
      WITH numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM clinicians),
           codes AS (SELECT array_agg(code ORDER BY code) AS all_codes FROM specialties)
      INSERT INTO clinician_specialties (clinician_id, specialty_code)
      SELECT id, all_codes[1 + (n % array_length(all_codes, 1))] FROM numbered, codes
      UNION
      SELECT id, all_codes[1 + ((n * 7) % array_length(all_codes, 1))] FROM numbered, codes WHERE n % 3 = 0`);
    await source.query(`
      INSERT INTO routing_load (clinician_id, open_offers, last_offered_at)
      SELECT id, (random() * 5)::int, now() - random() * interval '30 days' FROM clinicians`);
    const [{ forum }] = await source.query(
      "INSERT INTO forums (slug, name, visibility) VALUES ('bench', 'Bench', 'OPEN') RETURNING id AS forum",
    );
    const [{ author }] = await source.query(
      "INSERT INTO clinicians (email, display_name, password_hash, verification_status) VALUES ('author@bench.test', 'Author', 'x', 'VERIFIED') RETURNING id AS author",
    );
    const codes: string[] = (await source.query('SELECT code FROM specialties ORDER BY code')).map(
      (r: { code: string }) => r.code,
    );
    const caseIds: string[] = (
      await source.query(
        `INSERT INTO cases (forum_id, author_id, title, body)
         SELECT $1, $2, 'Bench case ' || i, 'Synthetic body' FROM generate_series(1, ${CASES + WARM_UP}) AS i RETURNING id`,
        [forum, author],
      )
    ).map((r: { id: string }) => r.id);
    await source.query('ANALYZE');
    console.log(
      `seeded ${SPECIALISTS} specialists across ${codes.length} specialties in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
    );

    const routing = new ConsultOffersService(loadConfig({ ROUTING_FANOUT: '3' }));
    const timings: number[] = [];
    for (let i = 0; i < caseIds.length; i++) {
      const started = process.hrtime.bigint();
      const offers = await source.transaction((manager) =>
        routing.routeCase(
          {
            caseId: caseIds[i],
            authorId: author,
            urgency: 'ROUTINE',
            specialtyCodes: [codes[i % codes.length]],
          },
          manager,
        ),
      );
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (offers.length !== 3) throw new Error(`expected 3 offers, got ${offers.length}`);
      if (i >= WARM_UP) timings.push(ms);
    }
    timings.sort((a, b) => a - b);
    console.log(
      `routing one case (choose + record 3 offers, one transaction) over ${SPECIALISTS} specialists: ` +
        `p50 ${percentile(timings, 50).toFixed(2)} ms, p95 ${percentile(timings, 95).toFixed(2)} ms, ` +
        `p99 ${percentile(timings, 99).toFixed(2)} ms, max ${timings.at(-1)!.toFixed(2)} ms (${timings.length} cases; goal p95 < 20 ms)`,
    );
  });
}

if (process.argv[1]?.endsWith('routing.bench.js')) await benchRouting();
