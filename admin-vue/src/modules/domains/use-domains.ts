import { onScopeDispose, ref, shallowRef } from 'vue';
import type { Domain } from '../../api/domains';
import { useApi } from '../../composables/use-api';
import { useFallbackPolling } from '../../composables/use-fallback-polling';
import { errorMessage } from '../../messages';
import { useLiveStore } from '../../stores/live';

/** Events arriving together (a check, then the commit it made) are read once, this long after the first. */
export const COALESCE_MS = 250;

/**
 * The Domains tab's state: the organization's domains, read again when the live stream says they
 * changed (`domains.changed`: a check moved a line, the cluster reported a certificate) or the
 * tenant's sync status moved (a certificate line not yet reported is derived from it) — polled
 * only while the stream is down — and the actions: add, check now, make primary, remove.
 */
export function useDomains(organizationId: () => string) {
  const api = useApi();
  const live = useLiveStore();
  const items = shallowRef<Domain[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const busy = ref<string | null>(null);
  const actionError = ref<string | null>(null);

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
  }

  let pending: ReturnType<typeof setTimeout> | undefined;
  const soon = (update: { organizationId: string }) => {
    if (update.organizationId !== organizationId() || pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      void reload();
    }, COALESCE_MS);
  };
  const stops = [live.onDomains(soon), live.onUpdate(soon)];
  onScopeDispose(() => {
    for (const stop of stops) stop();
    clearTimeout(pending);
  });
  useFallbackPolling(() => !loading.value && reload());

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
