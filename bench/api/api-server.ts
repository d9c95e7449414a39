import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/common/project-root.js';
import { READY_MESSAGE } from '../../src/cluster/ready-message.js';
import { findFreePort } from '../../src/database/free-port.js';

export interface ApiServer {
  baseUrl: string;
  pid: number;
  /** Resident memory of the API's processes now, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** Limits raised far above what the load test spends, so the figures measure work, not refusals. */
export const BENCH_SERVER_ENV = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  JOBS_ENABLED: 'false',
  SEED_DEMO: 'false',
  QUERY_MAX_COST: '1000000',
  RATE_LIMIT_APP_PER_MINUTE: '100000000',
  RATE_LIMIT_USER_PER_MINUTE: '100000000',
  RATE_LIMIT_ADDRESS_PER_MINUTE: '100000000',
  RATE_LIMIT_MAX_IN_FLIGHT: '10000',
};

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** The process and its children (the cluster workers), from /proc. */
function processTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return [pid, ...children.flatMap((child) => processTree(Number(child)))];
  } catch {
    return [pid];
  }
}

/** Resident memory of the API (all its processes), in MiB. */
function treeRssMiB(pid: number): number {
  const total = processTree(pid).reduce((sum, member) => sum + rssOf(member), 0);
  return Math.round(total * 10) / 10;
}

/**
 * Runs the built API (`node dist/src/main.js`) as its own process (with `workers` cluster workers), so
 * it does not share an event loop with the load generator, on a free loopback port, and waits until
 * it reports ready over IPC (every worker listening) and answers /health.
 */
export async function startApiServer(
  databaseUrl: string,
  jwtSecret: string,
  options: { nodeFlags?: string[]; workers?: number } = {},
): Promise<ApiServer> {
  const nodeFlags = options.nodeFlags ?? [];
  const port = await findFreePort();
  const root = projectRoot();
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, join(root, 'dist/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      ...BENCH_SERVER_ENV,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: jwtSecret,
      DATA_DIR: join(root, '.bench-data', 'api'),
      API_WORKERS: String(options.workers ?? 1),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let ready = false;
  child.on('message', (message: { type?: string }) => {
    if (message?.type === READY_MESSAGE.type) ready = true;
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the API exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok && ready) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the API did not become ready within 60 s');
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return {
    baseUrl,
    pid: child.pid!,
    rssMiB: () => treeRssMiB(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Samples the resident memory of a process every `everyMs` until stopped; returns peak and mean. */
export function sampleMemory(read: () => number, everyMs = 250) {
  const samples: number[] = [];
  const timer = setInterval(() => {
    const value = read();
    if (Number.isFinite(value)) samples.push(value);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const peak = samples.length ? Math.max(...samples) : Number.NaN;
      const mean = samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : Number.NaN;
      return { peakMiB: peak, meanMiB: Math.round(mean * 10) / 10 };
    },
  };
}
