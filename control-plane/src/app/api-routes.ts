import express, { Router } from 'express';
import type { z } from 'zod';
import { createAccountRouter, createAuthRouter } from '../auth/auth.routes.js';
import { createCatalogRouter } from '../catalog/catalog.routes.js';
import { createChangesRouter } from '../changes/changes.routes.js';
import { createClustersRouter } from '../clusters/clusters.routes.js';
import { loadConfig } from '../config.js';
import { createCreditsRouter } from '../credits/credits.routes.js';
import { createPurchasesRouter } from '../credits/purchases.routes.js';
import { createUsageRouter } from '../credits/usage.routes.js';
import { createDomainsRouter } from '../domains/domains.routes.js';
import { NotFoundError } from '../errors/index.js';
import { createEventsRouter } from '../events/events.routes.js';
import { eventsDoc, openApiDoc, rootDoc, type rootSchema } from '../http/api-meta.js';
import { createMediaRouter } from '../media/media.routes.js';
import { createMovesRouter } from '../moves/moves.routes.js';
import { OpenApiRegistry } from '../openapi/registry.js';
import { createMembersRouter } from '../orgs/members.routes.js';
import { createOrgUsersRouter } from '../orgs/org-users.routes.js';
import { createOrgsRouter } from '../orgs/orgs.routes.js';
import { createPartnerGroupsRouter } from '../partner-groups/partner-groups.routes.js';
import { createRegistrationRouter } from '../registration/registration.routes.js';
import { createTenantsRouter } from '../tenants/tenants.routes.js';
import type { Services } from './services.js';

/**
 * Each feature registers its routes with their zod schemas, given only the services it uses;
 * /openapi.json is generated from them.
 */
function featureRoutes(router: Router, registry: OpenApiRegistry, services: Services) {
  registry.add(rootDoc);
  registry.add(openApiDoc);
  registry.add(eventsDoc);
  const { authenticate } = services.auth;
  router.use(createAuthRouter({ registry, authenticate, auth: services.auth }));
  router.use(createAccountRouter({ registry, authenticate, account: services.account }));
  router.use(createRegistrationRouter({ registry, authenticate, registration: services.registration }));
  router.use(
    createOrgsRouter({
      registry,
      authenticate,
      orgs: services.orgs,
      lifecycle: services.lifecycle,
      syncStatus: services.syncStatus,
    }),
  );
  router.use(createOrgUsersRouter({ registry, authenticate, orgUsers: services.orgUsers }));
  router.use(createTenantsRouter({ registry, authenticate, tenants: services.tenants }));
  router.use(
    createMembersRouter({
      registry,
      authenticate,
      members: services.members,
      invitations: services.invitations,
    }),
  );
  router.use(createPartnerGroupsRouter({ registry, authenticate, partnerGroups: services.partnerGroups }));
  router.use(createClustersRouter({ registry, authenticate, clusters: services.clusters }));
  router.use(createChangesRouter({ registry, authenticate, review: services.changeReview }));
  router.use(createCatalogRouter({ registry, authenticate, catalog: services.catalog }));
  router.use(createMediaRouter({ registry, authenticate, media: services.media }));
  router.use(createDomainsRouter({ registry, authenticate, domains: services.domains }));
  router.use(createMovesRouter({ registry, authenticate, moves: services.moves }));
  router.use(createCreditsRouter({ registry, authenticate, credits: services.credits }));
  router.use(createUsageRouter({ registry, authenticate, usage: services.usage }));
  router.use(
    createPurchasesRouter({ registry, authenticate, packs: services.packs, purchases: services.purchases }),
  );
  return registry.document({
    title: 'Luster control plane API',
    version: 'v1',
    serverUrl: `${services.config.publicUrl}/api/v1`,
  });
}

/**
 * A stand-in for a service, or anything under it: routers only take references while they
 * register (handlers never run), so any property is another stand-in and a call fails loudly.
 */
function standIn(name: string): unknown {
  return new Proxy(() => undefined, {
    get: (_target, key) => (key === 'then' ? undefined : standIn(`${name}.${String(key)}`)),
    apply: () => {
      throw new Error(`${name}() was called while describing the API`);
    },
  });
}

/**
 * The OpenAPI document of /api/v1 as the server builds it, but without a database or a
 * repository: what the admin's types are generated from (npm run api:types -w admin-vue). A fixed
 * public URL keeps it the same on every machine.
 */
export function offlineApiDocument() {
  return featureRoutes(Router(), new OpenApiRegistry(), standInServices());
}

/** Services whose config is real and whose every service is a stand-in (registering routes only). */
export function standInServices(): Services {
  const config = loadConfig({ PUBLIC_URL: 'http://localhost:8080' });
  return new Proxy({} as Services, {
    get: (_target, key) => (key === 'config' ? config : standIn(String(key))),
  });
}

/** Everything under /api/v1: each feature contributes its router here. */
export function apiRoutes(services: Services, options: { checkResponses: boolean }): Router {
  const router = Router();
  router.use(express.json({ limit: services.config.REQUEST_BODY_LIMIT }));
  router.get('/', (_req, res) => {
    res.json({ name: 'luster', version: 'v1' } satisfies z.output<typeof rootSchema>);
  });
  const document = featureRoutes(router, new OpenApiRegistry(options), services);
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use(createEventsRouter({ authenticate: services.auth.authenticate, bus: services.bus }));
  router.use((req, _res, next) =>
    next(
      new NotFoundError({
        code: 'route_not_found',
        what: 'Route',
        id: `${req.method} ${req.baseUrl}${req.path}`,
      }),
    ),
  );
  return router;
}
