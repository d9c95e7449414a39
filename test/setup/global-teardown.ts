import { rmSync } from 'node:fs';
import pg from 'pg';

/** Stops the embedded server (and its folder), or drops this run's databases on an external server. */
export default async function globalTeardown(): Promise<void> {
  const state = (
    globalThis as { curbsideTestServer?: { server: { stop(): Promise<void> }; dataDir: string } }
  ).curbsideTestServer;
  if (state) {
    await state.server.stop();
    rmSync(state.dataDir, { recursive: true, force: true });
    return;
  }
  // The specifier resolution patched by global-setup is in place by now.
  const { TEST_ADMIN_URL_ENV, TEST_RUN_ID_ENV, testDatabasePrefix } = await import('./test-database-env.js');
  const client = new pg.Client({ connectionString: process.env[TEST_ADMIN_URL_ENV] });
  await client.connect();
  try {
    const prefix = testDatabasePrefix(process.env[TEST_RUN_ID_ENV]!);
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 || '%'",
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
