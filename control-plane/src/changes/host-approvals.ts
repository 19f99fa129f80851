import type { EntityManager } from 'typeorm';
import { approvalsNeeded } from './approvers.js';
import type { Approval, ChangeRequest } from './changes.entities.js';

/**
 * Who approved a change reviewed on the git host, as the built-in review would count them
 * (review.ts `approve`): the people who merged it or approved it there, each linked to a Luster
 * account (`GITHUB_LOGINS`: the host's logins are not ours), never the requester, each allowed to
 * approve (superadmin or `reviewer`; superadmins only for a bulk deletion). A login that cannot
 * be linked is not counted: Luster could not tell it from the requester.
 */
export async function approvalsOnHost(
  manager: EntityManager,
  input: {
    change: Pick<ChangeRequest, 'kind' | 'requestedById'>;
    /** The merger first, then the approving reviewers. */
    logins: string[];
    /** Login (lower case) → the Luster account's email. */
    accounts: ReadonlyMap<string, string>;
  },
): Promise<{ approvals: Approval[]; needed: number; notCounted: string[] }> {
  const logins = [...new Set(input.logins.map((l) => l.toLowerCase()))];
  const emails = logins.flatMap((l) => input.accounts.get(l) ?? []).map((e) => e.toLowerCase());
  const users: { id: string; email: string; reviewer: boolean; superadmin: boolean }[] = emails.length
    ? await manager.query(
        `SELECT u.id, lower(u.email) AS email, 'reviewer' = ANY(u.capabilities) AS reviewer,
           EXISTS (SELECT 1 FROM membership m WHERE m."userId" = u.id AND m.role = 'superadmin' AND m."acceptedAt" IS NOT NULL) AS superadmin
         FROM "user" u WHERE lower(u.email) = ANY($1)`,
        [emails],
      )
    : [];
  const bulk = input.change.kind === 'bulk_delete';
  const approvals: Approval[] = [];
  const notCounted: string[] = [];
  const at = new Date().toISOString();
  for (const login of logins) {
    const email = input.accounts.get(login)?.toLowerCase();
    const user = users.find((u) => u.email === email);
    const why = !email
      ? 'not linked to a Luster account (GITHUB_LOGINS)'
      : !user
        ? 'linked to no existing account'
        : user.id === input.change.requestedById
          ? 'the requester'
          : bulk && !user.superadmin
            ? 'not a superadmin'
            : !user.superadmin && !user.reviewer
              ? 'not allowed to approve changes'
              : null;
    if (why) notCounted.push(`${login}: ${why}`);
    else if (user && !approvals.some((a) => a.userId === user.id)) approvals.push({ userId: user.id, at });
  }
  return { approvals, needed: approvalsNeeded(input.change.kind), notCounted };
}
