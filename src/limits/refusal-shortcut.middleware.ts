import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { accessClaimsOf, bearerToken } from '../auth/access-token.js';
import { ErrorCode } from '../common/domain-error.js';
import { ClientAdmission } from './client-admission.js';
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
 * At the door, before parsing or authentication: turns away a client whose budget was refused moments
 * ago, with the same RATE_LIMITED answer the API gave it, and admits the others through
 * ClientAdmission, which holds each client (partner key or app, or user; not an address, which a
 * hospital's users may share) to a few requests in progress here: RATE_LIMIT_MAX_IN_FLIGHT, reached by
 * a slow start, and one for PENALTY_WINDOW_MS after a budget refusal. Extra requests wait for a slot;
 * past that they are refused. A refusal is held back for up to a second (a tarpit), so a script that
 * resends as soon as it is answered sends about one request a second per connection.
 */
export function refusalShortcut(cache: RefusalCache, options: ShortcutOptions) {
  const tarpitMs = options.tarpitMs ?? TARPIT_MS;
  const admission = new ClientAdmission();
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
    const withdraw = admission.request(
      clients,
      cap,
      (release) => {
        res.once('close', release);
        // A budget refusal may have come in while this request waited for a slot.
        const waitNow = cache.waitFor(keys);
        if (waitNow !== null) return refuse(res, waitNow);
        next();
      },
      () => refuse(res, 1),
    );
    res.once('close', withdraw);
  };
}
