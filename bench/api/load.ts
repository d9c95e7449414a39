import autocannon from 'autocannon';
import pg from 'pg';
import type { Fixtures, Scenario } from './scenarios.js';

export interface LoadFigures {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function figures(latencies: number[], seconds: number, errors: number): LoadFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: sorted.length,
    requestsPerSecond: Math.round(sorted.length / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    errors,
  };
}

/**
 * Drives the API over HTTP with autocannon for `seconds` at `connections`, each request built by the
 * scenario (rotating ids, users, terms). Latencies are collected per response, so p95 is available too.
 * A 2xx answer carrying GraphQL errors counts as an error (the body is checked for `"errors"`).
 */
export async function runHttp(
  baseUrl: string,
  scenario: Scenario,
  fx: Fixtures,
  connections: number,
  seconds: number,
): Promise<LoadFigures> {
  let counter = 0;
  let graphqlErrors = 0;
  const latencies: number[] = [];
  let finish!: (result: autocannon.Result) => void;
  let fail!: (error: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const options: autocannon.Options = {
    url: `${baseUrl}/graphql`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const spec = scenario.request(fx, counter++);
          return {
            ...req,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${spec.user.token}` },
            body: JSON.stringify({ query: spec.query, variables: spec.variables }),
          };
        },
        onResponse: (_status, body) => {
          if (body.startsWith('{"errors"') || body.includes('"errors":[')) graphqlErrors++;
        },
      },
    ],
  };
  const instance = autocannon(options, (error, result) => (error ? fail(error) : finish(result)));
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await done;
  return figures(latencies, result.duration, result.errors + result.non2xx + graphqlErrors + result.timeouts);
}

/** The ceiling: the scenario's SQL through pg, `connections` loops in parallel on a pool of that size. */
export async function runRaw(
  url: string,
  scenario: Scenario,
  fx: Fixtures,
  connections: number,
  seconds: number,
): Promise<LoadFigures> {
  const pool = new pg.Pool({
    connectionString: url,
    max: connections,
    application_name: 'curbside-bench-raw',
  });
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  try {
    // Warm the pool and the plans before timing.
    await Promise.all(Array.from({ length: connections }, (_, i) => scenario.raw(pool, fx, i)));
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < deadline) {
          const t = performance.now();
          try {
            await scenario.raw(pool, fx, counter++);
            latencies.push(performance.now() - t);
          } catch {
            errors++;
          }
        }
      }),
    );
    return figures(latencies, (performance.now() - started) / 1000, errors);
  } finally {
    await pool.end();
  }
}
