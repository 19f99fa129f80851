import express, { Router } from 'express';
import type { StripeWebhook } from './stripe-webhook.js';

/**
 * `POST /hooks/stripe`. The body is read raw, before any JSON parser: Stripe signs the exact bytes
 * it sent (`Stripe-Signature`), and a re-serialised body would not verify. A forged or stale
 * signature is 400 `invalid_signature` and changes nothing; every verified event is 200, handled
 * or not, so Stripe does not retry what we chose to ignore.
 */
export function createStripeHookRouter({ webhook }: { webhook: Pick<StripeWebhook, 'handle'> }): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: '1mb' });
  router.post('/stripe', raw, async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    res.status(200).json(await webhook.handle(body, req.get('stripe-signature')));
  });
  return router;
}
