import type { DataSource } from 'typeorm';
import { physicalBucketName } from '../storage/buckets.js';
import type { BucketState } from './media.entities.js';

/** The organization view's `media`: its bucket's state and how much of the tier's quota is used. */
export interface MediaStatus {
  bucket: string;
  state: BucketState;
  error: string | null;
  usedBytes: number;
  quotaBytes: number;
}

/**
 * `media` of several organizations in one query, so a page of organization views costs one round
 * trip whatever its length. Organizations without a bucket row (the platform) are absent. Callers
 * pass only ids the golden rule already let them see.
 */
export async function loadMediaStatuses(
  dataSource: DataSource,
  prefix: string,
  organizationIds: readonly string[],
): Promise<Map<string, MediaStatus>> {
  if (organizationIds.length === 0) return new Map();
  const rows: {
    organizationId: string;
    bucket: string;
    state: BucketState;
    error: string | null;
    used: string;
    quota: string | null;
  }[] = await dataSource.query(
    `SELECT b."organizationId", b.bucket, b.state, b.error,
       coalesce(u.bytes, 0) AS used,
       tier."mediaQuotaBytes" AS quota
     FROM media_bucket b
     LEFT JOIN media_usage u ON u."organizationId" = b."organizationId"
     LEFT JOIN tenant t ON t."organizationId" = b."organizationId"
     LEFT JOIN tier ON tier.name = t.tier
     WHERE b."organizationId" = ANY($1)`,
    [organizationIds],
  );
  return new Map(
    rows.map((row) => [
      row.organizationId,
      {
        bucket: physicalBucketName(prefix, row.bucket),
        state: row.state,
        error: row.error,
        usedBytes: Number(row.used),
        // An organization without a tenant has no tier: its media is not metered.
        quotaBytes: row.quota === null ? Number.MAX_SAFE_INTEGER : Number(row.quota),
      },
    ]),
  );
}
