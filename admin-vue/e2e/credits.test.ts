import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deliver,
  type StripeApi,
  signStripe,
  startStripeApi,
  stripeEnv,
  stripeEvent,
} from '../../control-plane/src/test-support/stripe-api';
import { person, screenshot } from './support/browser';
import { ADMIN, lastMail, rest } from './support/control-plane';
import {
  dismissTour,
  eventually,
  expectNotReloaded,
  markNoReload,
  passWelcome,
  settled,
  signIn,
} from './support/flows';
import { browserSuite } from './support/suite';

/** Stripe cannot be reached from the tests: its wire format is spoken by a local server (see stripe-api.ts). */
let stripe: StripeApi;
const suite = browserSuite('credits', async () => {
  stripe = await startStripeApi();
  return stripeEnv(stripe);
});
afterAll(() => stripe?.close());
const people = suite.people;
const PASSWORD = 'a-long-enough-password';
const AGENCY = 'owner@credit-agency.test';
const CLIENT_ADMIN = 'cathy@credit-client.test';
const VIEWER = 'vic@credit-client.test';

/** An approved agency with one client, whose admin and viewer have set their passwords. */
async function scene() {
  const api = rest(suite.server);
  const admin = await api.login(ADMIN.email, ADMIN.password);
  const reg = await api.register({
    accountType: 'agency',
    projectType: 'website',
    organizationName: 'Credit Agency',
    email: AGENCY,
    password: PASSWORD,
  });
  const requests = await api.call<{ items: { id: string; organization: { id: string } }[] }>(
    'GET',
    '/agency-requests',
    admin,
  );
  const request = requests.items.find((r) => r.organization.id === reg.organization.id);
  await api.call('POST', `/agency-requests/${request?.id}/approve`, admin);
  const agencyToken = await api.login(AGENCY, PASSWORD);
  const { organization: client } = await api.call<{ organization: { id: string } }>(
    'POST',
    '/organizations',
    agencyToken,
    { organizationName: 'Credit Client', projectType: 'website' },
  );
  for (const [email, role] of [
    [CLIENT_ADMIN, 'client_admin'],
    [VIEWER, 'viewer'],
  ]) {
    await api.call('POST', `/organizations/${client.id}/users`, agencyToken, { email, role });
    const mail = await lastMail(suite.server, email as string, 'invitation');
    const token = /accept-invitation\?token=(\S+)/.exec(mail.text)?.[1];
    await api.call('POST', '/auth/verify-email', null, { token, password: PASSWORD });
  }
  return { agency: reg.organization, client };
}

/** The scripts each person's page fetched so far. */
const scripts = new WeakMap<Page, string[]>();

/** Whether a script the page fetched is chart.js (one of its own error messages is in it). */
async function loadedChartJs(page: Page): Promise<boolean> {
  const bodies = await Promise.all((scripts.get(page) ?? []).map(async (url) => (await fetch(url)).text()));
  return bodies.some((body) => body.includes('Canvas is already in use'));
}

async function signedIn(email: string) {
  const someone = await person(suite.browser, suite.server.url);
  people.push(someone);
  const loaded: string[] = [];
  someone.page.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('.js')) loaded.push(response.url());
  });
  scripts.set(someone.page, loaded);
  await someone.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
  await signIn(someone.page, email, email === ADMIN.email ? ADMIN.password : PASSWORD);
  if (email === ADMIN.email) await dismissTour(someone.page);
  else await passWelcome(someone.page);
  return someone.page;
}

