import { Router } from 'express';
import type { Services } from '../services.js';
import { checkMetricsAccess } from './metrics-access.js';

/** Liveness and readiness (open) and Prometheus metrics (token or loopback), outside /api/v1. */
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
  router.get('/metrics', async (req, res) => {
    checkMetricsAccess({
      token: services.config.METRICS_TOKEN,
      authorization: req.get('authorization'),
      peer: req.socket.remoteAddress,
      forwarded: req.get('x-forwarded-for') !== undefined || req.get('forwarded') !== undefined,
    });
    res.setHeader('Content-Type', services.metrics.registry.contentType);
    res.send(await services.metrics.registry.metrics());
  });
  return router;
}
