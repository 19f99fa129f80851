import type { CommitMessage } from '../../gitops/history/commit-message.js';
import type { Identity } from '../../gitops/port.js';
import type { User } from '../../users/users.entities.js';
import type { ChangeRequest } from '../changes.entities.js';
import { gitIdentity, gitPerson } from '../git-identity.js';

/** A change's commit message without its `Tenant:` (one per tenant folder, added by the plan). */
export type ChangeMessage = Omit<CommitMessage, 'tenant'>;

/** Purges are two commits; their subjects say which step each is. */
export function summaryOf(change: Pick<ChangeRequest, 'kind' | 'summary' | 'purgeStage'>): string {
  if (change.kind !== 'purge' && change.kind !== 'bulk_delete') return change.summary;
  return change.purgeStage === 'finalize' || change.purgeStage === 'done'
    ? `${change.summary}: remove the folder, Flux deletes the released data objects`
    : `${change.summary}: release the data objects to Flux (prune enabled)`;
}

/**
 * The commit's message and author: the requester is the author (by name and user id, never by
 * email: git-identity.ts), the approvers ride as `Approved-By:` trailers.
 */
export function commitMessageOf(
  change: Pick<ChangeRequest, 'id' | 'kind' | 'summary' | 'purgeStage' | 'reason'>,
  people: {
    organizationId: string;
    requester: Pick<User, 'id' | 'name'>;
    /** `Approved-By:` values, e.g. `gitPerson(user)` or `login (GitHub)`. */
    approvers: readonly string[];
  },
): { message: ChangeMessage; author: Identity } {
  const message: ChangeMessage = {
    summary: summaryOf(change),
    organizationId: people.organizationId,
    changeRequest: change.id,
    requestedBy: gitPerson(people.requester),
    ...(people.approvers.length ? { approvedBy: [...people.approvers] } : {}),
    ...(change.reason ? { reason: change.reason } : {}),
  };
  return { message, author: gitIdentity(people.requester) };
}
