import express, { Router } from 'express';
import { accountRoutes, authRoutes } from '../auth/auth.routes.js';
import { catalogRoutes } from '../catalog/catalog.routes.js';
import { changesRoutes } from '../changes/changes.routes.js';
import { NotFoundError } from '../errors/index.js';
import { eventsRoutes } from '../events/events.routes.js';
import { OpenApiRegistry } from '../openapi/registry.js';
import { orgsRoutes } from '../orgs/orgs.routes.js';
import { registrationRoutes } from '../registration/registration.routes.js';
import type { Services } from '../services.js';

/** Everything under /api/v1: each feature contributes its router here. */
export function apiRoutes(services: Services): Router {
  const router = Router();
  router.use(express.json({ limit: services.config.REQUEST_BODY_LIMIT }));
  router.get('/', (_req, res) => {
    res.json({ name: 'luster', version: 'v1' });
  });
  // Each feature registers its routes with their zod schemas; /openapi.json is generated from them.
  const openapi = new OpenApiRegistry();
  authRoutes(router, openapi, services);
  accountRoutes(router, openapi, services);
  registrationRoutes(router, openapi, services);
  orgsRoutes(router, openapi, services);
  changesRoutes(router, openapi, services);
  catalogRoutes(router, openapi, services);
  const document = openapi.document({
    title: 'Luster control plane API',
    version: 'v1',
    serverUrl: `${services.config.publicUrl}/api/v1`,
  });
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use(eventsRoutes(services));
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
