import type { GraphqlContext, GraphqlModule } from './module.js';
import type { CostOf } from './query-limits.js';

/**
 * How many of one request's database- or git-backed resolvers run at once. graphql-js starts every
 * sibling field together, so without a bound one request with many fields takes every connection
 * of the pool (20, db/data-source.ts) and other tenants' requests wait behind it.
 */
export const resolverConcurrency = 4;

export type Limiter = <T>(task: () => T | Promise<T>) => Promise<T>;

/** Runs at most `max` tasks at a time, the others in arrival order. */
export function limiter(max: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < max) running += 1;
    // The finishing task hands its slot over, so `running` stays counted.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

type Resolver = (
  parent: unknown,
  args: Record<string, unknown>,
  ctx: GraphqlContext,
  info?: unknown,
) => unknown;

/** The modules' resolvers, the ones that cost something (I/O) run through the request's limiter. */
export function limitedResolvers(modules: readonly GraphqlModule[], costOf: CostOf) {
  return modules.map((m) =>
    Object.fromEntries(
      Object.entries(m.resolvers).map(([type, fields]) => [
        type,
        Object.fromEntries(
          Object.entries(fields as Record<string, Resolver>).map(([field, resolve]) => [
            field,
            costOf(type, field, undefined) > 0
              ? (parent: unknown, args: Record<string, unknown>, ctx: GraphqlContext, info: unknown) =>
                  ctx.io(() => resolve(parent, args, ctx, info))
              : resolve,
          ]),
        ),
      ]),
    ),
  );
}
