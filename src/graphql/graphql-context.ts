import type { Response } from 'express';
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
