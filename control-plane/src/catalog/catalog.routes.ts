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

/** The theme and plugin catalog: everyone signed in reads it, superadmins edit and delete entries. */
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
  route(
    at,
    {
      method: 'delete',
      path: '/catalog/themes/:name/:version',
      summary:
        'Delete a theme version no tenant uses (superadmins); 409 catalog_entry_in_use names the organizations still on it, and refuses a default',
      tag,
      auth: true,
      params: themeParams,
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ actor, params }) => {
      await catalog.deleteTheme({ actor, ...params });
      return { status: 204 };
    },
  );
  route(
    at,
    {
      method: 'delete',
      path: '/catalog/plugins/:key',
      summary:
        'Delete a plugin no tenant uses (superadmins); 409 catalog_entry_in_use names the organizations still using it',
      tag,
      auth: true,
      params: pluginParams,
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ actor, params }) => {
      await catalog.deletePlugin({ actor, key: params.key });
      return { status: 204 };
    },
  );
  return router;
}
