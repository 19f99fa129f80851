import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { Organization, User } from '../../api/models';
import type { Backups } from '../../api/moves';
import { fakeApi, harness, mountWith, org, user } from '../../test-support/harness';
import PlacementPanel from './PlacementPanel.vue';

type Allowed = Organization['allowedActions'];
type Kept = NonNullable<Backups['database']['kept']>;

const site = (allowedActions: Allowed) => org({ id: 'site', cluster: 'production', allowedActions });
const backups = (kept: Kept | null) => ({
  cluster: 'production',
  database: { name: 'db-1', recoveredFrom: { cluster: 'production', database: 'db' }, kept },
  schedule: '0 0 3 * * *',
  retentionDays: 7,
  lastDueAt: new Date(Date.now() - 3_600_000).toISOString(),
  lastReportedHealthyAt: null,
  restoreWindow: { from: '2026-12-01T00:00:00.000Z', to: '2026-12-06T00:00:00.000Z' },
});
const restoredCopy: Kept = { cluster: 'production', name: 'db', stage: 'kept' };
const movedCopy: Kept = { cluster: 'edge-1', name: 'db', stage: 'kept' };
const clientAdmin = user('client_admin', { memberships: [{ organizationId: 'site', role: 'client_admin' }] });

async function mountAs(as: User, allowed: Allowed, kept: Kept | null, ready: boolean, extra = {}) {
  const api = fakeApi({ moves: { backups: async () => backups(kept) }, ...extra });
  const wrapper = mountWith(PlacementPanel, harness(api, as), { org: site(allowed), ready });
  await flushPromises();
  return wrapper;
}

