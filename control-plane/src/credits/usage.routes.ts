import { Router } from 'express';
import type { Actor } from '../access/access.js';
import { emptyBody } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry, RouteDoc } from '../openapi/registry.js';
import { orgParams } from './credits.schemas.js';
import {
  apiKeysSchema,
  featureParams,
  keyParams,
  newApiKeySchema,
  priceBody,
  priceSchema,
  pricesSchema,
  reportQuery,
  reportSchema,
  usageAnswerSchema,
  usageBody,
} from './usage.schemas.js';
import type { UsageService } from './usage.service.js';

/** POST /usage: the CMS's report, answered by usage-endpoint.ts before any of Express runs. */
export const reportUsageDoc = {
  method: 'post',
  path: '/usage',
  summary:
    "Report usage with the organization's API key (Authorization: Bearer lck_…): debited at the feature's price; 402 insufficient_credits or 429 limit_reached carry the balance and limit in error.details",
  tag: 'credits',
  // Not a user's token: the API key is checked by the service.
  auth: false,
  body: usageBody,
  responses: { 200: { description: 'The balance after the debit', schema: usageAnswerSchema } },
} satisfies RouteDoc;

export interface UsageRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  usage: UsageService;
}

/** Metered usage: the price table, API keys and the usage report (the CMS's report is usage-endpoint.ts). */
export function createUsageRouter({ registry, authenticate, usage }: UsageRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'credits';

  // Documented here, in its place among the credits routes; answered ahead of Express (usage-endpoint.ts).
  registry.add(reportUsageDoc);
  route(
    at,
    {
      method: 'get',
      path: '/credits/prices',
      summary: 'What each metered feature costs per unit',
      tag,
      auth: true,
      responses: { 200: { description: 'The price table', schema: pricesSchema } },
    },
    async () => ({ body: await usage.prices() }),
  );
  route(
    at,
    {
      method: 'put',
      path: '/credits/prices/:feature',
      summary: "Set a feature's price (superadmins)",
      tag,
      auth: true,
      params: featureParams,
      body: priceBody,
      responses: { 200: { description: 'The price', schema: priceSchema } },
    },
    async ({ actor, params, body }) => ({
      body: await usage.setPrice({ actor, feature: params.feature, credits: body.credits }),
    }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/organizations/:id/credits/usage',
      summary: 'Usage by feature per day or month',
      tag,
      auth: true,
      params: orgParams,
      query: reportQuery,
      responses: {
        200: { description: 'Quantities and credits per period and feature', schema: reportSchema },
      },
    },
    async ({ actor, params, query }) => ({
      body: await usage.report({ actor, organizationId: params.id, ...query }),
    }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/organizations/:id/api-keys',
      summary: "The organization's API keys (never the keys themselves)",
      tag,
      auth: true,
      params: orgParams,
      responses: { 200: { description: 'Keys not revoked, newest first', schema: apiKeysSchema } },
    },
    async ({ actor, params }) => ({ body: await usage.listKeys({ actor, organizationId: params.id }) }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/organizations/:id/api-keys',
      summary: 'Issue an API key for the CMS; the key is in this answer only',
      tag,
      auth: true,
      params: orgParams,
      body: emptyBody,
      responses: { 201: { description: 'The key, shown once', schema: newApiKeySchema } },
    },
    async ({ actor, params }) => ({
      status: 201,
      body: await usage.createKey({ actor, organizationId: params.id }),
    }),
  );
  route(
    at,
    {
      method: 'delete',
      path: '/organizations/:id/api-keys/:keyId',
      summary: 'Revoke an API key (rotate: issue a new one, then revoke the old)',
      tag,
      auth: true,
      params: keyParams,
      responses: { 204: { description: 'Revoked' } },
    },
    async ({ actor, params }) => {
      await usage.revokeKey({ actor, organizationId: params.id, keyId: params.keyId });
      return { status: 204 };
    },
  );
  return router;
}
