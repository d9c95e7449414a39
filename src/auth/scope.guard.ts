import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { DomainError } from '../common/domain-error.js';
import { requestOf } from './graphql-request.js';
import { MissingScopeError } from './missing-scope.error.js';
import { OPERATION_SCOPES, SCOPE_FREE, SCOPE_KEY, type ScopeDeclaration } from './scopes.js';

/** `Type.field` for a GraphQL root field, `Controller.method` for a plain HTTP handler. */
export function operationName(context: ExecutionContext): string {
  if (context.getType<string>() === 'graphql') {
    const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    return `${info.parentType.name}.${info.fieldName}`;
  }
  return `${context.getClass().name}.${context.getHandler().name}`;
}

/** The scope an operation needs: its `@RequiresScope()`/`@ScopeFree()`, else the central table. */
export function declaredScope(
  reflector: Reflector,
  context: ExecutionContext,
  operation: string,
): ScopeDeclaration | undefined {
  return (
    reflector.getAllAndOverride<ScopeDeclaration>(SCOPE_KEY, [context.getHandler(), context.getClass()]) ??
    OPERATION_SCOPES[operation]
  );
}

/**
 * The second global guard, after AccessGuard (so "sign in first" wins over "wrong scope"). Only requests
 * that carry a partner app's key are scoped; first-party clients send none. Deny by default: with a key,
 * an operation that declares no scope is refused.
 */
@Injectable()
export class ScopeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const app = requestOf(context)?.partnerApp;
    if (!app) return true;
    const operation = operationName(context);
    const scope = declaredScope(this.reflector, context, operation);
    if (scope === SCOPE_FREE) return true;
    if (!scope) throw DomainError.forbidden(`${operation} is not available to partner apps`);
    if (!app.scopes.includes(scope)) throw new MissingScopeError(scope, operation);
    return true;
  }
}
