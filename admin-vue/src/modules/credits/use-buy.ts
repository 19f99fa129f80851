import { computed, ref } from 'vue';
import type { Pack } from '../../api/credits';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { errorMessage } from '../../messages';

/**
 * Buying a credit pack: the packs on offer (none offered when Stripe is not configured: no
 * button then, never a pretend purchase), and a checkout that sends the browser to Stripe's page.
 * `go` leaves for that page (injected: tests record where it would go).
 */
export function useBuy(
  organizationId: () => string,
  go: (url: string) => void = (url) => window.location.assign(url),
) {
  const api = useApi();
  const packs = useResource(() => api.credits.packs());
  const offered = computed<Pack[]>(() =>
    packs.data.value?.paymentsConfigured ? packs.data.value.items.filter((p) => p.active) : [],
  );
  const buying = ref<string | null>(null);
  const error = ref<string | null>(null);

  async function buy(pack: Pack): Promise<void> {
    if (buying.value) return;
    buying.value = pack.id;
    error.value = null;
    try {
      const session = await api.credits.checkout(organizationId(), pack.id);
      go(session.url);
    } catch (e) {
      error.value = errorMessage(e);
      buying.value = null;
    }
  }

  return { packs, offered, buying, error, buy };
}
