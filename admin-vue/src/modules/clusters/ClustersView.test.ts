import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import type { Cluster } from '../../api/models';
import { fakeApi, harness, mountWith, user } from '../../test-support/harness';
import ClustersView from './ClustersView.vue';
import { formatLabels, parseLabels } from './labels';

// As GET /api/v1/clusters answers them.
const cluster = (over: Partial<Cluster>): Cluster => ({
  name: 'production',
  region: 'eu-west-1',
  capacity: 10,
  labels: {},
  acceptsTenants: true,
  tenants: 4,
  usedPercent: 40,
  health: { Pending: 1, Reconciling: 0, Ready: 2, Failed: 1, Stale: 0 },
  preferredBy: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

function mountWithClusters(list: () => Promise<Cluster[]>, parts: Record<string, unknown> = {}) {
  const api = fakeApi({ clusters: { list, ...parts } } as Parameters<typeof fakeApi>[0]);
  return mountWith(ClustersView, harness(api, user('superadmin')));
}

describe('the clusters page', () => {
  it('shows each cluster with its capacity bar, whether it accepts sites and its health in colour', async () => {
    const full = cluster({
      name: 'edge-1',
      capacity: 2,
      tenants: 2,
      usedPercent: 100,
      acceptsTenants: false,
    });
    const wrapper = mountWithClusters(async () => [cluster({ labels: { provider: 'hetzner' } }), full]);
    await flushPromises();
    const production = wrapper.find('li[data-cluster="production"]');
    expect(production.find('[data-testid=cluster-capacity]').text()).toContain('4 of 10 sites (40 %)');
    expect(production.find('[data-testid=cluster-accepting]').text()).toBe('Accepts new sites');
    expect(production.find('.status-Failed').text()).toBe('Failed 1');
    expect(production.find('.status-Ready').text()).toBe('Ready 2');
    expect(production.text()).toContain('provider=hetzner');
    const edge = wrapper.find('li[data-cluster="edge-1"]');
    expect(edge.find('[data-testid=cluster-accepting]').text()).toBe('Closed to new sites');
    expect(edge.find('.bar span').classes()).toContain('full');
  });

  it('adds a cluster from the form, labels parsed, then lists it again', async () => {
    const create = vi.fn(async () => cluster({ name: 'edge-2' }));
    let answers = [cluster({})];
    const wrapper = mountWithClusters(async () => answers, { create });
    await flushPromises();
    await wrapper.find('#cluster-name').setValue('edge-2');
    await wrapper.find('#cluster-capacity').setValue('5');
    await wrapper.find('#cluster-labels').setValue('tier=gold, provider=ovh');
    answers = [cluster({}), cluster({ name: 'edge-2' })];
    await wrapper.find('[data-testid=cluster-form]').trigger('submit');
    await flushPromises();
    expect(create).toHaveBeenCalledWith({
      name: 'edge-2',
      region: '',
      capacity: 5,
      labels: { tier: 'gold', provider: 'ovh' },
    });
    expect(wrapper.find('li[data-cluster="edge-2"]').exists()).toBe(true);
  });

  it('closes a cluster to new sites, and says why an occupied cluster cannot be deleted', async () => {
    const update = vi.fn(async () => cluster({ acceptsTenants: false }));
    const remove = vi.fn(async () => {
      throw new ApiError(409, 'cluster_not_empty', 'not empty', undefined, { tenants: 4 });
    });
    const wrapper = mountWithClusters(async () => [cluster({})], { update, remove });
    await flushPromises();
    await wrapper.find('[data-testid=cluster-toggle]').trigger('click');
    await flushPromises();
    expect(update).toHaveBeenCalledWith('production', { acceptsTenants: false });
    await wrapper.find('[data-testid=cluster-delete]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[role=alert]').text()).toBe(
      'production still runs 4 tenants: move them to another cluster first.',
    );
  });

  it("lists a cluster's sites page by page", async () => {
    const page = (slugs: string[], nextCursor: string | null) => ({
      ...cluster({}),
      tenantPage: {
        items: slugs.map((slug) => ({
          organizationId: `id-${slug}`,
          slug,
          name: slug,
          state: 'active',
          sync: 'Ready',
        })),
        nextCursor,
      },
    });
    const get = vi.fn(async (_name: string, query: { cursor?: string }) =>
      query.cursor ? page(['cc'], null) : page(['aa', 'bb'], 'bb'),
    );
    const wrapper = mountWithClusters(async () => [cluster({})], { get });
    await flushPromises();
    await wrapper.find('[data-testid=cluster-tenants]').trigger('click');
    await flushPromises();
    await wrapper.find('[data-testid=cluster-tenant-list] button').trigger('click');
    await flushPromises();
    const list = wrapper.find('[data-testid=cluster-tenant-list]');
    expect(list.findAll('code').map((c) => c.text())).toEqual(['aa', 'bb', 'cc']);
    expect(get).toHaveBeenLastCalledWith('production', { limit: 50, cursor: 'bb' });
    expect(list.find('button').exists()).toBe(false);
  });
});

describe('labels as typed', () => {
  it.each([
    ['', {}],
    ['a=b', { a: 'b' }],
    [' a = b , c=d ', { a: 'b', c: 'd' }],
    ['a=', { a: '' }],
  ])('reads %j', (text, labels) => {
    expect(parseLabels(text)).toEqual(labels);
    expect(parseLabels(formatLabels(labels))).toEqual(labels);
  });

  it.each(['a', '=b', 'a=b, c'])('refuses %j', (text) => {
    expect(parseLabels(text)).toBeNull();
  });
});
