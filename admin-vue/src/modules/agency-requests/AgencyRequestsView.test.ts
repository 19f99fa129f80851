import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, harness, mountWith, user } from '../../test-support/harness';
import AgencyRequestsView from './AgencyRequestsView.vue';

// As GET /api/v1/agency-requests answers it.
const fromServer = {
  id: 'req-1',
  state: 'pending_review' as const,
  survey: { clientCount: '6–20', website: 'https://pixel.test', services: 'Shops and campaigns' },
  reason: null,
  decidedAt: null,
  createdAt: new Date().toISOString(),
  organization: { id: 'org-1', slug: 'pixel-agency', name: 'Pixel Agency' },
  projectType: 'website' as const,
  email: 'hello@pixel.test',
};

async function mountView(
  approve = vi.fn(async () => ({ organization: { id: 'org-1', state: 'provisioning' as const } })),
) {
  const api = fakeApi({
    agencyRequests: { list: async () => [fromServer], approve },
  });
  const wrapper = mountWith(AgencyRequestsView, harness(api, user('superadmin')));
  await flushPromises();
  return { wrapper, approve };
}

describe('the agency requests page', () => {
  it('shows the survey answers and who applied', async () => {
    const { wrapper } = await mountView();
    const card = wrapper.find('[data-testid=agency-request-pixel-agency]');
    expect(card.text()).toContain('Shops and campaigns');
    expect(card.text()).toContain('Clients managed');
    expect(card.text()).toContain('hello@pixel.test');
  });

  it('approves, and the request shows as approved', async () => {
    const { wrapper, approve } = await mountView();
    await wrapper.find('[data-testid=approve-agency]').trigger('click');
    await flushPromises();
    expect(approve).toHaveBeenCalledWith('req-1');
    await wrapper.find('#ar-show').setValue('approved');
    expect(wrapper.find('[data-testid=agency-request-pixel-agency]').text()).toContain('approved');
  });

  it('asks for a reason before rejecting', async () => {
    const { wrapper } = await mountView();
    await wrapper.find('[data-testid=agency-request-pixel-agency] button:not(.primary)').trigger('click');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Reject agency')
      ?.trigger('click');
    expect(wrapper.find('[role=alert]').text()).toContain('Give the applicant a reason');
  });
});
