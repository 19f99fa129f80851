import { reactive, ref, watch } from 'vue';
import type { EntryKind, LedgerEntry, LedgerFilters } from '../../api/credits';
import { useApi } from '../../composables/use-api';
import { usePagedList } from '../../composables/use-paged-list';
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
  const downloading = ref(false);
  const downloadError = ref<string | null>(null);

  function query(): LedgerFilters {
    return { ...(filters.kind ? { kind: filters.kind } : {}), ...periodRange(filters.period, now()) };
  }

  const list = usePagedList<LedgerEntry>((cursor) =>
    api.credits.ledger(organizationId(), { ...query(), ...(cursor ? { cursor } : {}), limit: PAGE }),
  );

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
    () => void list.reload(),
  );

  return { filters, ...list, downloading, downloadError, downloadCsv };
}
