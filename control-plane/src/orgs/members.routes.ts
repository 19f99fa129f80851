import type { Router } from 'express';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import { changeRoleBody, memberParams, roleChangeSchema } from './members.schemas.js';

type RouteServices = Parameters<typeof route>[2];

/** /organizations/{id}/users/{userId}: a member's role, and removing a member or an invitation. */
export function membersRoutes(router: Router, registry: OpenApiRegistry, services: RouteServices): void {
  const tag = 'organizations';
  const { members } = services;
  route(
    router,
    registry,
    services,
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
    router,
    registry,
    services,
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
}
