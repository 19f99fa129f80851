import { onBeforeUnmount, ref, shallowRef } from 'vue';
import type { Domain } from '../../api/domains';
import { useApi } from '../../composables/use-api';
import { errorMessage } from '../../messages';

/** How often the list is read again while a domain is still on its way to serving. */
export const POLL_MS = 5000;

/** Whether a domain still changes by itself (the verifier, the cluster): the tab keeps polling then. */
export const settling = (d: Domain) =>
  d.status === 'pending' || d.status === 'verified' || d.status === 'failed';

/**
 * The Domains tab's state: the organization's domains, polled while any is not serving yet (the
 * verifier and the cluster move them on), and the actions — add, check now, make primary, remove.
 */
export function useDomains(organizationId: () => string) {
  const api = useApi();
  const items = shallowRef<Domain[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const busy = ref<string | null>(null);
  const actionError = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function reload(): Promise<void> {
    loading.value = items.value.length === 0;
    try {
      items.value = (await api.domains.list(organizationId())).items;
      error.value = null;
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
    schedule();
  }

  function schedule(): void {
    clearTimeout(timer);
    if (items.value.some(settling)) timer = setTimeout(() => void reload(), POLL_MS);
  }

  /** Runs one action on `hostname` (or the form), then reads the list again. */
  async function act(key: string, run: () => Promise<unknown>): Promise<boolean> {
    busy.value = key;
    actionError.value = null;
    try {
      await run();
      await reload();
      return true;
    } catch (e) {
      actionError.value = errorMessage(e);
      return false;
    } finally {
      busy.value = null;
    }
  }

  onBeforeUnmount(() => clearTimeout(timer));

  return {
    items,
    loading,
    error,
    busy,
    actionError,
    reload,
    add: (hostname: string) => act('add', () => api.domains.add(organizationId(), hostname.trim())),
    check: (hostname: string) => act(hostname, () => api.domains.check(organizationId(), hostname)),
    setPrimary: (hostname: string) => act(hostname, () => api.domains.setPrimary(organizationId(), hostname)),
    remove: (hostname: string) => act(hostname, () => api.domains.remove(organizationId(), hostname)),
  };
}
