import { Router } from 'express';
import { z } from 'zod';
import type { Actor } from '../access/access.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import {
  pluginBody,
  pluginParams,
  pluginSchema,
  themeBody,
  themeParams,
  themeSchema,
} from './catalog.schemas.js';
import type { CatalogService } from './catalog.service.js';

export interface CatalogRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  catalog: CatalogService;
}

/** The theme and plugin catalog: everyone signed in reads it, superadmins edit it. */
export function createCatalogRouter({ registry, authenticate, catalog }: CatalogRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'catalog';
  route(
    at,
    {
      method: 'get',
      path: '/catalog/themes',
      summary: 'Theme versions, newest first per theme',
      tag,
      auth: true,
      responses: { 200: { description: 'Themes', schema: z.object({ items: z.array(themeSchema) }) } },
    },
    async () => ({ body: { items: await catalog.themes() } }),
  );
  route(
    at,
    {
      method: 'get',
      path: '/catalog/plugins',
      summary: 'Plugins',
      tag,
      auth: true,
      responses: { 200: { description: 'Plugins', schema: z.object({ items: z.array(pluginSchema) }) } },
    },
    async () => ({ body: { items: await catalog.plugins() } }),
  );
  route(
    at,
    {
      method: 'put',
      path: '/catalog/themes/:name/:version',
      summary: 'Add or edit a theme version (superadmins)',
      tag,
      auth: true,
      params: themeParams,
      body: themeBody,
      responses: { 200: { description: 'Saved', schema: themeSchema } },
    },
    async ({ actor, params, body }) => ({
      body: await catalog.upsertTheme({ actor, theme: { ...params, ...body } }),
    }),
  );
  route(
    at,
    {
      method: 'put',
      path: '/catalog/plugins/:key',
      summary: 'Add or edit a plugin (superadmins)',
      tag,
      auth: true,
      params: pluginParams,
      body: pluginBody,
      responses: { 200: { description: 'Saved', schema: pluginSchema } },
    },
    async ({ actor, params, body }) => ({
      body: await catalog.upsertPlugin({ actor, plugin: { key: params.key, ...body } }),
    }),
  );
  return router;
}
