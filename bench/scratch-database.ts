import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';

/**
 * Runs a benchmark on a fresh, migrated embedded PostgreSQL in a temporary folder, removed afterwards
 * whatever happens.
 */
export async function withScratchDatabase(run: (source: DataSource) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'curbside-bench-'));
  const server = await startEmbeddedPostgres(dir, 'curbside_bench');
  const source = new DataSource(dataSourceOptions(server.url));
  try {
    await source.initialize();
    await source.runMigrations({ transaction: 'each' });
    await run(source);
  } finally {
    if (source.isInitialized) await source.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The p-th percentile of an ascending list (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
