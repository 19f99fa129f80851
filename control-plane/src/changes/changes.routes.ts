import type { Router } from 'express';
import { z } from 'zod';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import { changeSchema, idParams } from '../orgs/orgs.schemas.js';
import type { Services } from '../services.js';

const decisionBody = z.strictObject({ reason: z.string().max(2000).optional() });

/** Review of change requests waiting for a second person. */
export function changesRoutes(router: Router, registry: OpenApiRegistry, services: Services): void {
  for (const decision of ['approve', 'reject'] as const) {
    route(
      router,
      registry,
      services,
      {
        method: 'post',
        path: `/change-requests/:id/${decision}`,
        summary:
          decision === 'approve'
            ? 'Approve a change pending review and commit it (superadmin or reviewer, not the requester)'
            : 'Reject a change pending review',
        tag: 'changes',
        auth: true,
        params: idParams,
        body: decisionBody,
        responses: { 200: { description: 'Decided', schema: changeSchema } },
      },
      async ({ actor, params, body }) => ({
        body: await services.changeReview.decide({
          actor,
          id: params.id,
          approve: decision === 'approve',
          reason: body.reason,
        }),
      }),
    );
  }
}
