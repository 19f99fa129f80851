import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../control-plane/src/test-support/server';
import { launchBrowser, type Person, person, screenshot } from './support/browser';
import { ADMIN, postFluxEvent, rest, startControlPlane } from './support/control-plane';
import { dismissTour, eventually, expectNotReloaded, markNoReload, settled, signIn } from './support/flows';

let server: TestServer;
let browser: Browser;
let admin: Person;
/** The organization the first test fails; the second one sees it recover. */
let broken: { slug: string; sha: string };

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
    broken = await register('Broken Bikes', 'owner@broken-bikes.test');

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
    // The sync status and the lifecycle state arrive as two events: either may come first.
    await settled(() =>
      row(live.slug).locator('[data-testid="sync-cell"] .pill').getAttribute('data-status'),
    ).toBe('Ready');
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
    // The filter is the server's (it pages by slug, so a match beyond the first page is found too).
    const asked = a.waitForRequest(
      (r) =>
        r.url().includes('/api/v1/organizations?') && new URL(r.url()).searchParams.get('sync') === 'Failed',
    );
    await failedCount.click();
    await asked;
    await eventually(async () => (await a.locator('tbody tr').count()) === 1, 5000, 'only the failed row');
    expect(await a.locator('tbody tr').getAttribute('data-org')).toBe(broken.slug);
    expect(new URL(a.url()).searchParams.get('sync')).toBe('Failed');
    await failedCount.click();

    const askedActive = a.waitForRequest(
      (r) =>
        r.url().includes('/api/v1/organizations?') && new URL(r.url()).searchParams.get('state') === 'active',
    );
    await a.locator('[data-state-count="active"]').click();
    await askedActive;
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

  it('keeps a filtered list and its counts live: a new failure joins, a recovery leaves, the counts follow', async () => {
    const quiet = await register('Quiet Quilts', 'owner@quiet-quilts.test');
    const a = admin.page;
    const row = (slug: string) => a.locator(`tr[data-org="${slug}"]`);
    const count = (status: string) => a.locator(`[data-sync-count="${status}"]`);
    await a.goto('/organizations?sync=Failed');
    await row(broken.slug).waitFor();
    await eventually(
      async () => (await count('Failed').textContent())?.trim() === '1 Failed',
      10_000,
      '1 Failed',
    );
    const ready = Number.parseInt((await count('Ready').textContent()) ?? '', 10);
    await markNoReload(a);

    // Quiet Quilts was not on the page (it was not Failed): it fails, it appears, and the count says 2.
    await postFluxEvent(server, {
      slug: quiet.slug,
      sha: quiet.sha,
      severity: 'error',
      reason: 'HealthCheckFailed',
      message: 'health check failed after 30s: quiet-quilts web',
    });
    await row(quiet.slug).waitFor({ timeout: 20_000 });
    await eventually(
      async () => (await count('Failed').textContent())?.trim() === '2 Failed',
      10_000,
      '2 Failed',
    );

    // The first broken one recovers: it leaves the Failed list and joins the Ready count.
    await postFluxEvent(server, { slug: broken.slug, sha: broken.sha });
    await eventually(
      async () => (await row(broken.slug).count()) === 0,
      20_000,
      'the recovered row to leave',
    );
    await eventually(
      async () => (await count('Failed').textContent())?.trim() === '1 Failed',
      10_000,
      '1 Failed again',
    );
    await settled(async () => Number.parseInt((await count('Ready').textContent()) ?? '', 10)).toBe(
      ready + 1,
    );
    expect(await row(quiet.slug).count()).toBe(1);
    await expectNotReloaded(a);
    expect(admin.problems).toEqual([]);
  });
});
