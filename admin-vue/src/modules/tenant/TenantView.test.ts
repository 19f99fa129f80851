import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { Member, Organization, User } from '../../api/models';
import { fakeApi, harness, mountWith, org, user } from '../../test-support/harness';
import TenantView from './TenantView.vue';

type Allowed = Organization['allowedActions'];
/** What the server lists for a client admin and an editor on their own organization. */
const forClientAdmin: Allowed = [
  'organization.read',
  'organization.update',
  'users.read',
  'users.invite',
  'users.manage',
  'media.read',
  'media.write',
];
const forEditor: Allowed = ['organization.read', 'media.read', 'media.write'];

const client = (allowedActions: Allowed) =>
  org({
    id: 'client',
    name: 'Acme',
    parentId: 'agency',
    branding: { appName: 'Acme Studio', primaryColor: '#112233' },
    allowedActions,
    // The server offers roles only with users.invite: a client admin's own and those below it.
    grantableRoles: allowedActions.includes('users.invite') ? ['client_admin', 'editor', 'viewer'] : [],
  });
const colleague: Member = {
  userId: 'u2',
  email: 'colleague@acme.test',
  name: 'Colleague',
  role: 'editor',
  emailVerified: false,
  pending: false,
  status: 'active',
  since: new Date(Date.now() - 120_000).toISOString(),
};

async function mountAs(as: User, tab: string, allowedActions: Allowed) {
  const members = vi.fn(async () => [colleague]);
  const api = fakeApi({
    organizations: {
      get: async () => client(allowedActions),
      sync: async () => ({ status: 'Ready' as const, lastChange: null, events: [] }),
      members,
    },
  });
  const wrapper = mountWith(TenantView, harness(api, as), { id: 'client', tab });
  await flushPromises();
  return { wrapper, members };
}

describe('the Members tab of an organization', () => {
  it('lists the members with their role, status, whether their email is verified, and since when', async () => {
    const { wrapper } = await mountAs(
      user('client_admin', { memberships: [{ organizationId: 'client', role: 'client_admin' }] }),
      'users',
      forClientAdmin,
    );
    expect(wrapper.find('[data-testid="tab-users"]').attributes('aria-current')).toBe('page');
    const row = wrapper.find('tr[data-member="colleague@acme.test"]');
    const role = row.find<HTMLSelectElement>('[data-testid="member-role-select"]');
    expect([role.element.value, role.attributes('aria-label')]).toEqual([
      'editor',
      'Role of colleague@acme.test',
    ]);
    expect(row.find('[data-testid="member-status"]').text()).toBe('Active');
    expect(row.find('[data-testid="member-verified"]').text()).toBe('Not verified');
    expect(row.find('time').text()).toBe('2 min ago');
    const options = wrapper.findAll('#invite-role option').map((o) => o.text());
    expect(options).toEqual(['Client admin', 'Editor', 'Viewer']);
    expect(wrapper.find('label[for="invite-email"]').text()).toBe('Email');
  });

  it('is neither offered nor shown to someone who may not manage members', async () => {
    const { wrapper, members } = await mountAs(
      user('editor', { memberships: [{ organizationId: 'client', role: 'editor' }] }),
      'users',
      forEditor,
    );
    expect(wrapper.find('[data-testid="tab-users"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="invite-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="tab-overview"]').attributes('aria-current')).toBe('page');
    expect(members).not.toHaveBeenCalled();
  });
});

