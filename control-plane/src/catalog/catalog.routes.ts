import type { Router } from 'express';
import { z } from 'zod';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import type { Services } from '../services.js';
import {
  pluginBody,
  pluginParams,
  pluginSchema,
  themeBody,
  themeParams,
  themeSchema,
} from './catalog.schemas.js';

/** The theme and plugin catalog: everyone signed in reads it, superadmins edit it. */
export function catalogRoutes(router: Router, registry: OpenApiRegistry, services: Services): void {
  const tag = 'catalog';
  route(
    router,
    registry,
    services,
    {
      method: 'get',
      path: '/catalog/themes',
      summary: 'Theme versions, newest first per theme',
      tag,
      auth: true,
      responses: { 200: { description: 'Themes', schema: z.object({ items: z.array(themeSchema) }) } },
    },
    async () => ({ body: { items: await services.catalog.themes() } }),
  );
  route(
    router,
    registry,
    services,
    {
      method: 'get',
      path: '/catalog/plugins',
      summary: 'Plugins',
      tag,
      auth: true,
      responses: { 200: { description: 'Plugins', schema: z.object({ items: z.array(pluginSchema) }) } },
    },
    async () => ({ body: { items: await services.catalog.plugins() } }),
  );
  route(
    router,
    registry,
    services,
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
      body: await services.catalog.upsertTheme({ actor, theme: { ...params, ...body } }),
    }),
  );
  route(
    router,
    registry,
    services,
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
      body: await services.catalog.upsertPlugin({ actor, plugin: { key: params.key, ...body } }),
    }),
  );
}
