import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { fixtures } from './api.bench.js';
import { startApiServer } from './api-server.js';
import { openBenchDatabase } from './bench-database.js';
import { runHttp, runRaw } from './load.js';
import { SCENARIOS } from './scenarios.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Self and total time per function (by name, file and line) from a V8 .cpuprofile. */
export function summariseProfile(file: string, top = 30): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map<number, number>();
  for (const [i, id] of profile.samples.entries())
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  const root = process.cwd();
  const keyOf = (n: ProfileNode) => {
    const url = n.callFrame.url.replace(`file://${root}/`, '').replace(/^.*node_modules\//, '~/');
    return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let all = 0;
  for (const [id, ms] of selfMs) {
    all += ms;
    const node = byId.get(id)!;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + ms);
    const url = node.callFrame.url;
    const pkg = url.includes('node_modules/')
      ? (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? url)
      : url.includes('/dist/')
        ? 'app (dist/)'
        : url.startsWith('node:')
          ? 'node core'
          : node.callFrame.functionName || '(vm)';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    // Total time: every distinct frame on the stack, counted once per sample.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = keyOf(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  }
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([k, ms]) => `${((ms / all) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${k}`,
      )
      .join('\n');
  return [
    `sampled ${all.toFixed(0)} ms`,
    '\n-- self time by package --',
    fmt(byPackage),
    '\n-- self time by function --',
    fmt(self),
    '\n-- total time by function --',
    fmt(total),
  ].join('\n');
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat (100 ticks/s). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Busy CPU time (ms) of the whole machine so far, from /proc/stat. Less the API's and the load
 * generator's, it is PostgreSQL's (and anything else running: keep the machine otherwise quiet).
 * Counting postgres processes instead misses backends that end during the run.
 */
function machineBusyMs(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = ticks;
  return (user + nice + system + irq + softirq + steal) * 10;
}

/**
 * Profiles the API under one scenario: runs the built server with `--cpu-prof`, drives it with autocannon,
 * prints the top self/total-time functions and the statements' time from pg_stat_statements.
 * `node dist/bench/api/profile.js --scenario feed --connections 10 --seconds 10 [--dir /tmp/prof]`;
 * `--raw` drives the raw-SQL ceiling instead (its CPU split: PostgreSQL and this process).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'feed' },
      connections: { type: 'string', default: '10' },
      seconds: { type: 'string', default: '10' },
      dir: { type: 'string', default: '/tmp/curbside-prof' },
      'no-prof': { type: 'boolean' },
      // The raw-SQL ceiling's CPU split instead of the API's (no profile).
      raw: { type: 'boolean' },
    },
  });
  const scenario = SCENARIOS.find((s) => s.name === values.scenario);
  if (!scenario) throw new Error(`unknown scenario ${values.scenario}`);
  const dir = values.dir!;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = await openBenchDatabase(Number(process.env.BENCH_SCALE ?? 100_000));
  const secret = randomBytes(32).toString('hex');
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const flags = values['no-prof'] ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`];
  const server = await startApiServer(db.url, secret, { nodeFlags: flags });
  try {
    const fx = await fixtures(client, secret);
    await runHttp(server.baseUrl, scenario, fx, 10, 2);
    // An external server (BENCH_DATABASE_URL) may lack pg_stat_statements: then only the API figures.
    const statements = await client.query('SELECT pg_stat_statements_reset()').then(
      () => true,
      () => false,
    );
    const cpuBefore = cpuMsOf(server.pid);
    const machineBefore = machineBusyMs();
    const loadBefore = process.cpuUsage();
    const connections = Number(values.connections);
    const result = values.raw
      ? await runRaw(db.url, scenario, fx, connections, Number(values.seconds))
      : await runHttp(server.baseUrl, scenario, fx, connections, Number(values.seconds));
    const machine = machineBusyMs() - machineBefore;
    const api = cpuMsOf(server.pid) - cpuBefore;
    const loadUsage = process.cpuUsage(loadBefore);
    const load = (loadUsage.user + loadUsage.system) / 1000;
    const perRequest = (ms: number) => Math.round((ms / Math.max(1, result.requests)) * 100) / 100;
    // Where the two cores go: the API, the load generator (this process) and the rest (PostgreSQL).
    console.log(
      JSON.stringify({
        ...result,
        apiCpuMsPerRequest: perRequest(api),
        loadGeneratorCpuMsPerRequest: perRequest(load),
        postgresAndRestCpuMsPerRequest: perRequest(machine - api - load),
      }),
    );
    if (statements) {
      const { rows } = await client.query(
        `SELECT calls, round(mean_exec_time::numeric, 3) AS mean_ms, round(total_exec_time::numeric) AS total_ms,
                left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
           FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND query NOT ILIKE '%pg_stat_statements%'
          ORDER BY total_exec_time DESC LIMIT 15`,
      );
      const perRequest = rows.reduce((sum, r) => sum + Number(r.total_ms), 0) / Math.max(1, result.requests);
      console.table(rows);
      console.log(`SQL execution time per request: ${perRequest.toFixed(2)} ms`);
    }
  } finally {
    await server.stop();
    await client.end();
    await db.stop();
  }
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')))
    console.log(`\n${join(dir, f)}\n${summariseProfile(join(dir, f))}`);
}

if (process.argv[1]?.endsWith('profile.js')) await main();
