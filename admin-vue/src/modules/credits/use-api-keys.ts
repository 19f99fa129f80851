import { ref, shallowRef } from 'vue';
import type { ApiKey, NewApiKey } from '../../api/credits';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { errorMessage } from '../../messages';

/**
 * The API keys an organization's CMS reports usage with: the list (prefixes only), a new key
 * shown once — the server keeps only its hash, so it is gone once the person leaves —, and a
 * revocation that asks first (the CMS using it stops being able to report).
 */
export function useApiKeys(organizationId: () => string) {
  const api = useApi();
  const keys = useResource<ApiKey[]>(() => api.credits.apiKeys(organizationId()));
  const created = shallowRef<NewApiKey | null>(null);
  const copied = ref(false);
  const confirming = ref<string | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);

  async function create(): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    copied.value = false;
    try {
      created.value = await api.credits.createApiKey(organizationId());
      await keys.reload();
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      busy.value = false;
    }
  }

  async function copy(): Promise<void> {
    if (!created.value) return;
    try {
      await navigator.clipboard.writeText(created.value.key);
      copied.value = true;
    } catch {
      error.value = 'The browser did not allow copying. Select the key and copy it by hand.';
    }
  }

  /** The person saved the key somewhere: it leaves the page for good. */
  function dismiss(): void {
    created.value = null;
    copied.value = false;
  }

  async function revoke(keyId: string): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      await api.credits.revokeApiKey(organizationId(), keyId);
      confirming.value = null;
      if (created.value?.id === keyId) dismiss();
      await keys.reload();
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      busy.value = false;
    }
  }

  return { keys, created, copied, confirming, busy, error, create, copy, dismiss, revoke };
}
