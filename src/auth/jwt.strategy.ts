import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CallerLoader } from '../identity/caller-loader.service.js';
import {
  ACCESS_TOKEN_ALGORITHMS,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  type AccessTokenClaims,
} from './access-token.js';
import type { Caller } from './caller.js';

/**
 * passport-jwt checks the bearer JWT (signature, HS256 only, issuer, audience, expiry); validate() then
 * loads the caller's current role and verification from the database, so a revocation, role change or
 * logout applies to the very next request. The secret is handed over as a KeyObject: given a string,
 * jsonwebtoken first tries it as a PEM public key on every call, which cost more CPU than the rest of
 * the check (bench/README.md).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly callers: CallerLoader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret!)) as unknown as string,
      algorithms: ACCESS_TOKEN_ALGORITHMS,
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
      // The request carries the caller's row when the rate-limit charge already read it.
      passReqToCallback: true,
    });
  }

  async validate(req: object, claims: AccessTokenClaims): Promise<Caller | false> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    return (await this.callers.load(claims.sub, claims.sid, req)) ?? false;
  }
}
