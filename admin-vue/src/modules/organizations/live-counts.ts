import { tenantStates } from '@luster/contract';
import type { OrganizationCounts, OrganizationState, SyncState } from '../../api/models';

/** Worst first: the summary and the filter list what needs attention before what is fine (the server's order). */
export const syncOptions: SyncState[] = ['Failed', 'Stale', 'Reconciling', 'Pending', 'Ready'];

/** What the counts last counted an organization as: its lifecycle state and its sync status. */
export interface Counted {
  state: OrganizationState | null;
  sync: SyncState | null;
}

/** `tally` with one taken from `from` and one added to `to`, in `order`, zero counts left out. */
function move<V extends string>(tally: Map<V, number>, order: readonly V[], from: V | null, to: V | null) {
  if (from) tally.set(from, Math.max(0, (tally.get(from) ?? 0) - 1));
  if (to) tally.set(to, (tally.get(to) ?? 0) + 1);
  return order.flatMap((value) => {
    const count = tally.get(value) ?? 0;
    return count > 0 ? [[value, count] as const] : [];
  });
}

/**
 * The server's counts after one organization went from `before` to `after` on the live stream,
 * so the counts stay true without asking the server again. Like the server, a count that reaches
 * zero is left out and the order stays the server's (lifecycle order; sync worst first).
 */
export function recount(counts: OrganizationCounts, before: Counted, after: Counted): OrganizationCounts {
  return {
    states:
      before.state === after.state
        ? counts.states
        : move(
            new Map(counts.states.map((e) => [e.state, e.count])),
            tenantStates,
            before.state,
            after.state,
          ).map(([state, count]) => ({ state, count })),
    sync:
      before.sync === after.sync
        ? counts.sync
        : move(
            new Map(counts.sync.map((e) => [e.status, e.count])),
            syncOptions,
            before.sync,
            after.sync,
          ).map(([status, count]) => ({ status, count })),
  };
}
