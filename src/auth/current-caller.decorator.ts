import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestOf } from './graphql-request.js';

/** The signed-in caller (or null on public operations called anonymously). */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return requestOf(context).user ?? null;
});

/** The client address, for throttling and the audit log (honours TRUST_PROXY). */
export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return requestOf(context).ip ?? null;
});
