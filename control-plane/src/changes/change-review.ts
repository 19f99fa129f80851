import { NotFoundError } from '../errors/index.js';
import { type Actor, isUuid } from '../orgs/access.js';
import { toChangeView } from '../orgs/orgs.service.js';
import { authorizePlatform } from '../orgs/permissions.js';
import type { ChangesService } from './changes.service.js';

/**
 * The built-in review for changes that need a second person (today: purges). Who may review is
 * the permission table's `changes.approve`; "never your own change" is enforced by `decide`.
 */
export function createChangeReview(deps: { changes: ChangesService }) {
  return {
    async decide(input: { actor: Actor; id: string; approve: boolean; reason?: string | undefined }) {
      authorizePlatform(input.actor, 'changes.approve');
      if (!isUuid(input.id)) throw new NotFoundError('Change request', input.id, 'change_request_not_found');
      const change = await deps.changes.decide({
        changeId: input.id,
        actor: { userId: input.actor.userId },
        approve: input.approve,
        ...(input.reason ? { reason: input.reason } : {}),
      });
      return toChangeView(change as Parameters<typeof toChangeView>[0]);
    },
  };
}

export type ChangeReview = ReturnType<typeof createChangeReview>;
