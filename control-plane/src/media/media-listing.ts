import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { isUuid } from '../access/access.js';
import { InvalidInputError } from '../errors/index.js';
import { physicalBucketName } from '../storage/buckets.js';
import type { Storage } from '../storage/storage.js';
import { MediaObject } from './media.entities.js';
import { isPublicKey } from './media-keys.js';

export interface MediaItem {
  organizationId: string;
  key: string;
  size: number;
  contentType: string;
  uploadedBy: string | null;
  uploadedAt: string;
  /** Under `public/`: served by the CDN at MEDIA_PUBLIC_BASE_URL, its `url` a permanent link. */
  public: boolean;
  /**
   * The CDN's URL of a public object, else a presigned GET: a listing shows thumbnails and hands
   * out links without a call per object.
   */
  url?: string;
}

export interface ListFilter {
  prefix?: string | undefined;
  year?: number | undefined;
  month?: number | undefined;
  limit: number;
  cursor?: string | undefined;
  type?: MediaKind | undefined;
}

export type MediaKind = 'image' | 'video' | 'audio' | 'document';

/** The content types (SQL LIKE patterns) of each kind a listing filters by. */
const kindPatterns: Record<MediaKind, string[]> = {
  image: ['image/%'],
  video: ['video/%'],
  audio: ['audio/%'],
  document: ['application/%', 'text/%'],
};

export interface MediaListingDeps {
  dataSource: DataSource;
  storage: Storage;
  /** S3_BUCKET_PREFIX. */
  prefix: string;
  urlTtlSeconds: number;
  /** MEDIA_PUBLIC_BASE_URL: public objects are linked as `<base>/<bucket>/<key>`. */
  publicBaseUrl?: string | undefined;
}

/**
 * Pages of recorded media, keys descending, over whichever organizations the caller's scope
 * selects; each item with a presigned GET of its object (signed locally: no S3 call).
 */
export function createMediaListing(deps: MediaListingDeps) {
  const { dataSource } = deps;
  const publicBase = deps.publicBaseUrl?.replace(/\/+$/, '');

  async function withUrls(rows: MediaObject[]): Promise<MediaItem[]> {
    const orgs = [...new Set(rows.map((r) => r.organizationId))];
    const buckets = new Map<string, string>(
      orgs.length === 0
        ? []
        : (
            await dataSource.query(
              `SELECT "organizationId", bucket FROM media_bucket WHERE "organizationId" = ANY($1) AND action = 'create'`,
              [orgs],
            )
          ).map((b: { organizationId: string; bucket: string }) => [
            b.organizationId,
            physicalBucketName(deps.prefix, b.bucket),
          ]),
    );
    // Storage stopped (shutting down, or a test's outage): the rows still list, without links.
    const presignClient = connected(deps.storage)?.presignClient;
    return Promise.all(
      rows.map(async (row) => {
        const bucket = buckets.get(row.organizationId);
        // The CDN serves what is under public/ with the path-style address of the object.
        const url =
          bucket && publicBase && isPublicKey(row.key)
            ? `${publicBase}/${bucket}/${row.key}`
            : bucket && presignClient
              ? await getSignedUrl(presignClient, new GetObjectCommand({ Bucket: bucket, Key: row.key }), {
                  expiresIn: deps.urlTtlSeconds,
                })
              : undefined;
        return { ...shapeMedia(row), ...(url ? { url } : {}) };
      }),
    );
  }

  return {
    async page(filter: ListFilter, scope: (qb: SelectQueryBuilder<MediaObject>) => void) {
      const qb = dataSource.manager.createQueryBuilder(MediaObject, 'm');
      scope(qb);
      const month = filter.year
        ? `${filter.year}/${filter.month ? `${String(filter.month).padStart(2, '0')}/` : ''}`
        : '';
      for (const [i, prefix] of [month, filter.prefix ?? ''].filter(Boolean).entries())
        qb.andWhere(`m.key LIKE :prefix${i}`, { [`prefix${i}`]: `${escapeLike(prefix)}%` });
      if (filter.type) qb.andWhere('m."contentType" LIKE ANY(:kinds)', { kinds: kindPatterns[filter.type] });
      const after = decodeCursor(filter.cursor);
      if (after)
        qb.andWhere('(m.key, m."organizationId") < (:ckey, :corg)', {
          ckey: after.key,
          corg: after.organizationId,
        });
      const rows = await qb
        .orderBy('m.key', 'DESC')
        .addOrderBy('m."organizationId"', 'DESC')
        .limit(filter.limit + 1)
        .getMany();
      const items = await withUrls(rows.slice(0, filter.limit));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null };
    },
  };
}

function connected(storage: Storage) {
  try {
    return storage.connection();
  } catch {
    return undefined;
  }
}

export function shapeMedia(row: MediaObject): MediaItem {
  return {
    organizationId: row.organizationId,
    key: row.key,
    size: row.size,
    contentType: row.contentType,
    uploadedBy: row.uploadedBy,
    uploadedAt: row.uploadedAt.toISOString(),
    public: isPublicKey(row.key),
  };
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function encodeCursor(item: { key: string; organizationId: string }): string {
  return Buffer.from(JSON.stringify([item.key, item.organizationId])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { key: string; organizationId: string } | null {
  if (!cursor) return null;
  try {
    const [key, organizationId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof key === 'string' && typeof organizationId === 'string' && isUuid(organizationId))
      return { key, organizationId };
  } catch {
    // Not base64url JSON: refused below like any other cursor this listing did not hand out.
  }
  throw new InvalidInputError({
    message: 'Invalid query: cursor is not one this listing handed out',
    issues: [{ path: 'query.cursor', message: 'unknown cursor' }],
  });
}

export type MediaListing = ReturnType<typeof createMediaListing>;
