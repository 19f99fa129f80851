import type { Router } from 'express';
import { z } from 'zod';
import { projectType } from '../http/atoms.js';
import { route } from '../http/route.js';
import { text } from '../http/text.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import type { Services } from '../services.js';

const themeBody = z.strictObject({
  displayName: text().trim().min(1).max(200),
  image: text().min(1).max(500).meta({ description: 'Pinned: <registry>/<repo>:<tag>@sha256:<digest>' }),
  projectTypes: z.array(projectType).min(1),
  defaultFor: z.array(projectType).optional(),
  available: z.boolean().optional(),
});
const pluginBody = z.strictObject({
  name: text().trim().min(1).max(200),
  description: text().max(2000).optional(),
  defaultFor: z.array(projectType).optional(),
  available: z.boolean().optional(),
});
const label = z.string().regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'must be a DNS label');
const semver = z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'must be a semantic version');

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
      responses: { 200: { description: 'Themes' } },
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
      responses: { 200: { description: 'Plugins' } },
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
      params: z.strictObject({ name: label, version: semver }),
      body: themeBody,
      responses: { 200: { description: 'Saved' } },
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
      params: z.strictObject({ key: label }),
      body: pluginBody,
      responses: { 200: { description: 'Saved' } },
    },
    async ({ actor, params, body }) => ({
      body: await services.catalog.upsertPlugin({ actor, plugin: { key: params.key, ...body } }),
    }),
  );
}
