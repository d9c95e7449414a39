import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { VerificationStatus } from '../identity/clinician.enums.js';
import { Access, ACCESS_KEY } from './access.decorators.js';
import type { Caller } from './caller.js';
import { requestOf } from './graphql-request.js';
import type { RequestWithCaller } from './request-with-caller.js';

/**
 * The global guard. Deny by default: an operation without a declared access level needs a signed-in
 * caller. The bearer token is checked once per HTTP request, whatever the number of root fields (which
 * run concurrently and share the one check), by
 * passport-jwt (JwtStrategy), which also loads the caller's current state from the database.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext): RequestWithCaller {
    return requestOf(context);
  }

  override handleRequest<T>(_error: unknown, user: T, _info: unknown, context: ExecutionContext): T {
    const req = requestOf(context);
    if (!user && req.headers.authorization) req.bearerRejected = true;
    return (user || null) as T;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const access =
      this.reflector.getAllAndOverride<Access>(ACCESS_KEY, [context.getHandler(), context.getClass()]) ??
      Access.SIGNED_IN;
    const req = requestOf(context);
    req.callerResolved ??= req.headers.authorization
      ? (super.canActivate(context) as Promise<boolean>).then(() => undefined)
      : Promise.resolve().then(() => {
          req.user = null;
        });
    await req.callerResolved;
    if (access === Access.PUBLIC) return true;
    assertAccess(access, req.user ?? null, req.bearerRejected === true);
    return true;
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
