import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres.js';

/** The database to use: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR, started here. */
export async function startDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
  logger: Logger,
): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const embedded = await startEmbeddedPostgres(config.dataDir);
  logger.info({ dataDir: config.dataDir }, 'embedded PostgreSQL started');
  return { url: embedded.url, embedded };
}
