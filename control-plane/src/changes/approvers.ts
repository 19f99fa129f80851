import type { EntityManager } from 'typeorm';
import type { PersonRef } from './change-view.js';
import type { ChangeKind, ChangeRequest } from './changes.entities.js';

/** How many different people approve a change of this kind (review.ts counts the same). */
export function approvalsNeeded(kind: ChangeKind): number {
  return kind === 'bulk_delete' ? 2 : 1;
}

export interface ApprovalOutlook {
  /** Approvals the change needs in all. */
  required: number;
  /** Approvals still missing before it can be merged (0 once approved, or when not under review). */
  remaining: number;
  /**
   * Who could give one of the missing approvals now: superadmins (and `reviewer`s, except for a
   * bulk deletion) other than the requester and those who approved already. Empty when nobody is
   * missing — or when nobody can, which is what the admin must then say.
   */
  approvers: PersonRef[];
}

/**
 * Where a change under review stands and who can move it on, so a requester is never left with a
 * purge nobody is allowed to approve without being told (a platform with one superadmin).
 */
export async function approvalOutlook(
  manager: EntityManager,
  change: Pick<ChangeRequest, 'kind' | 'state' | 'requestedById' | 'approvals'>,
): Promise<ApprovalOutlook> {
  const required = approvalsNeeded(change.kind);
  const remaining = change.state === 'pending_review' ? Math.max(required - change.approvals.length, 0) : 0;
  if (remaining === 0) return { required, remaining, approvers: [] };
  const approvers: PersonRef[] = await manager.query(
    `SELECT u.id, u.email, u.name FROM "user" u
      WHERE (EXISTS (SELECT 1 FROM membership m WHERE m."userId" = u.id AND m.role = 'superadmin'
                      AND m."acceptedAt" IS NOT NULL)
             OR ($1 AND 'reviewer' = ANY(u.capabilities)))
        AND u.id <> $2 AND NOT (u.id = ANY($3::uuid[]))
      ORDER BY u.name, u.email`,
    [change.kind !== 'bulk_delete', change.requestedById, change.approvals.map((a) => a.userId)],
  );
  return { required, remaining, approvers };
}
