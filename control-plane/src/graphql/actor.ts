import type { z } from 'zod';
import type { Actor } from '../access/access.js';
import { InvalidInputError } from '../errors/index.js';
import type { GraphqlContext } from './module.js';

const actors = new WeakMap<object, Promise<Actor>>();

/** The request's actor, authenticated once per GraphQL request (same token and X-Org-Context as REST). */
export function actorOf(ctx: GraphqlContext): Promise<Actor> {
  let actor = actors.get(ctx.req);
  if (!actor) {
    actor = ctx.services.auth.authenticate({
      authorization: ctx.req.get('authorization'),
      orgContext: ctx.req.get('x-org-context'),
    });
    actors.set(ctx.req, actor);
  }
  return actor;
}

/** GraphQL sends explicit nulls for absent optional arguments; zod's `.optional()` wants undefined. */
function dropNulls(value: unknown): unknown {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map(dropNulls);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, dropNulls(v)]),
    );
  }
  return value;
}

/** Validates resolver arguments with the REST route's zod schema: same rules, same error codes. */
export function parseArgs<S extends z.ZodType>(schema: S, value: unknown, where = 'input'): z.output<S> {
  const result = schema.safeParse(dropNulls(value));
  if (result.success) return result.data;
  throw new InvalidInputError({
    message: `Invalid ${where}: ${result.error.issues.map((i) => `${[where, ...i.path].join('.')}: ${i.message}`).join('; ')}`,
    issues: result.error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message })),
  });
}
