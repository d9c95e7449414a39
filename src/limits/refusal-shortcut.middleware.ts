import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { accessClaimsOf, bearerToken } from '../auth/access-token.js';
import { ErrorCode } from '../common/domain-error.js';
import type { RefusalCache } from './refusal-cache.js';

const KEY_PREFIX = /^cbk_([0-9a-f]{12})_/;

/** The bucket keys a raw request would be charged to, as far as can be told without a database. */
export function bucketKeysOf(req: Request, cache: RefusalCache, jwtSecret: string | undefined): string[] {
  const keys: string[] = [];
  const apiKey = req.headers['x-api-key'];
  const prefix = typeof apiKey === 'string' ? KEY_PREFIX.exec(apiKey)?.[1] : undefined;
  const appId = prefix ? cache.appForKeyPrefix(prefix) : undefined;
  if (appId) keys.push(`app:${appId}`);
  // The key itself (hashed) counts in-flight requests from the very first one, before this instance
  // has learned which app the prefix belongs to; a forged key with a real prefix is a different client.
  if (prefix)
    keys.push(
      `key:${createHash('sha256')
        .update(apiKey as string)
        .digest('base64url')
        .slice(0, 22)}`,
    );
  const token = bearerToken(req.headers.authorization);
  const claims = token && jwtSecret ? accessClaimsOf(req, token, jwtSecret) : null;
  if (claims) keys.push(`user:${claims.sub}`);
  if (req.ip) keys.push(`address:${req.ip}`);
  return keys;
}

/** Longest a refused request is held before its answer, so a client looping on 429s slows to a crawl. */
export const TARPIT_MS = 1000;

export interface ShortcutOptions {
  jwtSecret: string | undefined;
  /** Requests one partner app or user may have in progress on this instance at once. */
  maxInFlightPerClient: number;
  tarpitMs?: number;
}

/**
 * Turns away, at the door, a client whose budget was refused moments ago, with the same RATE_LIMITED
 * answer the API gave it, and a client (partner app or user, not an address: a hospital's users may
 * share one) with too many requests already in progress here (one, for PENALTY_WINDOW_MS after a
 * budget refusal), so one runaway client costs little while the others are served. The answer is held back for up to a second (a tarpit): a client that sends its
 * next request as soon as the last one is answered, as scripts do, then sends about one a second per
 * connection instead of thousands.
 */
export function refusalShortcut(cache: RefusalCache, options: ShortcutOptions) {
  const tarpitMs = options.tarpitMs ?? TARPIT_MS;
  const inFlight = new Map<string, number>();
  const refuse = (res: Response, wait: number) => {
    const answer = () => {
      if (res.writableEnded || res.destroyed) return;
      res
        .status(429)
        .set('retry-after', String(wait))
        .json({
          errors: [
            {
              message: 'Rate limit reached for this client; retry later',
              extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: wait },
            },
          ],
        });
    };
    const timer = setTimeout(answer, Math.min(wait * 1000, tarpitMs));
    res.once('close', () => clearTimeout(timer));
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || !req.path.startsWith('/graphql')) return next();
    const keys = bucketKeysOf(req, cache, options.jwtSecret);
    const wait = cache.waitFor(keys);
    if (wait !== null) return refuse(res, wait);
    const clients = keys.filter((key) => !key.startsWith('address:'));
    // A client refused moments ago gets one request in progress at a time: whatever it still may
    // spend arrives one request after another instead of in bursts the others queue behind.
    const cap = cache.recentlyRefused(clients) ? 1 : options.maxInFlightPerClient;
    if (clients.some((key) => (inFlight.get(key) ?? 0) >= cap)) return refuse(res, 1);
    for (const key of clients) inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
    res.once('close', () => {
      for (const key of clients) {
        const left = (inFlight.get(key) ?? 1) - 1;
        if (left > 0) inFlight.set(key, left);
        else inFlight.delete(key);
      }
    });
    next();
  };
}
