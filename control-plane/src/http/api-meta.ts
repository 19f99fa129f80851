import { z } from 'zod';
import type { RouteDoc } from '../openapi/registry.js';

/**
 * The routes of /api/v1 that are not JSON-in, JSON-out features (so not registered with route()),
 * documented here so the OpenAPI document covers every route.
 */
export const rootSchema = z.object({ name: z.literal('luster'), version: z.literal('v1') });

export const rootDoc: RouteDoc = {
  method: 'get',
  path: '/',
  summary: 'Which API this is',
  tag: 'meta',
  auth: false,
  responses: { 200: { description: 'Name and version', schema: rootSchema } },
};

export const openApiDoc: RouteDoc = {
  method: 'get',
  path: '/openapi.json',
  summary: 'This document',
  tag: 'meta',
  auth: false,
  responses: { 200: { description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) } },
};

export const eventsDoc: RouteDoc = {
  method: 'get',
  path: '/events',
  summary:
    'Server-Sent Events of the status changes the actor may see (EventSource sends no headers: the token may come as ?access_token=)',
  tag: 'events',
  auth: true,
  query: z.strictObject({
    access_token: z.string().optional().meta({ description: 'The access token, instead of the header' }),
    context: z.string().optional().meta({ description: 'The organization context, instead of the header' }),
  }),
  responses: {
    200: {
      description:
        'An event stream: `event: tenant.sync` (a new sync status), `tenant.state` (a new lifecycle state) or `credits.purchase` (a purchase credited, failed or refunded: `{ purchase, balance }`), `data: {"organizationId", "data": {…}}`',
      contentType: 'text/event-stream',
      schema: z.string(),
    },
  },
};
