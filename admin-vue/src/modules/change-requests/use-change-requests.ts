import { reactive, watch } from 'vue';
import type { ChangeRequestState } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { can } from '../../lib/permissions';
import { useSessionStore } from '../../stores/session';

/** "Mine": the changes I requested; "All visible": every change I may see. */
export type ChangeTab = 'mine' | 'all';

/**
 * The list of change requests in two tabs, each filtered by state and organization. Reviewers
 * open on every change awaiting review (their queue); everyone else on their own changes in any
 * state, so a committed change is there to find rather than hidden behind "Awaiting review".
 */
export function useChangeRequests(
  initial: { tab?: ChangeTab; state?: ChangeRequestState | ''; organizationId?: string } = {},
) {
  const api = useApi();
  const session = useSessionStore();
  const reviewer = can(session.user, 'reviewChanges');
  /** What a tab shows until a state is chosen. */
  const defaultState = (tab: ChangeTab): ChangeRequestState | '' =>
    tab === 'all' && reviewer ? 'pending_review' : '';
  const tab = initial.tab ?? (reviewer ? 'all' : 'mine');
  const filters = reactive({
    tab,
    state: initial.state ?? defaultState(tab),
    organizationId: initial.organizationId ?? '',
  });
  const list = useResource(() =>
    api.changeRequests.list({
      state: filters.state || undefined,
      organizationId: filters.organizationId || undefined,
      ...(filters.tab === 'mine' ? { mine: true } : {}),
    }),
  );

  /** Another tab starts from its own default state, as when the page opens on it. */
  function showTab(next: ChangeTab): void {
    if (filters.tab === next) return;
    filters.tab = next;
    filters.state = defaultState(next);
  }

  watch(
    () => [filters.tab, filters.state, filters.organizationId],
    () => list.reload(),
  );
  return { filters, list, showTab };
}
