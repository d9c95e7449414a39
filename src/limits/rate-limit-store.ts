/** One budget a request draws from: a partner app, a user or a client address. */
export interface Bucket {
  key: string;
  /** Points the bucket holds when full. */
  capacity: number;
  /** Points restored per second. */
  refillPerSecond: number;
}

export interface TakeResult {
  allowed: boolean;
  /** Points left in the emptiest bucket after this request. */
  remaining: number;
  /** When refused: seconds until every bucket holds the cost again. */
  retryAfterSeconds: number;
  /** When refused: the keys of the buckets that were short. */
  exhausted: string[];
}

/**
 * A read of at most one row that rides along with a take in the same round trip, for a store that
 * can carry it (PostgreSQL): the request's caller lookup, which every signed-in request needs anyway.
 * `sql` is a SELECT whose parameters are numbered from `firstParam`.
 */
export interface RiderQuery {
  sql: (firstParam: number) => string;
  params: unknown[];
}

/** A take's result; `rider` is the rider's row (null: no row), absent when the store carried none. */
export interface TakeWithRider extends TakeResult {
  rider?: Record<string, unknown> | null;
}

/**
 * Takes `cost` from every bucket at once, or from none when any is short. Implementations are shared
 * by all API instances: PostgreSQL by default, Redis when REDIS_URL is set.
 */
export interface RateLimitStore {
  take(buckets: readonly Bucket[], cost: number, rider?: RiderQuery): Promise<TakeWithRider>;
  close(): Promise<void>;
}

export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');
