import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { JwtService } from '@nestjs/jwt';
import pg from 'pg';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '../../src/auth/access-token.js';
import { BENCH_SERVER_ENV, sampleMemory, startApiServer } from './api-server.js';
import { openBenchDatabase } from './bench-database.js';
import { type LoadFigures, runHttp, runRaw } from './load.js';
import { type BenchReport, type ScenarioRow, table, writeReport } from './report.js';
import { type Fixtures, SCENARIOS, type Scenario } from './scenarios.js';

const SEARCH_TERMS = [
  'measles rash',
  'atrial fibrillation',
  'pancreatitis',
  'lupus nephritis',
  'sarcoidosis',
  'hyponatremia elderly',
  'endocarditis',
  'chest pain troponin',
  'amyloidosis',
  'tuberculosis transplant',
  'vasculitis biopsy',
  'seizure pediatric',
];

/** One API process per core of this 2-core machine (bench/README.md, decision 10). */
const DEFAULT_WORKERS = 1;

interface Options {
  scale: number;
  seconds: number;
  connections: number[];
  only?: string[];
  raw: boolean;
  /** API_WORKERS of the server under test. */
  workers: number;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      only: { type: 'string' },
      'no-raw': { type: 'boolean' },
      workers: { type: 'string' },
    },
    strict: false,
  });
  const scale = Number(values.scale ?? process.env.BENCH_SCALE ?? 100_000);
  if (!Number.isInteger(scale) || scale < 1000) throw new Error('--scale must be a whole number ≥ 1000');
  return {
    scale,
    seconds: Number(values.seconds ?? 8),
    connections: String(values.connections ?? '1,10,50')
      .split(',')
      .map(Number),
    only: typeof values.only === 'string' ? values.only.split(',') : undefined,
    raw: !values['no-raw'],
    workers: Number(values.workers ?? DEFAULT_WORKERS),
  };
}

export async function fixtures(client: pg.Client, secret: string): Promise<Fixtures> {
  const jwt = new JwtService({ secret });
  const sessions = await client.query(
    'SELECT kind, clinician_id, session_id FROM bench_sessions ORDER BY session_id',
  );
  const users: Fixtures['users'] = { reader: [], poster: [], consultant: [] };
  for (const row of sessions.rows as {
    kind: keyof Fixtures['users'];
    clinician_id: string;
    session_id: string;
  }[]) {
    const token = jwt.sign(
      { sub: row.clinician_id, sid: row.session_id },
      { issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE, expiresIn: '2h', algorithm: 'HS256' },
    );
    users[row.kind].push({ clinicianId: row.clinician_id, sessionId: row.session_id, token });
  }
  const ids = async (sql: string) => (await client.query(sql)).rows.map((r) => Object.values(r)[0] as string);
  return {
    users,
    caseIds: await ids('SELECT id FROM cases WHERE removed_at IS NULL ORDER BY random() LIMIT 500'),
    // Threads with at least 20 replies (every twentieth seeded case has 25).
    threadIds: await ids(
      'SELECT bc.id FROM bench_cases bc JOIN cases c ON c.id = bc.id WHERE bc.n % 20 = 0 AND c.removed_at IS NULL ORDER BY random() LIMIT 500',
    ),
    openForumIds: await ids("SELECT id FROM forums WHERE visibility = 'OPEN' ORDER BY slug"),
    specialtyCodes: await ids('SELECT code FROM specialties ORDER BY code'),
    searchTerms: SEARCH_TERMS,
  };
}

