import { reactive, watch } from 'vue';
import type { ChangeRequestState } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';

/** The reviewers' list of change requests, filtered by state and organization. */
export function useChangeRequests(
  initial: { state?: ChangeRequestState | ''; organizationId?: string } = {},
) {
  const api = useApi();
  const filters = reactive({
    state: initial.state ?? ('pending_review' as ChangeRequestState | ''),
    organizationId: initial.organizationId ?? '',
  });
  const list = useResource(() =>
    api.changeRequests.list({
      state: filters.state || undefined,
      organizationId: filters.organizationId || undefined,
    }),
  );
  watch(
    () => [filters.state, filters.organizationId],
    () => list.reload(),
  );
  return { filters, list };
}
