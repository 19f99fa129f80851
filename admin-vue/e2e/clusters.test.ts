import { describe, expect, it } from 'vitest';
import { person, screenshot } from './support/browser';
import { ADMIN, lastMail, linkIn, postFluxEvent, rest } from './support/control-plane';
import { dismissTour, eventually, passWelcome, settled, signIn } from './support/flows';
import { browserSuite } from './support/suite';

const suite = browserSuite('clusters');
const people = suite.people;

/** A `datetime-local` value to the second, in this machine's time zone (the browser's). */
const localInput = (at: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
};

type Cluster = { name: string; capacity: number; acceptsTenants: boolean; labels: Record<string, string> };

describe('clusters, in Chromium', () => {
  it('a superadmin sees the first cluster with its sites, adds a cluster, closes it to new sites and lists its sites', async () => {
    const api = rest(suite.server);
    const adminToken = await api.login(ADMIN.email, ADMIN.password);
    const reg = await api.register({
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Placed Bakery',
      email: 'owner@placed-bakery.test',
      password: 'placed-bakery-password',
    });
    const clusters = async () => (await api.call<{ items: Cluster[] }>('GET', '/clusters', adminToken)).items;

    const admin = await person(suite.browser, suite.server.url);
    people.push(admin);
    const a = admin.page;
    await signIn(a, ADMIN.email, ADMIN.password);
    await dismissTour(a);
    await a.getByTestId('nav-clusters').click();
    await a.getByRole('heading', { name: 'Clusters' }).waitFor();
    const production = a.locator('li[data-cluster="production"]');
    await settled(() => production.getByTestId('cluster-capacity').textContent()).toContain(
      '1 of 10000 sites',
    );

    await a.getByLabel('Name').fill('edge-1');
    await a.getByLabel('Region').fill('eu-west-1');
    await a.getByLabel('Capacity (sites)').fill('50');
    await a.getByLabel('Labels (key=value, …)').fill('provider=hetzner');
    await a.getByRole('button', { name: 'Add cluster' }).click();
    const edge = a.locator('li[data-cluster="edge-1"]');
    await edge.waitFor();
    await settled(() => edge.getByTestId('cluster-capacity').textContent()).toContain('0 of 50 sites');
    expect((await clusters()).find((c) => c.name === 'edge-1')).toMatchObject({
      capacity: 50,
      labels: { provider: 'hetzner' },
      acceptsTenants: true,
    });

    await edge.getByTestId('cluster-toggle').click();
    await edge.getByText('Closed to new sites').waitFor();
    expect((await clusters()).find((c) => c.name === 'edge-1')?.acceptsTenants).toBe(false);

    await production.getByTestId('cluster-tenants').click();
    await production.getByRole('link', { name: 'Placed Bakery' }).waitFor();
    await screenshot(a, 'clusters');
    await production.getByRole('link', { name: 'Placed Bakery' }).click();
    await a.waitForURL(`**/organizations/${reg.organization.id}/overview`);

    // A cluster's site count opens the organization list filtered by that cluster.
    await a.getByTestId('nav-clusters').click();
    await production.getByTestId('cluster-site-count').click();
    await a.waitForURL('**/organizations?cluster=production');
    await a.getByTestId('cluster-filter').getByText('On cluster production').waitFor();
    await a.getByTestId('org-table').getByText('Placed Bakery').waitFor();
  });

  it('restores a site to a point in time and moves it to another cluster from the admin, each reviewed, releasing the kept copy once Ready', async () => {
    const server = suite.server;
    const api = rest(server);
    const adminToken = await api.login(ADMIN.email, ADMIN.password);
    type Org = { id: string; slug: string; name: string; kind: string; state: string | null };
    const orgs = (await api.call<{ items: Org[] }>('GET', '/organizations', adminToken)).items;
    const bakery = orgs.find((o) => o.name === 'Placed Bakery') as Org;
    const platform = orgs.find((o) => o.kind === 'platform') as Org;
    const { slug } = bakery;
    const lastSha = async () =>
      (await api.call<{ lastChange: { sha: string } }>('GET', `/organizations/${bakery.id}`, adminToken))
        .lastChange.sha;
    type Backups = { restoreWindow: { from: string }; database: { kept: { stage: string } | null } };
    const backups = () => api.call<Backups>('GET', `/organizations/${bakery.id}/backups`, adminToken);
    // Live: production applied its provisioning (a move and a restore start from an active site).
    expect((await postFluxEvent(server, { slug, sha: await lastSha() })).status).toBe(200);
    await eventually(
      async () => (await api.call<Org>('GET', `/organizations/${bakery.id}`, adminToken)).state === 'active',
      15_000,
      'the site live',
    );
    await api.call('POST', '/clusters', adminToken, { name: 'edge-2', region: 'eu-central-1' });
    // A second superadmin reviews: nobody approves their own move or restore.
    await api.call('POST', `/organizations/${platform.id}/users`, adminToken, {
      email: 'rex@luster.test',
      role: 'superadmin',
      name: 'Rex Reviewer',
    });
    const invite = new URL(
      linkIn((await lastMail(server, 'rex@luster.test', 'invitation')).text, '/accept-invitation'),
      server.url,
    );
    await api.call('POST', '/auth/verify-email', null, {
      token: invite.searchParams.get('token'),
      password: 'rex-reviewer-password',
    });
    const rexToken = await api.login('rex@luster.test', 'rex-reviewer-password');
    const review = async (changeId: string) => {
      await api.call('POST', `/change-requests/${changeId}/approve`, rexToken);
      return (await api.call<{ commitSha: string }>('POST', `/change-requests/${changeId}/merge`, rexToken))
        .commitSha;
    };

    const a = (people[0] as (typeof people)[number]).page;
    await a.goto(`/organizations/${bakery.id}/overview`);
    const panel = a.getByTestId('placement-panel');
    await settled(() => panel.getByTestId('tenant-cluster').textContent()).toBe('production');
    await settled(() => panel.getByTestId('backups-line').textContent()).toContain('Daily, kept');

    /** Previews the change, requests it, and answers the change request the admin links to. */
    async function requestFromPanel(): Promise<string> {
      await panel.getByTestId('placement-preview').click();
      await panel.getByTestId('placement-diff').locator('.diff-file').first().waitFor();
      await panel.getByTestId('placement-confirm').click();
      const result = panel.getByTestId('placement-result');
      await result.getByText('waiting for a second person').waitFor();
      const href = await result.getByRole('link', { name: 'Open the change request' }).getAttribute('href');
      return (href as string).split('/').pop() as string;
    }

    /** Releases the kept copy from the admin once the page shows the site Ready on the new one. */
    async function releaseFromPanel(): Promise<void> {
      await a.reload();
      await panel.getByTestId('kept-copy').waitFor();
      await panel.getByTestId('release-copy').click();
      await panel.getByTestId('release-result').getByText('committed to main').waitFor();
    }

    // Restore to a time inside the window: a new database, the current one kept until released.
    const target = new Date(new Date((await backups()).restoreWindow.from).getTime() + 2000);
    await panel.getByTestId('action-restore').click();
    await panel.getByLabel('Restore to (your local time)').fill(localInput(target));
    const restored = await review(await requestFromPanel());
    expect((await postFluxEvent(server, { slug, sha: restored })).status).toBe(200);
    await releaseFromPanel();
    // Production applied the release: the replaced database is removed by a last commit.
    expect((await postFluxEvent(server, { slug, sha: await lastSha() })).status).toBe(200);
    await eventually(
      async () => (await backups()).database.kept === null,
      15_000,
      'the old database removed',
    );

    // Move: only clusters taking sites are offered (edge-1 was closed above).
    await a.reload();
    await panel.getByTestId('action-move').click();
    const offered = panel.getByLabel('Cluster', { exact: true }).locator('option:not([disabled])');
    await offered.first().waitFor({ state: 'attached' });
    const choices = await offered.allTextContents();
    expect(choices.map((c) => c.trim())).toEqual(['edge-2 · eu-central-1 · room for 1000']);
    await panel.getByLabel('Cluster', { exact: true }).selectOption('edge-2');
    const moved = await review(await requestFromPanel());
    // The old copy's success says nothing of the new one; edge-2's does.
    expect((await postFluxEvent(server, { slug, sha: moved, cluster: 'production' })).status).toBe(200);
    await a.reload();
    await settled(() => panel.getByTestId('tenant-cluster').textContent()).toBe('edge-2');
    await panel.getByTestId('release-copy').waitFor();
    expect(await panel.getByTestId('release-copy').isDisabled()).toBe(true);
    expect((await postFluxEvent(server, { slug, sha: moved, cluster: 'edge-2' })).status).toBe(200);
    await releaseFromPanel();
    await screenshot(a, 'tenant-placement');

    await a.getByTestId('tab-history').click();
    await a.getByText('move production → edge-2', { exact: false }).first().waitFor();
    await a
      .getByText(/release the database db-1 kept on production/)
      .first()
      .waitFor();
  });

  it('lets an agency admin, who may not list clusters, pick the cluster to move a client to from those accepting sites and preview the move', async () => {
    const server = suite.server;
    const api = rest(server);
    const adminToken = await api.login(ADMIN.email, ADMIN.password);
    const PASSWORD = 'mover-agency-password';
    const reg = await api.register({
      accountType: 'agency',
      projectType: 'website',
      organizationName: 'Mover Agency',
      email: 'owner@mover-agency.test',
      password: PASSWORD,
    });
    const requests = await api.call<{ items: { id: string; organization: { id: string } }[] }>(
      'GET',
      '/agency-requests',
      adminToken,
    );
    const request = requests.items.find((r) => r.organization.id === reg.organization.id);
    await api.call('POST', `/agency-requests/${request?.id}/approve`, adminToken);
    const agencyToken = await api.login('owner@mover-agency.test', PASSWORD);
    const { organization: moved } = await api.call<{ organization: { id: string; slug: string } }>(
      'POST',
      '/organizations',
      agencyToken,
      { organizationName: 'Moved Client', projectType: 'website' },
    );
    type Site = { state: string; cluster: string; lastChange: { sha: string } };
    const site = () => api.call<Site>('GET', `/organizations/${moved.id}`, adminToken);
    // A move starts from a live site.
    expect(
      (await postFluxEvent(server, { slug: moved.slug, sha: (await site()).lastChange.sha })).status,
    ).toBe(200);
    await eventually(async () => (await site()).state === 'active', 15_000, 'the client live');
    const { cluster } = await site();
    // What the page must offer: every cluster accepting sites but the client's own, as the superadmin sees them.
    const expected = (
      await api.call<{ items: (Cluster & { region: string; tenants: number })[] }>(
        'GET',
        '/clusters',
        adminToken,
      )
    ).items
      .filter((c) => c.acceptsTenants && c.name !== cluster)
      .map((c) =>
        [
          c.name,
          c.region,
          ...Object.entries(c.labels).map(([k, v]) => `${k}=${v}`),
          `room for ${Math.max(c.capacity - c.tenants, 0)}`,
        ]
          .filter(Boolean)
          .join(' · '),
      );
    expect(expected.length).toBeGreaterThan(0);

    const owner = await person(suite.browser, server.url);
    people.push(owner);
    const o = owner.page;
    await signIn(o, 'owner@mover-agency.test', PASSWORD);
    await passWelcome(o);
    await o.goto(`/organizations/${moved.id}/overview`);
    const panel = o.getByTestId('placement-panel');
    await panel.getByTestId('action-move').click();
    const select = panel.getByLabel('Cluster', { exact: true });
    const offered = select.locator('option:not([disabled])');
    await offered.first().waitFor({ state: 'attached' });
    expect((await offered.allTextContents()).map((c) => c.trim())).toEqual(expected);
    expect(await panel.locator('input#move-cluster').count()).toBe(0);
    await select.selectOption({ index: 1 });
    await panel.getByTestId('placement-preview').click();
    await panel.getByTestId('placement-diff').locator('.diff-file').first().waitFor();
  });
});
