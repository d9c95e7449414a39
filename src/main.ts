import cluster from 'node:cluster';
import { ConfigError, loadConfig } from './config/app-config.js';

/**
 * Entry point. With API_WORKERS above 1 this process becomes the cluster primary (database, secrets,
 * supervision) and each worker runs the API; otherwise it runs the API itself. Each path loads only
 * the modules it needs: the primary never loads Nest.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig(process.env);
  if (config.apiWorkers > 1 && cluster.isPrimary) {
    const { runPrimary } = await import('./cluster/primary.js');
    await runPrimary(config, started);
  } else {
    const { startServer } = await import('./server.js');
    await startServer(config, started);
  }
}

main().catch((error: unknown) => {
  // One clear line for configuration problems; nothing from the environment's values is echoed.
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`Curbside failed to start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
