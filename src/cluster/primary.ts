import cluster, { type Worker } from 'node:cluster';
import { onShutdownSignal } from '../common/shutdown-signals.js';
import type { AppConfig } from '../config/app-config.js';
import { readOrCreateSecret } from '../database/data-dir-secret.js';
import { startDatabase } from '../database/start-database.js';
import { createLogger } from '../logging/logger.js';
import { announceReady } from './ready-message.js';
import { isRelayMessage } from './cluster-relay-pubsub.js';

/** How long workers get to finish their requests on shutdown before they are killed. */
const STOP_TIMEOUT_MS = 15_000;

/**
 * The cluster primary (API_WORKERS > 1): starts the embedded PostgreSQL if needed, resolves the JWT
 * secret once, then forks the workers, which share the port (the primary hands out connections in
 * turn). The first worker starts alone, so migrations and seeds run once; the others follow. A worker
 * that dies is replaced; one that cannot start stops the whole service. The primary also relays
 * subscription events between workers (see ClusterRelayPubSub).
 */
export async function runPrimary(config: AppConfig, started: number): Promise<void> {
  const logger = createLogger(config);
  const { url: databaseUrl, embedded } = await startDatabase(config, logger);
  const workerEnv = {
    DATABASE_URL: databaseUrl,
    JWT_SECRET: config.jwtSecret ?? readOrCreateSecret(config.dataDir, 'jwt-secret'),
    SEED_DEMO: String(config.seedDemo),
  };

  cluster.on('message', (_worker, message) => {
    if (!isRelayMessage(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.send(message);
  });

  let stopping = false;
  const stop = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(running.map(stopWorker));
    await embedded?.stop();
    logger.info('stopped');
    process.exit(exitCode);
  };
  onShutdownSignal((signal) => void stop(signal, 0));

  const fork = () =>
    new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork(workerEnv);
      worker.once('listening', () => resolve(worker));
      worker.once('exit', (code) =>
        reject(new Error(`an API worker exited with code ${code} while starting`)),
      );
    });
  try {
    await fork();
    await Promise.all(Array.from({ length: config.apiWorkers - 1 }, fork));
  } catch (error) {
    logger.error({ err: { message: (error as Error).message } }, 'API workers failed to start');
    await stop('a worker failed to start', 1);
    return;
  }

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.warn({ worker: worker.id, code, signal }, 'an API worker stopped; starting a replacement');
    fork().catch(() => void stop('a replacement worker failed to start', 1));
  });

  announceReady();
  logger.info(
    {
      port: config.port,
      workers: config.apiWorkers,
      database: embedded ? 'embedded' : 'external',
      startupMs: Date.now() - started,
    },
    `Curbside API listening on http://localhost:${config.port}/graphql`,
  );
}

function stopWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => worker.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.process.kill('SIGTERM');
  });
}
