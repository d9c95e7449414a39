import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { RedisRateLimitStore } from '../src/limits/redis-rate-limit.store.js';
import { redisReachable, TEST_REDIS_URL } from './support/redis.js';

const reachable = await redisReachable();
if (!reachable) console.warn(`redis-rate-limit.e2e-spec: no Redis at ${TEST_REDIS_URL}; skipped`);

(reachable ? describe : describe.skip)('cost budgets in Redis (REDIS_URL)', () => {
  const store = reachable
    ? new RedisRateLimitStore(TEST_REDIS_URL, `curbside-test:${randomBytes(4).toString('hex')}:`)
    : null;
  afterAll(() => store?.close());

  const bucket = (key: string, capacity: number) => ({ key, capacity, refillPerSecond: capacity / 60 });

  it('takes the cost from every bucket, or from none when one is short, naming the short ones', async () => {
    const app = bucket('app:a', 100);
    const user = bucket('user:u', 50);
    expect(await store!.take([app, user], 40)).toMatchObject({ allowed: true, exhausted: [] });
    const refused = await store!.take([app, user], 40);
    expect(refused).toMatchObject({ allowed: false, exhausted: ['user:u'] });
    expect(refused.retryAfterSeconds).toBeGreaterThan(30);
    // Nothing was taken from the app bucket by the refused request.
    expect(await store!.take([app], 60)).toMatchObject({ allowed: true });
  });

  it('is shared: a second client of the same Redis sees the same budget', async () => {
    const other = new RedisRateLimitStore(TEST_REDIS_URL, (store as unknown as { prefix: string }).prefix);
    try {
      const shared = bucket('address:10.0.0.1', 30);
      expect((await store!.take([shared], 25)).allowed).toBe(true);
      expect((await other.take([shared], 25)).allowed).toBe(false);
    } finally {
      await other.close();
    }
  });
});
