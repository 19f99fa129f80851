import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { DataSource } from 'typeorm';
import { type Actor, whereVisible } from '../access/access.js';
import { authorize } from '../access/authorize.js';
import { Organization } from '../access/organization.entities.js';
import { loadVisibleOrganization } from '../access/visible-organization.js';
import { TierLimits } from '../catalog/catalog.entities.js';
import { LimitExceededError, NotFoundError, UnavailableError } from '../errors/index.js';
import { physicalBucketName } from '../storage/buckets.js';
import type { Storage } from '../storage/storage.js';
import { loadBucketDeletion } from './bucket-deletion.js';
import { MediaBucket, MediaObject } from './media.entities.js';
import { checkUpload, isMediaKey, monthPrefix, numbered, sanitiseName } from './media-keys.js';
import {
  createMediaListing,
  escapeLike,
  type ListFilter,
  type MediaItem,
  shapeMedia,
} from './media-listing.js';
import { loadMediaStatuses, type MediaStatus } from './media-status.js';

export interface MediaServiceDeps {
  dataSource: DataSource;
  storage: Storage;
  /** S3_BUCKET_PREFIX. */
  prefix: string;
  /** MEDIA_MAX_UPLOAD_BYTES. */
  maxUploadBytes: number;
  /** Month of new keys. */
  clock: () => Date;
  /** How long a presigned URL works. @default 10 min */
  urlTtlSeconds?: number;
}

type Target = { actor: Actor; organizationId: string };

/**
 * Media of an organization, kept in its own bucket. Bytes never pass through the control plane:
 * uploads and downloads use presigned URLs bound to one key (and, for uploads, one content type and
 * length), and the rows here record what S3 reported, never what a client claimed. Every call loads
 * the organization through the golden rule (invisible → 404) and the permission table.
 */
