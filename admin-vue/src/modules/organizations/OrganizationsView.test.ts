import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import type { LiveHandlers } from '../../api/events';
import type { Organization, OrganizationFilters, SyncState } from '../../api/models';
import { useLiveStore } from '../../stores/live';
import { useOrgContextStore } from '../../stores/org-context';
import { fakeApi, harness, mountWith, org, user } from '../../test-support/harness';
import OrganizationsView from './OrganizationsView.vue';

const committedAt = new Date(Date.now() - 60_000).toISOString();
const acme = org({
  id: 'acme',
  name: 'Acme',
  tier: 'pro',
  lastChange: { id: 'cr-1', sha: 'a'.repeat(40), committedAt },
  sync: { status: 'Pending', appliedRevision: null, readyAt: null, message: null },
});
const agency = org({ id: 'agency', name: 'Agency', kind: 'agency', tier: null, theme: null });
const client = org({ id: 'client', name: 'Client', parentId: 'agency' });

/** What the server counts: organizations with a tenant (not the agency), by state and by sync status. */
function countsOf(items: Organization[]) {
  const tenants = items.filter((o) => o.kind === 'organization');
  const tally = <K extends string>(keys: (K | null)[]) =>
    [...new Set(keys)].flatMap((k) => (k ? [[k, keys.filter((x) => x === k).length] as const] : []));
  return {
    states: tally(tenants.map((o) => o.state)).map(([state, count]) => ({ state, count })),
    sync: tally(tenants.map((o) => o.sync?.status ?? null)).map(([status, count]) => ({ status, count })),
  };
}

function page(items = [acme, agency, client], counted = items) {
  return { items, total: items.length, nextCursor: null, counts: countsOf(counted) };
}

/** A server that filters by state and sync status and counts over everything, as the real one does. */
function server(all: Organization[]) {
  return vi.fn(async (filters: OrganizationFilters = {}) =>
    page(
      all.filter(
        (o) =>
          // Both filters are on the tenant: an agency has none.
          (!(filters.state || filters.sync) || o.kind === 'organization') &&
          (!filters.state || o.state === filters.state) &&
          (!filters.sync || o.sync?.status === filters.sync),
      ),
      all,
    ),
  );
}

const failed = org({
  id: 'broken',
  name: 'Broken',
  state: 'provisioning',
  sync: { status: 'Failed', appliedRevision: null, readyAt: null, message: 'health check failed: web' },
});

function liveSync(organizationId: string, status: SyncState) {
  return {
    organizationId,
    sync: { status, lastChange: null, appliedRevision: null, readyAt: null, message: null },
  };
}

async function mountView(list: ReturnType<typeof server> = vi.fn(async () => page())) {
  const h = harness(fakeApi({ organizations: { list } }), user('superadmin'));
  const wrapper = mountWith(OrganizationsView, h);
  await flushPromises();
  return { wrapper, list, h };
}

