import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/models';
import { markSeen } from '../../lib/onboarding';
import { fakeApi, harness, mountWith, org, user } from '../../test-support/harness';
import AppShell from './AppShell.vue';

vi.mock('../onboarding/tour', () => ({ startTour: vi.fn() }));

const agency = org({
  id: 'agency',
  name: 'Pixel Agency',
  kind: 'agency',
  plugins: ['seo-assistant', 'analytics'],
  branding: {
    appName: 'Pixel Studio',
    primaryColor: '#0f766e',
    supportEmail: 'help@pixel.test',
    footerText: '© Pixel',
  },
});
const client = org({
  id: 'client',
  name: 'Client Shop',
  parentId: 'agency',
  plugins: ['ecommerce', 'seo-assistant'],
});

async function mountAs(as: User) {
  markSeen(as.id, 'tour');
  const api = fakeApi({
    organizations: {
      list: async () => ({ items: [agency, client], total: 2, nextCursor: null }),
      get: async (id: string) => (id === 'agency' ? agency : client),
    },
  });
  const wrapper = mountWith(AppShell, harness(api, as));
  await flushPromises();
  return wrapper;
}

describe('the shell', () => {
  beforeEach(() => localStorage.clear());

  it('gives a superadmin the switcher with "All organizations" and every organization', async () => {
    const wrapper = await mountAs(user('superadmin'));
    const options = wrapper.findAll('[data-testid=context-switcher] option').map((o) => o.text().trim());
    expect(options).toEqual(['All organizations', 'Pixel Agency', 'Client Shop']);
    expect(wrapper.find('[data-testid=nav-agency-requests]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=nav-credit-prices]').exists()).toBe(true);
  });

  it('gives an agency admin its agency and clients, with the agency branding applied', async () => {
    const wrapper = await mountAs(
      user('agency_admin', { memberships: [{ organizationId: 'agency', role: 'agency_admin' }] }),
    );
    expect(wrapper.find('[data-testid=context-switcher] option').text()).toBe('All my organizations');
    expect(wrapper.find('[data-testid=app-name]').text()).toContain('Pixel Studio');
    expect(wrapper.find('.shell').attributes('style')).toContain('--brand: #0f766e');
    expect(wrapper.find('[data-testid=support]').text()).toContain('help@pixel.test');
    expect(wrapper.text()).toContain('© Pixel');
    expect(wrapper.find('[data-testid=nav-agency-requests]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=nav-credit-prices]').exists()).toBe(false);
  });

  it('lists only the enabled plugins of the organization in context, and follows the switcher', async () => {
    const wrapper = await mountAs(
      user('agency_admin', { memberships: [{ organizationId: 'agency', role: 'agency_admin' }] }),
    );
    const plugins = () => wrapper.findAll('[data-testid=plugin-nav] a').map((a) => a.text().trim());
    expect(plugins()).toEqual(['SEO Assistant', 'Analytics']);
    await wrapper.find('[data-testid=context-switcher]').setValue('client');
    await flushPromises();
    expect(plugins()).toEqual(['E-commerce', 'SEO Assistant']);
  });

  it('gives an editor no switcher and only their organization', async () => {
    const wrapper = await mountAs(
      user('editor', { memberships: [{ organizationId: 'client', role: 'editor' }] }),
    );
    expect(wrapper.find('[data-testid=context-switcher]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=nav-change-requests]').exists()).toBe(false);
    expect(wrapper.find('.nav-title').text()).toBe('Client Shop');
  });
});
