import { describe, expect, it, vi } from 'vitest';
import type { PackInput } from '../../api/credits';
import { fakeApi, harness, user, withSetup } from '../../test-support/harness';
import { usePacksEditor } from './use-packs-editor';

const starter = { id: 'starter', credits: 500, amount: 1999, currency: 'usd', active: true };

function setup(as = user('superadmin')) {
  const setPack = vi.fn(async (id: string, input: PackInput) => ({ id, ...input }));
  const api = fakeApi({
    credits: { packs: async () => ({ items: [starter], paymentsConfigured: true }), setPack },
  });
  const { result } = withSetup(() => usePacksEditor(), harness(api, as));
  return { p: result, setPack };
}

describe('the credit packs editor', () => {
  it('is only for whom GET /me lists credits.packs', () => {
    expect(setup(user('agency_admin')).p.canEdit.value).toBe(false);
    expect(setup().p.canEdit.value).toBe(true);
  });

  it("adds a pack with its price in the currency's minor unit", async () => {
    const { p, setPack } = setup();
    Object.assign(p.draft, { id: ' pro ', credits: '2,000', price: '49.5', currency: 'EUR' });
    await p.add();
    expect(setPack).toHaveBeenCalledWith('pro', {
      credits: 2000,
      amount: 4950,
      currency: 'eur',
      active: true,
    });
    expect([p.draft.id, p.draft.credits, p.draft.price, p.saved.value]).toEqual(['', '', '', 'pro']);
  });

  it('withdraws an offered pack keeping its price, so purchases made with it keep their history', async () => {
    const { p, setPack } = setup();
    await p.toggle(starter);
    expect(setPack).toHaveBeenCalledWith('starter', {
      credits: 500,
      amount: 1999,
      currency: 'usd',
      active: false,
    });
  });

  it.each([
    [{ id: '', credits: '10', price: '1', currency: 'usd' }, 'Name the pack, e.g. starter.'],
    [
      { id: 'x', credits: '0', price: '1', currency: 'usd' },
      'Enter the credits as a whole number, at least 1.',
    ],
    [
      { id: 'x', credits: '10', price: '1', currency: 'dollars' },
      'Enter a three-letter currency code, e.g. usd.',
    ],
    [{ id: 'x', credits: '10', price: '1.999', currency: 'usd' }, 'Enter the price, e.g. 19.99.'],
  ])('refuses %j before sending anything', async (draft, message) => {
    const { p, setPack } = setup();
    Object.assign(p.draft, draft);
    await p.add();
    expect(setPack).not.toHaveBeenCalled();
    expect(p.error.value).toBe(message);
  });
});
