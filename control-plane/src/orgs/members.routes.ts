import { Router } from 'express';
import type { Actor } from '../access/access.js';
import { emptyBody } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import type { MembersService } from './members.js';
import { changeRoleBody, memberParams, roleChangeSchema } from './members.schemas.js';
import { inviteResult } from './orgs.schemas.js';
import type { SentInvitationsService } from './sent-invitations.js';

export interface MembersRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  members: MembersService;
  invitations: SentInvitationsService;
}

/**
 * /organizations/{id}/users/{userId}: a member's role, and removing a member or an invitation;
 * /organizations/{id}/invitations/{userId}: an open invitation mailed again or withdrawn.
 */
export function createMembersRouter({
  registry,
  authenticate,
  members,
  invitations,
}: MembersRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'organizations';
  route(
    at,
    {
      method: 'patch',
      path: '/organizations/:id/users/:userId',
      summary: "Change a member's role (never above your own, never the last admin away)",
      tag,
      auth: true,
      params: memberParams,
      body: changeRoleBody,
      responses: { 200: { description: 'The new role', schema: roleChangeSchema } },
    },
    async ({ actor, params, body }) => ({
      body: await members.changeRole({ actor, organizationId: params.id, userId: params.userId, ...body }),
    }),
  );
  route(
    at,
    {
      method: 'delete',
      path: '/organizations/:id/users/:userId',
      summary: 'Remove a member, or cancel a pending invitation (not the last admin)',
      tag,
      auth: true,
      params: memberParams,
      responses: { 204: { description: 'Removed' } },
    },
    async ({ actor, params }) => {
      await members.remove({ actor, organizationId: params.id, userId: params.userId });
      return { status: 204 };
    },
  );
  route(
    at,
    {
      method: 'post',
      path: '/organizations/:id/invitations/:userId/resend',
      summary: 'Mail an open invitation again (a new link for an account without a password; rate-limited)',
      tag,
      auth: true,
      params: memberParams,
      body: emptyBody,
      responses: { 202: { description: 'The invitation, mailed again', schema: inviteResult } },
    },
    async ({ actor, params }) => ({
      status: 202,
      body: await invitations.resend({ actor, organizationId: params.id, userId: params.userId }),
    }),
  );
  route(
    at,
    {
      method: 'delete',
      path: '/organizations/:id/invitations/:userId',
      summary: 'Withdraw an open invitation: its link and its acceptance stop working',
      tag,
      auth: true,
      params: memberParams,
      responses: { 204: { description: 'Withdrawn' } },
    },
    async ({ actor, params }) => {
      await invitations.cancel({ actor, organizationId: params.id, userId: params.userId });
      return { status: 204 };
    },
  );
  return router;
}
