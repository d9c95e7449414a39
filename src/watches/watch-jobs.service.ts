import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DATABASE_URL } from '../database/database.module.js';
import { DomainEvents } from '../events/domain-events.js';
import { LOGGER } from '../logging/logging.module.js';
import { WatchMatchingService } from './watch-matching.service.js';

export const WATCH_MATCH_QUEUE = 'watch-match';

/**
 * Watch matching off the request path: each committed post or edit (`case.changed`) queues one
 * `watch-match` job (payload: the case id only) in the PostgreSQL-backed queue, and a worker on any
 * instance runs it. Matching is idempotent, so a retried or duplicated job announces nothing twice.
 * With JOBS_ENABLED=false nothing is queued and watches do not match (like consult expiry).
 */
@Injectable()
export class WatchJobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private boss: PgBoss | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly matching: WatchMatchingService,
    private readonly events: DomainEvents,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const boss = new PgBoss({ connectionString: this.databaseUrl, schema: 'pgboss', max: 2 });
    boss.on('error', (error: Error) =>
      this.logger.error({ err: { type: error.name, message: error.message } }, 'job queue error'),
    );
    await boss.start();
    await boss.createQueue(WATCH_MATCH_QUEUE);
    await boss.work<{ caseId: string }>(
      WATCH_MATCH_QUEUE,
      { pollingIntervalSeconds: 1, batchSize: 5 },
      async (jobs) => {
        for (const job of jobs) await this.matching.matchCase(job.data.caseId);
      },
    );
    this.boss = boss;
    this.events.on('case.changed', ({ caseId }) => this.enqueue(caseId));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 5_000 });
    this.boss = undefined;
  }

  async enqueue(caseId: string): Promise<void> {
    await this.boss?.send(WATCH_MATCH_QUEUE, { caseId }, { retryLimit: 3, retryDelay: 5 });
  }
}
