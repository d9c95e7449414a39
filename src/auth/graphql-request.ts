import { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RequestWithCaller } from './request-with-caller.js';

/** The HTTP request behind a GraphQL or plain HTTP execution context. */
export function requestOf(context: ExecutionContext): RequestWithCaller {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithCaller }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithCaller>();
}
