import type { ChangeKind } from './changes.entities.js';

/**
 * Kinds reviewed whatever the configuration says: losing data must take a second person, and so
 * must replacing a tenant's database (a move, a restore).
 */
export const ALWAYS_REVIEWED: readonly ChangeKind[] = ['purge', 'bulk_delete', 'move', 'restore'];

/**
 * Direct (commit to main) or review (commit on `changes/<id>-<slug>`, merge after approval) for a
 * change kind: the configured kinds (`CHANGE_REVIEW_KINDS`) plus ALWAYS_REVIEWED.
 */
export function policyFor(kind: ChangeKind, reviewKinds: readonly string[] = []): 'direct' | 'review' {
  return ALWAYS_REVIEWED.includes(kind) || reviewKinds.includes(kind) ? 'review' : 'direct';
}

/** The review branch of a change: `changes/<id>-<slug>` (slugs are DNS labels, always valid in a ref). */
export function reviewBranch(changeId: string, slug: string): string {
  return `changes/${changeId}-${slug}`;
}
