import type { z } from 'zod';
import { InvalidInputError } from '../errors/index.js';
import { type Authenticate, credentialsOf } from '../http/authenticate.js';
import type { GraphqlContext } from './module.js';

/** One authentication per GraphQL request, whichever module's resolver asks first. */
const actors = new WeakMap<object, Promise<unknown>>();

/**
 * A module's way to the request's actor: `const actorOf = actorFrom(authenticate)`, then
 * `await actorOf(ctx)` in a resolver (same token and X-Org-Context as REST). Every module gets the
 * same `authenticate`, so the actor cached for the request is the same whoever loaded it.
 */
export function actorFrom<A>(authenticate: Authenticate<A>): (ctx: GraphqlContext) => Promise<A> {
  return (ctx) => {
    let actor = actors.get(ctx.req) as Promise<A> | undefined;
    if (!actor) {
      actor = authenticate(credentialsOf(ctx.req));
      actors.set(ctx.req, actor);
    }
    return actor;
  };
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