/** SQL statements the database ran per request, from pg_stat_statements, over `n` sequential requests. */
async function statementsPerRequest(
  client: pg.Client,
  baseUrl: string,
  fx: Fixtures,
  scenario: Scenario,
  n = 20,
  variables?: Record<string, unknown>,
): Promise<number> {
  await client.query('SELECT pg_stat_statements_reset()');
  for (let i = 0; i < n; i++) {
    const spec = scenario.request(fx, i);
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${spec.user.token}` },
      body: JSON.stringify({ query: spec.query, variables: { ...spec.variables, ...variables } }),
    });
    const body = (await res.json()) as { errors?: { message: string }[] };
    if (!res.ok || body.errors)
      throw new Error(`${scenario.name}: ${JSON.stringify(body.errors ?? res.status)}`);
  }
  return callsSinceReset(client, n);
}

async function callsSinceReset(client: pg.Client, n: number): Promise<number> {
  const { rows } = await client.query(
    `SELECT coalesce(sum(calls), 0)::int AS calls FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND query NOT ILIKE '%pg_stat_statements%'`,
  );
  return Math.round((rows[0].calls / n) * 10) / 10;
}

async function rawStatementsPerRequest(
  url: string,
  client: pg.Client,
  fx: Fixtures,
  scenario: Scenario,
  n = 20,
) {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    await client.query('SELECT pg_stat_statements_reset()');
    for (let i = 0; i < n; i++) await scenario.raw(pool, fx, i);
    return callsSinceReset(client, n);
  } finally {
    await pool.end();
  }
}

/** Deletes what postCase runs wrote (cases by the bench posters and every row hanging off them). */
async function removePosted(client: pg.Client): Promise<void> {
  await client.query('BEGIN');
  // Triggers and foreign-key checks off for this bench-only cleanup (tables are emptied child-first).
  await client.query("SET LOCAL session_replication_role = 'replica'");
  await client.query(`CREATE TEMP TABLE posted ON COMMIT DROP AS
      SELECT id FROM cases WHERE author_id IN (SELECT clinician_id FROM bench_sessions WHERE kind = 'poster')`);
  const refs = await client.query(`
      SELECT cl.relname AS child, a.attname AS col, pl.relname AS parent
        FROM pg_constraint k
        JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pl ON pl.oid = k.confrelid
        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
       WHERE k.contype = 'f' AND pl.relname IN ('cases', 'consult_offers', 'replies')`);
  const childrenOf = (parent: string) =>
    (refs.rows as { child: string; col: string; parent: string }[]).filter((r) => r.parent === parent);
  for (const ref of childrenOf('consult_offers'))
    await client.query(
      `DELETE FROM ${ref.child} WHERE ${ref.col} IN (SELECT id FROM consult_offers WHERE case_id IN (SELECT id FROM posted))`,
    );
  for (const ref of childrenOf('replies'))
    await client.query(
      `DELETE FROM ${ref.child} WHERE ${ref.col} IN (SELECT id FROM replies WHERE case_id IN (SELECT id FROM posted))`,
    );
  for (const ref of childrenOf('cases'))
    await client.query(`DELETE FROM ${ref.child} WHERE ${ref.col} IN (SELECT id FROM posted)`);
  await client.query('DELETE FROM cases WHERE id IN (SELECT id FROM posted)');
  await client.query(`UPDATE routing_load l SET open_offers = coalesce(o.n, 0)
      FROM (SELECT rl.clinician_id, count(co.id) FILTER (WHERE co.status IN ('OFFERED', 'ACCEPTED')) AS n
              FROM routing_load rl LEFT JOIN consult_offers co ON co.specialist_id = rl.clinician_id
             GROUP BY rl.clinician_id) o
     WHERE o.clinician_id = l.clinician_id AND l.open_offers <> coalesce(o.n, 0)`);
  await client.query('COMMIT');
  await client.query('VACUUM ANALYZE cases, case_specialties, case_revisions, consult_offers, routing_load');
}

const fmtSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The API load test: seeds (or reuses) the bench data set, runs the built API as its own process and
 * drives it over loopback with autocannon, then runs the same SQL through pg at the same concurrency
 * for the ceiling, and writes JSON and an SVG chart under bench/results/.
 */
export async function benchApi(argv: string[] = process.argv.slice(2)): Promise<void> {
  const opts = options(argv);
  const started = Date.now();
  const startedAt = new Date().toISOString();
  const db = await openBenchDatabase(opts.scale);
  console.log(
    db.seededNow
      ? `seeded ${JSON.stringify(db.summary)} in ${db.seedSeconds.toFixed(1)} s`
      : `reusing the seeded data set ${JSON.stringify(db.summary)} (.bench-data/)`,
  );
  const secret = randomBytes(32).toString('hex');
  const client = new pg.Client({ connectionString: db.url, application_name: 'curbside-bench' });
  await client.connect();
  let server: Awaited<ReturnType<typeof startApiServer>> | undefined;
  try {
    const fx = await fixtures(client, secret);
    server = await startApiServer(db.url, secret, { workers: opts.workers });
    const idleMiB = server.rssMiB();
    const scenarios = SCENARIOS.filter((s) => !opts.only || opts.only.includes(s.name));

    // SQL statements per request, counted by PostgreSQL itself, one request at a time.
    const sql = new Map<string, number>();
    const rawSql = new Map<string, number>();
    for (const scenario of scenarios) {
      sql.set(scenario.name, await statementsPerRequest(client, server.baseUrl, fx, scenario));
      if (opts.raw) rawSql.set(scenario.name, await rawStatementsPerRequest(db.url, client, fx, scenario));
      if (scenario.writes) await removePosted(client);
    }
    const byFirst: Record<string, number> = {};
    const feed = SCENARIOS.find((s) => s.name === 'feed')!;
    if (scenarios.includes(feed))
      for (const first of [5, 20, 100])
        byFirst[`feed first=${first}`] = await statementsPerRequest(client, server.baseUrl, fx, feed, 10, {
          first,
        });

    const rows: ScenarioRow[] = [];
    let peakMiB = idleMiB;
    for (const scenario of scenarios) {
      await runHttp(server.baseUrl, scenario, fx, 10, 1); // warm-up: JIT, plans, pools
      for (const connections of opts.connections) {
        const memory = sampleMemory(() => server!.rssMiB());
        const api: LoadFigures = await runHttp(server.baseUrl, scenario, fx, connections, opts.seconds);
        const mem = memory.stop();
        peakMiB = Math.max(peakMiB, mem.peakMiB);
        const raw = opts.raw ? await runRaw(db.url, scenario, fx, connections, opts.seconds) : undefined;
        const row: ScenarioRow = {
          scenario: scenario.name,
          connections,
          api,
          raw,
          ratio: raw ? Math.round((api.requestsPerSecond / raw.requestsPerSecond) * 1000) / 1000 : undefined,
          sqlPerRequest: sql.get(scenario.name)!,
          rawSqlPerRequest: rawSql.get(scenario.name),
          rssPeakMiB: mem.peakMiB,
        };
        rows.push(row);
        console.log(
          `${scenario.name} ×${connections}: API ${api.requestsPerSecond} req/s p50 ${api.p50} p95 ${api.p95} p99 ${api.p99} ms` +
            (raw
              ? ` | raw ${raw.requestsPerSecond} req/s p50 ${raw.p50} p99 ${raw.p99} ms | ${Math.round(row.ratio! * 100)}%`
              : '') +
            ` | ${row.sqlPerRequest} SQL/req | rss ${mem.peakMiB} MiB${api.errors ? ` | ${api.errors} ERRORS` : ''}`,
        );
      }
      if (scenario.writes) await removePosted(client);
    }
    const afterMiB = server.rssMiB();
    const report: BenchReport = {
      startedAt,
      durationSeconds: Math.round((Date.now() - started) / 1000),
      machine: {
        cpus: cpus().length,
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
      },
      scale: opts.scale,
      seed: { ...db.summary, seededNow: db.seededNow, seedSeconds: db.seedSeconds },
      server: { ...BENCH_SERVER_ENV, API_WORKERS: String(opts.workers) },
      secondsPerRun: opts.seconds,
      sqlPerRequestByFirst: byFirst,
      rows,
      memory: { idleMiB, peakMiB, afterMiB },
    };
    const files = writeReport(report);
    console.log(`\n${table(rows)}\n`);
    console.log(`SQL statements per request by page size: ${JSON.stringify(byFirst)}`);
    console.log(
      `API resident memory: idle ${idleMiB} MiB, peak under load ${peakMiB} MiB, after ${afterMiB} MiB`,
    );
    console.log(`wrote ${files.json} and ${files.svg} in ${fmtSeconds(Date.now() - started)}`);
  } finally {
    await server?.stop();
    await client.end();
    await db.stop();
  }
}

if (process.argv[1]?.endsWith('api.bench.js')) await benchApi();
