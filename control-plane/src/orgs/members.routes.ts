import { Router } from 'express';
import type { Actor } from '../access/access.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import type { MembersService } from './members.js';
import { changeRoleBody, memberParams, roleChangeSchema } from './members.schemas.js';

export interface MembersRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  members: MembersService;
}

/** /organizations/{id}/users/{userId}: a member's role, and removing a member or an invitation. */
export function createMembersRouter({ registry, authenticate, members }: MembersRouterDeps): Router {
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
  return router;
}
