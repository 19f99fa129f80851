import { onMounted, ref } from 'vue';
import { ApiError, api, type Readiness } from './api';

/** Loads the control plane's readiness once, exposing loading / error / data. */
export function useReadiness(load: () => Promise<Readiness> = api.readiness) {
  const readiness = ref<Readiness | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(true);
  async function refresh() {
    loading.value = true;
    error.value = null;
    try {
      readiness.value = await load();
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : 'Unexpected error';
    } finally {
      loading.value = false;
    }
  }
  onMounted(refresh);
  return { readiness, error, loading, refresh };
}
