import { type Ref, ref, shallowRef } from 'vue';
import { errorMessage } from '../messages';

export interface Resource<T> {
  data: Ref<T | null>;
  loading: Ref<boolean>;
  error: Ref<string | null>;
  /** Loads again; a slower earlier load never overwrites a newer one. */
  reload(): Promise<void>;
}

/** Loading / error / data for one read, so no view hand-rolls them. */
export function useResource<T>(load: () => Promise<T>): Resource<T> {
  const data = shallowRef<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  const error = ref<string | null>(null);
  let generation = 0;
  async function reload() {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const value = await load();
      if (mine === generation) data.value = value;
    } catch (e) {
      if (mine === generation) error.value = errorMessage(e);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }
  return { data, loading, error, reload };
}
