import type { Router } from 'express';
import { z } from 'zod';
import { idParams } from '../http/atoms.js';
import { route } from '../http/route.js';
import { text } from '../http/text.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import type { Services } from '../services.js';
import { changeKinds, changeStates } from './changes.entities.js';
import { approveBody, rejectBody } from './changes.schemas.js';

const person = z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable();
const fileDiff = z.object({
  path: z.string(),
  status: z.enum(['added', 'modified', 'deleted']),
  patch: z.string(),
});
export const changeRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(changeKinds),
  state: z.enum(changeStates),
  policy: z.enum(['direct', 'review']),
  title: z.string(),
  organizationId: z.string(),
  organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  requestedBy: person,
  approvedBy: person,
  approvals: z.array(z.object({ user: person, at: z.string(), reason: z.string().nullable() })),
  rejectedBy: person,
  rejectionReason: z.string().nullable(),
  reason: z.string().nullable(),
  error: z.string().nullable(),
  branch: z.string().nullable(),
  commitSha: z.string().nullable(),
  pullRequest: z.object({ number: z.number(), url: z.string() }).nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export const listQuery = z.strictObject({
  state: z.enum(changeStates).optional(),
  kind: z.enum(changeKinds).optional(),
  organizationId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
const mergeBody = z.strictObject({});
export const reasonBody = z.strictObject({ reason: text().max(500).optional() });
export const revertBody = z.strictObject({ changeId: z.uuid(), reason: text().max(500).optional() });
export const bulkBody = z.strictObject({
  organizationIds: z.array(z.uuid()).min(1).max(500),
  reason: text().trim().min(1).max(500),
});

/** Change requests: the built-in review, revert, re-assert, drift, bulk deletion. */
export function changesRoutes(router: Router, registry: OpenApiRegistry, services: Services): void {
  const tag = 'changes';
  const review = services.changeReview;
  route(
    router,
    registry,
    services,
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
    router,
    registry,
    services,
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
    router,
    registry,
    services,
    {
      method: 'get',
      path: '/change-requests/:id',
      summary: 'One change request with per-file unified diffs',
      tag,
      auth: true,
      params: idParams,
      responses: {
        200: { description: 'The change', schema: changeRequestSchema.extend({ files: z.array(fileDiff) }) },
      },
    },
    async ({ actor, params }) => ({ body: await review.get({ actor, id: params.id }) }),
  );
  route(
    router,
    registry,
    services,
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
    router,
    registry,
    services,
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
    router,
    registry,
    services,
    {
      method: 'post',
      path: '/change-requests/:id/merge',
      summary: 'Merge an approved change into main (re-rendered on top of main as it is now)',
      tag,
      auth: true,
      params: idParams,
      body: mergeBody,
      responses: { 200: { description: 'Merged', schema: changeRequestSchema } },
    },
    async ({ actor, params }) => ({ body: await review.merge({ actor, id: params.id }) }),
  );
  route(
    router,
    registry,
    services,
    {
      method: 'get',
      path: '/organizations/:id/drift',
      summary: "Hand edits found in the tenant's folder by the reconcile pass (null when none)",
      tag,
      auth: true,
      params: idParams,
      responses: { 200: { description: 'Drift' } },
    },
    async ({ actor, params }) => ({ body: await review.drift({ actor, organizationId: params.id }) }),
  );
  route(
    router,
    registry,
    services,
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
    router,
    registry,
    services,
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
}
