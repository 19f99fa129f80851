import { computed } from 'vue';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { can } from '../../lib/permissions';
import { useLiveStore } from '../../stores/live';
import { useSessionStore } from '../../stores/session';

/** One tenant: its organization record, live sync summary and what the person may do with it. */
export function useTenant(id: () => string) {
  const api = useApi();
  const live = useLiveStore();
  const session = useSessionStore();
  const org = useResource(() => api.organizations.get(id()));
  const sync = computed(() => (org.data.value ? live.syncOf(org.data.value) : null));
  const state = computed(() => (org.data.value ? live.stateOf(org.data.value) : null));
  const canManage = computed(
    () =>
      can(session.user, 'manageTenants') && org.data.value?.kind !== 'platform' && state.value !== 'deleted',
  );
  return { org, sync, state, canManage };
}
