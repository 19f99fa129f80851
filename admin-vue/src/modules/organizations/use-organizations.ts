import { computed, onScopeDispose, reactive, ref, watch } from 'vue';
import type { Organization, OrganizationState, SyncState, Tier } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { treeRows } from '../../lib/tree';
import { errorMessage } from '../../messages';
import { useLiveStore } from '../../stores/live';

export const stateOptions: { value: OrganizationState; label: string }[] = [
  { value: 'pending_review', label: 'Awaiting approval' },
  { value: 'provisioning', label: 'Provisioning' },
  { value: 'active', label: 'Active' },
  { value: 'suspended', label: 'Suspended' },
  { value: 'deprovisioned', label: 'Deprovisioned' },
  { value: 'purging', label: 'Purging data' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'deleted', label: 'Deleted' },
];

/** Worst first: the summary and the filter list what needs attention before what is fine. */
export const syncOptions: SyncState[] = ['Failed', 'Stale', 'Reconciling', 'Pending', 'Ready'];

export interface OrganizationListFilters {
  state?: OrganizationState | undefined;
  sync?: SyncState | undefined;
  tier?: Tier | undefined;
  parentId?: string | undefined;
}

/**
 * The server's largest page: the counts by state and by sync status are counted over what is
 * loaded, so one page holds every organization of all but the largest platforms (beyond it the
 * page says the counts cover what is shown).
 */
const pageSize = 500;

/**
 * The organizations page: filters (kept in the URL by the view), the tree of visible
 * organizations, each row's sync status — the newest one from the live stream when there is one —
 * and its lifecycle state, patched by the stream too, so badges change without a reload. Tier and
 * parent narrow what the server sends; state, sync status and search filter what is loaded, so
 * the counts of every state and status stay visible and clickable while one is chosen.
 */
export function useOrganizations(initial: OrganizationListFilters = {}, pollMs = 5000) {
  const api = useApi();
  const live = useLiveStore();
  const filters = reactive<{
    state: OrganizationState | '';
    sync: SyncState | '';
    tier: Tier | '';
    parentId: string;
    search: string;
  }>({
    state: initial.state ?? '',
    sync: initial.sync ?? '',
    tier: initial.tier ?? '',
    parentId: initial.parentId ?? '',
    search: '',
  });
  const parents = ref<Organization[]>([]);
  const serverFilters = (cursor?: string) => ({
    tier: filters.tier || undefined,
    parentId: filters.parentId || undefined,
    limit: pageSize,
    ...(cursor ? { cursor } : {}),
  });

  const list = useResource(async () => {
    const page = await api.organizations.list(serverFilters());
    if (!filters.tier && !filters.parentId)
      parents.value = page.items.filter(
        (o) => page.items.some((c) => c.parentId === o.id) || o.kind !== 'organization',
      );
    return page;
  });

  /** The server pages by slug: the next page is appended to what is shown. */
  const loadingMore = ref(false);
  const moreError = ref<string | null>(null);
  async function loadMore(): Promise<void> {
    const current = list.data.value;
    if (!current?.nextCursor || loadingMore.value) return;
    loadingMore.value = true;
    moreError.value = null;
    try {
      const next = await api.organizations.list(serverFilters(current.nextCursor));
      list.data.value = { ...next, items: [...current.items, ...next.items] };
    } catch (e) {
      moreError.value = errorMessage(e);
    } finally {
      loadingMore.value = false;
    }
  }

  /** Every loaded organization matching the search, with its newest sync status. */
  const searched = computed(() => {
    const needle = filters.search.trim().toLowerCase();
    const items = list.data.value?.items ?? [];
    return items
      .filter((o) => !needle || o.name.toLowerCase().includes(needle) || o.slug.includes(needle))
      .map((org) => ({ org, sync: live.syncOf(org) }));
  });

  const rows = computed(() => {
    const shown = searched.value.filter(
      ({ org, sync }) =>
        (!filters.state || org.state === filters.state) && (!filters.sync || sync?.status === filters.sync),
    );
    const syncById = new Map(shown.map((s) => [s.org.id, s.sync]));
    return treeRows(shown.map((s) => s.org)).map((row) => ({
      ...row,
      sync: syncById.get(row.org.id) ?? null,
      state: row.org.state,
    }));
  });

  /** How many loaded organizations have each sync status, worst first (those with none left out). */
  const syncCounts = computed(() =>
    syncOptions
      .map((status) => ({ status, count: searched.value.filter((r) => r.sync?.status === status).length }))
      .filter((s) => s.count > 0),
  );

  /** How many loaded organizations are in each lifecycle state, in the lifecycle's order. */
  const stateCounts = computed(() =>
    stateOptions
      .map((s) => ({ ...s, count: searched.value.filter((r) => r.org.state === s.value).length }))
      .filter((s) => s.count > 0),
  );

  /** Whether the counts cover every visible organization or only the pages loaded so far. */
  const partial = computed(() => !!list.data.value?.nextCursor);

  const filtered = computed(
    () => !!(filters.state || filters.sync || filters.tier || filters.parentId || filters.search),
  );

  function clearFilters() {
    Object.assign(filters, { state: '', sync: '', tier: '', parentId: '', search: '' });
  }

  /** A count was clicked: show only that status (or state), or everything again on a second click. */
  function toggle(key: 'state', value: OrganizationState): void;
  function toggle(key: 'sync', value: SyncState): void;
  function toggle(key: 'state' | 'sync', value: string): void {
    (filters as Record<string, string>)[key] = filters[key] === value ? '' : value;
  }

  watch(
    () => [filters.tier, filters.parentId],
    () => list.reload(),
  );

  // An organization we have not seen (e.g. just registered) arrives on the stream: fetch the list again.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const stop = live.onUpdate((update) => {
    const known = list.data.value?.items.some((o) => o.id === update.organizationId);
    if (known || list.loading.value) return;
    clearTimeout(pending);
    pending = setTimeout(() => void list.reload(), 300);
  });
  // A new lifecycle state (provisioning → active as the cluster reports it live) patches the row.
  const stopStates = live.onStateChange(({ organizationId, state }) => {
    const page = list.data.value;
    if (!page?.items.some((o) => o.id === organizationId)) return;
    list.data.value = {
      ...page,
      items: page.items.map((o) => (o.id === organizationId ? { ...o, state } : o)),
    };
  });
  // Without the live stream (a proxy that buffers it, a server without it) poll instead.
  const poll = setInterval(() => {
    if (!live.connected && !list.loading.value && list.data.value) void list.reload();
  }, pollMs);
  onScopeDispose(() => {
    stop();
    stopStates();
    clearTimeout(pending);
    clearInterval(poll);
  });

  return {
    filters,
    list,
    rows,
    syncCounts,
    stateCounts,
    partial,
    parents,
    filtered,
    clearFilters,
    toggle,
    loadMore,
    loadingMore,
    moreError,
  };
}
