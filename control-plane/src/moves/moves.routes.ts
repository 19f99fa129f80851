import { Router } from 'express';
import type { Actor } from '../access/access.js';
import { idParams } from '../http/atoms.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import { orgWithChange, previewSchema } from '../orgs/orgs.schemas.js';
import { backupsSchema, moveBody, releaseBody, restoreBody } from './moves.schemas.js';
import type { MovesService } from './moves.service.js';

export interface MovesRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  moves: MovesService;
}

/** Moving a tenant between clusters, restoring its database to a point in time, releasing the old copy. */
export function createMovesRouter({ registry, authenticate, moves }: MovesRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'moves';
  const base = '/organizations/:id';

  route(
    at,
    {
      method: 'post',
      path: `${base}/move`,
      summary:
        "Request a move to another cluster (reviewed): the database recovers there from this cluster's backups, the copy here is kept until released",
      tag,
      auth: true,
      params: idParams,
      body: moveBody,
      responses: { 202: { description: 'The change, waiting for review', schema: orgWithChange } },
    },
    async ({ actor, params, body }) => ({
      status: 202,
      body: await moves.move({ actor, id: params.id, ...body }),
    }),
  );
  route(
    at,
    {
      method: 'post',
      path: `${base}/move/preview`,
      summary: 'The diff a move would commit, without committing it',
      tag,
      auth: true,
      params: idParams,
      body: moveBody,
      responses: { 200: { description: 'Per-file unified diffs against main', schema: previewSchema } },
    },
    async ({ actor, params, body }) => ({ body: await moves.previewMove({ actor, id: params.id, ...body }) }),
  );
  route(
    at,
    {
      method: 'post',
      path: `${base}/restore`,
      summary:
        'Request a point-in-time restore (reviewed): a new database recovered up to that time, the current one kept until released',
      tag,
      auth: true,
      params: idParams,
      body: restoreBody,
      responses: { 202: { description: 'The change, waiting for review', schema: orgWithChange } },
    },
    async ({ actor, params, body }) => ({
      status: 202,
      body: await moves.restore({ actor, id: params.id, ...body }),
    }),
  );
  route(
    at,
    {
      method: 'post',
      path: `${base}/restore/preview`,
      summary: 'The diff a restore would commit, without committing it',
      tag,
      auth: true,
      params: idParams,
      body: restoreBody,
      responses: { 200: { description: 'Per-file unified diffs against main', schema: previewSchema } },
    },
    async ({ actor, params, body }) => ({
      body: await moves.previewRestore({ actor, id: params.id, ...body }),
    }),
  );
  route(
    at,
    {
      method: 'post',
      path: `${base}/release`,
      summary:
        'Release the database a move or a restore kept (once the tenant is Ready on the new one): its prune guard is lifted, then it is removed',
      tag,
      auth: true,
      params: idParams,
      body: releaseBody,
      responses: { 200: { description: 'The release, committed', schema: orgWithChange } },
    },
    async ({ actor, params, body }) => ({ body: await moves.release({ actor, id: params.id, ...body }) }),
  );
  route(
    at,
    {
      method: 'get',
      path: `${base}/backups`,
      summary: "The tenant's database, backup schedule, restore window and what is known of its backups",
      tag,
      auth: true,
      params: idParams,
      responses: { 200: { description: 'The backups line', schema: backupsSchema } },
    },
    async ({ actor, params }) => ({ body: await moves.backups({ actor, id: params.id }) }),
  );
  return router;
}
