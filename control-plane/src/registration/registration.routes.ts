import { Router } from 'express';
import { z } from 'zod';
import type { Actor } from '../access/access.js';
import { emptyBody, idParams } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import {
  agencyApproved,
  agencyRejected,
  agencyRequestSchema,
  agencyRequestsQuery,
  registerBody,
  registrationResult,
  rejectBody,
} from './registration.schemas.js';
import type { RegistrationService } from './registration.service.js';

export interface RegistrationRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  registration: RegistrationService;
}

/** Self-service registration and the agency approval queue. */
export function createRegistrationRouter({
  registry,
  authenticate,
  registration,
}: RegistrationRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  route(
    at,
    {
      method: 'post',
      path: '/registrations',
      summary: 'Register an organization (provisioned at once) or an agency (queued for review)',
      tag: 'registration',
      auth: false,
      body: registerBody,
      responses: { 201: { description: 'Registered', schema: registrationResult } },
    },
    async ({ body, req }) => ({
      status: 201,
      body: await registration.register({ ...body, ip: req.ip ?? 'unknown' }),
    }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/agency-requests',
      summary: 'Agency registrations (superadmins)',
      tag: 'registration',
      auth: true,
      query: agencyRequestsQuery,
      responses: {
        200: {
          description: 'Requests, oldest first',
          schema: z.object({ items: z.array(agencyRequestSchema) }),
        },
      },
    },
    async ({ actor, query }) => ({
      body: { items: await registration.listAgencyRequests({ actor, ...query }) },
    }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/agency-requests/:id/approve',
      summary: 'Approve: provision the agency and send the welcome email',
      tag: 'registration',
      auth: true,
      params: idParams,
      body: emptyBody,
      responses: { 200: { description: 'Approved and committed', schema: agencyApproved } },
    },
    async ({ actor, params }) => ({
      body: await registration.approveAgencyRequest({ actor, id: params.id }),
    }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/agency-requests/:id/reject',
      summary: 'Reject with a reason (emailed to the applicant)',
      tag: 'registration',
      auth: true,
      params: idParams,
      body: rejectBody,
      responses: { 200: { description: 'Rejected', schema: agencyRejected } },
    },
    async ({ actor, params, body }) => ({
      body: await registration.rejectAgencyRequest({ actor, id: params.id, reason: body.reason }),
    }),
  );
  return router;
}
