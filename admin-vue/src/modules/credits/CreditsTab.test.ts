import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { CreditSummary } from '../../api/credits';
import type { Organization, User } from '../../api/models';
import type { Fixture } from '../../test-support/harness';
import { fakeApi, harness, mountWith, org, user } from '../../test-support/harness';
import CreditsTab from './CreditsTab.vue';

type Allowed = Organization['allowedActions'];
const summary = (over: Partial<CreditSummary> = {}): CreditSummary => ({
  organizationId: 'client',
  balance: 1200,
  limit: { monthly: 1000, overdraft: 0 },
  spentThisMonth: 250,
  lowBalanceThreshold: null,
  ...over,
});

async function mountAs(as: User, target: Organization, credits: CreditSummary = summary()) {
  const listOrganizations = vi.fn(async () => ({
    items: [
      org({
        id: 'client',
        name: 'Acme',
        parentId: 'agency',
        allowedActions: ['credits.read', 'credits.grant'],
      }),
      // A client the person may not grant to (its agency not approved, say): not offered.
      org({ id: 'other', name: 'Other', parentId: 'agency', allowedActions: ['credits.read'] }),
    ],
    total: 2,
    nextCursor: null,
  }));
  const api = fakeApi({
    credits: {
      summary: async (id: string) =>
        id === target.id ? credits : summary({ organizationId: id, balance: 7 }),
      ledger: async () => ({
        items: [
          {
            id: '1',
            kind: 'takeback',
            reversal: true,
            direction: 'out',
            amount: 50,
            counterparty: { account: 'organization', organizationId: 'agency', name: 'Agency' },
            reason: 'Unused',
            feature: null,
            quantity: null,
            reversesId: null,
            occurredAt: null,
            createdAt: '2026-03-01T10:00:00.000Z',
          },
        ],
        nextCursor: null,
      }),
      usage: async () => ({ items: [] }),
      apiKeys: async () => [] as Fixture<never>[],
      purchases: async () => ({
        items: (['paid', 'expired'] as const).map((state, i) => ({
          id: `p${i}`,
          organizationId: target.id,
          packId: 'starter',
          credits: 500,
          amount: 1999,
          currency: 'usd',
          state,
          reversedCredits: 0,
          entryId: state === 'paid' ? '9' : null,
          createdAt: '2026-03-01T10:00:00.000Z',
          updatedAt: '2026-03-01T10:05:00.000Z',
        })),
        nextCursor: null,
      }),
    },
    organizations: { list: listOrganizations },
  });
  const wrapper = mountWith(CreditsTab, harness(api, as), { org: target });
  await flushPromises();
  return { wrapper, listOrganizations };
}

const client = (allowedActions: Allowed) =>
  org({ id: 'client', name: 'Acme', parentId: 'agency', allowedActions });

