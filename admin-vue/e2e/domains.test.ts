import { beforeAll, describe, expect, it } from 'vitest';
import { startTestDnsServer, type TestDnsServer } from '../../control-plane/src/test-support/dns-server';
import { person, screenshot } from './support/browser';
import { rest } from './support/control-plane';
import { passWelcome, signIn } from './support/flows';
import { browserSuite } from './support/suite';

let dns: TestDnsServer;
// Started before the control plane, which asks it (DNS_RESOLVERS): the suite's hook runs after this one.
beforeAll(async () => {
  dns = await startTestDnsServer();
  return () => dns.close();
});
const suite = browserSuite('domains', () => ({
  DNS_RESOLVERS: dns.address,
  LUSTER_INGRESS_TARGET: 'ingress.luster.test',
  // The tab's "Check now" drives the checks; no background loop racing the assertions.
  DOMAIN_CHECK_INTERVAL_SECONDS: '0',
}));
const PASSWORD = 'a-long-enough-password';

describe('custom domains in the admin, in Chromium against a DNS server on loopback', () => {
  it('adds a domain, shows the two records to create, and turns verified once they exist', async () => {
    const api = rest(suite.server);
    await api.register({
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Domain Shop',
      email: 'owner@domain-shop.test',
      password: PASSWORD,
    });
    const owner = await person(suite.browser, suite.server.url);
    suite.people.push(owner);
    const p = owner.page;
    await owner.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    await signIn(p, 'owner@domain-shop.test', PASSWORD);
    await passWelcome(p);
    const token = await api.login('owner@domain-shop.test', PASSWORD);
    const me = await api.call<{ memberships: { organizationId: string }[] }>('GET', '/me', token);
    const orgId = me.memberships[0]?.organizationId as string;

    await p.goto(`/organizations/${orgId}/domains`);
    await p.getByTestId('domains-tab').waitFor();
    await p.getByLabel('Domain').fill('shop.example.test');
    await p.getByRole('button', { name: 'Add domain' }).click();
    const card = p.getByTestId('domain-shop.example.test');
    await expect.poll(() => card.getByTestId('domain-status').textContent()).toBe('pending');

    // The records exactly as the admin shows them, created on the test DNS server.
    const token1 = (await card.getByTestId('record-TXT').textContent()) ?? '';
    expect(token1).toMatch(/^luster-[0-9a-f]{32}$/);
    expect(await card.getByTestId('record-CNAME').textContent()).toBe('ingress.luster.test');
    await card.getByRole('button', { name: 'Copy' }).first().click();
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(token1);
    await screenshot(p, 'domains');
    dns.zone.set('_luster-challenge.shop.example.test', [{ type: 'TXT', value: token1 }]);
    dns.zone.set('shop.example.test', [{ type: 'CNAME', value: 'ingress.luster.test' }]);

    await card.getByRole('button', { name: 'Check now' }).click();
    await expect
      .poll(() => card.getByTestId('domain-status').textContent(), { timeout: 30_000 })
      .toBe('verified');
    expect(await card.getByTestId('line-ownership').textContent()).toContain('holds the token');
    expect(await card.getByTestId('line-target').textContent()).toContain(
      'CNAME points to ingress.luster.test',
    );
    expect(await card.getByTestId('line-certificate').textContent()).toContain('pending');
  });
});
