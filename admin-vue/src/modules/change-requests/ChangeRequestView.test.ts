import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { ChangeRequestDetail } from '../../api/models';
import { type Fixture, fakeApi, harness, mountWith, user } from '../../test-support/harness';
import ChangeRequestView from './ChangeRequestView.vue';

const cr: Fixture<ChangeRequestDetail> = {
  id: 'cr1',
  organizationId: 'o1',
  kind: 'update',
  title: 'switch theme luster-starter 1.4.0 → luster-starter 1.5.0',
  state: 'pending_review',
  requestedBy: { id: 'me', email: 'me@x.y', name: 'Me' },
  createdAt: new Date().toISOString(),
  files: [
    {
      path: 'tenants/production/acme/theme-deployment.yaml',
      status: 'modified',
      patch: '@@ -1,2 +1,2 @@\n kind: Deployment\n-image: theme:1.4.0\n+image: theme:1.5.0\n',
    },
  ],
};

async function mountAs(as: ReturnType<typeof user>) {
  const h = harness(fakeApi({ changeRequests: { get: async () => cr } }), as);
  const wrapper = mountWith(ChangeRequestView, h, { id: 'cr1' });
  await flushPromises();
  return wrapper;
}

describe('the change request page', () => {
  it('shows each file as a unified diff with added and removed lines marked', async () => {
    const wrapper = await mountAs(user('superadmin', { id: 'someone-else' }));
    expect(wrapper.text()).toContain('tenants/production/acme/theme-deployment.yaml');
    expect(wrapper.find('.line.del').text()).toContain('image: theme:1.4.0');
    expect(wrapper.find('.line.del').text()).toContain('removed');
    expect(wrapper.find('.line.add').text()).toContain('image: theme:1.5.0');
    expect(wrapper.find('[data-testid=approve]').attributes('disabled')).toBeUndefined();
  });

  it('disables approve for the requester and explains why, linked to the button', async () => {
    const wrapper = await mountAs(user('superadmin', { id: 'me' }));
    const approve = wrapper.find('[data-testid=approve]');
    expect(approve.attributes('disabled')).toBeDefined();
    expect(approve.attributes('aria-describedby')).toBe('approve-why');
    expect(wrapper.find('#approve-why').text()).toBe(
      'You requested this change, so someone else must approve it.',
    );
  });
});
