import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import { fakeApi, harness, org, user, withSetup } from '../../test-support/harness';
import { useBuy } from './use-buy';

const packs = (paymentsConfigured: boolean) => ({
  paymentsConfigured,
  items: [
    { id: 'starter', credits: 500, amount: 1999, currency: 'usd', active: true },
    { id: 'old', credits: 100, amount: 500, currency: 'usd', active: false },
  ],
});

function setup(
  configured: boolean,
  checkout = vi.fn(async () => ({ sessionId: 'cs_1', url: 'https://checkout.test/cs_1', purchaseId: 'p1' })),
) {
  const go = vi.fn();
  const api = fakeApi({ credits: { packs: async () => packs(configured), checkout } });
  const target = org({ id: 'client', allowedActions: ['credits.read', 'credits.buy'] });
  const { result } = withSetup(() => useBuy(() => target.id, go), harness(api, user('client_admin')));
  return { b: result, go, checkout };
}

describe('buying credits', () => {
  it('offers only active packs, and sends the buyer to Stripe Checkout', async () => {
    const { b, go, checkout } = setup(true);
    await b.packs.reload();
    expect(b.offered.value.map((p) => p.id)).toEqual(['starter']);
    const [starter] = b.offered.value;
    if (!starter) throw new Error('no pack offered');
    await Promise.all([b.buy(starter), b.buy(starter)]);
    expect(checkout).toHaveBeenCalledTimes(1);
    expect(checkout).toHaveBeenCalledWith('client', 'starter');
    expect(go).toHaveBeenCalledWith('https://checkout.test/cs_1');
  });

  it('offers nothing when Stripe is not configured, never a pretend purchase', async () => {
    const { b } = setup(false);
    await b.packs.reload();
    expect(b.offered.value).toEqual([]);
  });

  it("says the server's refusal and lets the person try again", async () => {
    const { b, go } = setup(
      true,
      vi.fn(async () => {
        throw new ApiError(503, 'payments_not_configured', 'no stripe');
      }),
    );
    await b.packs.reload();
    const [starter] = b.offered.value;
    if (!starter) throw new Error('no pack offered');
    await b.buy(starter);
    await flushPromises();
    expect(go).not.toHaveBeenCalled();
    expect(b.error.value).toBe(
      'Buying credits is not available on this platform. Ask your agency for credits.',
    );
    expect(b.buying.value).toBeNull();
  });
});
