import { describe, expect, it } from 'vitest';
import { person, screenshot } from './support/browser';
import { ADMIN, rest } from './support/control-plane';
import { dismissTour, signIn } from './support/flows';
import { browserSuite } from './support/suite';

const suite = browserSuite('clusters');
const people = suite.people;

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
    await expect(production.getByTestId('cluster-capacity').textContent()).resolves.toContain(
      '1 of 10000 sites',
    );

    await a.getByLabel('Name').fill('edge-1');
    await a.getByLabel('Region').fill('eu-west-1');
    await a.getByLabel('Capacity (sites)').fill('50');
    await a.getByLabel('Labels (key=value, …)').fill('provider=hetzner');
    await a.getByRole('button', { name: 'Add cluster' }).click();
    const edge = a.locator('li[data-cluster="edge-1"]');
    await edge.waitFor();
    await expect(edge.getByTestId('cluster-capacity').textContent()).resolves.toContain('0 of 50 sites');
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
  });
});
