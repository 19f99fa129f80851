import { beforeAll, describe, expect, it } from 'vitest';
import { startTestDnsServer, type TestDnsServer } from '../../control-plane/src/test-support/dns-server';
import { certificateName, tenantName } from '../../synth/src/naming/tenant-names';
import { person, screenshot } from './support/browser';
import { postFluxEvent, rest } from './support/control-plane';
import { passWelcome, settled, signIn } from './support/flows';
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

interface Change {
  title: string;
  kind: string;
  state: string;
  commitSha: string | null;
}

describe('custom domains in the admin, in Chromium against a DNS server on loopback', () => {
  it('adds a domain, turns verified once its records exist, follows the certificate live, makes it primary and removes it', async () => {
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
    await p.getByRole('textbox', { name: 'Domain' }).fill('shop.example.test');
    await p.getByRole('button', { name: 'Add domain' }).click();
    const card = p.getByTestId('domain-shop.example.test');
    // expect.poll's own second is too short for the add's round trip on a busy machine.
    await settled(() => card.getByTestId('domain-status').textContent()).toBe('pending');

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
    expect(await card.getByTestId('certificate-source').textContent()).toContain('derived');

    /** The organization's committed change request titled `title` (each action makes one). */
    const change = async (title: string) => {
      const list = await api.call<{ items: Change[] }>(
        'GET',
        `/change-requests?organizationId=${orgId}&kind=update`,
        token,
      );
      return list.items.find((c) => c.title === title);
    };
    const added = await change('add custom domain shop.example.test (ownership and DNS verified)');
    expect(added).toMatchObject({ state: 'committed', commitSha: expect.stringMatching(/^[0-9a-f]{40}$/) });

    // Flux (a fake in its documented format) applies the host's Certificate, then reports the
    // tenant Ready: the line follows on the live stream, with no click and no reload.
    const { slug } = await api.call<{ slug: string }>('GET', `/organizations/${orgId}`, token);
    const certificate = `Certificate/${tenantName(slug)}/${certificateName('shop.example.test')}`;
    const sha = added?.commitSha as string;
    await postFluxEvent(suite.server, {
      slug,
      sha,
      reason: 'Progressing',
      message: `${certificate} created`,
    });
    await expect
      .poll(() => card.getByTestId('certificate-source').textContent(), { timeout: 15_000 })
      .toContain("the cluster's report");
    await settled(() => card.getByTestId('line-certificate').textContent()).toContain(
      'waiting for its health check',
    );
    await postFluxEvent(suite.server, { slug, sha });
    await expect
      .poll(() => card.getByTestId('domain-status').textContent(), { timeout: 15_000 })
      .toBe('serving');
    await settled(() => card.getByTestId('line-certificate').textContent()).toContain('issued');

    await card.getByRole('button', { name: 'Make primary' }).click();
    await card.locator('.primary').waitFor();
    await settled(() => card.getByRole('button', { name: 'Make primary' }).count()).toBe(0);
    // Its only custom domain: no other host to redirect to it, so the change renders what main
    // holds and commits nothing (with a second domain it commits the redirect, domains.verify.test.ts).
    expect(await change('make shop.example.test the primary domain')).toMatchObject({
      state: 'committed',
      commitSha: null,
    });

    // Removing asks for the hostname typed out first.
    await card.getByRole('button', { name: 'Remove' }).click();
    const confirm = card.getByTestId('confirm-typing');
    const submit = confirm.getByTestId('confirm-typing-submit');
    expect(await submit.isDisabled()).toBe(true);
    await confirm.getByTestId('confirm-typing-input').fill('shop.example.test');
    await submit.click();
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(0);
    expect(await change('remove custom domain shop.example.test')).toMatchObject({
      state: 'committed',
      commitSha: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(owner.problems).toEqual([]);
  });
});
