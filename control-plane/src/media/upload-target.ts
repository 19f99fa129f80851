import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../access/access.js';
import {
  loadVisibleOrganization,
  selectTarget,
  type VisibleOrganization,
} from '../access/visible-organization.js';
import type { BucketState } from './media.entities.js';
import { escapeLike } from './media-listing.js';

/** The organization an upload goes to, with everything presigning decides on. */
export interface UploadTarget extends VisibleOrganization {
  bucket: string | null;
  bucketAction: 'create' | 'delete' | null;
  bucketState: BucketState | null;
  /** Bytes of the recorded objects (bigint, as text). */
  used: string;
  /** The tier's mediaQuotaBytes (bigint, as text); null without a tenant (the platform: not metered). */
  quota: string | null;
  /** Keys already taken in the upload's folder that the wanted name or its `-2`, `-3` … could hit. */
  taken: string[];
}

/**
 * Loads the upload's organization through the golden rule and, in the same query, its bucket row,
 * the bytes used (one row of media_usage, not a sum over the objects), the tier's quota and the
 * keys the new name could collide with: presigning is then one round trip to the database (it is
 * on the path of every upload).
 */
export function loadUploadTarget(
  manager: EntityManager,
  actor: Actor,
  organizationId: string,
  /** `[public/]YYYY/MM/` and the file name's stem; null when the name is refused (nothing can collide). */
  wanted: { dir: string; stem: string } | null,
): Promise<UploadTarget> {
  const taken = wanted ? `${wanted.dir}${escapeLike(wanted.stem)}%` : null;
  const columns = <T extends object>(qb: SelectQueryBuilder<T>) =>
    selectTarget(qb)
      .addSelect('mb.bucket', 'bucket')
      .addSelect('mb.action', 'bucketAction')
      .addSelect('mb.state', 'bucketState')
      .addSelect('coalesce(mu.bytes, 0)::text', 'used')
      .addSelect('tr."mediaQuotaBytes"::text', 'quota')
      .addSelect(
        `(SELECT coalesce(array_agg(m.key), '{}') FROM media_object m
           WHERE m."organizationId" = o.id AND m.key LIKE :takenLike)`,
        'taken',
      )
      .leftJoin('media_bucket', 'mb', 'mb."organizationId" = o.id')
      // Kept equal to the sum of the recorded objects' sizes by triggers (media.entities.ts).
      .leftJoin('media_usage', 'mu', 'mu."organizationId" = o.id')
      .leftJoin('tier', 'tr', 'tr.name = t.tier')
      .setParameter('takenLike', taken);
  return loadVisibleOrganization<UploadTarget>(manager, actor, organizationId, columns);
}
