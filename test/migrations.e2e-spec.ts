import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations/index.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { createEmptyDatabase, type TestDatabase } from './support/test-database.js';

async function tables(source: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await source.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  let database: TestDatabase;
  let source: DataSource;
  beforeAll(async () => {
    database = await createEmptyDatabase();
    source = new DataSource(dataSourceOptions(database.url));
    await source.initialize();
  });
  afterAll(async () => {
    await source.destroy();
    await database.drop();
  });

  it('apply to an empty database, revert cleanly one by one, and apply again', async () => {
    const applied = await source.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    const afterUp = await tables(source);
    expect(afterUp).toEqual(
      expect.arrayContaining(['clinicians', 'audit_log', 'specialties', 'verification_requests']),
    );
    const [{ n }] = await source.query('SELECT count(*)::int AS n FROM specialties');
    expect(n).toBeGreaterThanOrEqual(30);

    for (let i = 0; i < MIGRATIONS.length; i++) await source.undoLastMigration({ transaction: 'each' });
    expect(await tables(source)).toEqual(['migrations']);
    const [{ functions }] = await source.query(
      "SELECT count(*)::int AS functions FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'",
    );
    expect(functions).toBe(0);

    await source.runMigrations({ transaction: 'each' });
    expect(await tables(source)).toEqual(afterUp);
  });

  it('seed specialties with stable lowercase codes and SNOMED CT codes', async () => {
    const rows: { code: string; snomed_code: string }[] = await source.query(
      'SELECT code, snomed_code FROM specialties',
    );
    const codes = rows.map((r) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'dermatology',
        'cardiology',
        'infectious-disease',
        'neurology',
        'pediatrics',
        'emergency-medicine',
        'family-medicine',
      ]),
    );
    for (const row of rows) {
      expect(row.code).toMatch(/^[a-z][a-z-]*[a-z]$/);
      expect(row.snomed_code).toMatch(/^\d{6,18}$/);
    }
    expect(new Set(rows.map((r) => r.snomed_code)).size).toBe(rows.length);
  });
});
