import { ApolloDriverConfig } from '@nestjs/apollo';
import type { Logger } from 'pino';
import { credentialFieldLimitRule } from './credential-field-limit.rule.js';
import { formatGraphQLError } from './format-error.js';
import { createGraphQLContext } from './graphql-context.js';

/** Apollo settings: schema built from code (sorted, so schema.gql diffs stay readable), errors mapped. */
export function graphqlOptions(logger: Logger): ApolloDriverConfig {
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    context: createGraphQLContext,
    validationRules: [credentialFieldLimitRule],
    formatError: formatGraphQLError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    graphiql: false,
    playground: false,
  } as ApolloDriverConfig;
}