describe('the Branding tab of an organization', () => {
  const clientAdmin = user('client_admin', {
    memberships: [{ organizationId: 'client', role: 'client_admin' }],
  });

  it('shows each field with its label and the saved value, and no save before a change', async () => {
    const { wrapper } = await mountAs(clientAdmin, 'branding', forClientAdmin);
    expect(wrapper.find('[data-testid="tab-branding"]').attributes('aria-current')).toBe('page');
    expect(wrapper.find('label[for="brand-appName"]').text()).toBe('App name');
    expect((wrapper.find('#brand-appName').element as HTMLInputElement).value).toBe('Acme Studio');
    expect(wrapper.find('[data-testid="swatch-primaryColor"]').attributes('style')).toContain('background');
    expect(wrapper.find('[data-testid="look-name"]').text()).toBe('Acme Studio');
    expect(wrapper.find('[data-testid="branding-preview"]').attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid="branding-remove"]').exists()).toBe(true);
  });

  it('says a wrong colour beside its field when the person leaves it', async () => {
    const { wrapper } = await mountAs(clientAdmin, 'branding', forClientAdmin);
    const field = wrapper.find('#brand-accentColor');
    await field.setValue('orange');
    await field.trigger('blur');
    expect(field.attributes('aria-invalid')).toBe('true');
    expect(field.attributes('aria-describedby')).toContain('brand-accentColor-error');
    expect(wrapper.find('#brand-accentColor-error').text()).toBe('Must be a hex color such as #1a2b3c.');
    expect(wrapper.find('[data-testid="branding-preview"]').attributes('disabled')).toBeUndefined();
  });

  it('is neither offered nor shown to someone who may not change the organization', async () => {
    const { wrapper } = await mountAs(
      user('editor', { memberships: [{ organizationId: 'client', role: 'editor' }] }),
      'branding',
      forEditor,
    );
    expect(wrapper.find('[data-testid="tab-branding"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="branding-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="tab-overview"]').attributes('aria-current')).toBe('page');
  });
});

describe('the Resume action of a suspended client', () => {
  const agencyAdmin = user('agency_admin', {
    memberships: [{ organizationId: 'agency', role: 'agency_admin' }],
  });
  const mountSuspended = async (suspendedBy: 'self' | 'platform' | 'parent') => {
    // The server lists resume only where the viewer may lift the suspension.
    const allowedActions: Allowed = [
      'organization.read',
      'organization.update',
      'organization.update_tier',
      ...(suspendedBy === 'self' ? (['organization.resume'] as const) : []),
      'organization.deprovision',
      'users.read',
    ];
    const suspended = org({
      id: 'client',
      parentId: 'agency',
      state: 'suspended',
      suspendedBy,
      allowedActions,
    });
    const api = fakeApi({
      organizations: {
        get: async () => suspended,
        sync: async () => ({ status: 'Ready' as const, lastChange: null, events: [] }),
      },
    });
    const wrapper = mountWith(TenantView, harness(api, agencyAdmin), { id: 'client', tab: 'overview' });
    await flushPromises();
    return wrapper;
  };

  it('is offered when the viewer (or an organization below it) imposed the suspension', async () => {
    const wrapper = await mountSuspended('self');
    expect(wrapper.find('[data-testid="action-resume"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="resume-refused"]').exists()).toBe(false);
  });

  it.each([
    ['platform', 'The platform suspended this organization. Only the platform can resume it.'],
    ['parent', 'An organization above yours suspended this one. Only it can resume it.'],
  ] as const)('is replaced by a sentence when the %s imposed it', async (suspendedBy, sentence) => {
    const wrapper = await mountSuspended(suspendedBy);
    expect(wrapper.find('[data-testid="action-resume"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="resume-refused"]').text()).toBe(sentence);
    expect(wrapper.find('[data-testid="action-deprovision"]').exists()).toBe(true);
  });
});

describe('the Actions panel', () => {
  const agencyAdmin = user('agency_admin', {
    memberships: [{ organizationId: 'agency', role: 'agency_admin' }],
  });
  const mountOffering = async (allowedActions: Allowed) => {
    const api = fakeApi({
      organizations: {
        get: async () => org({ id: 'client', parentId: 'agency', allowedActions }),
        sync: async () => ({ status: 'Ready' as const, lastChange: null, events: [] }),
      },
    });
    const wrapper = mountWith(TenantView, harness(api, agencyAdmin), { id: 'client', tab: 'overview' });
    await flushPromises();
    return wrapper;
  };
  const offered = (wrapper: Awaited<ReturnType<typeof mountOffering>>) =>
    wrapper.findAll('[data-testid^="action-"]').map((b) => b.attributes('data-testid'));

  it('offers only what the server listed, whatever role the viewer holds', async () => {
    const wrapper = await mountOffering(['organization.read', 'organization.update', 'organization.purge']);
    expect(offered(wrapper)).toEqual(['action-theme', 'action-plugins', 'action-purge']);
  });

  it('is not shown when the server lists no action it offers', async () => {
    const wrapper = await mountOffering(['organization.read', 'users.read']);
    expect(wrapper.find('#actions-title').exists()).toBe(false);
  });
});
