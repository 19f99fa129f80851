import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { Organization } from '../api/models';
import { useApi } from '../composables/use-api';
import { can } from '../lib/permissions';
import { errorMessage } from '../messages';
import { useSessionStore } from './session';

export const ALL = 'all';
const storageKey = (userId: string) => `luster.context.${userId}`;

/**
 * The organization the admin is looking at (the header's context switcher),
 * sent to the API as `X-Org-Context`, and the organization whose plugins fill
 * the sidebar and whose branding dresses the shell.
 */
export const useOrgContextStore = defineStore('orgContext', () => {
  const api = useApi();
  const session = useSessionStore();
  const selected = ref<string | null>(null);
  const options = ref<Organization[]>([]);
  const current = ref<Organization | null>(null);
  const error = ref<string | null>(null);

  const canSwitch = computed(() => can(session.user, 'switchContext'));
  const home = computed(() => session.user?.memberships[0]?.organizationId ?? null);
  /**
   * What the API receives. "All" sends no header: the server then answers for every organization
   * the person can see, which is what "all" means to anyone; the header's own `all` is refused to
   * everyone but superadmins (403 org_context_forbidden), so an agency admin must never send it.
   */
  const header = computed(() => (canSwitch.value && selected.value !== ALL ? selected.value : null));

  async function load(): Promise<void> {
    const user = session.user;
    if (!user) return;
    error.value = null;
    const stored = localStorage.getItem(storageKey(user.id));
    selected.value = canSwitch.value
      ? (stored ?? (can(user, 'seeAllOrganizations') ? ALL : home.value))
      : home.value;
    try {
      if (canSwitch.value) options.value = (await api.organizations.list({ limit: 500 }, null)).items;
      await loadCurrent();
    } catch (e) {
      error.value = errorMessage(e);
    }
  }

  async function loadCurrent(): Promise<void> {
    const id = selected.value === ALL ? agencyHome() : selected.value;
    current.value = id ? (options.value.find((o) => o.id === id) ?? (await api.organizations.get(id))) : null;
  }

  /** In the "all" view an agency admin still sees the agency's own branding. */
  function agencyHome(): string | null {
    return session.role === 'agency_admin' ? home.value : null;
  }

  async function select(id: string): Promise<void> {
    selected.value = id;
    if (session.user) localStorage.setItem(storageKey(session.user.id), id);
    try {
      error.value = null;
      await loadCurrent();
    } catch (e) {
      error.value = errorMessage(e);
    }
  }

  /** Reads the switcher's organizations again (new registrations, approvals). */
  async function refreshOptions(): Promise<void> {
    if (!canSwitch.value) return;
    try {
      options.value = (await api.organizations.list({ limit: 500 }, null)).items;
    } catch {
      // Keep the options we have; the page shows its own errors.
    }
  }

  /** Called after a tenant changed (e.g. plugins), so the sidebar follows. */
  function refreshOrganization(org: Organization): void {
    if (current.value?.id === org.id) current.value = org;
    options.value = options.value.map((o) => (o.id === org.id ? org : o));
  }

  watch(
    () => session.user?.id,
    () => {
      options.value = [];
      current.value = null;
      selected.value = null;
    },
  );

  return {
    selected,
    options,
    current,
    error,
    canSwitch,
    header,
    load,
    select,
    refreshOptions,
    refreshOrganization,
  };
});
