import { type Ref, ref, shallowRef } from 'vue';
import { errorMessage } from '../messages';

/** One page of a cursor-paged list, as the server answers it. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T> {
  items: Ref<T[]>;
  nextCursor: Ref<string | null>;
  loading: Ref<boolean>;
  error: Ref<string | null>;
  /** The first page again. */
  reload(): Promise<void>;
  /** The page after the last one read, when the server named one. */
  loadMore(): Promise<void>;
}

/**
 * A list read a page at a time: `reload` reads the first page again, `loadMore` follows the
 * server's cursor and appends. A slower earlier read never overwrites a newer one (a filter
 * changed while a page was on its way).
 */
export function usePagedList<T>(fetchPage: (cursor: string | null) => Promise<CursorPage<T>>): PagedList<T> {
  const items = shallowRef<T[]>([]) as Ref<T[]>;
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let generation = 0;

  async function load(cursor: string | null): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const page = await fetchPage(cursor);
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
