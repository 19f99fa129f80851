import { Router } from 'express';
import { z } from 'zod';
import type { Actor } from '../access/access.js';
import { changeRequestSchema } from '../changes/changes.schemas.js';
import { idParams } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import type { OrganizationSyncStatus } from '../sync/organization-status.js';
import { syncSchema } from '../sync/sync.schemas.js';
import type { TenantLifecycle } from '../tenants/lifecycle.js';
import {
  createBody,
  lifecycleBody,
  listQuery,
  organizationCounts,
  organizationSchema,
  orgWithChange,
  previewSchema,
  updateBody,
} from './orgs.schemas.js';
import type { OrgsService } from './orgs.service.js';

const changesQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).optional() });

export interface OrgsRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  orgs: OrgsService;
  lifecycle: TenantLifecycle;
  syncStatus: OrganizationSyncStatus;
}

/** /organizations: the tree as the golden rule lets the actor see it, its lifecycle, sync status and changes. */
export function createOrgsRouter({
  registry,
  authenticate,
  orgs,
  lifecycle,
  syncStatus,
}: OrgsRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'organizations';

  route(
    at,
    {
      method: 'get',
      path: '/organizations',
      summary:
        'Visible organizations, paginated by slug (filters: state, sync, tier, parentId, cluster), with counts by state and sync status',
      tag,
      auth: true,
      query: listQuery,
      responses: {
        200: {
          description: 'One page',
          schema: z.object({
            items: z.array(organizationSchema),
            total: z.number(),
            nextCursor: z.string().nullable(),
            counts: organizationCounts,
          }),
        },
      },
    },
    async ({ actor, query }) => ({ body: await orgs.list({ actor, ...query }) }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/organizations',
      summary: "Create a client organization (under the actor's agency; superadmins anywhere)",
      tag,
      auth: true,
      body: createBody,
      responses: { 201: { description: 'Created and provisioned', schema: orgWithChange } },
    },
    async ({ actor, body }) => ({ status: 201, body: await lifecycle.create({ actor, ...body }) }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/organizations/preview',
      summary: 'The files creating this client would commit, without creating anything',
      tag,
      auth: true,
      body: createBody,
      responses: { 200: { description: 'Per-file unified diffs against main', schema: previewSchema } },
    },
    async ({ actor, body }) => ({ body: await lifecycle.previewCreate({ actor, ...body }) }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/organizations/:id',
      summary: 'One organization with its tenant state',
      tag,
      auth: true,
      params: idParams,
      responses: { 200: { description: 'The organization', schema: organizationSchema } },
    },
    async ({ actor, params }) => ({ body: await orgs.get({ actor, id: params.id }) }),
  );
  route(
    at,
    {
      method: 'patch',
      path: '/organizations/:id',
      summary: 'Change display name, tier, theme or plugins (a change request and a commit)',
      tag,
      auth: true,
      params: idParams,
      body: updateBody,
      responses: {
        200: { description: 'Updated; change is null when nothing changed', schema: orgWithChange },
      },
    },
    async ({ actor, params, body }) => ({ body: await lifecycle.update({ actor, id: params.id, ...body }) }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/organizations/:id/preview',
      summary: 'The diff a PATCH with this body would commit, without committing it',
      tag,
      auth: true,
      params: idParams,
      body: updateBody,
      responses: { 200: { description: 'Per-file unified diffs against main', schema: previewSchema } },
    },
    async ({ actor, params, body }) => ({ body: await lifecycle.preview({ actor, id: params.id, ...body }) }),
  );

  for (const action of ['suspend', 'resume', 'deprovision', 'purge'] as const) {
    route(
      at,
      {
        method: 'post',
        path: `/organizations/:id/${action}`,
        summary:
          action === 'purge'
            ? 'Request a purge: waits for approval by a superadmin or reviewer who is not the requester'
            : `${action[0]?.toUpperCase()}${action.slice(1)} the tenant (a change request and a commit)`,
        tag,
        auth: true,
        params: idParams,
        body: lifecycleBody,
        responses: {
          [action === 'purge' ? 202 : 200]: { description: 'Done', schema: orgWithChange },
        },
      },
      async ({ actor, params, body }) => ({
        status: action === 'purge' ? 202 : 200,
        body: await lifecycle[action]({ actor, id: params.id, reason: body.reason }),
      }),
    );
    route(
      at,
      {
        method: 'post',
        path: `/organizations/:id/${action}/preview`,
        summary: `The diff ${action} would commit, without committing it`,
        tag,
        auth: true,
        params: idParams,
        body: lifecycleBody,
        responses: { 200: { description: 'Per-file unified diffs against main', schema: previewSchema } },
      },
      async ({ actor, params, body }) => ({
        body: await lifecycle.previewAction(action, { actor, id: params.id, reason: body.reason }),
      }),
    );
  }

  route(
    at,
    {
      method: 'get',
      path: '/organizations/:id/sync',
      summary: 'Sync status of the tenant (Pending, Reconciling, Ready, Failed, Stale)',
      tag,
      auth: true,
      params: idParams,
      responses: { 200: { description: 'Status', schema: syncSchema } },
    },
    async ({ actor, params }) => ({ body: await syncStatus({ actor, organizationId: params.id }) }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/organizations/:id/changes',
      summary: "The tenant's change requests, newest first",
      tag,
      auth: true,
      params: idParams,
      query: changesQuery,
      responses: {
        200: { description: 'Change requests', schema: z.object({ items: z.array(changeRequestSchema) }) },
      },
    },
    async ({ actor, params, query }) => ({
      body: { items: await orgs.changesOf({ actor, id: params.id, limit: query.limit }) },
    }),
  );
  return router;
}
