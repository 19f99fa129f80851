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
