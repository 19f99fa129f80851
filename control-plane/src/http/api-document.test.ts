import type { Router } from 'express';
import { describe, expect, it } from 'vitest';
import { apiRoutes, offlineApiDocument, standInServices } from '../app/api-routes.js';
import { reportUsageDoc } from '../credits/usage.routes.js';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** `get /organizations/{id}` for every route the Express router answers, nested routers included. */
function routesOf(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = layer.route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      return Object.keys(layer.route.methods).map((method) => `${method} ${path}`);
    }
    return layer.handle?.stack ? routesOf(layer.handle.stack) : [];
  });
}

describe('the OpenAPI document of /api/v1', () => {
  const document = offlineApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({ key: `${method} ${path}`, op: op as OperationDoc })),
  );

  it('documents every route the API answers, and no other', () => {
    const router = apiRoutes(standInServices(), { checkResponses: false }) as Router & { stack: Layer[] };
    // Usage reports are answered ahead of Express (credits/usage-endpoint.ts), documented all the same.
    const aheadOfExpress = `${reportUsageDoc.method} ${reportUsageDoc.path}`;
    expect(operations.map((o) => o.key).sort()).toEqual(
      [...new Set([...routesOf(router.stack), aheadOfExpress])].sort(),
    );
  });

  // 202 and 204 may answer without a body; route()'s check refuses a body a status does not document.
  it('gives every 200 and 201 answer its schema', () => {
    const without = operations.flatMap(({ key, op }) =>
      Object.entries(op.responses)
        .filter(([status, response]) => (status === '200' || status === '201') && !response.content)
        .map(([status]) => `${key} → ${status}`),
    );
    expect(without).toEqual([]);
  });

  it('gives every POST, PUT and PATCH a request body schema', () => {
    const without = operations.filter(({ key, op }) => /^(post|put|patch) /.test(key) && !op.requestBody);
    expect(without.map((o) => o.key)).toEqual([]);
  });
});

interface OperationDoc {
  requestBody?: unknown;
  responses: Record<string, { content?: unknown }>;
}
