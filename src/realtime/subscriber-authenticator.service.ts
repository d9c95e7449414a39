import { Inject, Injectable } from '@nestjs/common';
import { bearerToken, verifyAccessToken } from '../auth/access-token.js';
import type { Caller } from '../auth/caller.js';
import type { RequestWithCaller } from '../auth/request-with-caller.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RequestLoaders } from '../graphql/request-loaders.js';
import { CallerLoader } from '../identity/caller-loader.service.js';

/** Who opened a WebSocket: the clinician and sign-in session named by the token at connection time. */
export interface SubscriberIdentity {
  clinicianId: string;
  sessionId: string;
}

/**
 * The GraphQL context of one subscription, shaped like the HTTP one (`req.user`, `req.callerResolved`,
 * per-request loaders) so the global guard, `@CurrentCaller()` and field resolvers work unchanged.
 */
export interface SubscriptionContext extends Omit<GraphQLContext, 'res'> {
  subscriber: SubscriberIdentity;
}

/**
 * Authenticates WebSocket connections with the same access token as HTTP, and re-loads the caller
 * from the database for every event delivered: a logout, a revocation or a role change applies to the
 * next event, not at token expiry.
 */
@Injectable()
export class SubscriberAuthenticator {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly callers: CallerLoader,
  ) {}

  /** The subscriber behind `connectionParams.authorization`, or null when the token is missing or refused. */
  async authenticate(
    connectionParams: Readonly<Record<string, unknown>> | undefined,
  ): Promise<SubscriberIdentity | null> {
    const token = bearerToken(connectionParams?.authorization ?? connectionParams?.Authorization);
    if (!token) return null;
    const claims = verifyAccessToken(token, this.config.jwtSecret!);
    if (!claims) return null;
    const caller = await this.callers.load(claims.sub, claims.sid);
    return caller ? { clinicianId: caller.id, sessionId: claims.sid } : null;
  }

  /** A fresh context for one subscribe message, with the caller as the database says now. */
  async contextFor(subscriber: SubscriberIdentity): Promise<SubscriptionContext> {
    const caller = await this.callers.load(subscriber.clinicianId, subscriber.sessionId);
    const req = { user: caller, callerResolved: true, headers: {} } as unknown as RequestWithCaller;
    return { req, loaders: new RequestLoaders(), subscriber };
  }

  /**
   * Before each event: re-loads the caller into the context and starts new DataLoaders, so nothing
   * cached for an earlier event (or an earlier verification status) is reused. Null once signed out.
   */
  async refresh(context: SubscriptionContext): Promise<Caller | null> {
    const caller = await this.callers.load(context.subscriber.clinicianId, context.subscriber.sessionId);
    context.req.user = caller;
    context.loaders = new RequestLoaders();
    return caller;
  }
}
