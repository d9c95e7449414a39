import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { CallerLoader } from '../identity/caller-loader.service.js';
import type { Caller } from './caller.js';
import {
  ACCESS_TOKEN_ALGORITHMS,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  type AccessTokenClaims,
} from './access-token.js';

/**
 * Checks the bearer JWT, then loads the caller's current role and verification from the database,
 * so a revocation, role change or logout applies to the very next request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly callers: CallerLoader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret!,
      algorithms: ACCESS_TOKEN_ALGORITHMS,
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Caller | false> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    return (await this.callers.load(claims.sub, claims.sid)) ?? false;
  }
}
