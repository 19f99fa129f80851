import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { ChangeRequest } from '../../api/models';
import { type Fixture, fakeApi, harness, mountWith, user } from '../../test-support/harness';
import ChangeRequestsView from './ChangeRequestsView.vue';

const committed: Fixture<ChangeRequest> = {
  id: 'cr-own',
  title: 'switch theme',
  kind: 'update',
  state: 'committed',
  organizationId: 'o1',
  organization: { id: 'o1', slug: 'acme', name: 'Acme' },
  requestedBy: { id: 'user-client_admin', email: 'c@x.y', name: 'Client Admin' },
  createdAt: new Date().toISOString(),
};

async function mountAs(as: ReturnType<typeof user>) {
  const list = vi.fn(async () => [committed]);
  const h = harness(fakeApi({ changeRequests: { list } }), as);
  const wrapper = mountWith(ChangeRequestsView, h);
  await flushPromises();
  return { wrapper, list, h };
}

const selectedTab = (wrapper: Awaited<ReturnType<typeof mountAs>>['wrapper']) =>
  wrapper.find('[role=tab][aria-selected=true]').text();

describe('the change request list', () => {
  it('opens a client admin on their own changes in any state, so a committed one is there', async () => {
    const { wrapper, list } = await mountAs(user('client_admin'));
    expect(selectedTab(wrapper)).toBe('Mine');
    expect(list).toHaveBeenLastCalledWith({ state: undefined, organizationId: undefined, mine: true });
    expect(wrapper.find('tr[data-cr="cr-own"]').text()).toContain('Committed');
  });

  it('opens a reviewer on everything awaiting review; Mine starts from any state', async () => {
    const { wrapper, list, h } = await mountAs(user('superadmin'));
    expect(selectedTab(wrapper)).toBe('All visible');
    expect(list).toHaveBeenLastCalledWith({ state: 'pending_review', organizationId: undefined });
    await wrapper.find('[data-testid=cr-tab-mine]').trigger('click');
    await flushPromises();
    expect(list).toHaveBeenLastCalledWith({ state: undefined, organizationId: undefined, mine: true });
    expect(h.router.currentRoute.value.query).toMatchObject({ tab: 'mine', state: 'any' });
  });

  it('filters a tab by state and says when nothing matches', async () => {
    const { wrapper, list } = await mountAs(user('client_admin'));
    list.mockResolvedValue([]);
    await wrapper.find('#cr-state').setValue('rejected');
    await flushPromises();
    expect(list).toHaveBeenLastCalledWith({ state: 'rejected', organizationId: undefined, mine: true });
    expect(wrapper.text()).toContain('You have no rejected change requests.');
  });
});
