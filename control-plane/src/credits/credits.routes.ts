import { type Request, type Response, Router } from 'express';
import type { Actor } from '../access/access.js';
import { InvalidInputError } from '../errors/index.js';
import { type Authenticate, credentialsOf } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import {
  creditSummarySchema,
  ledgerPageSchema,
  ledgerQuery,
  limitBody,
  movementBody,
  movementSchema,
  orgParams,
} from './credits.schemas.js';
import type { CreditsService } from './credits.service.js';

export interface CreditsRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  credits: CreditsService;
}

/** An organization's credits: balance and limits, the ledger (JSON pages or CSV), grants, takebacks, limits. */
export function createCreditsRouter({ registry, authenticate, credits }: CreditsRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'credits';
  const base = '/organizations/:id/credits';

  // `format=csv` answers text rather than JSON, which route() does not do: the same schemas and
  // service call, handled before the JSON route; any other format falls through to it.
  router.get(`${base}/ledger`, async (req: Request, res: Response, next) => {
    if (req.query.format !== 'csv') return next();
    const actor = await authenticate(credentialsOf(req));
    const params = orgParams.safeParse(req.params);
    const query = ledgerQuery.safeParse(req.query);
    const issues = [
      ...(params.error?.issues ?? []).map((i) => ({
        path: ['params', ...i.path].join('.'),
        message: i.message,
      })),
      ...(query.error?.issues ?? []).map((i) => ({
        path: ['query', ...i.path].join('.'),
        message: i.message,
      })),
    ];
    if (!params.success || !query.success)
      throw new InvalidInputError({
        message: `Invalid ledger query: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      });
    const { cursor: _cursor, limit: _limit, format: _format, ...filter } = query.data;
    const csv = await credits.ledgerCsv({ actor, organizationId: params.data.id, ...filter });
    res.status(200).type('text/csv').attachment(`credits-${params.data.id}.csv`).send(csv);
  });

  route(
    at,
    {
      method: 'get',
      path: base,
      summary: "The organization's balance, limits and what usage spent this month",
      tag,
      auth: true,
      params: orgParams,
      responses: { 200: { description: 'Balance and limits', schema: creditSummarySchema } },
    },
    async ({ actor, params }) => ({ body: await credits.summary({ actor, organizationId: params.id }) }),
  );
  route(
    at,
    {
      method: 'get',
      path: `${base}/ledger`,
      summary:
        'The entries that moved the balance, newest first (filters: kind, from, to; format=csv: all of them)',
      tag,
      auth: true,
      params: orgParams,
      query: ledgerQuery,
      responses: { 200: { description: 'One page', schema: ledgerPageSchema } },
    },
    async ({ actor, params, query }) => {
      const { format: _format, ...filter } = query;
      return { body: await credits.ledger({ actor, organizationId: params.id, ...filter }) };
    },
  );
  route(
    at,
    {
      method: 'post',
      path: `${base}/grants`,
      summary: "Grant credits to this organization from your organization's balance (superadmin: issued)",
      tag,
      auth: true,
      params: orgParams,
      body: movementBody,
      responses: {
        201: {
          description: 'The grant as this organization sees it, and its balance',
          schema: movementSchema,
        },
      },
    },
    async ({ actor, params, body }) => ({
      status: 201,
      body: await credits.grant({ actor, organizationId: params.id, ...body }),
    }),
  );
  route(
    at,
    {
      method: 'post',
      path: `${base}/takebacks`,
      summary: 'Take back unspent credits your organization granted to this one (a reversal)',
      tag,
      auth: true,
      params: orgParams,
      body: movementBody,
      responses: { 201: { description: 'The takeback and the balance left', schema: movementSchema } },
    },
    async ({ actor, params, body }) => ({
      status: 201,
      body: await credits.takeBack({ actor, organizationId: params.id, ...body }),
    }),
  );
  route(
    at,
    {
      method: 'put',
      path: `${base}/limit`,
      summary:
        "Set this client's monthly spend limit and overdraft (both replaced; by an organization above it)",
      tag,
      auth: true,
      params: orgParams,
      body: limitBody,
      responses: { 200: { description: 'Balance and the new limits', schema: creditSummarySchema } },
    },
    async ({ actor, params, body }) => ({
      body: await credits.setLimit({ actor, organizationId: params.id, ...body }),
    }),
  );
  return router;
}
