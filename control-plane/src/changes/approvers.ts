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
   * bulk deletion) other than the requester and those who approved already — named only to a
   * viewer who may approve changes too (the platform's staff know each other); anyone else who
   * sees the change gets `approverCounts` alone, so a client's admin never learns the staff's
   * names and addresses from a change request. Empty when nobody is missing.
   */
  approvers: PersonRef[];
  /** How many could give a missing approval, by role (a superadmin who is also a reviewer counts once, as superadmin). */
  approverCounts: { superadmins: number; reviewers: number };
}

/**
 * Where a change under review stands and who can move it on, so a requester is never left with a
 * purge nobody is allowed to approve without being told (a platform with one superadmin).
 * `named`: whether the viewer may see who the approvers are (see `approvers`).
 */
export async function approvalOutlook(
  manager: EntityManager,
  change: Pick<ChangeRequest, 'kind' | 'state' | 'requestedById' | 'approvals'>,
  named: boolean,
): Promise<ApprovalOutlook> {
  const required = approvalsNeeded(change.kind);
  const remaining = change.state === 'pending_review' ? Math.max(required - change.approvals.length, 0) : 0;
  if (remaining === 0)
    return { required, remaining, approvers: [], approverCounts: { superadmins: 0, reviewers: 0 } };
  const rows: (PersonRef & { superadmin: boolean })[] = await manager.query(
    `SELECT u.id, u.email, u.name, s.superadmin FROM "user" u
       CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM membership m WHERE m."userId" = u.id
                             AND m.role = 'superadmin' AND m."acceptedAt" IS NOT NULL) AS superadmin) s
      WHERE (s.superadmin OR ($1 AND 'reviewer' = ANY(u.capabilities)))
        AND u.id <> $2 AND NOT (u.id = ANY($3::uuid[]))
      ORDER BY u.name, u.email`,
    [change.kind !== 'bulk_delete', change.requestedById, change.approvals.map((a) => a.userId)],
  );
  const superadmins = rows.filter((r) => r.superadmin).length;
  return {
    required,
    remaining,
    approvers: named ? rows.map(({ id, email, name }) => ({ id, email, name })) : [],
    approverCounts: { superadmins, reviewers: rows.length - superadmins },
  };
}
