import { Inject, Injectable } from '@nestjs/common';
import { bearerToken, verifyAccessToken } from '../auth/access-token.js';
import type { Caller } from '../auth/caller.js';
import type { PartnerAppIdentity, RequestWithCaller } from '../auth/request-with-caller.js';
import { PartnerAppsService } from '../partners/partner-apps.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RequestLoaders } from '../graphql/request-loaders.js';
import { CallerLoader } from '../identity/caller-loader.service.js';

/** Who opened a WebSocket: the clinician and sign-in session named by the token at connection time. */
export interface SubscriberIdentity {
  clinicianId: string;
  sessionId: string;
  /** The partner app whose `connectionParams.apiKey` opened the connection, if any: its scopes apply. */
  partnerApiKey: string | null;
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
    private readonly partnerApps: PartnerAppsService,
  ) {}

  /** The subscriber behind `connectionParams.authorization`, or null when the token is missing or refused. */
  async authenticate(
    connectionParams: Readonly<Record<string, unknown>> | undefined,
  ): Promise<SubscriberIdentity | null> {
    const token = bearerToken(connectionParams?.authorization ?? connectionParams?.Authorization);
    if (!token) return null;
    const claims = verifyAccessToken(token, this.config.jwtSecret!);
    if (!claims) return null;
    const apiKey = connectionParams?.apiKey ?? connectionParams?.['x-api-key'];
    if (apiKey !== undefined && (typeof apiKey !== 'string' || !(await this.partnerAppOf(apiKey))))
      return null;
    const caller = await this.callers.load(claims.sub, claims.sid);
    return caller
      ? {
          clinicianId: caller.id,
          sessionId: claims.sid,
          partnerApiKey: typeof apiKey === 'string' ? apiKey : null,
        }
      : null;
  }

  /** The app behind a key, checked again at every subscribe so a revoked key stops at once. */
  private async partnerAppOf(apiKey: string): Promise<PartnerAppIdentity | null> {
    const check = await this.partnerApps.check(apiKey.trim());
    return check.ok ? check.app : null;
  }

  /** A fresh context for one subscribe message, with the caller as the database says now. */
  async contextFor(subscriber: SubscriberIdentity): Promise<SubscriptionContext> {
    const caller = await this.callers.load(subscriber.clinicianId, subscriber.sessionId);
    const partnerApp = subscriber.partnerApiKey ? await this.partnerAppOf(subscriber.partnerApiKey) : null;
    // A key revoked since the connection opened leaves no app: the guard then sees no caller either.
    const refused = subscriber.partnerApiKey !== null && !partnerApp;
    const req = {
      user: refused ? null : caller,
      callerResolved: Promise.resolve(),
      headers: {},
      partnerApp,
    } as unknown as RequestWithCaller;
    return { req, loaders: new RequestLoaders(), subscriber };
  }

  /**
   * Before each event: re-loads the caller into the context and starts new DataLoaders, so nothing
   * cached for an earlier event (or an earlier verification status) is reused. Null once signed out.
   */
  async refresh(context: SubscriptionContext): Promise<Caller | null> {
    const key = context.subscriber.partnerApiKey;
    // A partner key revoked since the subscription started stops its deliveries too.
    const caller =
      key && !(await this.partnerAppOf(key))
        ? null
        : await this.callers.load(context.subscriber.clinicianId, context.subscriber.sessionId);
    context.req.user = caller;
    context.loaders = new RequestLoaders();
    return caller;
  }
}
