import { ref, shallowRef } from 'vue';
import type { Purchase } from '../../api/credits';
import { useApi } from '../../composables/use-api';
import { errorMessage } from '../../messages';

/**
 * One organization's purchases, newest first, a page at a time ("Load more" follows the server's
 * cursor). Read again when a purchase settles on the return page, so the table shows it paid.
 */
export function usePurchases(organizationId: () => string) {
  const api = useApi();
  const items = shallowRef<Purchase[]>([]);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let generation = 0;

  async function load(cursor: string | null): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const page = await api.credits.purchases(organizationId(), cursor);
      if (mine !== generation) return;
      items.value = cursor ? [...items.value, ...page.items] : page.items;
      nextCursor.value = page.nextCursor;
    } catch (e) {
      if (mine === generation) error.value = errorMessage(e);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  return {
    items,
    nextCursor,
    loading,
    error,
    reload: () => load(null),
    loadMore: async () => {
      if (nextCursor.value) await load(nextCursor.value);
    },
  };
}
