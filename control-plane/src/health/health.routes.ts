import { Router } from 'express';
import type { Services } from '../services.js';

/** Liveness, readiness and Prometheus metrics: unauthenticated, outside /api/v1. */
export function healthRoutes(services: Services): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const health = await services.health.readiness();
    res
      .status(health.ready ? 200 : 503)
      .json({ status: health.ready ? 'ready' : 'not_ready', checks: health.checks });
  });
  router.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', services.metrics.registry.contentType);
    res.send(await services.metrics.registry.metrics());
  });
  return router;
}
