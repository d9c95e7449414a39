import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import type { GraphQLContext } from '../graphql/graphql-context.js';

/** HTTP requests of partner apps whose GraphQL response carried errors (HTTP 200 all the same). */
export const failedRequests = new WeakSet<object>();

/** Marks a partner app's request as failed when its GraphQL response has errors, for the usage counters. */
@Plugin()
export class PartnerUsagePlugin implements ApolloServerPlugin<GraphQLContext> {
  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    return {
      async willSendResponse({ response, contextValue }) {
        const req = contextValue?.req;
        if (!req?.partnerApp) return;
        const body = response.body;
        const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
        if (errors?.length) failedRequests.add(req);
      },
    };
  }
}
