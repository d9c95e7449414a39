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

const verifier = new JwtService();

/**
 * Checks an access token outside passport (the WebSocket handshake carries it in connectionParams,
 * not in a header): signature, algorithm, issuer, audience and expiry, as the HTTP strategy does.
 * Returns null for anything not acceptable; never says why, never echoes the token.
 */
export function verifyAccessToken(token: string, secret: string): AccessTokenClaims | null {
  try {
    const claims = verifier.verify<Partial<AccessTokenClaims>>(token, {
      secret,
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
