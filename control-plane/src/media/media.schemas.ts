import { z } from 'zod';
import { text } from '../http/text.js';

/** Filters and the page of a listing; year and month select a `YYYY/MM/` folder. */
export const listQuery = z
  .strictObject({
    prefix: text().max(200).optional(),
    year: z.coerce.number().int().min(2000).max(9999).optional(),
    month: z.coerce.number().int().min(1).max(12).optional(),
    type: z
      .enum(['image', 'video', 'audio', 'document'])
      .optional()
      .meta({ description: 'image/*, video/*, audio/*, or document (application/*, text/*)' }),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: text().max(600).optional(),
  })
  .refine((q) => q.month === undefined || q.year !== undefined, {
    message: 'month needs a year',
    path: ['month'],
  });

export const uploadBody = z.strictObject({
  name: text().min(1).max(255).meta({ description: 'The file name; sanitised into the key' }),
  contentType: text().min(1).max(100),
  size: z.number().int().min(1).meta({ description: 'Bytes; the presigned URL accepts exactly this length' }),
  public: z.boolean().optional().meta({
    description:
      'Key under public/ and linked through MEDIA_PUBLIC_BASE_URL (a CDN); 400 media_public_not_configured without it',
  }),
});

export const keyBody = z.strictObject({ key: text().min(1).max(300) });
export const keyQuery = z.strictObject({ key: text().min(1).max(300) });
export const orgParams = z.strictObject({ id: text().min(1).max(100) });

export const mediaItemSchema = z.object({
  organizationId: z.string(),
  key: z.string().meta({ description: '[public/]YYYY/MM/<sanitised name>' }),
  size: z.number(),
  contentType: z.string(),
  uploadedBy: z.string().nullable().meta({ description: 'User id; null when found by reconcile' }),
  uploadedAt: z.string(),
  public: z.boolean().meta({ description: 'Under public/, served by the CDN at MEDIA_PUBLIC_BASE_URL' }),
  url: z.string().optional().meta({
    description:
      'In listings: `<MEDIA_PUBLIC_BASE_URL>/<bucket>/<key>` for a public object, else a presigned GET (absent while storage is down)',
  }),
});

export const mediaPageSchema = z.object({
  items: z.array(mediaItemSchema),
  nextCursor: z.string().nullable(),
});

export const uploadSchema = z.object({
  key: z.string(),
  url: z.string().meta({ description: 'Presigned; PUT the bytes straight to S3 with `headers`' }),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

export const downloadSchema = z.object({ url: z.string(), expiresAt: z.string() });

export const mediaStatusSchema = z.object({
  bucket: z.string(),
  state: z.enum(['pending', 'ready', 'failed', 'deleted']),
  error: z.string().nullable(),
  usedBytes: z.number(),
  quotaBytes: z.number(),
});