describe("a tenant's cluster and backups", () => {
  it('shows the cluster and the backups line, and a client admin only a restore: no move, no preferred cluster', async () => {
    const wrapper = await mountAs(clientAdmin, ['organization.read', 'organization.restore'], null, true);
    expect(wrapper.find('[data-testid="tenant-cluster"]').text()).toBe('production');
    expect(wrapper.find('[data-testid="backups-line"]').text()).toMatch(
      /Daily, kept 7 days\. Last run due 1 h ago\.\s*Not reported healthy yet/,
    );
    expect(wrapper.find('[data-testid="action-restore"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="action-move"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="preferred-cluster"]').exists()).toBe(false);
  });

  it('offers nothing but the reading to someone the server allows no move or restore', async () => {
    const editor = user('editor', { memberships: [{ organizationId: 'site', role: 'editor' }] });
    const wrapper = await mountAs(editor, ['organization.read'], restoredCopy, true);
    expect(wrapper.find('[data-testid="kept-copy"]').text()).toContain('is kept until it is released');
    expect(wrapper.find('[data-testid="release-copy"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="action-restore"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="action-move"]').exists()).toBe(false);
  });

  it("releases a restore's kept copy only once the site is Ready; a move's copy is not the client admin's to release", async () => {
    const allowed: Allowed = ['organization.read', 'organization.restore'];
    const waiting = await mountAs(clientAdmin, allowed, restoredCopy, false);
    expect(waiting.find('[data-testid="release-copy"]').attributes('disabled')).toBeDefined();
    expect(waiting.text()).toContain('Waiting for production to report the site Ready');
    const release = vi.fn(async () => ({ organization: site(allowed), change: null }));
    const ready = await mountAs(clientAdmin, allowed, restoredCopy, true, {
      moves: { backups: async () => backups(restoredCopy), release },
    });
    await ready.find('[data-testid="release-copy"]').trigger('click');
    await flushPromises();
    expect(release).toHaveBeenCalledWith('site', undefined);
    const moved = await mountAs(clientAdmin, allowed, movedCopy, true);
    expect(moved.find('[data-testid="kept-copy"]').exists()).toBe(true);
    expect(moved.find('[data-testid="release-copy"]').exists()).toBe(false);
  });

  it("lets a superadmin move to a cluster that takes sites, preview first, and set the agency's preferred cluster", async () => {
    const clusters = [
      { name: 'production', acceptsTenants: true, preferredBy: [] },
      { name: 'edge-1', acceptsTenants: false, preferredBy: [] },
      { name: 'edge-2', acceptsTenants: true, preferredBy: [{ id: 'site', slug: 'site', name: 'Site' }] },
    ];
    const choices = [
      { name: 'edge-2', region: '', labels: {}, roomLeft: 4 },
      { name: 'production', region: '', labels: {}, roomLeft: 10 },
    ];
    const previewMove = vi.fn(async () => ({ baseSha: 'a'.repeat(40), files: [] }));
    const setPreferred = vi.fn(async () => ({ organizationId: 'site', preferredCluster: null }));
    const wrapper = await mountAs(
      user('superadmin'),
      ['organization.read', 'organization.move'],
      null,
      true,
      {
        moves: { backups: async () => backups(null), previewMove },
        clusters: { list: async () => clusters, setPreferred, choices: async () => choices },
      },
    );
    const preferred = wrapper.find<HTMLSelectElement>('#preferred-cluster');
    expect(preferred.element.value).toBe('edge-2');
    await wrapper.find('[data-testid="action-move"]').trigger('click');
    await flushPromises();
    const options = wrapper.findAll('#move-cluster option:not([disabled])').map((o) => o.text());
    expect(options).toEqual(['edge-2 · room for 4']);
    await wrapper.find('#move-cluster').setValue('edge-2');
    await wrapper.find('[data-testid="placement-preview"]').trigger('submit');
    await flushPromises();
    expect(previewMove).toHaveBeenCalledWith('site', 'edge-2');
    await preferred.setValue('');
    await wrapper.find('[data-testid="preferred-cluster"]').trigger('submit');
    await flushPromises();
    expect(setPreferred).toHaveBeenCalledWith('site', null);
  });

  it('offers an agency admin the clusters that accept sites as a list, with region, labels and room left', async () => {
    const agencyAdmin = user('agency_admin', {
      memberships: [{ organizationId: 'agency', role: 'agency_admin' }],
    });
    const choices = vi.fn(async () => [
      { name: 'edge-2', region: 'eu-central-1', labels: { provider: 'hetzner' }, roomLeft: 0 },
      { name: 'production', region: '', labels: {}, roomLeft: 10 },
    ]);
    const list = vi.fn(async () => {
      throw new Error('only superadmins list clusters');
    });
    const previewMove = vi.fn(async () => ({ baseSha: 'a'.repeat(40), files: [] }));
    const wrapper = await mountAs(agencyAdmin, ['organization.read', 'organization.move'], null, true, {
      moves: { backups: async () => backups(null), previewMove },
      clusters: { choices, list },
    });
    expect(wrapper.find('[data-testid="preferred-cluster"]').exists()).toBe(false);
    await wrapper.find('[data-testid="action-move"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('input#move-cluster').exists()).toBe(false);
    const options = wrapper.findAll('#move-cluster option:not([disabled])').map((o) => o.text());
    expect(options).toEqual(['edge-2 · eu-central-1 · provider=hetzner · room for 0']);
    await wrapper.find('#move-cluster').setValue('edge-2');
    await wrapper.find('[data-testid="placement-preview"]').trigger('submit');
    await flushPromises();
    expect(previewMove).toHaveBeenCalledWith('site', 'edge-2');
    expect(list).not.toHaveBeenCalled();
  });

  it('says why the list of clusters is missing when it cannot be read', async () => {
    const choices = vi.fn(async () => {
      throw new Error('network down');
    });
    const wrapper = await mountAs(
      user('superadmin'),
      ['organization.read', 'organization.move'],
      null,
      true,
      {
        moves: { backups: async () => backups(null) },
        clusters: { choices, list: async () => [] },
      },
    );
    await wrapper.find('[data-testid="action-move"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
    expect(wrapper.findAll('#move-cluster option:not([disabled])')).toHaveLength(0);
  });
});
