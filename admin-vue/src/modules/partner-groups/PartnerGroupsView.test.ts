import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import type { Organization, PartnerGroup } from '../../api/models';
import { fakeApi, harness, mountWith, org, user } from '../../test-support/harness';
import PartnerGroupsView from './PartnerGroupsView.vue';

// As GET /api/v1/partner-groups answers them.
const north: PartnerGroup = {
  id: 'g-north',
  slug: 'north',
  name: 'North',
  createdAt: '2026-01-01T00:00:00.000Z',
  agencies: [{ id: 'a-harbor', slug: 'harbor', name: 'Harbor' }],
};
const west: PartnerGroup = {
  id: 'g-west',
  slug: 'west',
  name: 'West',
  createdAt: '2026-01-01T00:00:00.000Z',
  agencies: [{ id: 'a-ridge', slug: 'ridge', name: 'Ridge' }],
};
const agencies = [
  org({ id: 'a-harbor', name: 'Harbor', kind: 'agency' }),
  org({ id: 'a-ridge', name: 'Ridge', kind: 'agency' }),
  org({ id: 'a-lone', name: 'Lone', kind: 'agency' }),
];

function mountAs(as: ReturnType<typeof user>, parts: Parameters<typeof fakeApi>[0] = {}) {
  const [northView, westView] = [north, west].map((g) =>
    org({ id: g.id, name: g.name, kind: 'partner_group', grantableRoles: ['group_admin'] }),
  ) as [Organization, Organization];
  const api = fakeApi({
    partnerGroups: { list: async () => (as.roles.includes('superadmin') ? [north, west] : [north]) },
    organizations: {
      list: async () => ({
        items: as.roles.includes('superadmin') ? [northView, westView, ...agencies] : [northView],
      }),
    },
    ...parts,
  });
  return mountWith(PartnerGroupsView, harness(api, as));
}

describe('the partner groups page', () => {
  it('shows a superadmin each group with its agencies, and offers the agencies not in it, saying where they are', async () => {
    const wrapper = mountAs(user('superadmin'));
    await flushPromises();
    const card = wrapper.find('li[data-group="north"]');
    expect(card.find('[data-testid=group-agency-count]').text()).toBe('1 agency');
    expect(card.find('li[data-agency="harbor"]').text()).toContain('Harbor');
    const options = card.findAll('[data-testid=agency-move-in] option').map((o) => o.text());
    expect(options).toEqual(['Choose an agency', 'Ridge (now in West)', 'Lone']);
    expect(card.find('[data-testid=group-invite]').exists()).toBe(true);
    expect(card.find('[data-testid=group-delete]').exists()).toBe(true);
  });

  it('gives a group admin its group with the invitation only, inviting as group_admin', async () => {
    const invite = vi.fn(async () => ({}));
    const wrapper = mountAs(
      user('group_admin', { memberships: [{ organizationId: 'g-north', role: 'group_admin' }] }),
      {
        organizations: {
          list: async () => ({
            items: [
              org({ id: 'g-north', name: 'North', kind: 'partner_group', grantableRoles: ['group_admin'] }),
            ],
          }),
          invite,
        },
      },
    );
    await flushPromises();
    expect(wrapper.findAll('li[data-group]')).toHaveLength(1);
    for (const control of [
      'group-create',
      'group-rename',
      'agency-move-in',
      'agency-move-out',
      'group-delete',
    ])
      expect(wrapper.find(`[data-testid=${control}]`).exists()).toBe(false);
    await wrapper.find('[data-testid=group-invite] input').setValue('gina@north.test');
    await wrapper.find('[data-testid=group-invite]').trigger('submit');
    await flushPromises();
    expect(invite).toHaveBeenCalledWith('g-north', { email: 'gina@north.test', role: 'group_admin' });
    expect(wrapper.find('[data-testid=group-notice]').text()).toBe('Invitation mailed to gina@north.test.');
  });

  it('offers no invitation where the group’s view grants no group_admin', async () => {
    const wrapper = mountAs(
      user('group_admin', { memberships: [{ organizationId: 'g-north', role: 'group_admin' }] }),
      {
        organizations: { list: async () => ({ items: [org({ id: 'g-north', kind: 'partner_group' })] }) },
      },
    );
    await flushPromises();
    expect(wrapper.find('li[data-group="north"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=group-invite]').exists()).toBe(false);
  });

  it('deletes only after the slug is typed, and names what a group still holds when the server refuses', async () => {
    const remove = vi.fn(async () => {
      throw new ApiError(409, 'partner_group_not_empty', 'not empty', undefined, {
        agencies: [{ id: 'a-harbor', slug: 'harbor', name: 'Harbor' }],
        credits: 5,
      });
    });
    const wrapper = mountAs(user('superadmin'), {
      partnerGroups: { list: async () => [north, west], remove },
    });
    await flushPromises();
    const card = () => wrapper.find('li[data-group="north"]');
    await card().find('[data-testid=group-delete]').trigger('click');
    await card().find('[data-testid=confirm-typing-input]').setValue('nort');
    expect(card().find('[data-testid=confirm-typing-submit]').attributes('disabled')).toBeDefined();
    await card().find('[data-testid=confirm-typing-input]').setValue('north');
    await card().find('[data-testid=confirm-typing]').trigger('submit');
    await flushPromises();
    expect(remove).toHaveBeenCalledWith('g-north');
    expect(card().find('[role=alert]').text()).toBe(
      'This group still holds the agencies Harbor and 5 credits. Move its agencies out and take its credits back first.',
    );
    expect(card().find('[data-testid=confirm-typing]').exists()).toBe(true);
  });
});
