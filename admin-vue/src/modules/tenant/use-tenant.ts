import { organizationActions } from '@luster/contract';
import { computed, onScopeDispose } from 'vue';
import { useApi } from '../../composables/use-api';
import { useFallbackPolling } from '../../composables/use-fallback-polling';
import { useResource } from '../../composables/use-resource';
import { can } from '../../lib/allowed-actions';
import { useLiveStore } from '../../stores/live';

/** What the Actions panel offers (ActionsPanel.vue): every action on the tenant itself but reading it. */
const panelActions = organizationActions.filter(
  (action) =>
    action.startsWith('organization.') && action !== 'organization.read' && action !== 'organization.create',
);

/** One tenant: its organization record, live sync summary and what the person may do with it. */
export function useTenant(id: () => string) {
  const api = useApi();
  const live = useLiveStore();
  const org = useResource(() => api.organizations.get(id()));
  /** The header badge: the live status, else the tenant's own sync endpoint. */
  const syncSummary = useResource(() => api.organizations.sync(id()));
  const sync = computed(() => live.statuses[id()] ?? syncSummary.data.value ?? org.data.value?.sync ?? null);
  useFallbackPolling(() => !syncSummary.loading.value && syncSummary.reload());
  useFallbackPolling(() => !org.loading.value && org.reload());
  // The lifecycle badge changes with the sync badge (provisioning → active when the cluster reports
  // it live, or a suspension made elsewhere): patched at once, then loaded again because what the
  // person may do (resume only when suspended) follows the state.
  onScopeDispose(
    live.onStateChange(({ organizationId, state }) => {
      if (organizationId !== id() || !org.data.value) return;
      org.data.value = { ...org.data.value, state };
      void org.reload();
    }),
  );
  const state = computed(() => org.data.value?.state ?? null);
  /** Theme and plugins (`organization.update`): the server lists it only on an editable tenant. */
  const canUpdate = computed(() => can(org.data.value, 'organization.update'));
  /** The Actions panel: anything it offers, from an edit to a purge. */
  const canAct = computed(() => panelActions.some((action) => can(org.data.value, action)));
  /** The Users tab (`users.read`). */
  const canSeeMembers = computed(() => can(org.data.value, 'users.read'));
  /** The Branding tab: an organization with a tenant, which the person may change. */
  const canBrand = computed(() => org.data.value?.branding != null && canUpdate.value);
  return { org, syncSummary, sync, state, canUpdate, canAct, canSeeMembers, canBrand };
}
