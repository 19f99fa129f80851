import { Router } from 'express';
import type { Actor } from '../access/access.js';
import type { Authenticate } from '../http/authenticate.js';
import { route } from '../http/route.js';
import type { OpenApiRegistry } from '../openapi/registry.js';
import {
  downloadSchema,
  keyBody,
  keyQuery,
  listQuery,
  mediaItemSchema,
  mediaPageSchema,
  mediaStatusSchema,
  orgParams,
  uploadBody,
  uploadSchema,
} from './media.schemas.js';
import type { MediaService } from './media.service.js';

export interface MediaRouterDeps {
  registry: OpenApiRegistry;
  authenticate: Authenticate<Actor>;
  media: MediaService;
}

/** Media of an organization: listing, presigned uploads and downloads, deletion; and the agency-wide listing. */
export function createMediaRouter({ registry, authenticate, media }: MediaRouterDeps): Router {
  const router = Router();
  const at = { router, registry, authenticate };
  const tag = 'media';
  const base = '/organizations/:id/media';

  route(
    at,
    {
      method: 'get',
      path: '/media',
      summary: 'Media of every visible organization (an agency: its own and its clients)',
      tag,
      auth: true,
      query: listQuery,
      responses: { 200: { description: 'One page, keys descending', schema: mediaPageSchema } },
    },
    async ({ actor, query }) => ({ body: await media.listAll({ actor, ...query }) }),
  );
  route(
    at,
    {
      method: 'get',
      path: base,
      summary: "The organization's media (filters: prefix, year, month; cursor pagination)",
      tag,
      auth: true,
      params: orgParams,
      query: listQuery,
      responses: { 200: { description: 'One page, keys descending', schema: mediaPageSchema } },
    },
    async ({ actor, params, query }) => ({
      body: await media.list({ actor, organizationId: params.id, ...query }),
    }),
  );
  route(
    at,
    {
      method: 'get',
      path: `${base}/status`,
      summary: "The organization's bucket state and quota use",
      tag,
      auth: true,
      params: orgParams,
      responses: { 200: { description: 'Bucket and quota', schema: mediaStatusSchema.nullable() } },
    },
    async ({ actor, params }) => ({ body: await media.statusFor({ actor, organizationId: params.id }) }),
  );
  route(
    at,
    {
      method: 'post',
      path: `${base}/uploads`,
      summary: 'A presigned PUT for a new object, bound to its key, content type and size',
      tag,
      auth: true,
      params: orgParams,
      body: uploadBody,
      responses: { 201: { description: 'Upload with the URL', schema: uploadSchema } },
    },
    async ({ actor, params, body }) => ({
      status: 201,
      body: await media.createUpload({ actor, organizationId: params.id, ...body }),
    }),
  );
  route(
    at,
    {
      method: 'post',
      path: `${base}/complete`,
      summary: 'Record an uploaded object as S3 stored it',
      tag,
      auth: true,
      params: orgParams,
      body: keyBody,
      responses: { 200: { description: 'The recorded object', schema: mediaItemSchema } },
    },
    async ({ actor, params, body }) => ({
      body: await media.complete({ actor, organizationId: params.id, key: body.key }),
    }),
  );
  route(
    at,
    {
      method: 'get',
      path: `${base}/download`,
      summary: 'A presigned GET of an object',
      tag,
      auth: true,
      params: orgParams,
      query: keyQuery,
      responses: { 200: { description: 'URL and expiry', schema: downloadSchema } },
    },
    async ({ actor, params, query }) => ({
      body: await media.downloadUrl({ actor, organizationId: params.id, key: query.key }),
    }),
  );
  route(
    at,
    {
      method: 'delete',
      path: base,
      summary: 'Delete an object (S3 first; with S3 down nothing is changed)',
      tag,
      auth: true,
      params: orgParams,
      query: keyQuery,
      responses: { 204: { description: 'Deleted' } },
    },
    async ({ actor, params, query }) => {
      await media.remove({ actor, organizationId: params.id, key: query.key });
      return { status: 204 };
    },
  );
  return router;
}
