import type { Request } from 'express';
import type { Limiter } from './resolver-concurrency.js';

export interface GraphqlContext {
  req: Request;
  /** Bounds how many of this request's I/O resolvers run at once (resolver-concurrency.ts). */
  io: Limiter;
}

type Resolver = (parent: unknown, args: Record<string, unknown>, ctx: GraphqlContext) => unknown;

/**
 * What each feature contributes to the one schema: SDL plus thin resolvers over its service. A
 * feature makes its module from only the services it uses (`createXGraphql({ authenticate, … })`);
 * the context carries the request, never the services.
 */
export interface GraphqlModule {
  typeDefs: string;
  resolvers: Record<string, Record<string, Resolver>>;
}
