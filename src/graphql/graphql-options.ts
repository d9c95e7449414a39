import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { type ExecutionArgs, GraphQLError, specifiedRules, validate } from 'graphql';
import type { Context } from 'graphql-ws';
import type { Logger } from 'pino';
import { ErrorCode } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import type {
  SubscriberAuthenticator,
  SubscriberIdentity,
} from '../realtime/subscriber-authenticator.service.js';
import { requestIdPlugin } from '../logging/request-context.js';
import { credentialFieldLimitRule } from './credential-field-limit.rule.js';
import { formatGraphQLError } from './format-error.js';
import { createGraphQLContext } from './graphql-context.js';

/**
 * Apollo settings: schema built from code (sorted, so schema.gql diffs stay readable), errors mapped,
 * request limits from config (token limit at parse, no HTTP batching, introspection and "did you mean"
 * suggestions only where enabled). Automatic persisted queries (APQ) are on: partners may send hashes.
 */
export function graphqlOptions(
  logger: Logger,
  config: Pick<AppConfig, 'graphqlIntrospection' | 'queryMaxTokens'>,
  subscribers?: SubscriberAuthenticator,
): ApolloDriverConfig {
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    context: createGraphQLContext,
    validationRules: [credentialFieldLimitRule],
    formatError: formatGraphQLError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: config.graphqlIntrospection,
    hideSchemaDetailsFromClientErrors: !config.graphqlIntrospection,
    parseOptions: { maxTokens: config.queryMaxTokens },
    allowBatchedHttpRequests: false,
    // Cache-control hints are unused here and cost a hook on every resolved field (bench/README.md).
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      // The request id on INTERNAL_SERVER_ERROR responses and their log line (format-error.ts).
      requestIdPlugin,
    ],
    persistedQueries: { ttl: 3600 },
    graphiql: false,
    playground: false,
    ...(subscribers ? { subscriptions: { 'graphql-ws': subscriptionOptions(logger, subscribers) } } : {}),
  } as ApolloDriverConfig;
}

interface ConnectionExtra {
  subscriber?: SubscriberIdentity;
}

/**
 * graphql-ws on the same path. The connection is authenticated once (`connectionParams.authorization`,
 * the same bearer token as HTTP); returning false makes graphql-ws close it with 4403, and a subscribe
 * before that is closed with 4401. Each subscribe message then gets a context shaped like the HTTP one.
 * Only subscriptions are served here: queries and mutations go through POST (logging, throttling).
 */
function subscriptionOptions(logger: Logger, subscribers: SubscriberAuthenticator) {
  const format = formatGraphQLError(logger);
  const extraOf = (ctx: Context) => ctx.extra as ConnectionExtra;
  return {
    path: '/graphql',
    onConnect: async (ctx: Context) => {
      try {
        const subscriber = await subscribers.authenticate(ctx.connectionParams);
        if (!subscriber) return false;
        extraOf(ctx).subscriber = subscriber;
        return true;
      } catch (error) {
        logger.error(
          { err: { type: (error as Error)?.name, message: (error as Error)?.message } },
          'websocket authentication failed',
        );
        return false;
      }
    },
    context: (ctx: Context) => {
      const subscriber = extraOf(ctx).subscriber;
      if (!subscriber) throw new Error('graphql-ws subscribe before an authenticated connection');
      return subscribers.contextFor(subscriber);
    },
    validate: (schema: ExecutionArgs['schema'], document: ExecutionArgs['document']) =>
      validate(schema, document, [...specifiedRules, credentialFieldLimitRule]),
    execute: () => ({
      errors: [
        new GraphQLError(
          'Only subscriptions are served over WebSocket; send queries and mutations to POST /graphql',
          {
            extensions: { code: ErrorCode.BAD_USER_INPUT },
          },
        ),
      ],
    }),
    // Same error shapes as HTTP (extensions.code; nothing internal leaks).
    onNext: (
      _ctx: Context,
      _id: string,
      _payload: unknown,
      _args: unknown,
      result: { errors?: readonly GraphQLError[] },
    ) => {
      if (!result.errors?.length) return undefined;
      return { ...result, errors: result.errors.map((error) => format(error.toJSON(), error)) };
    },
    onError: (_ctx: Context, _id: string, _payload: unknown, errors: readonly GraphQLError[]) =>
      errors.map((error) => format(error.toJSON(), error)),
  };
}
