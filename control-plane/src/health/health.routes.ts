import { Router } from 'express';
import type { Metrics } from '../http/metrics.js';
import type { HealthService } from './health.service.js';
import { checkMetricsAccess } from './metrics-access.js';

/** Liveness and readiness (open) and Prometheus metrics (token or loopback), outside /api/v1. */
export function createHealthRouter({
  health,
  metrics,
  metricsToken,
}: {
  health: HealthService;
  metrics: Pick<Metrics, 'registry'>;
  /** METRICS_TOKEN: who may read /metrics from outside the loopback. */
  metricsToken: string | undefined;
}): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const readiness = await health.readiness();
    res
      .status(readiness.ready ? 200 : 503)
      .json({ status: readiness.ready ? 'ready' : 'not_ready', checks: readiness.checks });
  });
  router.get('/metrics', async (req, res) => {
    checkMetricsAccess({
      token: metricsToken,
      authorization: req.get('authorization'),
      peer: req.socket.remoteAddress,
      forwarded: req.get('x-forwarded-for') !== undefined || req.get('forwarded') !== undefined,
    });
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  return router;
}