describe('the organizations page', () => {
  it('shows each organization with tier, theme, state and a sync badge with word and time', async () => {
    const { wrapper } = await mountView();
    const row = wrapper.find('tr[data-org="acme"]');
    expect(row.text()).toContain('pro');
    expect(row.text()).toContain('Luster Starter');
    expect(row.text()).toContain('Active');
    const badge = row.find('[data-testid="sync-cell"] .pill');
    expect(badge.attributes('data-status')).toBe('Pending');
    expect(badge.text()).toContain('Pending');
    expect(row.find('time').attributes('datetime')).toBe(committedAt);
    expect(row.find('time').text()).toBe('1 min ago');
  });

  it('nests clients under their agency', async () => {
    const { wrapper } = await mountView();
    const slugs = wrapper.findAll('tbody tr').map((r) => r.attributes('data-org'));
    expect(slugs).toEqual(['acme', 'agency', 'client']);
    expect(wrapper.find('tr[data-org="client"] .tree-mark').text()).toBe('└');
  });

  it('turns a badge Ready when the live stream says so, without loading the list again', async () => {
    const { wrapper, list, h } = await mountView();
    useLiveStore(h.pinia).apply({
      organizationId: 'acme',
      sync: {
        status: 'Ready',
        lastChange: acme.lastChange,
        appliedRevision: null,
        readyAt: new Date().toISOString(),
        message: null,
      },
    });
    await flushPromises();
    const badge = wrapper.find('tr[data-org="acme"] [data-testid="sync-cell"] .pill');
    expect(badge.attributes('data-status')).toBe('Ready');
    expect(badge.classes()).toContain('status-Ready');
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('asks the server for the chosen tier, one large page', async () => {
    const { wrapper, list } = await mountView();
    await wrapper.find('#f-tier').setValue('pro');
    await flushPromises();
    expect(list).toHaveBeenLastCalledWith({
      state: undefined,
      sync: undefined,
      tier: 'pro',
      parentId: undefined,
      limit: 500,
    });
  });

  it("shows the server's counts by sync status and state; a count asks the server for only those, a second click for all again", async () => {
    const { wrapper, list } = await mountView(server([acme, agency, client, failed]));
    const counts = wrapper.find('[data-testid="org-counts"]');
    expect(counts.find('[data-sync-count="Failed"]').text()).toBe('1 Failed');
    expect(counts.find('[data-state-count="provisioning"]').text()).toBe('1 Provisioning');
    expect(counts.find('[data-state-count="active"]').text()).toBe('2 Active');

    await counts.find('[data-sync-count="Failed"]').trigger('click');
    await flushPromises();
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ sync: 'Failed', state: undefined }));
    expect(wrapper.findAll('tbody tr').map((r) => r.attributes('data-org'))).toEqual(['broken']);
    expect(wrapper.find('[data-sync-count="Failed"]').attributes('aria-pressed')).toBe('true');
    // The other counts stay (the server counts over every state and status), so the filter changes in one click.
    expect(wrapper.find('[data-state-count="active"]').text()).toBe('2 Active');
    await wrapper.find('[data-sync-count="Failed"]').trigger('click');
    await flushPromises();
    expect(wrapper.findAll('tbody tr')).toHaveLength(4);

    await wrapper.find('[data-state-count="active"]').trigger('click');
    await flushPromises();
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ state: 'active', sync: undefined }));
    expect(wrapper.findAll('tbody tr').map((r) => r.attributes('data-org'))).toEqual(['acme', 'client']);
    expect((wrapper.find('#f-state').element as HTMLSelectElement).value).toBe('active');
    expect(list).toHaveBeenCalledTimes(4);
  });

  it('moves the counts as the live stream reports changes, without asking the server again', async () => {
    const { wrapper, list, h } = await mountView(server([acme, agency, client, failed]));
    const live = useLiveStore(h.pinia);
    live.apply(liveSync('broken', 'Ready'));
    live.applyState({ organizationId: 'broken', state: 'active' });
    await flushPromises();
    expect(wrapper.find('[data-sync-count="Failed"]').exists()).toBe(false);
    expect(wrapper.find('[data-sync-count="Ready"]').text()).toBe('1 Ready');
    expect(wrapper.find('[data-state-count="provisioning"]').exists()).toBe(false);
    expect(wrapper.find('[data-state-count="active"]').text()).toBe('3 Active');
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('drops a row that no longer matches the filter, and asks the server when an uncounted organization changes', async () => {
    const { wrapper, list, h } = await mountView(server([acme, agency, client, failed]));
    await wrapper.find('[data-sync-count="Failed"]').trigger('click');
    await flushPromises();
    const live = useLiveStore(h.pinia);
    live.apply(liveSync('broken', 'Reconciling'));
    await flushPromises();
    expect(wrapper.findAll('tbody tr')).toHaveLength(0);
    expect(wrapper.find('[data-sync-count="Reconciling"]').text()).toBe('1 Reconciling');
    expect(list).toHaveBeenCalledTimes(2);

    // acme was never loaded under this filter: which count it left only the server knows.
    live.apply(liveSync('acme', 'Failed'));
    live.apply(liveSync('acme', 'Ready'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    await flushPromises();
    expect(list).toHaveBeenCalledTimes(3);
  });

  it('asks again when a change lands while a load is on its way: that load may have read the list before it', async () => {
    let all = [acme, agency, client, failed];
    let release: () => void = () => undefined;
    const read = server(all);
    // The server reads the list when asked and answers once released, like a slow request.
    const list = vi.fn(async (filters: OrganizationFilters = {}) => {
      const answer = await read(filters);
      if (list.mock.calls.length === 2) await new Promise<void>((resolve) => (release = resolve));
      return answer;
    });
    const { wrapper, h } = await mountView(list);
    await wrapper.find('[data-sync-count="Failed"]').trigger('click');
    await flushPromises();
    expect(list).toHaveBeenCalledTimes(2);

    // acme fails after that load read the list, before its answer arrives.
    all = [
      {
        ...acme,
        sync: {
          status: 'Failed',
          appliedRevision: null,
          readyAt: null,
          message: 'health check failed: acme web',
        },
      },
      agency,
      client,
      failed,
    ];
    read.mockImplementation(server(all));
    useLiveStore(h.pinia).apply(liveSync('acme', 'Failed'));
    release();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await flushPromises();
    expect(list).toHaveBeenCalledTimes(3);
    expect(wrapper.findAll('tbody tr')).toHaveLength(2);
  });

  it('reads the list again when the live stream opens: a change made before it opened was sent to no page', async () => {
    let all = [acme, agency, client];
    const list = vi.fn(async (filters: OrganizationFilters = {}) => server(all)(filters));
    let handlers: LiveHandlers | undefined;
    const h = harness(
      fakeApi({
        organizations: { list },
        subscribe: (given: LiveHandlers) => {
          handlers = given;
          return () => undefined;
        },
      }),
      user('superadmin'),
    );
    const wrapper = mountWith(OrganizationsView, h);
    await flushPromises();
    useLiveStore(h.pinia).connect();
    // acme turned Ready after the list was read, while the stream was still opening: no event came.
    all = [
      { ...acme, sync: { status: 'Ready', appliedRevision: null, readyAt: null, message: null } },
      agency,
      client,
    ];
    handlers?.onConnection?.(true);
    await flushPromises();
    expect(list).toHaveBeenCalledTimes(2);
    expect(
      wrapper.find('tr[data-org="acme"] [data-testid="sync-cell"] .pill').attributes('data-status'),
    ).toBe('Ready');
  });

  it('offers every agency of the context switcher as a parent, even on a filtered page', async () => {
    const list = server([acme, agency, client, failed]);
    const h = harness(fakeApi({ organizations: { list } }), user('superadmin'));
    useOrgContextStore(h.pinia).options = [acme, agency, client, failed];
    await h.router.push('/?sync=Failed');
    const wrapper = mountWith(OrganizationsView, h);
    await flushPromises();
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ sync: 'Failed' }));
    const options = wrapper.findAll('#f-parent option').map((o) => o.text());
    expect(options).toEqual(['Any parent', 'Agency']);
  });

  it("shows a failure's reason on its row", async () => {
    const { wrapper } = await mountView(vi.fn(async () => page([acme, failed])));
    expect(wrapper.find('tr[data-org="broken"] [data-testid="sync-reason"]').text()).toBe(
      'health check failed: web',
    );
    expect(wrapper.find('tr[data-org="acme"] [data-testid="sync-reason"]').exists()).toBe(false);
  });

  it('changes the lifecycle badge when the live stream says the tenant is active now', async () => {
    const provisioning = org({ id: 'fresh', name: 'Fresh', state: 'provisioning' });
    const { wrapper, list, h } = await mountView(vi.fn(async () => page([acme, provisioning])));
    const badge = () => wrapper.find('tr[data-org="fresh"] [data-testid="state-cell"] .pill');
    expect(badge().attributes('data-state')).toBe('provisioning');
    useLiveStore(h.pinia).applyState({ organizationId: 'fresh', state: 'active' });
    await flushPromises();
    expect(badge().attributes('data-state')).toBe('active');
    expect(badge().text()).toBe('Active');
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('says so when there is nothing to show', async () => {
    const { wrapper } = await mountView(vi.fn(async () => page([])));
    expect(wrapper.text()).toContain('No organizations yet');
  });

  it('shows the failure with a way to try again, never an empty list', async () => {
    let fail = true;
    const list = vi.fn(async () => {
      if (fail) throw new ApiError(503, 'unavailable', 'down');
      return page();
    });
    const { wrapper } = await mountView(list);
    expect(wrapper.find('[role=alert]').text()).toContain('temporarily unavailable');
    expect(wrapper.find('table').exists()).toBe(false);
    fail = false;
    await wrapper.find('[role=alert] button').trigger('click');
    await flushPromises();
    expect(wrapper.findAll('tbody tr')).toHaveLength(3);
  });
});

describe('a long organization list', () => {
  it('shows the next page after the current one when asked', async () => {
    const list = vi.fn(async (filters: { cursor?: string }) =>
      filters.cursor === 'after-acme'
        ? { items: [client], total: 2, nextCursor: null, counts: countsOf([acme, client]) }
        : { items: [acme], total: 2, nextCursor: 'after-acme', counts: countsOf([acme, client]) },
    );
    const h = harness(
      fakeApi({ organizations: { list: list as never, sync: async () => ({}) as never } }),
      user('superadmin'),
    );
    const wrapper = mountWith(OrganizationsView, h);
    await flushPromises();
    expect(wrapper.text()).toContain('Showing 1 of 2');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Show more')
      ?.trigger('click');
    await flushPromises();
    expect(wrapper.findAll('tbody tr').map((r) => r.attributes('data-org'))).toEqual(['acme', 'client']);
    expect(wrapper.text()).not.toContain('Show more');
  });
});
