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
  approval: {
    required: 1,
    remaining: 1,
    approvers: [{ id: 'rev', email: 'rev@x.y', name: 'Rita Reviewer' }],
    approverCounts: { superadmins: 0, reviewers: 1 },
  },
  files: [
    {
      path: 'tenants/production/acme/theme-deployment.yaml',
      status: 'modified',
      patch: '@@ -1,2 +1,2 @@\n kind: Deployment\n-image: theme:1.4.0\n+image: theme:1.5.0\n',
    },
  ],
};

async function mountAs(as: ReturnType<typeof user>, shown: Fixture<ChangeRequestDetail> = cr) {
  const h = harness(fakeApi({ changeRequests: { get: async () => shown } }), as);
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

  it('shows the requester no decision, says why, how many approvals are missing and who can give them', async () => {
    const wrapper = await mountAs(user('superadmin', { id: 'me' }));
    expect(wrapper.find('[data-testid=approve]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=merge]').exists()).toBe(false);
    expect(wrapper.find('#approve-why').text()).toBe(
      'You requested this change, so someone else must approve it.',
    );
    const outlook = wrapper.find('[data-testid=approval-outlook]');
    expect(outlook.text()).toContain('1 more approval is needed');
    expect(outlook.find('li').text()).toContain('Rita Reviewer');
    expect(outlook.find('a').attributes('href')).toBe('mailto:rev@x.y');
  });

  it('says how to get a second superadmin when nobody can approve', async () => {
    const wrapper = await mountAs(user('superadmin', { id: 'me' }), {
      ...cr,
      kind: 'purge',
      approval: {
        required: 1,
        remaining: 1,
        approvers: [],
        approverCounts: { superadmins: 0, reviewers: 0 },
      },
    });
    expect(wrapper.find('[data-testid=no-approver]').text()).toContain(
      'npx luster admin create-superadmin <email>',
    );
  });

  it('tells a viewer who may not approve how many can, by role, without names', async () => {
    const wrapper = await mountAs(user('client_admin', { id: 'me' }), {
      ...cr,
      kind: 'purge',
      approval: {
        required: 1,
        remaining: 1,
        approvers: [],
        approverCounts: { superadmins: 2, reviewers: 1 },
      },
    });
    const outlook = wrapper.find('[data-testid=approval-outlook]');
    expect(outlook.find('[data-testid=approver-counts]').text()).toBe(
      'Who can approve it: 2 superadmins and 1 reviewer of the platform.',
    );
    expect(outlook.find('li').exists()).toBe(false);
    expect(outlook.find('[data-testid=no-approver]').exists()).toBe(false);
  });

  it('shows no Approve, Merge or Reject on a committed change', async () => {
    const wrapper = await mountAs(user('superadmin', { id: 'someone-else' }), {
      ...cr,
      state: 'committed',
      commitSha: 'abcdef1234567',
      approval: {
        required: 1,
        remaining: 0,
        approvers: [],
        approverCounts: { superadmins: 0, reviewers: 0 },
      },
    });
    expect(wrapper.find('[data-testid=merged]').text()).toContain('Committed to main');
    expect(wrapper.find('[data-testid=review-actions]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=approval-outlook]').exists()).toBe(false);
    expect(wrapper.find('#approve-why').exists()).toBe(false);
  });
});
