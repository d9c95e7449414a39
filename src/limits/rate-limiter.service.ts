import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RefusalCache } from './refusal-cache.js';
import {
  type Bucket,
  RATE_LIMIT_STORE,
  type RateLimitStore,
  type RiderQuery,
  type TakeWithRider,
} from './rate-limit-store.js';

/** Who a request is charged to. Each present identity has its own bucket; all are charged. */
export interface RequestIdentities {
  partnerAppId?: string | null;
  userId?: string | null;
  address?: string | null;
}

export interface Charge extends TakeWithRider {
  /** Capacity of the emptiest bucket charged (for the RateLimit-Limit header). */
  limit: number;
  /** Seconds until the emptiest bucket is full again. */
  resetSeconds: number;
}

/** Cost-based rate limiting: per partner app, per user and per client address. */
@Injectable()
export class RateLimiterService implements OnApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    private readonly refusals: RefusalCache,
  ) {}

  bucketsFor(identities: RequestIdentities): Bucket[] {
    // Refilled at the per-minute rate but holding only RATE_LIMIT_BURST_SECONDS' worth, so no client can
    // spend a minute's budget in one burst that saturates the server for everyone else.
    const bucket = (key: string, perMinute: number): Bucket => ({
      key,
      capacity: (perMinute / 60) * this.config.rateLimitBurstSeconds,
      refillPerSecond: perMinute / 60,
    });
    const buckets: Bucket[] = [];
    if (identities.partnerAppId)
      buckets.push(bucket(`app:${identities.partnerAppId}`, this.config.rateLimitAppPerMinute));
    if (identities.userId)
      buckets.push(bucket(`user:${identities.userId}`, this.config.rateLimitUserPerMinute));
    if (identities.address)
      buckets.push(bucket(`address:${identities.address}`, this.config.rateLimitAddressPerMinute));
    return buckets;
  }

  /** Charges the cost; a rider query, when given, is answered in the same round trip if the store can. */
  async charge(identities: RequestIdentities, cost: number, rider?: RiderQuery): Promise<Charge | null> {
    const buckets = this.bucketsFor(identities);
    if (buckets.length === 0) return null;
    const result = await this.store.take(buckets, cost, rider);
    if (!result.allowed) this.refusals.remember(result.exhausted, result.retryAfterSeconds);
    const tightest = buckets.reduce((a, b) => (a.capacity <= b.capacity ? a : b));
    const remaining = Math.max(0, result.remaining);
    return {
      ...result,
      remaining,
      limit: tightest.capacity,
      resetSeconds: Math.ceil((tightest.capacity - remaining) / tightest.refillPerSecond),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