describe('credits in the admin, in Chromium against a real control plane (one story, step by step)', () => {
  let agency: { id: string };
  let client: { id: string };
  /** The client's admin, who buys credits at the end. */
  let cathy: Page;

  it('lets a superadmin price a feature and issue credits to an agency, once for a double click', async () => {
    ({ agency, client } = await scene());

    // The superadmin prices a feature, then issues credits to the agency.
    const s = await signedIn(ADMIN.email);
    await s.goto('/credits/prices');
    await s.getByLabel('New feature', { exact: true }).fill('ai.text');
    await s.getByLabel('Credits per unit of the new feature').fill('2');
    await s.getByRole('button', { name: 'Add', exact: true }).click();
    await s.getByTestId('price-saved').waitFor();
    expect(await s.locator('tr[data-feature="ai.text"] input').inputValue()).toBe('2');
    // … and offers a pack of credits for sale.
    const packForm = s.getByTestId('pack-form');
    await packForm.getByLabel('Pack').fill('starter');
    await packForm.getByLabel('Credits').fill('500');
    await packForm.getByLabel('Price').fill('19.99');
    await packForm.getByRole('button', { name: 'Add pack' }).click();
    await s.getByTestId('pack-saved').waitFor();
    expect(await s.locator('[data-testid="pack-table"] tr[data-pack="starter"]').textContent()).toContain(
      '$19.99',
    );
    await s.goto(`/organizations/${agency.id}/credits`);
    const issue = s.getByTestId('grant-form');
    await issue.getByLabel('Credits').fill('10000');
    await issue.getByLabel('Reason (optional)').fill('Launch');
    // A double click issues once: the same idempotency key, and the button is busy meanwhile.
    await issue.getByRole('button', { name: 'Issue' }).dblclick();
    await eventually(
      async () => (await s.getByTestId('credit-balance').textContent()) === '10,000',
      15_000,
      'the agency balance after the issue',
    );
    await s.locator('[data-testid="ledger-table"] tbody tr[data-kind="issue"]').waitFor();
    expect(await s.locator('[data-testid="ledger-table"] tbody tr').count()).toBe(1);
    // No usage yet, so no chart: the chart library was never fetched (it is not in the main bundle).
    // The usage panel loads on its own, after the balance.
    await settled(() => s.getByTestId('usage-panel').textContent()).toContain('No usage in this period.');
    expect(await loadedChartJs(s)).toBe(false);
  });

  it("lets the agency's admin grant to its client, watching both balances move, and limit the client's spend", async () => {
    // The agency admin grants to the client from its own balance and sees both balances move.
    const a = await signedIn(AGENCY);
    await a.goto(`/organizations/${agency.id}/credits`);
    const panel = a.getByTestId('client-grant-panel');
    await panel.getByLabel('Client').selectOption(client.id);
    await panel.getByTestId('grant-client-balance').waitFor();
    expect(await panel.getByTestId('grant-client-balance').textContent()).toBe('0');
    expect(await panel.getByTestId('grant-own-balance').textContent()).toBe('10,000');
    await panel.getByLabel('Credits').fill('3000');
    await panel.getByRole('button', { name: 'Grant' }).click();
    await eventually(
      async () => (await panel.getByTestId('grant-client-balance').textContent()) === '3,000',
      15_000,
      "the client's balance after the grant",
    );
    await eventually(
      async () => (await a.getByTestId('credit-balance').textContent()) === '7,000',
      15_000,
      "the agency's balance after the grant",
    );
    expect(await panel.getByTestId('grant-own-balance').textContent()).toBe('7,000');

    // … and limits the client's monthly spend.
    await a.goto(`/organizations/${client.id}/credits`);
    // The limit form is filled from the loaded summary: typing before it loads is overwritten.
    await eventually(
      async () => (await a.getByTestId('credit-monthly-limit').textContent()) === 'None',
      15_000,
      "the client's limits before any is set",
    );
    await a.getByLabel('Monthly limit').fill('2500');
    await a.getByRole('button', { name: 'Save limits' }).click();
    await a.getByTestId('limit-saved').waitFor();
    expect(await a.getByTestId('credit-monthly-limit').textContent()).toBe('2,500');
  });

  it("lets the client's admin issue an API key shown once; the CMS's usage with it shows in the balance, ledger, CSV and chart", async () => {
    // The client admin issues an API key, shown once, and copies it.
    const c = await signedIn(CLIENT_ADMIN);
    cathy = c;
    await c.goto(`/organizations/${client.id}/credits`);
    // The panels follow the loaded organization and permissions: the key control proves they came.
    await c.getByTestId('api-key-create').waitFor();
    expect(await c.getByTestId('grant-panel').count()).toBe(0);
    await c.getByTestId('api-key-create').click();
    const secret = c.getByTestId('api-key-secret');
    await secret.waitFor();
    const key = ((await secret.textContent()) ?? '').trim();
    expect(key).toMatch(/^lck_/);
    await c.getByTestId('api-key-copy').click();
    await c.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await c.evaluate(() => navigator.clipboard.readText())).toBe(key);
    // The list reloads after the key is shown: wait for it, then it holds just that key.
    await c.locator('[data-testid="api-key-list"] li').first().waitFor();
    expect(await c.locator('[data-testid="api-key-list"] li').count()).toBe(1);

    // The CMS reports usage with that key; the ledger and the chart show it.
    const report = await fetch(`${suite.server.url}/api/v1/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ feature: 'ai.text', quantity: 5, idempotencyKey: 'cms-report-1' }),
    });
    expect([report.status, (await report.json()).balance]).toEqual([200, 2990]);
    await c.getByTestId('credits-refresh').click();
    await eventually(
      async () => (await c.getByTestId('credit-balance').textContent()) === '2,990',
      15_000,
      'the balance after the usage',
    );
    const usageRow = c.locator('[data-testid="ledger-table"] tbody tr[data-kind="usage"]');
    await usageRow.waitFor();
    expect(await usageRow.textContent()).toContain('ai.text × 5');
    expect(await c.getByTestId('credit-spent').textContent()).toContain('10 of 2,500');
    const totals = c.getByTestId('usage-totals');
    await totals.waitFor();
    expect(await totals.getAttribute('data-total')).toBe('10');
    expect(await totals.locator('li[data-feature="ai.text"]').textContent()).toContain('10 credits');
    // The chart library is fetched once there is usage: the canvas comes after that import.
    await settled(() => c.locator('[data-testid="usage-panel"] canvas').count()).toBe(1);
    expect(await loadedChartJs(c)).toBe(true);
    // Filtered to grants only, the usage leaves the table.
    await c.getByTestId('ledger-kind').selectOption('grant');
    await eventually(async () => (await usageRow.count()) === 0, 10_000, 'the kind filter');
    // A table emptied while the filtered page loads has no usage row either: the grant row says it came.
    await settled(() => c.locator('[data-testid="ledger-table"] tbody tr[data-kind="grant"]').count()).toBe(
      1,
    );
    await c.getByTestId('ledger-kind').selectOption('');
    await usageRow.waitFor();
    await c.evaluate(() => window.scrollTo(0, 0));
    await screenshot(c, 'credits-tab');

    // The CSV export is the server's, with the usage in it.
    const [download] = await Promise.all([c.waitForEvent('download'), c.getByTestId('ledger-csv').click()]);
    expect(download.suggestedFilename()).toBe(`credits-${client.id}.csv`);
    const csv = await (await import('node:fs/promises')).readFile((await download.path()) as string, 'utf8');
    expect(csv).toMatch(/,usage,false,out,10,/);

    // Revoked after a confirmation, the key reports nothing more.
    await c.getByTestId('api-key-revoke').click();
    await c.getByTestId('api-key-revoke-confirm').click();
    await c.getByText('No API keys yet.').waitFor();
    const refused = await fetch(`${suite.server.url}/api/v1/usage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ feature: 'ai.text', quantity: 1, idempotencyKey: 'cms-report-2' }),
    });
    expect(refused.status).toBe(401);
  });

  it('shows a viewer the balance and the ledger, and no grant, limit or key control', async () => {
    // A viewer sees the balance and the ledger, and no control.
    const v = await signedIn(VIEWER);
    await v.goto(`/organizations/${client.id}/credits`);
    await eventually(
      async () => (await v.getByTestId('credit-balance').textContent()) === '2,990',
      15_000,
      "the viewer's balance",
    );
    await v.locator('[data-testid="ledger-table"] tbody tr').first().waitFor();
    for (const control of ['grant-panel', 'client-grant-panel', 'limit-panel', 'api-keys-panel'])
      expect(await v.getByTestId(control).count(), control).toBe(0);

    for (const p of people) expect(p.problems).toEqual([]);
  });
  it("lets the client's admin buy a pack through Stripe Checkout; the return page shows the credit once the signed webhook lands, live", async () => {
    const c = cathy;
    await c.goto(`/organizations/${client.id}/credits`);
    // Stripe's payment page is not reachable from here: the browser gets a local stand-in at its URL.
    await c.route('https://checkout.stripe.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<h1>Stripe Checkout (local stand-in)</h1>' }),
    );
    const pack = c.locator('[data-testid="buy-panel"] li[data-pack="starter"]');
    expect(await pack.textContent()).toContain('500 credits');
    expect(await pack.textContent()).toContain('$19.99');
    await pack.getByRole('button', { name: 'Buy' }).click();
    await c.waitForURL(/^https:\/\/checkout\.stripe\.com\//);
    const [session] = [...stripe.sessions.values()] as { id: string; url: string; success_url: string }[];
    expect(c.url()).toBe(session?.url);
    const returnUrl = new URL(session?.success_url ?? '');
    expect(returnUrl.pathname).toBe(`/organizations/${client.id}/credits`);

    // Back from Stripe before its webhook: waiting. Then the signed webhook credits it, live.
    await c.goto(`${returnUrl.pathname}${returnUrl.search}`);
    const status = c.getByTestId('purchase-status');
    await status.waitFor();
    expect(await status.getAttribute('data-state')).toBe('pending');
    expect(await c.getByTestId('credit-balance').textContent()).toBe('2,990');
    // The Purchases table lists it, pending, in the pending colour.
    const row = c.locator(
      `[data-testid="purchases-table"] tbody tr[data-purchase="${returnUrl.searchParams.get('purchase')}"]`,
    );
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('pending');
    await markNoReload(c);
    const now = new Date();
    const payload = stripeEvent(
      'checkout.session.completed',
      {
        id: session?.id,
        object: 'checkout.session',
        mode: 'payment',
        status: 'complete',
        payment_status: 'paid',
      },
      now,
    );
    expect((await deliver(suite.server.url, payload, signStripe(payload, now))).status).toBe(200);
    await eventually(async () => (await status.getAttribute('data-state')) === 'paid', 15_000, 'the credit');
    expect(await status.textContent()).toContain('500 credits were added');
    await eventually(
      async () => (await c.getByTestId('credit-balance').textContent()) === '3,490',
      15_000,
      'the balance after the purchase',
    );
    await c.locator('[data-testid="ledger-table"] tbody tr[data-kind="purchase"]').waitFor();
    await eventually(
      async () => (await row.getAttribute('data-state')) === 'paid',
      15_000,
      'the purchase row',
    );
    expect(await row.getByTestId('purchase-state').textContent()).toBe('Paid');
    expect(await row.textContent()).toContain('$19.99');
    await expectNotReloaded(c);
    for (const p of people) expect(p.problems).toEqual([]);
  });
});
