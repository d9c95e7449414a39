import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContextDidResolveOperation,
  GraphQLRequestListener,
} from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Inject } from '@nestjs/common';
import { type FragmentDefinitionNode, GraphQLError, Kind } from 'graphql';
import { accessClaimsOf, bearerToken } from '../auth/access-token.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CallerLoader } from '../identity/caller-loader.service.js';
import { PartnerUsageService } from '../partners/partner-usage.service.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RefusalCache } from './refusal-cache.js';
import { analyzeOperation, type QueryShape } from './query-cost.js';
import { type Charge, RateLimiterService } from './rate-limiter.service.js';

/** What each response reports in extensions.cost. */
interface CostReport {
  requested: number;
  maximum: number;
  budget?: { remaining: number; limit: number; resetSeconds: number };
}

function refuse(error: DomainError, http?: { status: number; headers?: Map<string, string> }): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: http ? { http } : {} });
}

/**
 * Checks every operation before it runs: cost (lists weighted by `first`), depth and aliases against
 * their maximums (QUERY_TOO_COMPLEX with the figures), then charges the cost to the caller's budgets
 * (RATE_LIMITED with retryAfterSeconds, HTTP 429 and Retry-After). Each response carries the cost and
 * the budget left in extensions.cost and the RateLimit-* headers.
 */
@Plugin()
export class QueryLimitsPlugin implements ApolloServerPlugin<BaseContext> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limiter: RateLimiterService,
    private readonly usage: PartnerUsageService,
    private readonly refusals: RefusalCache,
    private readonly callers: CallerLoader,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    let report: CostReport | undefined;
    let charge: Charge | null = null;
    return {
      didResolveOperation: async (requestContext) => {
        const shape = this.measure(requestContext);
        report = { requested: shape.cost, maximum: this.config.queryMaxCost };
        this.assertWithinLimits(shape);
        // Subscriptions are charged when they start; the WebSocket path has its own context.
        const context = requestContext.contextValue as Partial<GraphQLContext>;
        if (!context.req) return;
        const { identities, session } = this.identitiesOf(context);
        // The caller lookup the operation's guards will need rides along with the charge.
        const rider = session ? this.callers.riderFor(session.sub, session.sid) : undefined;
        charge = await this.limiter.charge(identities, Math.max(shape.cost, 1), rider);
        if (session && charge?.rider !== undefined)
          this.callers.remember(context.req, session.sub, session.sid, charge.rider);
        if (identities.partnerAppId)
          this.usage.recordUsage(identities.partnerAppId, { requests: 0, errors: 0, cost: shape.cost });
        if (!charge) return;
        report.budget = {
          remaining: Math.floor(charge.remaining),
          limit: charge.limit,
          resetSeconds: charge.resetSeconds,
        };
        if (!charge.allowed) {
          const retryAfterSeconds = Math.max(1, Math.ceil(charge.retryAfterSeconds));
          throw refuse(
            new DomainError(ErrorCode.RATE_LIMITED, 'Rate limit reached for this client; retry later', {
              retryAfterSeconds,
            }),
            { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
          );
        }
      },
      willSendResponse: async ({ response }) => {
        if (charge) {
          response.http.headers.set('ratelimit-limit', String(charge.limit));
          response.http.headers.set('ratelimit-remaining', String(Math.floor(charge.remaining)));
          response.http.headers.set('ratelimit-reset', String(charge.resetSeconds));
        }
        if (report && response.body.kind === 'single') {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: report };
        }
      },
    };
  }

  private measure(requestContext: GraphQLRequestContextDidResolveOperation<BaseContext>): QueryShape {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of requestContext.document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    if (!requestContext.operation) return { cost: 0, depth: 0, aliases: 0 };
    return analyzeOperation(
      requestContext.schema,
      requestContext.operation,
      fragments,
      (requestContext.request.variables ?? {}) as Record<string, unknown>,
    );
  }

  private assertWithinLimits(shape: QueryShape): void {
    const { queryMaxCost, queryMaxDepth, queryMaxAliases } = this.config;
    const over =
      shape.cost > queryMaxCost
        ? `its cost ${shape.cost} exceeds the maximum of ${queryMaxCost}`
        : shape.depth > queryMaxDepth
          ? `its depth ${shape.depth} exceeds the maximum of ${queryMaxDepth}`
          : shape.aliases > queryMaxAliases
            ? `it uses ${shape.aliases} aliases, more than the maximum of ${queryMaxAliases}`
            : null;
    if (over) {
      throw refuse(
        new DomainError(ErrorCode.QUERY_TOO_COMPLEX, `Query refused: ${over}`, {
          details: {
            cost: shape.cost,
            maximumCost: queryMaxCost,
            depth: shape.depth,
            maximumDepth: queryMaxDepth,
            aliases: shape.aliases,
            maximumAliases: queryMaxAliases,
          },
        }),
        { status: 400 },
      );
    }
  }

  private identitiesOf(context: Partial<GraphQLContext>) {
    const req = context.req!;
    const apiKey = req.headers?.['x-api-key'];
    const prefix = typeof apiKey === 'string' ? /^cbk_([0-9a-f]{12})_/.exec(apiKey)?.[1] : undefined;
    // Lets the refusal shortcut recognise this app from its raw key header next time.
    if (prefix && req.partnerApp) this.refusals.learnKeyPrefix(prefix, req.partnerApp.id);
    const token = bearerToken(req.headers?.authorization);
    const claims = token && this.config.jwtSecret ? accessClaimsOf(req, token, this.config.jwtSecret) : null;
    return {
      identities: {
        partnerAppId: req.partnerApp?.id ?? null,
        userId: claims?.sub ?? null,
        address: req.ip ?? null,
      },
      session: claims && typeof claims.sid === 'string' ? { sub: claims.sub, sid: claims.sid } : null,
    };
  }
}
