import { z } from 'zod';
import { bool, nonEmpty, optionalUrl, port, type VariableSpec } from './atoms.js';

/** S3 storage of media, per organization. */
export const mediaVariables = {
  S3_ENDPOINT: {
    schema: optionalUrl,
    doc: 'S3 API endpoint (MinIO, AWS S3, Cloudflare R2 — README); unset runs an embedded S3 under the data directory behind a signature-verifying gateway',
  },
  S3_REGION: {
    schema: nonEmpty,
    default: 'us-east-1',
    doc: 'Region the S3 requests are signed for (R2: auto)',
  },
  S3_ACCESS_KEY_ID: {
    schema: z.string().min(1).optional(),
    secret: true,
    doc: 'Access key of S3_ENDPOINT; required with it (embedded: generated once, kept in the data directory)',
  },
  S3_SECRET_ACCESS_KEY: {
    schema: z.string().min(1).optional(),
    secret: true,
    doc: 'Secret key of S3_ACCESS_KEY_ID; required with it',
  },
  S3_FORCE_PATH_STYLE: {
    schema: bool,
    default: 'false',
    doc: 'Address buckets as <endpoint>/<bucket> instead of <bucket>.<endpoint> (MinIO: true); the embedded S3 always does',
  },
  S3_BUCKET_PREFIX: {
    schema: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,18}-$/, 'must be lowercase letters, digits and dashes ending in a dash')
      .optional(),
    doc: 'Put before every bucket name (org-<slug>-media, system-media), so several platforms can share one S3 account',
  },
  MEDIA_PUBLIC_BASE_URL: {
    schema: optionalUrl,
    doc: 'Base URL of a CDN in front of public media (<base>/<bucket>/<key>, keys under public/; README); unset, no upload may be public and every media link is a presigned GET',
  },
  MEDIA_MAX_UPLOAD_BYTES: {
    schema: z.coerce.number().int().min(1),
    default: '104857600',
    doc: 'Largest single media upload, in bytes (100 MiB); the presigned URL is bound to the declared size',
  },
  S3_EMBEDDED_PORT: {
    schema: port,
    default: '9000',
    doc: 'Port of the embedded S3 gateway (bound to HOST, so browsers upload to it directly); ignored when S3_ENDPOINT is set',
  },
} as const satisfies Record<string, VariableSpec>;
