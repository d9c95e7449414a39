import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { projectRoot } from '../../src/common/project-root.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { type SeedSummary, seedDataSet } from './seed.js';

export interface BenchDatabase {
  url: string;
  /** Whether the data set was (re)seeded in this run, and how long it took. */
  seededNow: boolean;
  seedSeconds: number;
  summary: SeedSummary;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'curbside_bench';
const SEED_VERSION = 1;

/** The seed is reused across runs: keyed by scale, seed version and the list of migrations. */
function seedKey(scale: number): string {
  return JSON.stringify({ scale, seed: SEED_VERSION, migrations: MIGRATIONS.map((m) => m.name) });
}

async function preloadStatStatements(db: EmbeddedDatabase): Promise<boolean> {
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SHOW shared_preload_libraries');
    if (String(rows[0].shared_preload_libraries).includes('pg_stat_statements')) return false;
    // Written to postgresql.auto.conf of the bench cluster only; applies from the next start.
    await client.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    await client.query("ALTER SYSTEM SET pg_stat_statements.track = 'top'");
    return true;
  } finally {
    await client.end();
  }
}

/**
 * Starts the bench's own embedded PostgreSQL under `.bench-data/` (or uses BENCH_DATABASE_URL), with
 * pg_stat_statements loaded so SQL statements per request can be counted, and makes sure the data set
 * of the requested scale is there: seeded when missing, or when the scale or the migrations changed.
 */
export async function openBenchDatabase(scale: number): Promise<BenchDatabase> {
  const dir = join(projectRoot(), '.bench-data');
  mkdirSync(dir, { recursive: true });
  let server: EmbeddedDatabase | undefined;
  let url = process.env.BENCH_DATABASE_URL;
  let adminUrl = url;
  if (!url) {
    server = await startEmbeddedPostgres(dir, DATABASE_NAME);
    if (await preloadStatStatements(server)) {
      await server.stop();
      server = await startEmbeddedPostgres(dir, DATABASE_NAME);
    }
    url = server.url;
    adminUrl = server.adminUrl;
  }
  const markerFile = join(dir, `seed-${new URL(url).pathname.slice(1)}.json`);
  const key = seedKey(scale);
  const marker = existsSync(markerFile) ? JSON.parse(readFileSync(markerFile, 'utf8')) : undefined;
  let seededNow = false;
  let seedSeconds = 0;
  let summary: SeedSummary;
  try {
    if (marker?.key === key) {
      summary = marker.summary;
    } else {
      if (server) await recreateDatabase(adminUrl!, DATABASE_NAME);
      const started = Date.now();
      const source = new DataSource(dataSourceOptions(url));
      await source.initialize();
      try {
        await source.runMigrations({ transaction: 'each' });
        summary = await seedDataSet(source, scale);
      } finally {
        await source.destroy();
      }
      seedSeconds = (Date.now() - started) / 1000;
      seededNow = true;
      writeFileSync(markerFile, JSON.stringify({ key, summary, seedSeconds }, null, 2));
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').catch(() => undefined);
    await client.end();
  } catch (error) {
    await server?.stop();
    throw error;
  }
  return {
    url,
    seededNow,
    seedSeconds,
    summary,
    stop: async () => {
      await server?.stop();
    },
  };
}

async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}
