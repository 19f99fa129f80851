import { describe, expect, it } from 'vitest';
import { person } from './support/browser';
import { ADMIN, rest } from './support/control-plane';
import { dismissTour, eventually, expectNotReloaded, markNoReload, signIn } from './support/flows';
import { browserSuite } from './support/suite';

const suite = browserSuite('live-lifecycle');

describe('lifecycle badges change live, in Chromium', () => {
  it('shows suspend, resume and deprovision done elsewhere on the list and the organization page without a reload', async () => {
    const api = rest(suite.server);
    const { organization } = await api.register({
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Live Lifecycle Cafe',
      email: 'owner@live-lifecycle.test',
      password: 'a-long-enough-password',
    });
    const token = await api.login(ADMIN.email, ADMIN.password);
    const { slug } = await api.call<{ slug: string }>('GET', `/organizations/${organization.id}`, token);

    const list = await person(suite.browser, suite.server.url);
    const page = await person(suite.browser, suite.server.url);
    suite.people.push(list, page);
    await signIn(list.page, ADMIN.email, ADMIN.password);
    await dismissTour(list.page);
    await signIn(page.page, ADMIN.email, ADMIN.password);
    await dismissTour(page.page);
    await page.page.goto(`/organizations/${organization.id}/overview`);

    const listBadge = list.page.locator(`tr[data-org="${slug}"] [data-testid="state-cell"] .pill`);
    const pageBadge = page.page.locator('header.page-header .pill[data-state]');
    await listBadge.waitFor();
    await pageBadge.waitFor();
    await markNoReload(list.page);
    await markNoReload(page.page);

    // Someone else (here the API) acts; both open pages follow the stream.
    for (const [action, state] of [
      ['suspend', 'suspended'],
      ['resume', 'provisioning'],
      ['deprovision', 'deprovisioned'],
    ] as const) {
      await api.call('POST', `/organizations/${organization.id}/${action}`, token, {});
      for (const badge of [listBadge, pageBadge]) {
        await eventually(
          async () => (await badge.getAttribute('data-state')) === state,
          20_000,
          `${state} badge`,
        );
      }
    }
    expect(await listBadge.textContent()).toBe('Deprovisioned');
    await expectNotReloaded(list.page);
    await expectNotReloaded(page.page);
    expect([...list.problems, ...page.problems]).toEqual([]);
  });
});
