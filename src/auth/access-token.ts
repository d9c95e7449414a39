import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';

export const ACCESS_TOKEN_ISSUER = 'curbside';
export const ACCESS_TOKEN_AUDIENCE = 'curbside-api';
/** Access tokens are HMAC-signed with the server secret; any other algorithm is refused. */
export const ACCESS_TOKEN_ALGORITHMS: 'HS256'[] = ['HS256'];

/** What an access token carries: who, and which sign-in session (so logout ends it at once). */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

/**
 * One verifier per secret, holding the secret as a KeyObject: given a string, jsonwebtoken first tries
 * it as a PEM public key (createPublicKey, which throws) on every call, which cost more CPU than
 * the rest of the token check (bench/README.md, decision 3).
 */
const verifiers = new Map<string, JwtService>();

function verifierFor(secret: string): JwtService {
  let verifier = verifiers.get(secret);
  if (!verifier) {
    verifier = new JwtService({ secret: createSecretKey(Buffer.from(secret)) });
    verifiers.set(secret, verifier);
  }
  return verifier;
}

/**
 * Checks an access token: signature, algorithm (HS256 only), issuer, audience and expiry. Used for the
 * HTTP bearer token (through {@link accessClaimsOf}) and the WebSocket handshake (connectionParams).
 * Returns null for anything not acceptable; never says why, never echoes the token.
 */
export function verifyAccessToken(token: string, secret: string): AccessTokenClaims | null {
  try {
    const claims = verifierFor(secret).verify<Partial<AccessTokenClaims>>(token, {
      algorithms: ACCESS_TOKEN_ALGORITHMS,
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
    return { sub: claims.sub, sid: claims.sid };
  } catch {
    return null;
  }
}

/** The token of an `Authorization: Bearer <token>` value, or null. */
export function bearerToken(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value.trim());
  return match ? match[1] : null;
}

const checked = new WeakMap<object, { token: string; claims: AccessTokenClaims | null }>();

/**
 * The verified claims of a bearer token sent with this HTTP request, checked once per request whatever
 * the number of readers (the refusal shortcut, the rate limiter, the access guard).
 */
export function accessClaimsOf(req: object, token: string, secret: string): AccessTokenClaims | null {
  const known = checked.get(req);
  if (known && known.token === token) return known.claims;
  const claims = verifyAccessToken(token, secret);
  checked.set(req, { token, claims });
  return claims;
}