describe('the Credits tab', () => {
  it('shows the balance, the limits, the spend as a bar and the ledger to a viewer, and no control', async () => {
    const { wrapper, listOrganizations } = await mountAs(
      user('viewer', { memberships: [{ organizationId: 'client', role: 'viewer' }] }),
      client(['organization.read', 'credits.read']),
    );
    expect(wrapper.find('[data-testid="credit-balance"]').text()).toBe('1,200');
    expect(wrapper.find('[data-testid="credit-monthly-limit"]').text()).toBe('1,000');
    expect(wrapper.find('[data-testid="credit-spent"]').text()).toBe('250 of 1,000');
    expect(wrapper.find('[role="meter"]').attributes('aria-valuetext')).toBe('25%');
    expect(wrapper.find('[data-testid="credit-banner"]').exists()).toBe(false);
    const row = wrapper.find('[data-testid="ledger-table"] tbody tr');
    expect(row.text()).toContain('Taken back');
    expect(row.find('.pill').text()).toBe('reversal');
    expect(row.find('.num').text()).toBe('−50');
    for (const panel of ['grant-panel', 'client-grant-panel', 'limit-panel', 'api-keys-panel'])
      expect(wrapper.find(`[data-testid="${panel}"]`).exists(), panel).toBe(false);
    expect(listOrganizations).not.toHaveBeenCalled();
  });

  it.each([
    [{ balance: 40, lowBalanceThreshold: 100 }, 'low', 'The balance is low.'],
    [{ balance: 0 }, 'low', 'No credits left: usage will be refused.'],
    [{ balance: -30, limit: { monthly: null, overdraft: 100 } }, 'overdraft', 'below zero'],
    // A refund of spent credits: past the overdraft, owed, shown as a debt.
    [{ balance: -400, limit: { monthly: null, overdraft: 0 } }, 'debt', 'owes 400 credits'],
  ])('warns when the balance is %j (%s)', async (over, level, text) => {
    const { wrapper } = await mountAs(
      user('viewer', { memberships: [{ organizationId: 'client', role: 'viewer' }] }),
      client(['credits.read']),
      summary(over),
    );
    expect(wrapper.find('[data-testid="credit-summary"]').attributes('data-level')).toBe(level);
    expect(wrapper.find('[data-testid="credit-banner"]').text()).toContain(text);
  });

  it('lists the purchases with their price and a coloured state', async () => {
    const { wrapper } = await mountAs(
      user('viewer', { memberships: [{ organizationId: 'client', role: 'viewer' }] }),
      client(['credits.read']),
    );
    const rows = wrapper.findAll('[data-testid="purchases-table"] tbody tr');
    expect(rows.map((r) => r.attributes('data-state'))).toEqual(['paid', 'expired']);
    expect(rows[0]?.text()).toContain('$19.99');
    expect(rows[1]?.find('[data-testid="purchase-state"]').classes()).toContain('expired');
    expect(rows[1]?.find('[data-testid="purchase-state"]').text()).toBe('Expired');
  });

  it("offers an agency's admin on a client the grant, the takeback and the limits, each from allowedActions", async () => {
    const { wrapper } = await mountAs(
      user('agency_admin', { memberships: [{ organizationId: 'agency', role: 'agency_admin' }] }),
      client(['credits.read', 'credits.grant', 'credits.take_back', 'credits.limit']),
    );
    expect(wrapper.find('[data-testid="grant-panel"] h2').text()).toBe('Grant credits to Acme');
    expect(wrapper.find('[data-testid="takeback-form"]').exists()).toBe(true);
    expect(wrapper.find<HTMLInputElement>('#limit-monthly').element.value).toBe('1000');
    expect(wrapper.find<HTMLInputElement>('#limit-overdraft').element.value).toBe('');
    expect(wrapper.find('[data-testid="client-grant-panel"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="api-keys-panel"]').exists()).toBe(false);
  });

  it('says a superadmin issues credits, from the platform', async () => {
    const { wrapper } = await mountAs(user('superadmin'), client(['credits.read', 'credits.grant']));
    expect(wrapper.find('[data-testid="grant-panel"] h2').text()).toBe('Issue credits to Acme');
    expect(wrapper.find('[data-testid="takeback-form"]').exists()).toBe(false);
  });

  it("offers an agency's admin on the agency a grant to the clients it may grant to, beside its own balance", async () => {
    const agency = org({ id: 'agency', name: 'Agency', kind: 'agency', allowedActions: ['credits.read'] });
    const { wrapper, listOrganizations } = await mountAs(
      user('agency_admin', { memberships: [{ organizationId: 'agency', role: 'agency_admin' }] }),
      agency,
      summary({ organizationId: 'agency', balance: 5000 }),
    );
    expect(listOrganizations).toHaveBeenCalledWith({ parentId: 'agency', limit: 500 }, null);
    const options = wrapper.findAll('[data-testid="grant-client"] option').map((o) => o.text());
    expect(options).toEqual(['Choose a client', 'Acme']);
    expect(wrapper.find('[data-testid="grant-own-balance"]').text()).toBe('5,000');
    await wrapper.find('[data-testid="grant-client"]').setValue('client');
    await flushPromises();
    expect(wrapper.find('[data-testid="grant-client-balance"]').text()).toBe('7');
    expect(wrapper.find('[data-testid="grant-panel"]').exists()).toBe(false);
  });

  it('offers the API keys to whom allowedActions lists credits.api_keys', async () => {
    const { wrapper } = await mountAs(
      user('client_admin', { memberships: [{ organizationId: 'client', role: 'client_admin' }] }),
      client(['credits.read', 'credits.api_keys']),
    );
    expect(wrapper.find('[data-testid="api-keys-panel"]').text()).toContain('No API keys yet.');
    expect(wrapper.find('[data-testid="grant-panel"]').exists()).toBe(false);
  });
});
