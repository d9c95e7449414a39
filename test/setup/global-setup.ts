import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Jest loads globalSetup/globalTeardown through Node's CommonJS loader, without the moduleNameMapper
 * that maps our ESM-style "./x.js" specifiers to "./x.ts" inside tests. Teach that loader the same
 * mapping before loading any project file (hence the dynamic imports below).
 */
function resolveTsFromJsSpecifiers(): void {
  const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    try {
      return original.call(this, request, ...rest);
    } catch (error) {
      if (!request.startsWith('.') || !request.endsWith('.js')) throw error;
      return original.call(this, `${request.slice(0, -3)}.ts`, ...rest);
    }
  };
}

/**
 * One PostgreSQL for the whole run: the embedded server in a temporary folder, or the server in
 * DATABASE_URL when set. Each suite then gets its own database cloned from a migrated template.
 */
export default async function globalSetup(): Promise<void> {
  resolveTsFromJsSpecifiers();
  const { TEST_ADMIN_URL_ENV, TEST_RUN_ID_ENV } = await import('./test-database-env.js');
  process.env[TEST_RUN_ID_ENV] = randomBytes(4).toString('hex');
  if (process.env.DATABASE_URL) {
    process.env[TEST_ADMIN_URL_ENV] = process.env.DATABASE_URL;
    return;
  }
  const { startEmbeddedPostgres } = await import('../../src/database/embedded-postgres.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'curbside-test-'));
  const server = await startEmbeddedPostgres(dataDir, 'curbside_test');
  process.env[TEST_ADMIN_URL_ENV] = server.adminUrl;
  (globalThis as { curbsideTestServer?: unknown }).curbsideTestServer = { server, dataDir };
}
