import type { EntityManager } from 'typeorm';
import { User } from '../../users/users.entities.js';
import type { ChangeRequest } from '../changes.entities.js';
import { gitPerson } from '../git-identity.js';

/** The change's approvers as `Approved-By:` values: accounts by name and id, a git host's login as it is. */
export async function approversOf(manager: EntityManager, change: ChangeRequest): Promise<string[]> {
  const ids = change.approvals.length ? change.approvals.map((a) => a.userId) : [change.approvedById];
  const users = await Promise.all(
    ids.filter((id): id is string => !!id).map((id) => manager.findOneBy(User, { id })),
  );
  const names = users.filter((u): u is User => !!u).map(gitPerson);
  if (change.externalApprover) names.push(change.externalApprover);
  return names;
}

/** Distinct superadmins among the approvers, never the requester (bulk deletions need two). */
export async function superadminApprovals(manager: EntityManager, change: ChangeRequest): Promise<number> {
  const ids = change.approvals.map((a) => a.userId).filter((id) => id !== change.requestedById);
  if (ids.length === 0) return 0;
  const [row] = await manager.query(
    `SELECT count(DISTINCT "userId")::int AS n FROM membership WHERE role = 'superadmin' AND "acceptedAt" IS NOT NULL AND "userId" = ANY($1)`,
    [ids],
  );
  return row?.n ?? 0;
}
