import type { DataSource } from 'typeorm';
import { physicalBucketName } from '../storage/buckets.js';

/** What a purge's history says of the media bucket: asked to go, and gone only once S3 said so. */
export interface BucketDeletion {
  bucket: string;
  /** `deleted` only after the bucket queue deleted it; `pending`/`failed` (with `error`) until then. */
  state: 'pending' | 'failed' | 'deleted';
  error: string | null;
  deletedAt: string | null;
}

/**
 * The deletion of an organization's bucket, if a purge (or a rejection) asked for one. Read from
 * the bucket outbox's own row, so the history cannot say "deleted" before S3 confirmed it.
 */
export async function loadBucketDeletion(
  dataSource: DataSource,
  prefix: string,
  organizationId: string,
): Promise<BucketDeletion | null> {
  const [row]: {
    bucket: string;
    state: BucketDeletion['state'];
    error: string | null;
    deletedAt: Date | null;
  }[] = await dataSource.query(
    `SELECT bucket, state, error, "deletedAt" FROM media_bucket WHERE "organizationId" = $1 AND action = 'delete'`,
    [organizationId],
  );
  if (!row) return null;
  return {
    bucket: physicalBucketName(prefix, row.bucket),
    state: row.state,
    error: row.error,
    deletedAt: row.deletedAt ? new Date(row.deletedAt).toISOString() : null,
  };
}
