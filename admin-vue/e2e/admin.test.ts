import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../control-plane/src/test-support/server';
import { DESKTOP, launchBrowser, type Person, person, screenshot, TABLET } from './support/browser';
import { ADMIN, postFluxEvent, rest, startControlPlane } from './support/control-plane';
import { dismissTour, eventually, expectNotReloaded, markNoReload, signIn } from './support/flows';

let server: TestServer;
let browser: Browser;
const people: Person[] = [];

async function newPerson(viewport = DESKTOP) {
  const p = await person(browser, server.url, viewport);
  people.push(p);
  return p;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startControlPlane(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the admin against a real control plane, in Chromium', () => {
  it('registers an organization that appears as Pending and turns Ready on a signed Flux event, without a reload', async () => {
    const admin = await newPerson();
    await signIn(admin.page, ADMIN.email, ADMIN.password);
    await dismissTour(admin.page);
    await admin.page.getByRole('heading', { name: 'Organizations' }).waitFor();

    // A visitor registers through the public wizard.
    const visitor = await newPerson();
    const v = visitor.page;
    await v.goto('/register');
    await screenshot(v, 'register-account-type');
    await v.getByRole('button', { name: 'Continue' }).click();
    await v.getByText('E-commerce', { exact: true }).first().click();
    await screenshot(v, 'register-project-type');
    await v.getByRole('button', { name: 'Continue' }).click();
    await v.getByLabel('Organization name').fill('Acme Bakery & Co');
    expect(await v.getByTestId('slug-preview').textContent()).toBe('acme-bakery-co');
    await v.getByRole('button', { name: 'Continue' }).click();
    await v.getByLabel('Work email').fill('owner@acme-bakery.test');
    await v.getByLabel('Password').fill('short');
    await v.getByRole('button', { name: 'Continue' }).click();
    expect(await v.locator('#reg-password-error').textContent()).toContain('at least 12 characters');
    await v.getByLabel('Password').fill('a-long-enough-password');
    await v.getByRole('button', { name: 'Continue' }).click();
    await screenshot(v, 'register-review');
    await v.getByRole('button', { name: 'Create account' }).click();
    await v.getByTestId('registration-done').waitFor();
    expect(await v.getByTestId('registration-done').textContent()).toContain('on its way');
    await screenshot(v, 'register-done');

    // The superadmin sees it as Pending (the list polls or streams; no reload needed).
    const a = admin.page;
    await markNoReload(a);
    const row = a.locator('tr[data-org="acme-bakery-co"]');
    await row.waitFor({ timeout: 15_000 });
    const badge = row.locator('[data-testid="sync-cell"] .pill');
    await eventually(
      async () => (await badge.getAttribute('data-status')) === 'Pending',
      15_000,
      'Pending badge',
    );
    expect(await row.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    await screenshot(a, 'organizations-pending');

    // Flux reports the tenant's commit applied (signed like notification-controller does).
    const token = await rest(server).login(ADMIN.email, ADMIN.password);
    const orgs = await rest(server).call<{ items: { slug: string; lastChange: { sha: string } | null }[] }>(
      'GET',
      '/organizations',
      token,
    );
    const sha = orgs.items.find((o) => o.slug === 'acme-bakery-co')?.lastChange?.sha;
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    const hook = await postFluxEvent(server, { slug: 'acme-bakery-co', sha: sha as string });
    expect(hook.status).toBe(200);

    await eventually(
      async () => (await badge.getAttribute('data-status')) === 'Ready',
      20_000,
      'Ready badge',
    );
    await expectNotReloaded(a);
    expect(await badge.textContent()).toContain('Ready');
    await screenshot(a, 'organizations-ready');
  });

  it('has no console errors on any page it visited', () => {
    const problems = people.flatMap((p) => p.problems);
    expect(problems).toEqual([]);
  });
});

void TABLET;
