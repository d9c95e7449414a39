import type { DataSource } from 'typeorm';
import type { Bucket, RateLimitStore, RiderQuery, TakeWithRider } from './rate-limit-store.js';

/**
 * Token buckets in PostgreSQL: one call of rate_limit_take (see its migration) per request, carrying
 * the caller lookup in the same statement (bench/README.md, decision 16).
 */
export class PostgresRateLimitStore implements RateLimitStore {
  constructor(private readonly dataSource: DataSource) {}

  async take(buckets: readonly Bucket[], cost: number, rider?: RiderQuery): Promise<TakeWithRider> {
    // A fixed key order keeps two requests sharing buckets from locking them in opposite orders.
    const sorted = [...buckets].sort((a, b) => a.key.localeCompare(b.key));
    const take = 'rate_limit_take($1, $2, $3, $4) t';
    // The rider's row joins the take's (rider_found tells a missing row from a row of nulls).
    const sql = rider
      ? `SELECT t.allowed, t.remaining, t.retry_after, t.exhausted, r.*
           FROM ${take} LEFT JOIN LATERAL (SELECT true AS rider_found, x.* FROM (${rider.sql(5)}) x) r ON true`
      : `SELECT t.allowed, t.remaining, t.retry_after, t.exhausted FROM ${take}`;
    const rows: Record<string, unknown>[] = await this.dataSource.query(sql, [
      sorted.map((b) => b.key),
      sorted.map((b) => b.capacity),
      sorted.map((b) => b.refillPerSecond),
      cost,
      ...(rider?.params ?? []),
    ]);
    const { allowed, remaining, retry_after, exhausted, rider_found, ...riderRow } = rows[0];
    return {
      allowed: allowed as boolean,
      remaining: Number(remaining),
      retryAfterSeconds: Number(retry_after),
      exhausted: exhausted as string[],
      ...(rider ? { rider: rider_found ? riderRow : null } : {}),
    };
  }

  async close(): Promise<void> {}
}
