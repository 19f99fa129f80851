import { reactive, ref, shallowRef, watch } from 'vue';
import type { EntryKind, LedgerEntry, LedgerFilters } from '../../api/credits';
import { useApi } from '../../composables/use-api';
import { errorMessage } from '../../messages';
import { type Period, periodRange } from './credits-format';
import { saveFile } from './save-file';

const PAGE = 50;

/**
 * One organization's ledger, newest first: filtered by kind and period, a page at a time
 * ("Load more" follows the server's cursor), and the same filters exported as the server's CSV.
 * `now` is the clock the period is read on (injected, so tests hold it).
 */
export function useLedger(organizationId: () => string, now: () => Date = () => new Date()) {
  const api = useApi();
  const filters = reactive<{ kind: EntryKind | ''; period: Period }>({ kind: '', period: 'all' });
  const items = shallowRef<LedgerEntry[]>([]);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const downloading = ref(false);
  const downloadError = ref<string | null>(null);
  let generation = 0;

  function query(): LedgerFilters {
    return { ...(filters.kind ? { kind: filters.kind } : {}), ...periodRange(filters.period, now()) };
  }

  async function load(cursor: string | null): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const page = await api.credits.ledger(organizationId(), {
        ...query(),
        ...(cursor ? { cursor } : {}),
        limit: PAGE,
      });
      if (mine !== generation) return;
      items.value = cursor ? [...items.value, ...page.items] : page.items;
      nextCursor.value = page.nextCursor;
    } catch (e) {
      if (mine === generation) error.value = errorMessage(e);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  const reload = () => load(null);
  async function loadMore(): Promise<void> {
    if (nextCursor.value) await load(nextCursor.value);
  }

  async function downloadCsv(): Promise<void> {
    downloading.value = true;
    downloadError.value = null;
    try {
      saveFile(await api.credits.ledgerCsv(organizationId(), query()), `credits-${organizationId()}.csv`);
    } catch (e) {
      downloadError.value = errorMessage(e);
    } finally {
      downloading.value = false;
    }
  }

  watch(
    () => [filters.kind, filters.period],
    () => void reload(),
  );

  return {
    filters,
    items,
    nextCursor,
    loading,
    error,
    downloading,
    downloadError,
    reload,
    loadMore,
    downloadCsv,
  };
}
