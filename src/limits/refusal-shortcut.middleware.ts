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
  const token = bearerToken(req.headers.authorization);
  const claims = token && jwtSecret ? accessClaimsOf(req, token, jwtSecret) : null;
  if (claims) keys.push(`user:${claims.sub}`);
  if (req.ip) keys.push(`address:${req.ip}`);
  return keys;
}

/**
 * Turns away, at the door, a client whose budget was refused moments ago, with the same RATE_LIMITED
 * answer the API gave it, so one runaway client costs little while the others are served.
 */
export function refusalShortcut(cache: RefusalCache, jwtSecret: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || !req.path.startsWith('/graphql')) return next();
    const wait = cache.waitFor(bucketKeysOf(req, cache, jwtSecret));
    if (wait === null) return next();
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
}
