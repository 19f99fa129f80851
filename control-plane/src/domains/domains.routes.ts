import { Router } from 'express';
import type { Actor } from '../access/access.js';
import { emptyBody } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import { addBody, domainListSchema, domainSchema, hostParams, orgParams } from './domains.schemas.js';
import type { DomainsService } from './domains.service.js';

export interface DomainsRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  domains: DomainsService;
}

/** Custom domains of an organization: claim, check, make primary, remove. */
export function createDomainsRouter({ registry, authenticate, domains }: DomainsRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'domains';
  const base = '/organizations/:id/domains';
  const one = `${base}/:hostname`;

  route(
    at,
    {
      method: 'get',
      path: base,
      summary: "The organization's custom domains with the records to create and their three status lines",
      tag,
      auth: true,
      params: orgParams,
      responses: { 200: { description: 'Oldest first', schema: domainListSchema } },
    },
    async ({ actor, params }) => ({ body: await domains.list({ actor, organizationId: params.id }) }),
  );
  route(
    at,
    {
      method: 'post',
      path: base,
      summary: 'Claim a hostname: pending until its TXT and CNAME records are found',
      tag,
      auth: true,
      params: orgParams,
      body: addBody,
      responses: { 201: { description: 'The pending domain and its records', schema: domainSchema } },
    },
    async ({ actor, params, body }) => ({
      status: 201,
      body: await domains.add({ actor, organizationId: params.id, hostname: body.hostname }),
    }),
  );
  route(
    at,
    {
      method: 'get',
      path: one,
      summary: 'One custom domain',
      tag,
      auth: true,
      params: hostParams,
      responses: { 200: { description: 'The domain', schema: domainSchema } },
    },
    async ({ actor, params }) => ({
      body: await domains.get({ actor, organizationId: params.id, hostname: params.hostname }),
    }),
  );
  route(
    at,
    {
      method: 'post',
      path: `${one}/check`,
      summary: 'Check the DNS records now (one check, recorded like the background ones)',
      tag,
      auth: true,
      params: hostParams,
      body: emptyBody,
      responses: { 200: { description: 'The domain after the check', schema: domainSchema } },
    },
    async ({ actor, params }) => ({
      body: await domains.check({ actor, organizationId: params.id, hostname: params.hostname }),
    }),
  );
  route(
    at,
    {
      method: 'put',
      path: `${one}/primary`,
      summary: 'Make a domain in the Ingress the canonical host; the other custom domains redirect to it',
      tag,
      auth: true,
      params: hostParams,
      body: emptyBody,
      responses: { 200: { description: 'The domain, now primary (committed)', schema: domainSchema } },
    },
    async ({ actor, params }) => ({
      body: await domains.setPrimary({ actor, organizationId: params.id, hostname: params.hostname }),
    }),
  );
  route(
    at,
    {
      method: 'delete',
      path: one,
      summary: 'Remove a domain (a change request takes it out of the Ingress first)',
      tag,
      auth: true,
      params: hostParams,
      responses: { 204: { description: 'Removed' } },
    },
    async ({ actor, params }) => {
      await domains.remove({ actor, organizationId: params.id, hostname: params.hostname });
      return { status: 204 };
    },
  );
  return router;
}
