import express, { Router } from 'express';
import type { SyncService } from './sync.service.js';

/**
 * Webhooks from the cluster. The body is read raw: the HMAC is computed over
 * the exact bytes sent, and any JSON parsing happens only after it verified.
 * Flux retries any non-2xx answer, so a repeated delivery answers 200 again.
 */
export function createSyncHookRouter({
  sync,
}: {
  sync: Pick<SyncService, 'ingestFlux' | 'ingestArgo'>;
}): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: '1mb' });
  const body = (b: unknown) => (Buffer.isBuffer(b) ? b : Buffer.alloc(0));

  router.post('/flux', raw, async (req, res) => {
    const result = await sync.ingestFlux(body(req.body), req.get('x-signature'));
    res.status(200).json(result);
  });
  router.post('/argocd', raw, async (req, res) => {
    const result = await sync.ingestArgo(body(req.body), req.get('x-luster-token'));
    res.status(200).json(result);
  });
  return router;
}
