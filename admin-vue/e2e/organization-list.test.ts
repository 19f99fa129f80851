import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../control-plane/src/test-support/server';
import { launchBrowser, type Person, person, screenshot } from './support/browser';
import { ADMIN, postFluxEvent, rest, startControlPlane } from './support/control-plane';
import { dismissTour, eventually, expectNotReloaded, markNoReload, signIn } from './support/flows';

let server: TestServer;
let browser: Browser;
let admin: Person;

beforeAll(async () => {
  [server, browser] = await Promise.all([startControlPlane(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Registers an organization through the API; it provisions right away (no review for organizations). */
async function register(name: string, email: string) {
  const { organization } = await rest(server).register({
    accountType: 'organization',
    projectType: 'website',
    organizationName: name,
    email,
    password: 'a-long-enough-password',
  });
  const token = await rest(server).login(ADMIN.email, ADMIN.password);
  const org = await rest(server).call<{ slug: string; lastChange: { sha: string } }>(
    'GET',
    `/organizations/${organization.id}`,
    token,
  );
  return { slug: org.slug, sha: org.lastChange.sha };
}

describe('the organization list in Chromium', () => {
  it('turns Provisioning into Active with the Ready badge, shows a failure on its row, and filters by clickable counts', async () => {
    const live = await register('Live Florist', 'owner@live-florist.test');
    const broken = await register('Broken Bikes', 'owner@broken-bikes.test');

    admin = await person(browser, server.url);
    const a = admin.page;
    await signIn(a, ADMIN.email, ADMIN.password);
    await dismissTour(a);
    const row = (slug: string) => a.locator(`tr[data-org="${slug}"]`);
    await row(live.slug).waitFor();
    await markNoReload(a);
    const state = row(live.slug).locator('[data-testid="state-cell"] .pill');
    expect(await state.getAttribute('data-state')).toBe('provisioning');

    // Flux reports the first tenant live: both badges change, without a reload.
    expect((await postFluxEvent(server, { slug: live.slug, sha: live.sha })).status).toBe(200);
    await eventually(
      async () => (await state.getAttribute('data-state')) === 'active',
      20_000,
      'Active lifecycle badge',
    );
    expect(await row(live.slug).locator('[data-testid="sync-cell"] .pill').getAttribute('data-status')).toBe(
      'Ready',
    );
    expect(await state.textContent()).toBe('Active');

    // The second one fails its health check: the reason is on the row, not only on the Sync tab.
    const message =
      "health check failed after 30s: timeout waiting for: [Deployment/tenant-broken-bikes/web status: 'InProgress']";
    await postFluxEvent(server, {
      slug: broken.slug,
      sha: broken.sha,
      severity: 'error',
      reason: 'HealthCheckFailed',
      message,
    });
    const reason = row(broken.slug).locator('[data-testid="sync-reason"]');
    await reason.waitFor({ timeout: 20_000 });
    expect(await reason.textContent()).toContain('health check failed after 30s');
    await screenshot(a, 'organizations-failed-reason');

    // The counts say how many of each; a click shows only those, and the URL keeps the filter.
    const failedCount = a.locator('[data-sync-count="Failed"]');
    await eventually(
      async () => (await failedCount.textContent())?.trim() === '1 Failed',
      10_000,
      'Failed count',
    );
    await failedCount.click();
    await eventually(async () => (await a.locator('tbody tr').count()) === 1, 5000, 'only the failed row');
    expect(await a.locator('tbody tr').getAttribute('data-org')).toBe(broken.slug);
    expect(new URL(a.url()).searchParams.get('sync')).toBe('Failed');
    await failedCount.click();

    await a.locator('[data-state-count="active"]').click();
    await eventually(
      async () => (await row(live.slug).count()) === 1 && (await row(broken.slug).count()) === 0,
      5000,
      'only active organizations',
    );
    expect(new URL(a.url()).searchParams.get('state')).toBe('active');
    await expectNotReloaded(a);

    // A bookmarked filter opens filtered.
    await a.goto('/organizations?sync=Failed');
    await row(broken.slug).waitFor();
    expect(await row(live.slug).count()).toBe(0);
    expect(admin.problems).toEqual([]);
  });
});
