import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { TEST_ADMIN_URL_ENV, TEST_RUN_ID_ENV, testDatabasePrefix } from '../setup/test-database-env.js';

export interface TestDatabase {
  name: string;
  url: string;
  /** Makes the server refuse this database: open connections are ended, new ones refused. */
  refuseConnections(): Promise<void>;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env[TEST_ADMIN_URL_ENV];
  if (!url) throw new Error('The jest global setup did not run (no test database server)');
  return url;
}

function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** An empty database (no migrations), for the migration tests. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = `${testDatabasePrefix(process.env[TEST_RUN_ID_ENV]!)}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: urlFor(name),
    refuseConnections: () =>
      withAdmin(async (client) => {
        await client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
          name,
        ]);
      }),
    drop: () =>
      withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

/**
 * A fresh, migrated database for one suite: a copy of a template migrated once per run. The first
 * worker to get here builds the template under an advisory lock; the others wait for it.
 */
export async function createMigratedDatabase(): Promise<TestDatabase> {
  const prefix = testDatabasePrefix(process.env[TEST_RUN_ID_ENV]!);
  const template = `${prefix}_template`;
  const database = await createEmptyDatabase();
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (exists.rowCount === 0) {
        await client.query(`CREATE DATABASE "${template}"`);
        const source = new DataSource(dataSourceOptions(urlFor(template)));
        await source.initialize();
        await source.runMigrations({ transaction: 'each' });
        await source.destroy();
      }
      await client.query(`DROP DATABASE "${database.name}"`);
      await client.query(`CREATE DATABASE "${database.name}" TEMPLATE "${template}"`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  return database;
}
