import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { Repository } from 'typeorm';
import { LOGGER } from '../logging/logging.module.js';
import { PartnerAppUsageEntity } from './partner-app.entity.js';
import type { PartnerAppUsageDay } from './partner-app.model.js';

export interface UsageDelta {
  requests?: number;
  errors?: number;
  /** Query cost (filled in by the query-cost plugin). */
  cost?: number;
}

interface Pending {
  appId: string;
  day: string;
  requests: number;
  errors: number;
  cost: number;
}

/** How long counts wait in memory before one batched upsert. */
const FLUSH_DELAY_MS = 2_000;

function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

const whole = (n: number | undefined) =>
  Number.isFinite(n) && (n as number) > 0 ? Math.round(n as number) : 0;

/**
 * Per app, per UTC day: requests, errors and query cost. Counts are summed in memory and written in one
 * upsert every couple of seconds (and at shutdown), so counting costs no query per request. A crash
 * loses at most those seconds of counts.
 */
@Injectable()
export class PartnerUsageService implements OnModuleDestroy {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    @InjectRepository(PartnerAppUsageEntity) private readonly usage: Repository<PartnerAppUsageEntity>,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Adds to today's counters of one app. Cheap: nothing is written until the next flush. */
  recordUsage(appId: string, delta: UsageDelta, at: Date = new Date()): void {
    const requests = whole(delta.requests);
    const errors = whole(delta.errors);
    const cost = whole(delta.cost);
    if (!requests && !errors && !cost) return;
    const day = utcDay(at);
    const id = `${appId}|${day}`;
    const entry = this.pending.get(id) ?? { appId, day, requests: 0, errors: 0, cost: 0 };
    entry.requests += requests;
    entry.errors += errors;
    entry.cost += cost;
    this.pending.set(id, entry);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
      this.timer.unref();
    }
  }

  /** Writes every pending count now (one statement). Concurrent calls are serialised. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending.size) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    const params: unknown[] = [];
    const rows = batch.map((entry) => {
      params.push(entry.appId, entry.day, entry.requests, entry.errors, entry.cost);
      const n = params.length;
      return `($${n - 4}::uuid, $${n - 3}::date, $${n - 2}::bigint, $${n - 1}::bigint, $${n}::bigint)`;
    });
    try {
      await this.usage.query(
        `INSERT INTO partner_app_usage (app_id, day, requests, errors, cost) VALUES ${rows.join(', ')}
         ON CONFLICT (app_id, day) DO UPDATE SET
           requests = partner_app_usage.requests + EXCLUDED.requests,
           errors = partner_app_usage.errors + EXCLUDED.errors,
           cost = partner_app_usage.cost + EXCLUDED.cost`,
        params,
      );
    } catch (error) {
      this.logger.error(
        { err: { type: (error as Error).name, message: (error as Error).message }, rows: batch.length },
        'could not write partner app usage; counts dropped',
      );
    }
  }

  /** Days with traffic between `from` and `to` (inclusive, by UTC day), oldest first. */
  async days(appId: string, from: Date, to: Date): Promise<PartnerAppUsageDay[]> {
    await this.flush();
    const rows: { day: string; requests: string; errors: string; cost: string }[] = await this.usage.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, requests, errors, cost FROM partner_app_usage
       WHERE app_id = $1 AND day BETWEEN $2::date AND $3::date ORDER BY day`,
      [appId, utcDay(from), utcDay(to)],
    );
    return rows.map((row) => ({
      day: row.day,
      requests: Number(row.requests),
      errors: Number(row.errors),
      cost: Number(row.cost),
    }));
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
  }
}
