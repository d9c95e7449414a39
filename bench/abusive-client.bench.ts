import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { findFreePort } from '../src/database/free-port.js';

const ADMIN_EMAIL = 'bench-admin@curbside.test';
const ADMIN_PASSWORD = 'bench-lantern-harbour-7';
/** Each measured phase; three rounds of (alone, with the abuser), compared by their medians. */
const PHASE_SECONDS = 20;
const ROUNDS = 3;
/**
 * The abuser's first seconds: its budget starts full and it may spend it (a burst of about 32 big
 * pages). That is use within its limit; the phase that matters starts once it is being refused.
 */
const ARRIVAL_SECONDS = 2;
/** The polite client's request: a small page (cost 5), well within its budget at 20 a second. */
const SMALL_PAGE = '{ cases(first: 2) { edges { node { id title } } } }';
/** The abusive client's request: a bigger page (cost 31), as fast as it can. */
const BIG_PAGE = '{ cases(first: 10) { edges { node { id title author { displayName } } } } }';

interface PhaseResult {
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
}

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error('the API exited during start-up');
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the API did not become healthy');
}

async function graphql(base: string, query: string, variables: object, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function drive(
  base: string,
  apiKey: string,
  query: string,
  options: { connections: number; seconds: number; overallRate?: number },
): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${base}/graphql`,
        connections: options.connections,
        duration: options.seconds,
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
            body: JSON.stringify({ query }),
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          p50: result.latency.p50,
          p99: result.latency.p99,
          requests: result.requests.total,
          non2xx: result.non2xx,
        });
      },
    );
  });
}

/**
 * Two partner apps read the feed on one server: a well-behaved one at a steady rate within its
 * budget, and an abusive one as fast as it can. Prints the well-behaved client's latency alone and
 * while the abusive client is being refused (429), to show the limit protects the others.
 */
export async function benchAbusiveClient(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'curbside-abuse-'));
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      JOBS_ENABLED: 'false',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      // Both clients come from 127.0.0.1: the per-address budget must not be what separates them.
      RATE_LIMIT_ADDRESS_PER_MINUTE: '100000000',
      RATE_LIMIT_USER_PER_MINUTE: '100000000',
      // 200 points a second per app, at most 5 seconds' worth at once.
      RATE_LIMIT_APP_PER_MINUTE: '12000',
      RATE_LIMIT_BURST_SECONDS: '5',
      QUERY_MAX_COST: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(base, server);
    const { login } = await graphql(base, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
      i: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    const admin = { authorization: `Bearer ${login.accessToken}` };
    const create = (name: string) =>
      graphql(
        base,
        'mutation($i: PartnerAppInput!) { createPartnerApp(input: $i) { apiKey } }',
        { i: { name, scopes: ['cases:read'] } },
        admin,
      ).then((data) => data.createPartnerApp.apiKey as string);
    const politeKey = await create('Polite portal');
    const abusiveKey = await create('Runaway script');

    const polite = (seconds: number) =>
      drive(base, politeKey, SMALL_PAGE, { connections: 2, overallRate: 20, seconds });
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    await polite(5); // warm-up
    const rounds: { alone: PhaseResult; arrival: PhaseResult; steady: PhaseResult; abuser: PhaseResult }[] =
      [];
    for (let round = 1; round <= ROUNDS; round++) {
      const alone = await polite(PHASE_SECONDS);
      // The abuser hammers from 20 connections; the polite client keeps its pace through the abuser's
      // arrival (its allowed burst) and then while it is held to its limit.
      const abusing = driveElsewhere(base, abusiveKey, BIG_PAGE, {
        connections: 20,
        seconds: ARRIVAL_SECONDS + PHASE_SECONDS + 1,
      });
      const arrival = await polite(ARRIVAL_SECONDS);
      const steady = await polite(PHASE_SECONDS);
      const abuser = await abusing;
      rounds.push({ alone, arrival, steady, abuser });
      console.log(
        `round ${round}: polite alone p50 ${alone.p50} / p99 ${alone.p99} ms; with the abuser held to its limit ` +
          `p50 ${steady.p50} / p99 ${steady.p99} ms (${steady.non2xx} refused); during its arrival burst ` +
          `p99 ${arrival.p99} ms; abuser ${abuser.requests} requests, ${abuser.non2xx} refused with 429`,
      );
    }
    const aloneP99 = median(rounds.map((r) => r.alone.p99));
    const steadyP99 = median(rounds.map((r) => r.steady.p99));
    const arrivalP99 = median(rounds.map((r) => r.arrival.p99));
    const increase = ((steadyP99 - aloneP99) / aloneP99) * 100;
    console.log(`polite client alone, median p99:                      ${aloneP99} ms`);
    console.log(`polite client with the abuser held to its limit:     ${steadyP99} ms`);
    console.log(`polite client during the abuser's arrival burst:      ${arrivalP99} ms`);
    console.log(`polite client's p99 rose by ${increase.toFixed(1)}% (goal: at most 20%)`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ABUSER_FLAG = '--drive-abuser';

/**
 * Runs a load in a process of its own, as another client would be on another machine: autocannon
 * measures latency on its own event loop, so two loads in one process slow each other's figures.
 */
function driveElsewhere(
  base: string,
  apiKey: string,
  query: string,
  options: { connections: number; seconds: number },
): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), ABUSER_FLAG, JSON.stringify({ base, apiKey, query, options })],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(output) as PhaseResult)
        : reject(new Error(`load process exited ${code}`)),
    );
  });
}

if (process.argv[2] === ABUSER_FLAG) {
  const { base, apiKey, query, options } = JSON.parse(process.argv[3]);
  process.stdout.write(JSON.stringify(await drive(base, apiKey, query, options)));
} else if (process.argv[1]?.endsWith('abusive-client.bench.js')) {
  await benchAbusiveClient();
}
