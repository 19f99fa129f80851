import { computed, onScopeDispose } from 'vue';
import { useApi } from '../../composables/use-api';
import { useFallbackPolling } from '../../composables/use-fallback-polling';
import { useResource } from '../../composables/use-resource';
import { can, canManageMembers, canUpdateOrganization } from '../../lib/permissions';
import { useLiveStore } from '../../stores/live';
import { useSessionStore } from '../../stores/session';

/** One tenant: its organization record, live sync summary and what the person may do with it. */
export function useTenant(id: () => string) {
  const api = useApi();
  const live = useLiveStore();
  const session = useSessionStore();
  const org = useResource(() => api.organizations.get(id()));
  /** The header badge: the live status, else the tenant's own sync endpoint. */
  const syncSummary = useResource(() => api.organizations.sync(id()));
  const sync = computed(() => live.statuses[id()] ?? syncSummary.data.value ?? org.data.value?.sync ?? null);
  useFallbackPolling(() => !syncSummary.loading.value && syncSummary.reload());
  useFallbackPolling(() => !org.loading.value && org.reload());
  // The lifecycle badge changes with the sync badge (provisioning → active when the cluster reports it live).
  onScopeDispose(
    live.onStateChange(({ organizationId, state }) => {
      if (organizationId === id() && org.data.value) org.data.value = { ...org.data.value, state };
    }),
  );
  const state = computed(() => org.data.value?.state ?? null);
  const hasTenant = computed(
    () =>
      !!org.data.value && org.data.value.kind !== 'platform' && !!state.value && state.value !== 'deleted',
  );
  /** Theme and plugins: admins of the organization or above it. */
  const canUpdate = computed(() => hasTenant.value && can(session.user, 'updateTenants'));
  /** Tier and lifecycle: only from above (an agency acts on its clients, never on itself). */
  const canOperate = computed(
    () =>
      hasTenant.value &&
      can(session.user, 'operateTenants') &&
      !session.user?.memberships.some((m) => m.organizationId === org.data.value?.id),
  );
  /** The Users tab: admins of the organization or above it (`users.read`, `users.invite`). */
  const canSeeMembers = computed(() => !!org.data.value && canManageMembers(session.user, org.data.value));
  /** The Branding tab: admins of the organization or above it, on an organization with a tenant. */
  const canBrand = computed(
    () =>
      hasTenant.value &&
      !!org.data.value &&
      org.data.value.branding != null &&
      canUpdateOrganization(session.user, org.data.value),
  );
  return { org, syncSummary, sync, state, canUpdate, canOperate, canSeeMembers, canBrand };
}
