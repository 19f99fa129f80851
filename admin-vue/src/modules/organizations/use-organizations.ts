import { computed, onScopeDispose, reactive, ref, watch } from 'vue';
import type { Organization, OrganizationFilters, OrganizationState, SyncState, Tier } from '../../api/models';
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

const syncOrder: SyncState[] = ['Failed', 'Stale', 'Reconciling', 'Pending', 'Ready'];

/**
 * The organizations page: filters (kept in the URL by the view), the tree of
 * visible organizations, and each row's sync status — the newest one from the
 * live stream when there is one, so badges change without a reload.
 */
export function useOrganizations(initial: OrganizationFilters = {}, pollMs = 5000) {
  const api = useApi();
  const live = useLiveStore();
  const filters = reactive<{
    state: OrganizationState | '';
    tier: Tier | '';
    parentId: string;
    search: string;
  }>({
    state: initial.state ?? '',
    tier: initial.tier ?? '',
    parentId: initial.parentId ?? '',
    search: '',
  });
  const parents = ref<Organization[]>([]);

  const list = useResource(async () => {
    const page = await api.organizations.list({
      state: filters.state || undefined,
      tier: filters.tier || undefined,
      parentId: filters.parentId || undefined,
    });
    if (!filters.state && !filters.tier && !filters.parentId)
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
      const next = await api.organizations.list({
        state: filters.state || undefined,
        tier: filters.tier || undefined,
        parentId: filters.parentId || undefined,
        cursor: current.nextCursor,
      });
      list.data.value = { ...next, items: [...current.items, ...next.items] };
    } catch (e) {
      moreError.value = errorMessage(e);
    } finally {
      loadingMore.value = false;
    }
  }

  const rows = computed(() => {
    const items = list.data.value?.items ?? [];
    const needle = filters.search.trim().toLowerCase();
    const shown = needle
      ? items.filter((o) => o.name.toLowerCase().includes(needle) || o.slug.includes(needle))
      : items;
    return treeRows(shown).map((row) => ({
      ...row,
      sync: live.syncOf(row.org),
      state: row.org.state,
    }));
  });

  /** How many rows per sync status, worst first, for the summary strip. */
  const summary = computed(() =>
    syncOrder
      .map((status) => ({ status, count: rows.value.filter((r) => r.sync?.status === status).length }))
      .filter((s) => s.count > 0),
  );

  const filtered = computed(() => !!(filters.state || filters.tier || filters.parentId || filters.search));

  function clearFilters() {
    Object.assign(filters, { state: '', tier: '', parentId: '', search: '' });
  }

  watch(
    () => [filters.state, filters.tier, filters.parentId],
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
  // Without the live stream (a proxy that buffers it, a server without it) poll instead.
  const poll = setInterval(() => {
    if (!live.connected && !list.loading.value && list.data.value) void list.reload();
  }, pollMs);
  onScopeDispose(() => {
    stop();
    clearTimeout(pending);
    clearInterval(poll);
  });

  return { filters, list, rows, summary, parents, filtered, clearFilters, loadMore, loadingMore, moreError };
}
