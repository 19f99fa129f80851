import { Router } from 'express';
import type { Actor } from '../access/access.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import { orgParams } from './credits.schemas.js';
import type { PacksService } from './packs.service.js';
import {
  checkoutBody,
  checkoutSchema,
  packBody,
  packParams,
  packSchema,
  packsSchema,
  purchaseParams,
  purchaseSchema,
  purchasesPageSchema,
  purchasesQuery,
} from './purchases.schemas.js';
import type { PurchasesService } from './purchases.service.js';

export interface PurchasesRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  packs: PacksService;
  purchases: PurchasesService;
}

/** Buying credits: the packs on offer, Stripe Checkout, and following a purchase until it is credited. */
export function createPurchasesRouter({
  registry,
  authenticate,
  packs,
  purchases,
}: PurchasesRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'credits';

  route(
    at,
    {
      method: 'get',
      path: '/credits/packs',
      summary: 'The credit packs on offer, and whether payments are configured at all',
      tag,
      auth: true,
      responses: { 200: { description: 'Packs, cheapest first', schema: packsSchema } },
    },
    async ({ actor }) => ({ body: await packs.list({ actor }) }),
  );
  route(
    at,
    {
      method: 'put',
      path: '/credits/packs/:packId',
      summary: 'Create or replace a credit pack (superadmins); purchases made keep their price',
      tag,
      auth: true,
      params: packParams,
      body: packBody,
      responses: { 200: { description: 'The pack', schema: packSchema } },
    },
    async ({ actor, params, body }) => ({ body: await packs.set({ actor, packId: params.packId, ...body }) }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/organizations/:id/credits/checkout',
      summary:
        'Buy a credit pack: stores the purchase and opens a Stripe Checkout Session; send the buyer to `url`. 503 payments_not_configured without Stripe',
      tag,
      auth: true,
      params: orgParams,
      body: checkoutBody,
      responses: { 201: { description: 'The session to pay on', schema: checkoutSchema } },
    },
    async ({ actor, params, body }) => ({
      status: 201,
      body: await purchases.checkout({ actor, organizationId: params.id, packId: body.packId }),
    }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/organizations/:id/credits/purchases',
      summary:
        "The organization's purchases, newest first: state (pending, paid, expired, failed, refunded), credits, price and times",
      tag,
      auth: true,
      params: orgParams,
      query: purchasesQuery,
      responses: { 200: { description: 'One page', schema: purchasesPageSchema } },
    },
    async ({ actor, params, query }) => ({
      body: await purchases.list({ actor, organizationId: params.id, ...query }),
    }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/organizations/:id/credits/purchases/:purchaseId',
      summary:
        'A purchase and where it stands (the return page follows it; `credits.purchase` events say when it changes)',
      tag,
      auth: true,
      params: purchaseParams,
      responses: { 200: { description: 'The purchase', schema: purchaseSchema } },
    },
    async ({ actor, params }) => ({
      body: await purchases.get({ actor, organizationId: params.id, purchaseId: params.purchaseId }),
    }),
  );
  return router;
}
