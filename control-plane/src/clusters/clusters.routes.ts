import { Router } from 'express';
import type { Actor } from '../access/access.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import {
  clusterChoiceListSchema,
  clusterDetailSchema,
  clusterListSchema,
  clusterParams,
  clusterSchema,
  clusterTenantsQuery,
  createClusterBody,
  preferredClusterBody,
  preferredClusterParams,
  preferredClusterSchema,
  updateClusterBody,
} from './clusters.schemas.js';
import type { ClustersService } from './clusters.service.js';

export interface ClustersRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  clusters: ClustersService;
}

/** /clusters: the clusters tenants run on, and where new tenants go (superadmins). */
export function createClustersRouter({ registry, authenticate, clusters }: ClustersRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'clusters';
  route(
    at,
    {
      method: 'get',
      path: '/clusters',
      summary: 'Every cluster with its tenants, load and health (superadmins)',
      tag,
      auth: true,
      responses: { 200: { description: 'By name', schema: clusterListSchema } },
    },
    async ({ actor }) => ({ body: { items: await clusters.list({ actor }) } }),
  );
  route(
    at,
    {
      method: 'get',
      // Not under /clusters/: a cluster may be named anything a DNS label allows.
      path: '/cluster-choices',
      summary:
        'The clusters accepting tenants, with region, labels and room left: what a tenant may be moved to (holders of organization.move)',
      tag,
      auth: true,
      responses: { 200: { description: 'By name', schema: clusterChoiceListSchema } },
    },
    async ({ actor }) => ({ body: { items: await clusters.choices({ actor }) } }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/clusters/:name',
      summary: 'A cluster and one page of its tenants by slug (superadmins); 404 cluster_not_found',
      tag,
      auth: true,
      params: clusterParams,
      query: clusterTenantsQuery,
      responses: { 200: { description: 'The cluster', schema: clusterDetailSchema } },
    },
    async ({ actor, params, query }) => ({
      body: await clusters.get({ actor, name: params.name, ...query }),
    }),
  );
  route(
    at,
    {
      method: 'post',
      path: '/clusters',
      summary:
        'Add a cluster (superadmins): the row and its entry point clusters/<name>/ committed as a platform commit; 409 cluster_exists',
      tag,
      auth: true,
      body: createClusterBody,
      responses: { 201: { description: 'Added', schema: clusterSchema } },
    },
    async ({ actor, body }) => ({ status: 201, body: await clusters.create({ actor, ...body }) }),
  );
  route(
    at,
    {
      method: 'patch',
      path: '/clusters/:name',
      summary:
        'Change region, capacity, labels or whether it accepts new tenants (superadmins); its tenants stay',
      tag,
      auth: true,
      params: clusterParams,
      body: updateClusterBody,
      responses: { 200: { description: 'Changed', schema: clusterSchema } },
    },
    async ({ actor, params, body }) => ({
      body: await clusters.update({ actor, name: params.name, ...body }),
    }),
  );
  route(
    at,
    {
      method: 'delete',
      path: '/clusters/:name',
      summary: 'Delete a cluster no tenant names (superadmins); 409 cluster_not_empty otherwise',
      tag,
      auth: true,
      params: clusterParams,
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ actor, params }) => {
      await clusters.remove({ actor, name: params.name });
      return { status: 204 };
    },
  );
  route(
    at,
    {
      method: 'put',
      path: '/organizations/:id/preferred-cluster',
      summary:
        "Set the cluster new tenants at or below the organization prefer (superadmins); a client inherits its agency's; null clears it",
      tag,
      auth: true,
      params: preferredClusterParams,
      body: preferredClusterBody,
      responses: { 200: { description: 'Set', schema: preferredClusterSchema } },
    },
    async ({ actor, params, body }) => ({
      body: await clusters.setPreferredCluster({ actor, organizationId: params.id, cluster: body.cluster }),
    }),
  );
  return router;
}
