import type { EntityManager } from 'typeorm';
import { MediaBucket } from './media.entities.js';

/** `org-<slug>-media`: the name the platform gives an organization's bucket (before S3_BUCKET_PREFIX). */
export function organizationBucket(slug: string): string {
  return `org-${slug}-media`;
}

/**
 * Asks for the organization's bucket in the caller's transaction (the one inserting the
 * organization): the bucket queue creates it after the commit, so registration never waits for S3
 * and a crash in between leaves the request stored.
 */
export async function requestBucket(
  manager: EntityManager,
  organization: { id: string; slug: string },
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(MediaBucket)
    .values({ bucket: organizationBucket(organization.slug), organizationId: organization.id })
    .orIgnore()
    .execute();
}

/**
 * Asks, in the caller's transaction, for the organization's bucket to go with every object (a
 * rejected agency keeps nothing): the bucket queue deletes it after the commit, retrying like a
 * creation.
 */
export async function releaseBucket(manager: EntityManager, organizationId: string): Promise<void> {
  await manager.query(
    `UPDATE media_bucket SET action = 'delete', state = 'pending', attempts = 0, error = NULL, "nextAttemptAt" = now()
      WHERE "organizationId" = $1 AND action = 'create'`,
    [organizationId],
  );
}
