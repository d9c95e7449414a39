import { type CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CallerLoader } from '../identity/caller-loader.service.js';
import { VerificationStatus } from '../identity/clinician.enums.js';
import { Access, ACCESS_KEY } from './access.decorators.js';
import { accessClaimsOf } from './access-token.js';
import type { Caller } from './caller.js';
import { requestOf } from './graphql-request.js';
import type { RequestWithCaller } from './request-with-caller.js';

/** `<scheme> <token>` as passport-jwt's `fromAuthHeaderAsBearerToken` reads it (scheme case-insensitive). */
const AUTH_HEADER = /(\S+)\s+(\S+)/;

function bearerOf(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = AUTH_HEADER.exec(header);
  return match && match[1].toLowerCase() === 'bearer' ? match[2] : null;
}

/**
 * The global guard. Deny by default: an operation without a declared access level needs a signed-in
 * caller. The bearer token is checked once per HTTP request, whatever the number of root fields: its
 * signature, algorithm, issuer, audience and expiry, then the caller's current role and verification
 * are loaded from the database (the session must still be open), so a revocation, role change or
 * logout applies to the very next request. This is what passport-jwt did here before, without
 * passport's per-request machinery (bench/README.md, decision 3).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly callers: CallerLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access =
      this.reflector.getAllAndOverride<Access>(ACCESS_KEY, [context.getHandler(), context.getClass()]) ??
      Access.SIGNED_IN;
    const req = requestOf(context);
    if (!req.callerResolved) {
      if (req.headers.authorization) {
        req.user = await this.callerOf(req);
        if (!req.user) req.bearerRejected = true;
      } else req.user = null;
      req.callerResolved = true;
    }
    if (access === Access.PUBLIC) return true;
    assertAccess(access, req.user ?? null, req.bearerRejected === true);
    return true;
  }

  /** The caller behind the bearer token, or null when the token or its session is not accepted. */
  private async callerOf(req: RequestWithCaller): Promise<Caller | null> {
    const token = bearerOf(req.headers.authorization);
    const claims = token ? accessClaimsOf(req, token, this.config.jwtSecret!) : null;
    if (!claims) return null;
    try {
      return await this.callers.load(claims.sub, claims.sid);
    } catch {
      // As with passport before: a failed lookup refuses the token rather than failing the request.
      return null;
    }
  }
}

function assertAccess(access: Access, caller: Caller | null, bearerRejected: boolean): void {
  if (!caller) {
    throw DomainError.unauthenticated(
      bearerRejected
        ? 'Access token is invalid or expired; refresh the session or sign in again'
        : 'Sign in required',
    );
  }
  if (access === Access.ADMIN && caller.role !== 'ADMIN') throw DomainError.forbidden('Admins only');
  if (access === Access.VERIFIED && caller.verificationStatus !== VerificationStatus.VERIFIED) {
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      `Only verified clinicians may do this; your verification status is ${caller.verificationStatus}`,
    );
  }
  if (
    access === Access.VERIFIED_OR_ADMIN &&
    caller.role !== 'ADMIN' &&
    caller.verificationStatus !== VerificationStatus.VERIFIED
  ) {
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      `Only verified clinicians and admins may do this; your verification status is ${caller.verificationStatus}`,
    );
  }
}
