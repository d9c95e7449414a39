import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DATABASE_URL } from '../database/database.module.js';
import { DomainEvents } from '../events/domain-events.js';
import { LOGGER } from '../logging/logging.module.js';
import { ConsultQueriesService } from './consult-queries.service.js';
import { ConsultsService } from './consults.service.js';

const EXPIRE_OFFER = 'consult-expire-offer';
const SWEEP = 'consult-expiry-sweep';

/**
 * Consult deadlines as jobs in a PostgreSQL-backed queue (pg-boss): one job per offer at its due time,
 * plus a sweep every minute as a safety net. Jobs live in the database, so several API instances share
 * them without running one twice, and none is lost when an instance restarts. Each job re-checks the
 * offer in SQL, so a job for an offer answered meanwhile does nothing.
 */
@Injectable()
export class ConsultJobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private boss: PgBoss | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly consults: ConsultsService,
    private readonly queries: ConsultQueriesService,
    private readonly events: DomainEvents,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const boss = new PgBoss({ connectionString: this.databaseUrl, schema: 'pgboss', max: 4 });
    boss.on('error', (error: Error) =>
      this.logger.error({ err: { type: error.name, message: error.message } }, 'job queue error'),
    );
    await boss.start();
    await boss.createQueue(EXPIRE_OFFER);
    await boss.createQueue(SWEEP);
    await boss.work(EXPIRE_OFFER, { pollingIntervalSeconds: 1 }, async () => {
      await this.consults.expireDue();
    });
    await boss.work(SWEEP, async () => {
      await this.consults.expireDue();
    });
    await boss.schedule(SWEEP, '* * * * *');
    this.boss = boss;
    this.events.on('consult.offered', ({ offerId }) => this.scheduleExpiry(offerId));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 5_000 });
    this.boss = undefined;
  }

  /** Queues the expiry of an offer at its due time. */
  async scheduleExpiry(offerId: string): Promise<void> {
    const offer = await this.queries.findById(offerId);
    if (!offer || !this.boss) return;
    await this.boss.send(EXPIRE_OFFER, { offerId }, { startAfter: offer.dueAt, singletonKey: offerId });
  }
}
