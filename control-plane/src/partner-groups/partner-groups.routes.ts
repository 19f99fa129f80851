import { Router } from 'express';
import type { Actor } from '../access/access.js';
import { emptyBody } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import {
  agencyMoveSchema,
  createGroupBody,
  groupAgencyParams,
  groupParams,
  partnerGroupListSchema,
  partnerGroupSchema,
  renameGroupBody,
} from './partner-groups.schemas.js';
import type { PartnerGroupsService } from './partner-groups.service.js';

export interface PartnerGroupsRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  partnerGroups: PartnerGroupsService;
}

/** /partner-groups: the optional level between the platform and its agencies. */
export function createPartnerGroupsRouter({
  registry,
  authenticate,
  partnerGroups,
}: PartnerGroupsRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'partner groups';
  route(
    at,
    {
      method: 'get',
      path: '/partner-groups',
      summary: 'The visible partner groups with their agencies (superadmins: all; group admins: their own)',
      tag,
      auth: true,
      responses: { 200: { description: 'By slug', schema: partnerGroupListSchema } },
    },
    async ({ actor }) => ({ body: { items: await partnerGroups.list({ actor }) } }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/partner-groups',
      summary: 'Create a partner group under the platform (superadmins)',
      tag,
      auth: true,
      body: createGroupBody,
      responses: { 201: { description: 'Created, without agencies', schema: partnerGroupSchema } },
    },
    async ({ actor, body }) => ({ status: 201, body: await partnerGroups.create({ actor, ...body }) }),
  );
  route(
    at,
    {
      method: 'patch',
      path: '/partner-groups/:id',
      summary: 'Rename a partner group (superadmins); its slug stays',
      tag,
      auth: true,
      params: groupParams,
      body: renameGroupBody,
      responses: { 200: { description: 'Renamed', schema: partnerGroupSchema } },
    },
    async ({ actor, params, body }) => ({
      body: await partnerGroups.rename({ actor, groupId: params.id, name: body.name }),
    }),
  );
  route(
    at,
    {
      method: 'put',
      path: '/partner-groups/:id/agencies/:agencyId',
      summary: 'Move an agency, with everything below it, into the group (superadmins)',
      tag,
      auth: true,
      params: groupAgencyParams,
      body: emptyBody,
      responses: { 200: { description: 'Moved (or there already)', schema: agencyMoveSchema } },
    },
    async ({ actor, params }) => ({
      body: await partnerGroups.addAgency({ actor, groupId: params.id, agencyId: params.agencyId }),
    }),
  );
  route(
    at,
    {
      method: 'delete',
      path: '/partner-groups/:id/agencies/:agencyId',
      summary: 'Move an agency of the group, with everything below it, back under the platform (superadmins)',
      tag,
      auth: true,
      params: groupAgencyParams,
      responses: { 200: { description: 'Moved', schema: agencyMoveSchema } },
    },
    async ({ actor, params }) => ({
      body: await partnerGroups.removeAgency({ actor, groupId: params.id, agencyId: params.agencyId }),
    }),
  );
  route(
    at,
    {
      method: 'delete',
      path: '/partner-groups/:id',
      summary:
        'Delete an empty partner group (superadmins): its group admins lose their membership; 409 partner_group_not_empty while it holds agencies or credits',
      tag,
      auth: true,
      params: groupParams,
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ actor, params }) => {
      await partnerGroups.remove({ actor, groupId: params.id });
      return { status: 204 };
    },
  );
  return router;
}
