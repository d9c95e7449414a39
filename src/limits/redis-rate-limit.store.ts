import { Redis } from 'ioredis';
import type { Bucket, RateLimitStore, TakeResult } from './rate-limit-store.js';

/**
 * The same all-or-nothing take as the PostgreSQL function, as one Lua script so Redis runs it
 * atomically. Buckets are hashes {tokens, at}; idle ones expire.
 */
const TAKE = `
local cost = tonumber(ARGV[1])
local now = redis.call('TIME')
local t = tonumber(now[1]) + tonumber(now[2]) / 1e6
local levels = {}
local ok = 1
local wait = 0
local short = {}
for i, key in ipairs(KEYS) do
  local capacity = tonumber(ARGV[2 * i])
  local refill = tonumber(ARGV[2 * i + 1])
  local state = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(state[1]) or capacity
  local at = tonumber(state[2]) or t
  local level = math.min(capacity, tokens + (t - at) * refill)
  levels[i] = level
  if level < cost then
    ok = 0
    table.insert(short, ARGV[2 * #KEYS + 1 + i])
    wait = math.max(wait, (cost - level) / refill)
  end
end
local lowest = math.huge
for i, key in ipairs(KEYS) do
  local level = levels[i] - (ok == 1 and cost or 0)
  redis.call('HSET', key, 'tokens', level, 'at', t)
  local capacity = tonumber(ARGV[2 * i])
  local refill = tonumber(ARGV[2 * i + 1])
  redis.call('EXPIRE', key, math.ceil(capacity / refill) + 60)
  lowest = math.min(lowest, level)
end
return { ok, tostring(lowest), tostring(wait), short }
`;

export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'curbside:rate:',
  ) {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }

  async take(buckets: readonly Bucket[], cost: number): Promise<TakeResult> {
    const keys = buckets.map((b) => `${this.prefix}${b.key}`);
    // Unprefixed bucket keys ride along after the capacities, so the script can name the short ones.
    const args = [
      String(cost),
      ...buckets.flatMap((b) => [String(b.capacity), String(b.refillPerSecond)]),
      ...buckets.map((b) => b.key),
    ];
    const [ok, lowest, wait, short] = (await this.redis.eval(TAKE, keys.length, ...keys, ...args)) as [
      number,
      string,
      string,
      string[],
    ];
    return {
      allowed: ok === 1,
      remaining: Number(lowest),
      retryAfterSeconds: Number(wait),
      exhausted: short ?? [],
    };
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
