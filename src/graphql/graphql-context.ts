import type { Response } from 'express';
import { type Viewer, viewerOf } from '../access-policy/viewer.js';
import type { RequestWithCaller } from '../auth/request-with-caller.js';
import { RequestLoaders } from './request-loaders.js';

export interface GraphQLContext {
  req: RequestWithCaller;
  res: Response;
  loaders: RequestLoaders;
}

export function createGraphQLContext({
  req,
  res,
}: {
  req: RequestWithCaller;
  res: Response;
}): GraphQLContext {
  return { req, res, loaders: new RequestLoaders() };
}

const viewers = new WeakMap<object, { caller: unknown; viewer: Viewer }>();

/**
 * The viewer of this request (the caller AccessGuard resolved, or anonymous), computed once per caller
 * and request. For field resolvers written without Nest parameter decorators: with decorators, Nest
 * runs every parameter of every field resolver call through the pipes (bench/README.md, decision 6).
 */
export function viewerOfContext(context: GraphQLContext): Viewer {
  const caller = context.req.user ?? null;
  const known = viewers.get(context);
  if (known && known.caller === caller) return known.viewer;
  const viewer = viewerOf(caller);
  viewers.set(context, { caller, viewer });
  return viewer;
}
