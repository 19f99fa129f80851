import express, { Router } from 'express';
import { NotFoundError } from '../errors/index.js';
import type { Services } from '../services.js';

/** Everything under /api/v1: each feature contributes its router here. */
export function apiRoutes(services: Services): Router {
  const router = Router();
  router.use(express.json({ limit: services.config.REQUEST_BODY_LIMIT }));
  router.get('/', (_req, res) => {
    res.json({ name: 'luster', version: 'v1' });
  });
  router.use((req, _res, next) =>
    next(new NotFoundError('Route', `${req.method} ${req.baseUrl}${req.path}`, 'route_not_found')),
  );
  return router;
}
