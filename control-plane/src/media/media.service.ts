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
import { InvalidInputError, LimitExceededError, NotFoundError, UnavailableError } from '../errors/index.js';
import { physicalBucketName } from '../storage/buckets.js';
import type { Storage } from '../storage/storage.js';
import { loadBucketDeletion } from './bucket-deletion.js';
import { type BucketState, MediaBucket, MediaObject } from './media.entities.js';
import { checkUpload, isMediaKey, monthPrefix, numbered, PUBLIC_PREFIX, sanitiseName } from './media-keys.js';
import { createMediaListing, type ListFilter, type MediaItem, shapeMedia } from './media-listing.js';
import { loadMediaStatuses, type MediaStatus } from './media-status.js';
import { loadUploadTarget } from './upload-target.js';

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
  /** MEDIA_PUBLIC_BASE_URL: without it, no upload may be public. */
  publicBaseUrl?: string | undefined;
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
    return readyBucket(row?.bucket ?? null, row?.action ?? null, row?.state ?? null, forWrite);
  }

  /** The bucket's S3 name, or 503 while it is not there to use (still being created, or going). */
  function readyBucket(
    bucket: string | null,
    action: 'create' | 'delete' | null,
    state: BucketState | null,
    forWrite: boolean,
  ): string {
    if (!bucket || action !== 'create' || (forWrite && state !== 'ready'))
      throw new UnavailableError({
        code: 'storage_unavailable',
        message: "The organization's media bucket is not ready yet",
        data: { state },
      });
    return physicalBucketName(deps.prefix, bucket);
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
     * A presigned PUT for a new object `[public/]YYYY/MM/<name>` (`name-2.ext` … when taken), bound
     * to the declared type and size; refused before signing when the type, size, name or the tier's
     * quota says no. One database query (upload-target.ts): this is on the path of every upload.
     */
    async createUpload(
      input: Target & { name: string; contentType: string; size: number; public?: boolean | undefined },
    ) {
      const now = deps.clock();
      const dir = `${input.public ? PUBLIC_PREFIX : ''}${monthPrefix(now)}`;
      // A refused name is reported after the golden rule and the permission table have spoken.
      const named = attempt(() => sanitiseName(input.name));
      const org = await loadUploadTarget(
        dataSource.manager,
        input.actor,
        input.organizationId,
        'value' in named ? { dir, stem: stemOf(named.value) } : null,
      );
      authorize(input.actor, 'media.write', org);
      checkUpload({ contentType: input.contentType, size: input.size, maxBytes: deps.maxUploadBytes });
      if ('error' in named) throw named.error;
      if (input.public && !deps.publicBaseUrl)
        throw new InvalidInputError({
          code: 'media_public_not_configured',
          message:
            'Public media needs MEDIA_PUBLIC_BASE_URL (the CDN in front of public objects); none is set',
          issues: [{ path: 'body.public', message: 'no CDN configured for public media' }],
        });
      const used = Number(org.used);
      // The platform has no tenant and no tier: its own media is not metered.
      const quota = org.quota === null ? Number.MAX_SAFE_INTEGER : Number(org.quota);
      if (used + input.size > quota)
        throw new LimitExceededError({
          code: 'media_quota_exceeded',
          message: `The upload (${input.size} bytes) would take the organization past its media quota (${used} of ${quota} bytes used)`,
          data: { limit: 'mediaQuotaBytes', max: quota, actual: used + input.size },
        });
      const bucket = readyBucket(org.bucket, org.bucketAction, org.bucketState, true);
      const key = firstFree(`${dir}${named.value}`, new Set(org.taken));
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

  async function recordedKey(organizationId: string, key: string): Promise<string> {
    const checked = checkedKey(key);
    const found = await dataSource.manager.existsBy(MediaObject, { organizationId, key: checked });
    if (!found) throw notFound(checked);
    return checked;
  }
}

/** `wanted`, or the first of `name-2.ext`, `name-3.ext` … not taken. */
function firstFree(wanted: string, taken: ReadonlySet<string>): string {
  const slash = wanted.lastIndexOf('/') + 1;
  const [dir, name] = [wanted.slice(0, slash), wanted.slice(slash)];
  for (let n = 1; ; n++) {
    const key = `${dir}${numbered(name, n)}`;
    if (!taken.has(key)) return key;
  }
}

function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function attempt<T>(make: () => T): { value: T } | { error: unknown } {
  try {
    return { value: make() };
  } catch (error) {
    return { error };
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
