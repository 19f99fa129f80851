import { Router } from 'express';
import { z } from 'zod';
import type { Actor } from '../access/access.js';
import { idParams } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import { text } from '../http/text.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import { commitSchema, historySchema, manifestsSchema } from './tenants.schemas.js';
import type { TenantsService } from './tenants.service.js';

const commitParams = z.strictObject({
  id: text().min(1).max(100),
  sha: z.string().regex(/^[0-9a-f]{40}$/, 'must be a full commit sha'),
});
const historyQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).optional() });

export interface TenantsRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  tenants: TenantsService;
}

/** An organization's tenant as git holds it: its files at the head of main and its history. */
export function createTenantsRouter({ registry, authenticate, tenants }: TenantsRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'organizations';
  route(
    at,
    {
      method: 'get',
      path: '/organizations/:id/manifests',
      summary: "The tenant's files at the head of main",
      tag,
      auth: true,
      params: idParams,
      responses: { 200: { description: 'Files', schema: manifestsSchema } },
    },
    async ({ actor, params }) => ({ body: await tenants.manifests({ actor, organizationId: params.id }) }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/organizations/:id/history',
      summary: 'Commits that touched the tenant, newest first, with trailers',
      tag,
      auth: true,
      params: idParams,
      query: historyQuery,
      responses: { 200: { description: 'Commits', schema: historySchema } },
    },
    async ({ actor, params, query }) => ({
      body: { items: await tenants.history({ actor, organizationId: params.id, limit: query.limit }) },
    }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/organizations/:id/history/:sha',
      summary: "One commit of the tenant's history with the diff of its folder",
      tag,
      auth: true,
      params: commitParams,
      responses: {
        200: { description: 'The commit, its trailers and per-file unified diffs', schema: commitSchema },
      },
    },
    async ({ actor, params }) => ({
      body: await tenants.commit({ actor, organizationId: params.id, sha: params.sha }),
    }),
  );
  return router;
}
