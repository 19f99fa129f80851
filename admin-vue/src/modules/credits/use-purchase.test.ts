import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { LiveHandlers } from '../../api/events';
import { useLiveStore } from '../../stores/live';
import { fakeApi, harness, user, withSetup } from '../../test-support/harness';
import { usePurchase } from './use-purchase';

const purchase = (id: string, state: 'pending' | 'paid' | 'failed') => ({
  id,
  organizationId: 'client',
  packId: 'starter',
  credits: 500,
  amount: 1999,
  currency: 'usd',
  state,
  reversedCredits: 0,
  entryId: state === 'paid' ? 'e1' : null,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
});

function setup() {
  let stream: LiveHandlers | null = null;
  const get = vi.fn(async () => purchase('p1', 'pending'));
  const h = harness(
    fakeApi({
      credits: { purchase: get },
      subscribe: (handlers: LiveHandlers) => {
        stream = handlers;
        return () => undefined;
      },
    }),
    user('client_admin'),
  );
  const settled = vi.fn();
  const { result } = withSetup(
    () =>
      usePurchase(
        () => 'client',
        () => 'p1',
        settled,
      ),
    h,
  );
  useLiveStore(h.pinia).connect();
  const send = (p: ReturnType<typeof purchase>) =>
    (stream as LiveHandlers | null)?.onPurchase?.({ organizationId: 'client', purchase: p, balance: 500 });
  return { result, get, settled, send };
}

describe('the return page from Stripe Checkout', () => {
  it('follows the purchase on the live stream until the webhook credited it, then reads the balance again', async () => {
    const { result, get, settled, send } = setup();
    await result.purchase.reload();
    expect(get).toHaveBeenCalledWith('client', 'p1');
    expect(result.purchase.data.value?.state).toBe('pending');

    // Another purchase's event changes nothing here.
    send(purchase('p2', 'paid'));
    await flushPromises();
    expect([result.purchase.data.value?.state, settled.mock.calls.length]).toEqual(['pending', 0]);

    send(purchase('p1', 'paid'));
    await flushPromises();
    expect(result.purchase.data.value?.state).toBe('paid');
    expect(settled).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledTimes(1);
  });
});