export function createMediaService(deps: MediaServiceDeps) {
  const { dataSource } = deps;
  const ttl = deps.urlTtlSeconds ?? 600;
  const listing = createMediaListing({ ...deps, urlTtlSeconds: ttl });

  async function target(input: Target, action: 'media.read' | 'media.write') {
    const org = await loadVisibleOrganization(dataSource.manager, input.actor, input.organizationId);
    authorize(input.actor, action, org);
    return org;
  }

  async function bucketOf(organizationId: string, forWrite: boolean): Promise<string> {
    const row = await dataSource.manager.findOneBy(MediaBucket, { organizationId });
    if (row?.action !== 'create' || (forWrite && row.state !== 'ready'))
      throw new UnavailableError({
        code: 'storage_unavailable',
        message: "The organization's media bucket is not ready yet",
        data: { state: row?.state ?? null },
      });
    return physicalBucketName(deps.prefix, row.bucket);
  }

  /** Calls S3; an unreachable or failing S3 is a 503 and the caller records nothing. */
  async function s3<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (isNotFound(error)) throw error;
      throw new UnavailableError({
        code: 'storage_unavailable',
        message: 'Media storage cannot be reached; nothing was changed',
        data: { reason: (error as Error).name },
      });
    }
  }

  async function usedBytes(organizationId: string): Promise<number> {
    const [row] = await dataSource.query(
      `SELECT coalesce(sum(size), 0)::bigint AS used FROM media_object WHERE "organizationId" = $1`,
      [organizationId],
    );
    return Number(row?.used ?? 0);
  }

  async function quotaBytes(organizationId: string): Promise<number> {
    const [row] = await dataSource.query(
      `SELECT tier."mediaQuotaBytes" AS quota FROM tenant JOIN tier ON tier.name = tenant.tier WHERE tenant."organizationId" = $1`,
      [organizationId],
    );
    // The platform has no tenant and no tier: its own media is not metered.
    return row ? Number(row.quota) : Number.MAX_SAFE_INTEGER;
  }

  return {
    /** One organization's media, newest month first (keys descending). */
    async list(input: Target & ListFilter) {
      const org = await target(input, 'media.read');
      return listing.page(input, (qb) => qb.where('m."organizationId" = :org', { org: org.id }));
    },

    /** Media of every organization the actor sees (an agency: its own and its clients'). */
    async listAll(input: { actor: Actor } & ListFilter) {
      return listing.page(input, (qb) => {
        qb.innerJoin(Organization, 'o', 'o.id = m."organizationId"');
        whereVisible(qb, 'o', input.actor);
      });
    },

    /**
     * A presigned PUT for a new object `YYYY/MM/<name>` (`name-2.ext` … when taken), bound to the
     * declared type and size; refused before signing when the type, size or the tier's quota says no.
     */
    async createUpload(input: Target & { name: string; contentType: string; size: number }) {
      const org = await target(input, 'media.write');
      checkUpload({ contentType: input.contentType, size: input.size, maxBytes: deps.maxUploadBytes });
      const name = sanitiseName(input.name);
      const [used, quota] = await Promise.all([usedBytes(org.id), quotaBytes(org.id)]);
      if (used + input.size > quota)
        throw new LimitExceededError({
          code: 'media_quota_exceeded',
          message: `The upload (${input.size} bytes) would take the organization past its media quota (${used} of ${quota} bytes used)`,
          data: { limit: 'mediaQuotaBytes', max: quota, actual: used + input.size },
        });
      const bucket = await bucketOf(org.id, true);
      const now = deps.clock();
      const key = await freeKey(org.id, `${monthPrefix(now)}${name}`);
      const url = await s3(() =>
        getSignedUrl(
          deps.storage.connection().presignClient,
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            ContentType: input.contentType,
            ContentLength: input.size,
          }),
          { expiresIn: ttl, signableHeaders: new Set(['content-type', 'content-length']) },
        ),
      );
      return {
        key,
        url,
        method: 'PUT' as const,
        headers: { 'content-type': input.contentType },
        expiresAt: new Date(now.getTime() + ttl * 1000).toISOString(),
      };
    },

    /** Records an uploaded object as S3 stored it (HEAD: its size and type, not the client's word). */
    async complete(input: Target & { key: string }): Promise<MediaItem> {
      const org = await target(input, 'media.write');
      const bucket = await bucketOf(org.id, true);
      const key = checkedKey(input.key);
      const head = await s3(() =>
        deps.storage.connection().client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })),
      ).catch((error) => {
        throw isNotFound(error) ? notFound(key) : error;
      });
      const row = dataSource.manager.create(MediaObject, {
        organizationId: org.id,
        key,
        size: head.ContentLength ?? 0,
        contentType: head.ContentType ?? 'application/octet-stream',
        uploadedBy: input.actor.userId,
        uploadedAt: head.LastModified ?? deps.clock(),
      });
      await dataSource.manager.upsert(MediaObject, row, ['organizationId', 'key']);
      return shapeMedia(row);
    },

    /** A presigned GET of a recorded object. */
    async downloadUrl(input: Target & { key: string }) {
      const org = await target(input, 'media.read');
      const key = await recordedKey(org.id, input.key);
      const bucket = await bucketOf(org.id, false);
      const url = await s3(() =>
        getSignedUrl(
          deps.storage.connection().presignClient,
          new GetObjectCommand({ Bucket: bucket, Key: key }),
          {
            expiresIn: ttl,
          },
        ),
      );
      return { url, expiresAt: new Date(deps.clock().getTime() + ttl * 1000).toISOString() };
    },

    /** Deletes the object from S3, then its row: with S3 down, both stay. */
    async remove(input: Target & { key: string }): Promise<void> {
      const org = await target(input, 'media.write');
      const key = await recordedKey(org.id, input.key);
      const bucket = await bucketOf(org.id, true);
      await s3(() =>
        deps.storage.connection().client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })),
      );
      await dataSource.manager.delete(MediaObject, { organizationId: org.id, key });
    },

    /** `status` of a visible organization. */
    async statusFor(input: Target): Promise<MediaStatus | null> {
      const org = await target(input, 'media.read');
      return this.status(org.id);
    },

    /** The organization view's `media` (null for an organization without a bucket: the platform). */
    async status(organizationId: string): Promise<MediaStatus | null> {
      return (await this.statuses([organizationId])).get(organizationId) ?? null;
    },

    /** `media` of a page of organizations the caller may see, in one query. */
    statuses: (organizationIds: readonly string[]) =>
      loadMediaStatuses(dataSource, deps.prefix, organizationIds),

    /** Where a purge's history reads whether the bucket is gone yet. */
    bucketDeletion: (organizationId: string) => loadBucketDeletion(dataSource, deps.prefix, organizationId),

    /** The tier table's quotas, for tests and the admin. */
    tiers: () => dataSource.manager.find(TierLimits),
  };

  async function freeKey(organizationId: string, wanted: string): Promise<string> {
    const slash = wanted.lastIndexOf('/') + 1;
    const [dir, name] = [wanted.slice(0, slash), wanted.slice(slash)];
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const taken = new Set<string>(
      (
        await dataSource.query(`SELECT key FROM media_object WHERE "organizationId" = $1 AND key LIKE $2`, [
          organizationId,
          `${dir}${escapeLike(stem)}%`,
        ])
      ).map((r: { key: string }) => r.key),
    );
    for (let n = 1; ; n++) {
      const key = `${dir}${numbered(name, n)}`;
      if (!taken.has(key)) return key;
    }
  }

  async function recordedKey(organizationId: string, key: string): Promise<string> {
    const checked = checkedKey(key);
    const found = await dataSource.manager.existsBy(MediaObject, { organizationId, key: checked });
    if (!found) throw notFound(checked);
    return checked;
  }
}

function checkedKey(key: string): string {
  if (!isMediaKey(key)) throw notFound(key);
  return key;
}

function notFound(key: string): NotFoundError {
  return new NotFoundError({ code: 'media_not_found', what: 'Media object', id: key });
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

export type MediaService = ReturnType<typeof createMediaService>;
