import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { InvalidInputError } from '../errors/index.js';
import type { OpenApiRegistry, RouteDoc } from '../openapi/registry.js';
import { responseMismatch } from '../openapi/response-check.js';
import { type Authenticate, credentialsOf } from './authenticate.js';
import type { ErrorBody } from './error-middleware.js';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<D extends RouteDoc, A> {
  body: Parsed<D['body']>;
  query: Parsed<D['query']>;
  params: Parsed<D['params']>;
  /** Set when the route requires authentication. */
  actor: D['auth'] extends true ? A : undefined;
  req: Request;
}

/** What a handler answers: a status (default 200, or the first documented one) and a JSON body. */
export interface RouteResult {
  status?: number;
  body?: unknown;
}

/** `value` as `schema` reads it, or 400 invalid_input naming each field that is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidInputError({
    message: `Invalid ${where}: ${result.error.issues.map((i) => `${[where, ...i.path].join('.')}: ${i.message}`).join('; ')}`,
    issues: result.error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message })),
  });
}

/**
 * Tests only (`checkResponses`): an answer that breaks what its route documents is refused whole
 * and the reason printed, so the test that caused it fails and says why even when it only looks
 * at the status. Null when the answer keeps to the document.
 */
export function undocumentedAnswer(
  doc: RouteDoc,
  status: number,
  body: unknown,
  requestId: string,
): ErrorBody | null {
  const mismatch = responseMismatch(doc, status, body);
  if (!mismatch) return null;
  process.stderr.write(`Undocumented response: ${mismatch}\n`);
  return { error: { code: 'internal', message: `Undocumented response: ${mismatch}`, requestId } };
}

/**
 * Where a feature's routes go and what they need from the edge: the router they are added to, the
 * OpenAPI document they are described in, and how a request's actor is found (of type `A`).
 */
export interface RouteTarget<A> {
  router: Router;
  registry: OpenApiRegistry;
  authenticate: Authenticate<A>;
}

/**
 * Registers one route: documents it in OpenAPI, authenticates, validates params/query/body with
 * the declared zod schemas, calls the handler (thin: service call + shaping), answers JSON.
 * Errors go to the one error middleware (Express 5 forwards rejected promises).
 */
export function route<A, const D extends RouteDoc>(
  { router, registry, authenticate }: RouteTarget<A>,
  doc: D,
  handler: (input: RouteInput<D, A>) => Promise<RouteResult>,
): void {
  registry.add(doc);
  const defaultStatus = Number(Object.keys(doc.responses)[0] ?? 200);
  router[doc.method](doc.path, async (req: Request, res: Response) => {
    const actor = doc.auth ? await authenticate(credentialsOf(req)) : undefined;
    const input = {
      params: doc.params ? parseInput(doc.params, req.params, 'params') : undefined,
      query: doc.query ? parseInput(doc.query, req.query, 'query') : undefined,
      body: doc.body ? parseInput(doc.body, req.body ?? {}, 'body') : undefined,
      actor,
      req,
    } as RouteInput<D, A>;
    const result = await handler(input);
    const status = result.status ?? defaultStatus;
    const undocumented = registry.options.checkResponses
      ? undocumentedAnswer(doc, status, result.body, req.id)
      : null;
    if (undocumented) {
      res.status(500).json(undocumented);
      return;
    }
    if (result.body === undefined) res.status(status).end();
    else res.status(status).json(result.body);
  });
}
