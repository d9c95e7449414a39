import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';

/**
 * The request id of a GraphQL error, for error formatting and logging. Apollo's formatError sees the
 * error, not the request, so each error is tagged with its request's id when Apollo reports it
 * (didEncounterErrors runs just before formatting, on the same error objects). This replaced an
 * AsyncLocalStorage around every request: in Node 20 that installs promise hooks that cost ~5% of the
 * API's CPU on every request (bench/README.md, decision 5).
 */
const requestIds = new WeakMap<object, string>();

export function requestIdOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? requestIds.get(error) : undefined;
}

const listener: GraphQLRequestListener<BaseContext> = {
  async didEncounterErrors({ contextValue, errors }) {
    const id = (contextValue as { req?: { id?: unknown } }).req?.id;
    if (id === undefined || id === null) return;
    for (const error of errors) requestIds.set(error, String(id));
  },
};

/** Tags every error of an HTTP GraphQL request with the request id pino-http gave it (`req.id`). */
export const requestIdPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return listener;
  },
};
