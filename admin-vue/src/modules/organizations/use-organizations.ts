import { computed, onScopeDispose, reactive, ref, watch } from 'vue';
import type { Organization, OrganizationState, SyncState, Tier } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { treeRows } from '../../lib/tree';
import { errorMessage } from '../../messages';
import { useLiveStore } from '../../stores/live';
import { useOrgContextStore } from '../../stores/org-context';
import { type Counted, recount, syncOptions } from './live-counts';

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

export { syncOptions };

export interface OrganizationListFilters {
  state?: OrganizationState | undefined;
  sync?: SyncState | undefined;
  tier?: Tier | undefined;
  parentId?: string | undefined;
  /** Only tenants on this cluster (the Clusters page links here with it). */
  cluster?: string | undefined;
}

/** The server's largest page: one page holds every organization of all but the largest platforms. */
const pageSize = 500;

/**
 * The organizations page: filters (kept in the URL by the view), the tree of visible
 * organizations, each row's sync status — the newest one from the live stream when there is one —
 * and its lifecycle state, patched by the stream too, so badges change without a reload. Tier,
 * parent, state and sync status are the server's filters (it pages by slug, so a filter finds
 * matches beyond the first page); its counts by state and status cover every organization under
 * the tier and parent filters, so each count stays clickable while another is chosen, and the
 * stream moves them as organizations change. The search narrows what is loaded.
 */
export function useOrganizations(initial: OrganizationListFilters = {}, pollMs = 5000) {
  const api = useApi();
  const live = useLiveStore();
  const context = useOrgContextStore();
  const filters = reactive<{
    state: OrganizationState | '';
    sync: SyncState | '';
    tier: Tier | '';
    parentId: string;
    cluster: string;
    search: string;
  }>({
    state: initial.state ?? '',
    sync: initial.sync ?? '',
    tier: initial.tier ?? '',
    parentId: initial.parentId ?? '',
    cluster: initial.cluster ?? '',
    search: '',
  });
  /**
   * Every organization that has others under it, from the context switcher's list (every visible
   * one): a filtered page lacks the agencies, and a bookmarked filter must still offer them.
   */
  const parents = computed(() => context.options.filter((o) => o.kind !== 'organization'));
  const serverFilters = (cursor?: string) => ({
    state: filters.state || undefined,
    sync: filters.sync || undefined,
    tier: filters.tier || undefined,
    parentId: filters.parentId || undefined,
    cluster: filters.cluster || undefined,
    limit: pageSize,
    ...(cursor ? { cursor } : {}),
  });

  /**
   * What the counts counted each loaded organization as, so a live update moves it from one count
   * to the next. The server's answer, not the stream's newest: that is what its counts include.
   */
  const counted = new Map<string, Counted>();
  const remember = (items: Organization[]) => {
    for (const o of items) counted.set(o.id, { state: o.state, sync: o.sync?.status ?? null });
  };

  const list = useResource(async () => {
    const page = await api.organizations.list(serverFilters());
    counted.clear();
    remember(page.items);
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
      remember(next.items);
      list.data.value = { ...next, items: [...current.items, ...next.items] };
    } catch (e) {
      moreError.value = errorMessage(e);
    } finally {
      loadingMore.value = false;
    }
  }

  const rows = computed(() => {
    const needle = filters.search.trim().toLowerCase();
    const shown = (list.data.value?.items ?? []).filter(
      (o) => !needle || o.name.toLowerCase().includes(needle) || o.slug.includes(needle),
    );
    return treeRows(shown).map((row) => ({ ...row, sync: live.syncOf(row.org), state: row.org.state }));
  });

  /** The server's count of each sync status, worst first (those with none left out). */
  const syncCounts = computed(() => list.data.value?.counts.sync ?? []);

  /** The server's count of each lifecycle state, in the lifecycle's order, with its label. */
  const stateCounts = computed(() =>
    (list.data.value?.counts.states ?? []).map(({ state, count }) => ({
      value: state,
      label: stateOptions.find((s) => s.value === state)?.label ?? state,
      count,
    })),
  );

  const filtered = computed(
    () =>
      !!(
        filters.state ||
        filters.sync ||
        filters.tier ||
        filters.parentId ||
        filters.cluster ||
        filters.search
      ),
  );

  function clearFilters() {
    Object.assign(filters, { state: '', sync: '', tier: '', parentId: '', cluster: '', search: '' });
  }

  /** A count was clicked: show only that status (or state), or everything again on a second click. */
  function toggle(key: 'state', value: OrganizationState): void;
  function toggle(key: 'sync', value: SyncState): void;
  function toggle(key: 'state' | 'sync', value: string): void {
    (filters as Record<string, string>)[key] = filters[key] === value ? '' : value;
  }

  watch(
    () => [filters.tier, filters.parentId, filters.cluster, filters.state, filters.sync],
    () => list.reload(),
  );

  /**
   * An organization the list has not counted (just registered, or outside the filter with a
   * status we never saw) changed: only the server knows which count it left, so ask again —
   * at most one request per burst of such updates. A load already on its way does not count: it
   * may have read the list before the change (the newer load supersedes it).
   */
  let pending: ReturnType<typeof setTimeout> | undefined;
  const reloadSoon = () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      void list.reload();
    }, 300);
  };

  /** Moves a counted organization's counts, and its row in or out of the filter it now (mis)matches. */
  function changed(organizationId: string, change: Partial<Counted>): void {
    const page = list.data.value;
    const before = counted.get(organizationId);
    // A load on its way would overwrite this patch with what it read before the change.
    if (!page || !before || list.loading.value) {
      reloadSoon();
      return;
    }
    const after = { ...before, ...change };
    counted.set(organizationId, after);
    const matches =
      (!filters.state || after.state === filters.state) && (!filters.sync || after.sync === filters.sync);
    const shown = page.items.some((o) => o.id === organizationId);
    if (matches && !shown) reloadSoon();
    const { state } = change;
    const kept = shown && !matches ? page.items.filter((o) => o.id !== organizationId) : page.items;
    list.data.value = {
      ...page,
      items: state ? kept.map((o) => (o.id === organizationId ? { ...o, state } : o)) : kept,
      total: page.total - (page.items.length - kept.length),
      counts: recount(page.counts, before, after),
    };
  }

  const stop = live.onUpdate(({ organizationId, sync }) => changed(organizationId, { sync: sync.status }));
  // A new lifecycle state (provisioning → active as the cluster reports it live) patches the row.
  const stopStates = live.onStateChange(({ organizationId, state }) => changed(organizationId, { state }));
  // A change made before the stream opened (or while it was down) came on no stream: read again —
  // even over a load on its way, which may have read the list before that change.
  const stopOpen = live.onOpen(() => void list.reload());
  // Without the live stream (a proxy that buffers it, a server without it) poll instead.
  const poll = setInterval(() => {
    if (!live.connected && !list.loading.value && list.data.value) void list.reload();
  }, pollMs);
  onScopeDispose(() => {
    stop();
    stopStates();
    stopOpen();
    clearTimeout(pending);
    clearInterval(poll);
  });

  return {
    filters,
    list,
    rows,
    syncCounts,
    stateCounts,
    parents,
    filtered,
    clearFilters,
    toggle,
    loadMore,
    loadingMore,
    moreError,
  };
}
