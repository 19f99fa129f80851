import { Router } from 'express';
import { z } from 'zod';
import type { Actor } from '../access/access.js';
import { emptyBody, idParams } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import type { OrgUsersService } from './org-users.js';
import { invitationSchema, inviteBody, inviteResult, memberSchema } from './orgs.schemas.js';

export interface OrgUsersRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  orgUsers: OrgUsersService;
}

/** /organizations/{id}/users and /me/invitations: who belongs to an organization, and joining one. */
export function createOrgUsersRouter({ registry, authenticate, orgUsers }: OrgUsersRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'organizations';
  route(
    at,
    {
      method: 'get',
      path: '/organizations/:id/users',
      summary: 'Members of the organization',
      tag,
      auth: true,
      params: idParams,
      responses: { 200: { description: 'Members', schema: z.object({ items: z.array(memberSchema) }) } },
    },
    async ({ actor, params }) => ({
      body: { items: await orgUsers.list({ actor, organizationId: params.id }) },
    }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/organizations/:id/users',
      summary: 'Invite a user with a role at or below your own',
      tag,
      auth: true,
      params: idParams,
      body: inviteBody,
      responses: {
        201: {
          description:
            'Invited: the same answer whether or not the email has an account (an existing account accepts a pending membership)',
          schema: inviteResult,
        },
      },
    },
    async ({ actor, params, body }) => ({
      status: 201,
      body: await orgUsers.invite({ actor, organizationId: params.id, ...body }),
    }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/me/invitations',
      summary: "The signed-in user's pending invitations into organizations",
      tag,
      auth: true,
      responses: {
        200: { description: 'Pending invitations', schema: z.object({ items: z.array(invitationSchema) }) },
      },
    },
    async ({ actor }) => ({ body: { items: await orgUsers.invitations({ actor }) } }),
  );
  for (const decision of ['accept', 'decline'] as const) {
    route(
      at,
      {
        method: 'post',
        path: `/me/invitations/:id/${decision}`,
        summary:
          decision === 'accept'
            ? 'Accept the invitation into organization :id (the membership grants its role from now on)'
            : 'Decline the invitation into organization :id (the pending membership is removed)',
        tag,
        auth: true,
        params: idParams,
        body: emptyBody,
        responses: { 200: { description: 'The invitation', schema: invitationSchema } },
      },
      async ({ actor, params }) => ({
        body: await orgUsers[decision]({ actor, organizationId: params.id }),
      }),
    );
  }
  return router;
}
