import { type Request, type Response, Router } from 'express';
import jwt from 'jsonwebtoken';
import { type Actor, isVisible, visibleOrganizations } from '../access/access.js';
import type { Authenticate } from '../http/authenticate.js';
import type { BusEvent, EventBus } from './event-bus.js';

const heartbeatMs = 25_000;

/**
 * `GET /api/v1/events`: a Server-Sent Events stream of status changes the
 * actor may see. EventSource cannot send headers, so the access token may come
 * as `?access_token=` (and the organization context as `?context=`). Each event
 * is checked against the actor's visible set — the golden rule — before it is
 * written; the stream ends when the token expires, and the client reconnects
 * with a fresh one.
 */
export function createEventsRouter({
  authenticate,
  bus,
}: {
  authenticate: Authenticate<Actor>;
  bus: Pick<EventBus, 'subscribe'>;
}): Router {
  const router = Router();
  router.get('/events', async (req: Request, res: Response) => {
    const queryToken = typeof req.query.access_token === 'string' ? req.query.access_token : undefined;
    const authorization = req.get('authorization') ?? (queryToken ? `Bearer ${queryToken}` : undefined);
    const context = typeof req.query.context === 'string' ? req.query.context : req.get('x-org-context');
    const actor = await authenticate({ authorization, orgContext: context });
    const visibility = visibleOrganizations(actor);
    const token = authorization?.replace(/^Bearer\s+/i, '') ?? '';
    const exp = (jwt.decode(token) as { exp?: number } | null)?.exp;

    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    // Reverse proxies (nginx) must not buffer the stream.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write('retry: 3000\n: connected\n\n');

    const send = (event: BusEvent) => {
      if (!isVisible(visibility, { id: event.organizationId, path: event.organizationPath })) return;
      const { organizationPath: _hidden, ...visible } = event;
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(visible)}\n\n`);
    };
    const unsubscribe = bus.subscribe(send);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    const expiry = exp ? setTimeout(() => res.end(), Math.max(0, exp * 1000 - Date.now())) : undefined;
    const close = () => {
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(expiry);
    };
    req.on('close', close);
    res.on('close', close);
  });
  return router;
}
