import { Router } from 'express';
import { z } from 'zod';
import type { Actor } from '../access/access.js';
import { emptyBody, idParams } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import type { ChangeReview } from './change-review.js';
import {
  approveBody,
  bulkBody,
  changeRequestDetail,
  changeRequestSchema,
  driftSchema,
  listQuery,
  reasonBody,
  rejectBody,
  revertBody,
  revertPreview,
} from './changes.schemas.js';

export interface ChangesRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  /** The built-in review: lists, decisions, merges, reverts, drift. */
  review: ChangeReview;
}

/** Change requests: the built-in review, revert, re-assert, drift, bulk deletion. */
export function createChangesRouter({ registry, authenticate, review }: ChangesRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'changes';
  route(
    at,
    {
      method: 'get',
      path: '/change-requests',
      summary: 'Change requests, newest first (reviewers see all, others those of visible organizations)',
      tag,
      auth: true,
      query: listQuery,
      responses: {
        200: {
          description: 'One page',
          schema: z.object({
            items: z.array(changeRequestSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async ({ actor, query }) => ({ body: await review.list({ actor, ...query }) }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/change-requests/bulk-delete',
      summary:
        'Request the purge of several deprovisioned tenants in one change (superadmins; two other superadmins approve)',
      tag,
      auth: true,
      body: bulkBody,
      responses: { 202: { description: 'Pending review', schema: changeRequestSchema } },
    },
    async ({ actor, body }) => ({ status: 202, body: await review.bulkDelete({ actor, ...body }) }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/change-requests/:id',
      summary: 'One change request with per-file unified diffs',
      tag,
      auth: true,
      params: idParams,
      responses: {
        200: { description: 'The change', schema: changeRequestDetail },
      },
    },
    async ({ actor, params }) => ({ body: await review.get({ actor, id: params.id }) }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/change-requests/:id/approve',
      summary: 'Approve a change pending review (superadmin or reviewer, never the requester)',
      tag,
      auth: true,
      params: idParams,
      body: approveBody,
      responses: {
        200: { description: 'Approved (or still pending a second approval)', schema: changeRequestSchema },
      },
    },
    async ({ actor, params, body }) => ({
      body: await review.approve({ actor, id: params.id, reason: body.reason }),
    }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/change-requests/:id/reject',
      summary: 'Reject a change pending review or approved, with a reason',
      tag,
      auth: true,
      params: idParams,
      body: rejectBody,
      responses: { 200: { description: 'Rejected', schema: changeRequestSchema } },
    },
    async ({ actor, params, body }) => ({
      body: await review.reject({ actor, id: params.id, reason: body.reason }),
    }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/change-requests/:id/merge',
      summary: 'Merge an approved change into main (re-rendered on top of main as it is now)',
      tag,
      auth: true,
      params: idParams,
      body: emptyBody,
      responses: { 200: { description: 'Merged', schema: changeRequestSchema } },
    },
    async ({ actor, params }) => ({ body: await review.merge({ actor, id: params.id }) }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/organizations/:id/drift',
      summary: "Hand edits found in the tenant's folder by the reconcile pass (null when none)",
      tag,
      auth: true,
      params: idParams,
      responses: { 200: { description: 'Drift', schema: driftSchema } },
    },
    async ({ actor, params }) => ({ body: await review.drift({ actor, organizationId: params.id }) }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/organizations/:id/reassert',
      summary: 'Overwrite hand edits: commit exactly what synth renders from the DB (superadmins)',
      tag,
      auth: true,
      params: idParams,
      body: reasonBody,
      responses: { 200: { description: 'Committed', schema: changeRequestSchema } },
    },
    async ({ actor, params, body }) => ({
      body: await review.reassert({ actor, organizationId: params.id, reason: body.reason }),
    }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/organizations/:id/revert',
      summary: 'Return the tenant to its state right after an earlier change (a new commit)',
      tag,
      auth: true,
      params: idParams,
      body: revertBody,
      responses: { 200: { description: 'Committed (or pending review)', schema: changeRequestSchema } },
    },
    async ({ actor, params, body }) => ({
      body: await review.revert({ actor, organizationId: params.id, ...body }),
    }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/organizations/:id/revert/preview',
      summary: 'The diff that revert would commit, without committing it',
      tag,
      auth: true,
      params: idParams,
      body: revertBody,
      responses: { 200: { description: 'Per-file unified diffs against main', schema: revertPreview } },
    },
    async ({ actor, params, body }) => ({
      body: await review.previewRevert({ actor, organizationId: params.id, changeId: body.changeId }),
    }),
  );
  return router;
}
