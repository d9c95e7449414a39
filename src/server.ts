import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureApp } from './app-setup.js';
import { AppModule } from './app.module.js';
import { announceReady } from './cluster/ready-message.js';
import { onShutdownSignal } from './common/shutdown-signals.js';
import type { AppConfig } from './config/app-config.js';
import { readOrCreateSecret } from './database/data-dir-secret.js';
import { startDatabase } from './database/start-database.js';
import { createLogger } from './logging/logger.js';
import { NestPinoLogger } from './logging/nest-logger.js';

/**
 * One API process: the embedded PostgreSQL when no DATABASE_URL is set (a cluster worker is always given
 * one by its primary), then the Nest application, listening until SIGINT or SIGTERM.
 */
export async function startServer(config: AppConfig, started: number): Promise<void> {
  const logger = createLogger(config);
  const { url: databaseUrl, embedded } = await startDatabase(config, logger);
  // Outside production a missing JWT_SECRET is generated once and kept in DATA_DIR.
  config.jwtSecret ??= readOrCreateSecret(config.dataDir, 'jwt-secret');

  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({ config, databaseUrl, logger }),
      {
        logger: new NestPinoLogger(logger),
      },
    );
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  configureApp(app, config, logger);
  await app.listen(config.port);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await embedded?.stop();
    logger.info('stopped');
    process.exit(0);
  };
  onShutdownSignal((signal) => void shutdown(signal));

  if (!cluster.isWorker) announceReady();
  logger.info(
    {
      port: config.port,
      database: embedded ? 'embedded' : 'external',
      ...(cluster.isWorker ? { worker: cluster.worker?.id, pid: process.pid } : {}),
      startupMs: Date.now() - started,
    },
    `Curbside API listening on http://localhost:${config.port}/graphql`,
  );
}
