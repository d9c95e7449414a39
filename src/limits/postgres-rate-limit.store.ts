import type { DataSource } from 'typeorm';
import type { Bucket, RateLimitStore, TakeResult } from './rate-limit-store.js';

/** Token buckets in PostgreSQL: one call of rate_limit_take (see its migration) per request. */
export class PostgresRateLimitStore implements RateLimitStore {
  constructor(private readonly dataSource: DataSource) {}

  async take(buckets: readonly Bucket[], cost: number): Promise<TakeResult> {
    // A fixed key order keeps two requests sharing buckets from locking them in opposite orders.
    const sorted = [...buckets].sort((a, b) => a.key.localeCompare(b.key));
    const rows: { allowed: boolean; remaining: number; retry_after: number; exhausted: string[] }[] =
      await this.dataSource.query(
        'SELECT allowed, remaining, retry_after, exhausted FROM rate_limit_take($1, $2, $3, $4)',
        [sorted.map((b) => b.key), sorted.map((b) => b.capacity), sorted.map((b) => b.refillPerSecond), cost],
      );
    const row = rows[0];
    return {
      allowed: row.allowed,
      remaining: Number(row.remaining),
      retryAfterSeconds: Number(row.retry_after),
      exhausted: row.exhausted,
    };
  }

  async close(): Promise<void> {}
}
