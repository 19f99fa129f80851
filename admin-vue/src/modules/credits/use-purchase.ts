import { onScopeDispose, watch } from 'vue';
import type { Purchase } from '../../api/credits';
import { useApi } from '../../composables/use-api';
import { useFallbackPolling } from '../../composables/use-fallback-polling';
import { useResource } from '../../composables/use-resource';
import { useLiveStore } from '../../stores/live';

/**
 * The return page of a Stripe Checkout (`…/credits?purchase=<id>`): the purchase and where it
 * stands. Stripe's webhook credits it, maybe after the buyer is back, so the page follows it on
 * the live stream (`credits.purchase`) — polling instead while the stream is down — and calls
 * `onSettled` once it changed from pending, so the balance and ledger are read again.
 */
export function usePurchase(
  organizationId: () => string,
  purchaseId: () => string | null,
  onSettled: (purchase: Purchase) => void | Promise<void>,
) {
  const api = useApi();
  const live = useLiveStore();
  const purchase = useResource<Purchase | null>(async () => {
    const id = purchaseId();
    return id ? api.credits.purchase(organizationId(), id) : null;
  });

  const stop = live.onPurchase((update) => {
    if (update.purchase.id === purchaseId()) purchase.data.value = update.purchase;
  });
  onScopeDispose(stop);
  useFallbackPolling(() => {
    if (purchase.data.value?.state === 'pending') return purchase.reload();
  });
  watch(
    () => purchase.data.value?.state,
    (state, before) => {
      if (before === 'pending' && state && state !== 'pending' && purchase.data.value)
        void onSettled(purchase.data.value);
    },
  );
  watch(purchaseId, () => void purchase.reload());

  return { purchase };
}
