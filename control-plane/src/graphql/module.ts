import type { Request } from 'express';
import type { Services } from '../services.js';

export interface GraphqlContext {
  req: Request;
  services: Services;
}

type Resolver = (parent: unknown, args: Record<string, unknown>, ctx: GraphqlContext) => unknown;

/** What each feature contributes to the one schema: SDL plus thin resolvers over its service. */
export interface GraphqlModule {
  typeDefs: string;
  resolvers: Record<string, Record<string, Resolver>>;
}
