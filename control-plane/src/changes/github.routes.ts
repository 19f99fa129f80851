import express, { Router } from 'express';
import { z } from 'zod';
import { NotFoundError, UnauthenticatedError } from '../errors/index.js';
import { verifyHmacSignature } from '../http/webhook-signature.js';
import type { ChangesService } from './changes.service.js';

/** The part of GitHub's `pull_request` event we read. */
const pullRequestEvent = z.object({
  action: z.string(),
  pull_request: z.object({
    number: z.number().int(),
    merged: z.boolean().nullable().optional(),
    head: z.object({ ref: z.string().max(255) }),
    merged_by: z.object({ login: z.string() }).nullable().optional(),
  }),
  sender: z.object({ login: z.string() }).optional(),
});

/**
 * `/hooks/github`: the `pull_request` webhook closes the loop of a review on GitHub. The signature
 * (`X-Hub-Signature-256`, HMAC-SHA256 of the raw body with GITHUB_WEBHOOK_SECRET) is checked on
 * the exact bytes before anything is parsed. Other events and actions answer 200 and do nothing.
 */
export function createGithubHookRouter({
  changes,
  webhookSecret,
}: {
  changes: Pick<ChangesService, 'review'>;
  /** GITHUB_WEBHOOK_SECRET; without it the route answers 404. */
  webhookSecret: string | undefined;
}): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: '5mb' });
  router.post('/github', raw, async (req, res) => {
    if (!webhookSecret)
      throw new NotFoundError({ code: 'route_not_found', what: 'Route', id: 'POST /hooks/github' });
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyHmacSignature(body, req.get('x-hub-signature-256'), webhookSecret)) {
      throw new UnauthenticatedError({
        code: 'invalid_signature',
        message: 'The webhook signature is missing or wrong',
      });
    }
    const event = req.get('x-github-event');
    if (event !== 'pull_request') {
      res.status(200).json({ outcome: 'ignored', reason: `event ${event ?? 'unknown'}` });
      return;
    }
    let parsed: z.output<typeof pullRequestEvent>;
    try {
      parsed = pullRequestEvent.parse(JSON.parse(body.toString('utf8')));
    } catch {
      res.status(200).json({ outcome: 'ignored', reason: 'not a pull_request payload we read' });
      return;
    }
    if (parsed.action !== 'closed') {
      res.status(200).json({ outcome: 'ignored', reason: `action ${parsed.action}` });
      return;
    }
    const pr = parsed.pull_request;
    const result = await changes.review.closedOnHost({
      number: pr.number,
      headRef: pr.head.ref,
      merged: pr.merged === true,
      by: pr.merged_by?.login ?? parsed.sender?.login ?? 'unknown',
    });
    res.status(200).json(result);
  });
  return router;
}
