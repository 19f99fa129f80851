import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { route } from '../http/route.js';
import type { RouteDoc } from './registry.js';
import { OpenApiRegistry } from './registry.js';
import { responseMismatch } from './response-check.js';

const doc = {
  method: 'get',
  path: '/things/:id',
  summary: 'One thing',
  tag: 'test',
  auth: false,
  responses: {
    200: {
      description: 'The thing',
      schema: z.object({ id: z.string(), at: z.string(), tags: z.array(z.string()) }),
    },
    204: { description: 'Nothing' },
  },
} satisfies RouteDoc;

describe('responseMismatch', () => {
  it('accepts an answer that keeps to its schema, as the client receives it (dates as strings)', () => {
    expect(responseMismatch(doc, 200, { id: 'a', at: new Date(0), tags: [] })).toBeNull();
    expect(responseMismatch(doc, 204, undefined)).toBeNull();
  });

  it('names a field of the wrong type', () => {
    expect(responseMismatch(doc, 200, { id: 1, at: 'x', tags: [] })).toMatch(
      /GET \/things\/:id → 200: body\.id/,
    );
  });

  it('names fields the schema does not declare, however deep', () => {
    expect(responseMismatch(doc, 200, { id: 'a', at: 'x', tags: [], secret: 's' })).toContain('body.secret');
    const nested = {
      ...doc,
      responses: {
        200: { description: '', schema: z.object({ items: z.array(z.object({ id: z.string() })) }) },
      },
    };
    expect(responseMismatch(nested, 200, { items: [{ id: 'a' }, { id: 'b', extra: 1 }] })).toContain(
      'body.items[1].extra',
    );
  });

  it('refuses a status the route does not document, and a body where none is documented', () => {
    expect(responseMismatch(doc, 201, { id: 'a' })).toMatch(/not a documented status/);
    expect(responseMismatch(doc, 204, { id: 'a' })).toMatch(/documents none/);
    expect(responseMismatch(doc, 200, undefined)).toMatch(/sent none/);
  });
});

describe('route() with checkResponses', () => {
  const servers: { close(): void }[] = [];
  afterAll(() => {
    for (const s of servers) s.close();
  });

  async function serve(checkResponses: boolean) {
    const app = express();
    const router = express.Router();
    // A handler whose answer drifted from the documented shape (id became a number).
    // The route is open (auth: false), so nobody is authenticated.
    const authenticate = async () => {
      throw new Error('an open route authenticated');
    };
    route({ router, registry: new OpenApiRegistry({ checkResponses }), authenticate }, doc, async () => ({
      body: { id: 7, at: 'x', tags: [] },
    }));
    app.use(router);
    const server = app.listen(0);
    servers.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('fails the request loudly, naming the break, when tests turn it on', async () => {
    const res = await fetch(`${await serve(true)}/things/a`);
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error.code).toBe('internal');
    expect(body.error.message).toMatch(/Undocumented response: GET \/things\/:id → 200: body\.id/);
  });

  it('answers as the handler says when it is off (production)', async () => {
    const res = await fetch(`${await serve(false)}/things/a`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 7, at: 'x', tags: [] });
  });
});
