import { describe, expect, it } from 'vitest';
import { person, screenshot } from './support/browser';
import { ADMIN, rest } from './support/control-plane';
import { eventually, passWelcome, settled, signIn } from './support/flows';
import { browserSuite } from './support/suite';

const suite = browserSuite('agency');
const people = suite.people;

describe('an agency admin in the admin, in Chromium', () => {
  it('sees the agency in the switcher without an error, adds a client after reading its files, and switches to it', async () => {
    // An agency signs up and a superadmin approves it (the approval itself has its own e2e).
    const api = rest(suite.server);
    await api.register({
      accountType: 'agency',
      projectType: 'website',
      organizationName: 'Studio North',
      email: 'hello@studio-north.test',
      password: 'studio-north-password',
      agencySurvey: { clientCount: '1–5' },
    });
    const adminToken = await api.login(ADMIN.email, ADMIN.password);
    const requests = await api.call<{ items: { id: string }[] }>('GET', '/agency-requests', adminToken);
    await api.call('POST', `/agency-requests/${requests.items[0]?.id}/approve`, adminToken, {});

    const agency = await person(suite.browser, suite.server.url);
    people.push(agency);
    const a = agency.page;
    await signIn(a, 'hello@studio-north.test', 'studio-north-password');
    await passWelcome(a);
    await a.getByRole('heading', { name: 'Organizations' }).waitFor();

    const switcher = a.getByTestId('context-switcher');
    const names = async () => (await switcher.locator('option').allTextContents()).map((t) => t.trim());
    await eventually(async () => (await names()).includes('Studio North'), 10_000, 'agency in the switcher');
    expect(await a.locator('[role=alert]').count()).toBe(0);

    await a.getByTestId('add-client').click();
    await a.getByRole('heading', { name: 'Add a client' }).waitFor();
    // "Loading where clients can be added…" stands there until the parents' request answers.
    await settled(() => a.getByText('A client of Studio North').count()).toBe(1);
    await a.getByLabel('Client name').fill('Corner Bakery');
    expect(await a.getByTestId('client-slug').textContent()).toBe('corner-bakery');
    await a.getByText('E-commerce', { exact: true }).click();
    await a.getByLabel('Tier').selectOption('pro');
    await a.getByTestId('client-demo-data').uncheck();
    await a.getByTestId('preview').click();
    const preview = a.getByTestId('client-preview');
    await preview.waitFor();
    const paths = await preview.locator('.diff-file summary .path').allTextContents();
    expect(paths.length).toBeGreaterThan(3);
    expect(paths.every((p) => p.startsWith('tenants/production/a9/corner-bakery/'))).toBe(true);
    expect(await preview.textContent()).toContain('luster-ecommerce-starter');
    await screenshot(a, 'agency-add-client-preview');
    // Nothing exists before the person confirms.
    const agencyToken = await api.login('hello@studio-north.test', 'studio-north-password');
    const before = await api.call<{ items: { slug: string }[] }>('GET', '/organizations', agencyToken);
    expect(before.items.map((o) => o.slug)).not.toContain('corner-bakery');

    await a.getByTestId('create-client').click();
    await a.getByTestId('client-created').waitFor();
    expect(await a.getByTestId('client-created').textContent()).toContain('Corner Bakery');
    await eventually(
      async () => (await names()).some((n) => n === 'Corner Bakery'),
      10_000,
      'client in the switcher',
    );
    const after = await api.call<{ items: { slug: string; tier: string; parentId: string }[] }>(
      'GET',
      '/organizations',
      agencyToken,
    );
    const created = after.items.find((o) => o.slug === 'corner-bakery');
    expect(created?.tier).toBe('pro');

    // The switcher takes the agency admin to the new client, still without an error anywhere.
    const value = await switcher.locator('option', { hasText: 'Corner Bakery' }).getAttribute('value');
    await switcher.selectOption(value as string);
    await a.getByTestId('plugin-nav').waitFor();
    await a.getByTestId('nav-organizations').click();
    await a.locator('tr[data-org="corner-bakery"]').waitFor();
    expect(await a.locator('[role=alert]').count()).toBe(0);
    expect(agency.problems).toEqual([]);
  });
});
