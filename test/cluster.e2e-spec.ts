import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { findFreePort } from '../src/database/free-port.js';
import { compileApiForNode } from './support/compile-for-node.js';
import {
  type Account,
  dataOf,
  givenAdmin,
  givenCase,
  givenForum,
  givenReply,
  givenVerifiedClinician,
} from './support/factories.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, graphqlOver, type TestApp } from './support/test-app.js';
import { createMigratedDatabase, type TestDatabase } from './support/test-database.js';
import { type Connection, connected, type Stream, subscribe, untilDelivered } from './support/ws-client.js';

interface LogLine {
  msg?: string;
  worker?: number;
  workers?: number;
  pid?: number;
}

/** `node main.js` with API_WORKERS=2 on its own port and database, its log lines parsed. */
interface ClusterProcess {
  child: ChildProcess;
  baseUrl: string;
  wsUrl: string;
  lines: LogLine[];
  exited: Promise<number | null>;
  /** Resolves with the first log line (already logged or still to come) that matches. */
  logged(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
}

async function startCluster(entry: string, database: TestDatabase): Promise<ClusterProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: String(port),
      API_WORKERS: '2',
      DATABASE_URL: database.url,
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      JOBS_ENABLED: 'false',
      QUERY_MAX_COST: '10000000',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '100000000',
      RATE_LIMIT_USER_PER_MINUTE: '100000000',
      RATE_LIMIT_APP_PER_MINUTE: '100000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: LogLine[] = [];
  const waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop()!;
    for (const text of complete.filter(Boolean)) {
      const line = JSON.parse(text) as LogLine;
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.match(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logged = (match: (line: LogLine) => boolean, timeoutMs = 30_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const found = lines.find(match);
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error('expected log line never came')), timeoutMs);
      waiters.push({
        match,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  const cluster = {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    lines,
    exited,
    logged,
  };
  // The primary's line comes once every worker listens.
  await Promise.race([
    logged((line) => line.workers === 2),
    exited.then((code) => {
      throw new Error(`the cluster exited with code ${code} while starting`);
    }),
  ]);
  return cluster;
}

/** The factories' view of an API: GraphQL over HTTP, here to the cluster's shared port. */
function remoteApp(baseUrl: string, database: TestDatabase): TestApp {
  return {
    app: undefined as never,
    dataSource: undefined as never,
    database,
    logLines: [],
    http: () => request(baseUrl),
    gql: graphqlOver(baseUrl),
    close: async () => {},
    stop: async () => {},
  };
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const listeningWorkers = (lines: LogLine[]) =>
  lines.filter((line) => line.msg?.startsWith('Curbside API listening') && line.worker !== undefined);

describe('API_WORKERS: several API processes on one port', () => {
  let database: TestDatabase;
  let cluster: ClusterProcess;
  let api: TestApp;
  let admin: Account;

  beforeAll(async () => {
    const entry = await compileApiForNode();
    database = await createMigratedDatabase();
    cluster = await startCluster(entry, database);
    api = remoteApp(cluster.baseUrl, database);
    admin = await givenAdmin(api);
  }, 90_000);

  afterAll(async () => {
    if (cluster && cluster.child.exitCode === null) {
      cluster.child.kill('SIGKILL');
      await cluster.exited;
    }
    await database?.drop();
  });

  it('starts the workers one database set-up after another and serves from both', () => {
    const workers = listeningWorkers(cluster.lines);
    expect(workers.map((line) => line.worker).sort()).toEqual([1, 2]);
    expect(new Set(workers.map((line) => line.pid)).size).toBe(2);
    expect(workers.every((line) => line.pid !== cluster.child.pid)).toBe(true);
  });

  it('delivers a reply posted through one worker to subscribers connected to each worker', async () => {
    const author = await givenVerifiedClinician(api, admin);
    const reader = await givenVerifiedClinician(api, admin);
    const forum = await givenForum(api, admin, 'PRIVATE');
    const kase = await givenCase(api, author, forum.id);
    // The primary hands out connections in turn: two connections in a row land on the two workers.
    const connections: Connection[] = [
      await connected(cluster.wsUrl, reader.accessToken),
      await connected(cluster.wsUrl, reader.accessToken),
    ];
    try {
      const streams: Stream[] = connections.map((connection) =>
        subscribe(connection, 'subscription($c: ID!) { caseReplied(caseId: $c) { id body } }', {
          c: kase.id,
        }),
      );
      for (const stream of streams) {
        const probeIds = new Set<string>();
        await untilDelivered(
          stream,
          async () => {
            probeIds.add((await givenReply(api, author, kase.id)).id);
          },
          (result) => probeIds.has(result.data?.caseReplied?.id),
        );
      }
      const reply = await givenReply(api, author, kase.id, 'Repeat the ferritin in two weeks.');
      for (const stream of streams) {
        const delivered = await stream.next((result) => result.data?.caseReplied?.id === reply.id);
        expect(delivered.data?.caseReplied).toEqual({ id: reply.id, body: reply.body });
      }
    } finally {
      await Promise.all(connections.map((connection) => connection.close()));
    }
  });

  it('replaces a worker that dies, and stops every worker on SIGTERM', async () => {
    const [victim] = listeningWorkers(cluster.lines);
    process.kill(victim.pid!, 'SIGKILL');
    const replacement = await cluster.logged(
      (line) =>
        line.msg?.startsWith('Curbside API listening') === true &&
        line.worker !== undefined &&
        line.worker > 2,
    );
    expect(replacement.pid).not.toBe(victim.pid);
    for (let i = 0; i < 4; i++) {
      const me = await api.gql('query { me { id } }', {}, { token: admin.accessToken });
      expect(dataOf(me, 'me')).toEqual({ id: admin.id });
    }
    const running = listeningWorkers(cluster.lines)
      .map((line) => line.pid!)
      .filter(isAlive);
    expect(running).toHaveLength(2);
    cluster.child.kill('SIGTERM');
    expect(await cluster.exited).toBe(0);
    expect(running.filter(isAlive)).toEqual([]);
  }, 60_000);
});
