import type { Router } from 'express';
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

/** What route() needs (it authenticates with the auth service), which includes the media service. */
type RouteServices = Parameters<typeof route>[2];

/** Media of an organization: listing, presigned uploads and downloads, deletion; and the agency-wide listing. */
export function mediaRoutes(router: Router, registry: OpenApiRegistry, services: RouteServices): void {
  const tag = 'media';
  const { media } = services;
  const base = '/organizations/:id/media';

  route(
    router,
    registry,
    services,
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
    router,
    registry,
    services,
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
    router,
    registry,
    services,
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
    router,
    registry,
    services,
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
    router,
    registry,
    services,
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
    router,
    registry,
    services,
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
    router,
    registry,
    services,
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
}
