import os from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../control-plane/src/test-support/server';
import { DESKTOP, launchBrowser, type Person, person, screenshot, TABLET } from './support/browser';
import { ADMIN, lastMail, linkIn, postFluxEvent, rest, startControlPlane } from './support/control-plane';
import {
  dismissTour,
  eventually,
  expectNotReloaded,
  markNoReload,
  passWelcome,
  settled,
  signIn,
} from './support/flows';

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

// On failure, keep what each person saw (for the CI log's artefacts).
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await Promise.all(
    people.map((p, i) =>
      p.page
        .screenshot({
          path: `${os.tmpdir()}/luster-e2e-failure-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}-${i}.png`,
        })
        .catch(() => undefined),
    ),
  );
  process.stderr.write(
    `failure screenshots: ${os.tmpdir()}/luster-e2e-failure-*.png; problems: ${JSON.stringify(people.map((p) => p.problems))}\n`,
  );
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
    await v.locator('.choice.selected', { hasText: 'An online shop' }).waitFor();
    await screenshot(v, 'register-project-type');
    await v.getByRole('button', { name: 'Continue' }).click();
    await v.getByLabel('Organization name').fill('Acme Bakery & Co');
    expect(await v.getByTestId('slug-preview').textContent()).toBe('acme-bakery-co');
    await screenshot(v, 'register-organization');
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

  it('shows a tenant: a tier change previewed as a diff before it is committed, then its sync, manifests and history', async () => {
    const a = people[0]?.page;
    if (!a) throw new Error('the first scenario signs the superadmin in');
    const api = rest(server);
    const token = await api.login(ADMIN.email, ADMIN.password);
    const historyLength = async (id: string) => {
      const body = await api.call<unknown[] | { items: unknown[] }>(
        'GET',
        `/organizations/${id}/history`,
        token,
      );
      return Array.isArray(body) ? body : body.items;
    };

    await a.getByRole('link', { name: 'Acme Bakery & Co' }).click();
    await a.getByRole('heading', { name: 'Acme Bakery & Co' }).waitFor();
    const id = a.url().split('/organizations/')[1]?.split('/')[0] as string;
    await a.getByRole('heading', { name: 'Specification' }).waitFor();
    await screenshot(a, 'tenant-overview');

    const before = (await historyLength(id)).length;
    await a.getByTestId('action-tier').click();
    await a.getByLabel('Tier').selectOption('pro');
    await a.getByTestId('preview').click();
    const preview = a.getByTestId('action-preview');
    await preview.waitFor();
    expect(await preview.locator('.line.add').count()).toBeGreaterThan(0);
    expect(await preview.textContent()).toContain('tenants/');
    expect((await historyLength(id)).length).toBe(before);
    await a.getByRole('heading', { name: 'What would change in git' }).scrollIntoViewIfNeeded();
    await screenshot(a, 'tenant-action-preview');

    await a.getByTestId('confirm-action').click();
    const result = a.getByTestId('action-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('committed to main');
    expect((await historyLength(id)).length).toBe(before + 1);

    // The cluster reports progress, a failed health check, then success for the new commit.
    const org = await api.call<{ slug: string; lastChange: { sha: string } }>(
      'GET',
      `/organizations/${id}`,
      token,
    );
    const sha = org.lastChange.sha;
    await a.getByTestId('tab-sync').click();
    await a.getByRole('heading', { name: 'Events' }).waitFor();
    const status = a.locator('[data-testid="tenant-sync"] .pill');
    expect(
      (
        await postFluxEvent(server, {
          slug: org.slug,
          sha,
          reason: 'Progressing',
          message: 'HorizontalPodAutoscaler/tenant-acme-bakery-co/theme created',
        })
      ).status,
    ).toBe(200);
    await postFluxEvent(server, {
      slug: org.slug,
      sha,
      severity: 'error',
      reason: 'HealthCheckFailed',
      message:
        "health check failed after 30s: timeout waiting for: [Deployment/tenant-acme-bakery-co/theme status: 'InProgress']",
    });
    await eventually(
      async () => (await status.getAttribute('data-status')) === 'Failed',
      20_000,
      'Failed status',
    );
    const events = a.getByTestId('sync-events');
    await eventually(
      async () => ((await events.textContent()) ?? '').includes('health check failed after 30s'),
      20_000,
      'the failure in the timeline',
    );
    await settled(() => a.getByRole('alert').first().textContent()).toContain(
      'health check failed after 30s',
    );
    await postFluxEvent(server, { slug: org.slug, sha });
    await eventually(
      async () => (await status.getAttribute('data-status')) === 'Ready',
      20_000,
      'Ready status',
    );
    await eventually(async () =>
      /\d+ (s|min)/.test((await a.getByTestId('time-to-live').textContent()) ?? ''),
    );
    await screenshot(a, 'tenant-sync');

    await a.getByTestId('tab-manifests').click();
    await a.getByRole('navigation', { name: 'Manifest files' }).waitFor();
    expect(await a.locator('.tok-key').count()).toBeGreaterThan(3);
    await screenshot(a, 'tenant-manifests');

    await a.getByTestId('tab-history').click();
    const history = a.getByTestId('history');
    await history.waitFor();
    expect(await history.locator('li.commit').count()).toBe(before + 1);
    expect(await history.locator('li.commit').first().textContent()).toContain(`tenant(${org.slug})`);
    expect(await history.locator('li.commit').first().textContent()).toContain('Tenant:');
    await screenshot(a, 'tenant-history');
  });

  it('shows the diff of a commit in the History tab', async () => {
    const a = people[0]?.page;
    if (!a) throw new Error('the first scenario signs the superadmin in');
    await a.locator('li.commit button.commit-head').first().click();
    const diff = a.locator('.commit-diff');
    await diff.waitFor();
    await eventually(
      async () => (await diff.locator('.line.add, .line.del, [role=alert]').count()) > 0,
      10_000,
      'diff or error',
    );
    expect(await diff.locator('[role=alert]').count()).toBe(0);
    expect(await diff.locator('.line.add').count()).toBeGreaterThan(0);
    await screenshot(a, 'tenant-history-diff');
  });

  it('lets a superadmin read an agency survey and approve the agency', async () => {
    const a = people[0]?.page as Page;
    await rest(server).register({
      accountType: 'agency',
      projectType: 'website',
      organizationName: 'Pixel Agency',
      email: 'hello@pixel-agency.test',
      password: 'pixel-agency-password',
      agencySurvey: {
        clientCount: '6–20',
        website: 'https://pixel-agency.test',
        services: 'Shops and campaigns',
      },
    });
    await a.getByTestId('nav-agency-requests').click();
    const card = a.getByTestId('agency-request-pixel-agency');
    await card.waitFor();
    expect(await card.textContent()).toContain('Shops and campaigns');
    expect(await card.textContent()).toContain('hello@pixel-agency.test');
    await screenshot(a, 'agency-requests');
    await card.getByTestId('approve-agency').click();
    await eventually(async () => ((await card.textContent()) ?? '').includes('approved'), 15_000, 'approved');
    const token = await rest(server).login(ADMIN.email, ADMIN.password);
    const list = await rest(server).call<{ items: { slug: string; state: string }[] }>(
      'GET',
      '/organizations',
      token,
    );
    expect(list.items.find((o) => o.slug === 'pixel-agency')?.state).toBe('provisioning');
  });

  it('switches the organization context and shows only that organization’s plugins', async () => {
    const a = people[0]?.page as Page;
    await a.getByTestId('nav-organizations').click();
    const switcher = a.getByTestId('context-switcher');
    const acme = await switcher.locator('option', { hasText: 'Acme Bakery & Co' }).getAttribute('value');
    await switcher.selectOption(acme as string);
    const nav = a.getByTestId('plugin-nav');
    await nav.waitFor();
    expect((await nav.locator('a').allTextContents()).map((t) => t.trim())).toEqual([
      'E-commerce',
      'SEO Assistant',
    ]);
    await screenshot(a, 'context-switcher-plugins');
    await switcher.selectOption('all');
    await nav.waitFor({ state: 'detached' });
  });

  it('requests a purge after typing the slug, and lets a reviewer other than the requester approve it; it lands on main', async () => {
    const api = rest(server);
    const adminToken = await api.login(ADMIN.email, ADMIN.password);
    // A second superadmin requests a purge; the seeded admin reviews it.
    const platform = (
      await api.call<{ items: { id: string; kind: string }[] }>('GET', '/organizations', adminToken)
    ).items.find((o) => o.kind === 'platform');
    await api.call('POST', `/organizations/${platform?.id}/users`, adminToken, {
      email: 'rita@luster.test',
      role: 'superadmin',
      name: 'Rita Requester',
    });
    const invite = await lastMail(server, 'rita@luster.test', 'invitation');
    const requester = await newPerson();
    await requester.page.goto(linkIn(invite.text, '/accept-invitation'));
    await requester.page.getByLabel('Password').fill('rita-requester-password');
    await requester.page.getByRole('button', { name: 'Accept invitation' }).click();
    await requester.page.getByText('Your password is set.').waitFor();
    const ritaToken = await api.login('rita@luster.test', 'rita-requester-password');
    const victim = await api.call<{ organization: { id: string; slug: string } }>(
      'POST',
      '/organizations',
      ritaToken,
      { organizationName: 'Closing Down Ltd', projectType: 'website' },
    );
    const orgId = victim.organization.id;
    await api.call('POST', `/organizations/${orgId}/deprovision`, ritaToken, { reason: 'Contract ended' });

    // Rita requests the purge in the admin: a reason, the diff, and only once the slug is typed.
    const r = requester.page;
    await signIn(r, 'rita@luster.test', 'rita-requester-password');
    await dismissTour(r);
    await r.goto(`/organizations/${orgId}`);
    await r.getByTestId('action-purge').click();
    await r.locator('#act-reason').fill('Customer asked for deletion (GDPR art. 17)');
    await r.getByTestId('preview').click();
    const purgePreview = r.getByTestId('action-preview');
    await purgePreview.locator('.diff-file').first().waitFor();
    const requestPurge = purgePreview.getByTestId('confirm-typing-submit');
    await purgePreview.getByTestId('confirm-typing-input').fill('closing-down');
    expect(await requestPurge.isDisabled()).toBe(true);
    await purgePreview.getByTestId('confirm-typing-input').fill(victim.organization.slug);
    await requestPurge.click();
    await r.getByTestId('action-result').waitFor();
    const pending = await api.call<{ items: { id: string; kind: string; state: string }[] }>(
      'GET',
      `/change-requests?organizationId=${orgId}&kind=purge`,
      ritaToken,
    );
    const purge = { change: pending.items[0] as { id: string; state: string } };
    expect(pending.items.map((c) => c.state)).toEqual(['pending_review']);

    // The requester finds it under "Mine", is offered no Approve, and reads why and who can.
    await r.getByTestId('nav-change-requests').click();
    await r.getByTestId('cr-tab-mine').click();
    await r.locator(`tr[data-cr="${purge.change.id}"]`).getByRole('link').click();
    await r.getByTestId('approve-why').waitFor({ timeout: 10_000 });
    expect(await r.getByTestId('approve-why').textContent()).toContain('someone else must approve it');
    expect(await r.getByTestId('approve').count()).toBe(0);
    const outlook = await r.getByTestId('approval-outlook').textContent();
    expect(outlook).toContain('1 more approval is needed');
    expect(outlook).toContain(ADMIN.email);
    await screenshot(r, 'change-request-approvers');

    // The reviewer finds it in the list, reads the diff, approves; it is committed to main.
    const a = people[0]?.page as Page;
    await a.getByTestId('nav-change-requests').click();
    await a.getByTestId('cr-table').getByRole('link', { name: /purge/ }).first().click();
    await a.locator('.diff-file').first().waitFor();
    await screenshot(a, 'change-request');
    await a.getByTestId('approve').click();
    await a.locator('.page-header [data-state="approved"]').waitFor();
    await a.getByTestId('merge').click();
    await a.getByTestId('merged').waitFor();
    await screenshot(a, 'change-request-merged');
    const history = await api.call<
      | { items: { changeRequestId: string | null; branch: string }[] }
      | { changeRequestId: string | null; branch: string }[]
    >('GET', `/organizations/${orgId}/history`, adminToken);
    const commits = Array.isArray(history) ? history : history.items;
    expect(commits.find((c) => c.changeRequestId === purge.change.id)?.branch).toBe('main');
  });

  it('shows an invited editor the setup loader and the tour once, and never another organization', async () => {
    const api = rest(server);
    const adminToken = await api.login(ADMIN.email, ADMIN.password);
    const fresh = await api.register({
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Blue Harbor Studio',
      email: 'owner@blue-harbor.test',
      password: 'blue-harbor-password',
    });
    await api.call('POST', `/organizations/${fresh.organization.id}/users`, adminToken, {
      email: 'eddie@blue-harbor.test',
      role: 'editor',
      name: 'Eddie Editor',
    });
    const invite = await lastMail(server, 'eddie@blue-harbor.test', 'invitation');
    const editor = await newPerson();
    const e = editor.page;
    await e.goto(linkIn(invite.text, '/accept-invitation'));
    await e.getByLabel('Password').fill('eddie-editor-password');
    await e.getByRole('button', { name: 'Accept invitation' }).click();
    await e.getByText('Your password is set.').waitFor();
    await signIn(e, 'eddie@blue-harbor.test', 'eddie-editor-password');

    // First login: the loader follows the real provisioning status (committed, waiting for Flux).
    await e.waitForURL(/\/welcome/);
    const commitStep = e.locator('[data-step="commit"]');
    await eventually(
      async () => (await commitStep.getAttribute('data-state')) === 'done',
      15_000,
      'commit step done',
    );
    expect(await e.locator('[data-step="apply"]').getAttribute('data-state')).toBe('active');
    await screenshot(e, 'first-login-loader');
    await e.getByTestId('welcome-continue').click();
    await e.locator('.driver-popover').waitFor();
    // The tour marks the page the moment it starts (driver.js's class on <body>): the check below
    // that it is not shown again reads that mark.
    expect(await e.evaluate(() => document.body.classList.contains('driver-active'))).toBe(true);
    await screenshot(e, 'welcome-tour');
    await dismissTour(e).catch(async () => {
      await e.keyboard.press('Escape');
    });

    // Only their own organization, no switcher, and another organization is out of reach.
    const rows = e.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-org')))).toEqual([
      'blue-harbor-studio',
    ]);
    expect(await e.getByTestId('context-switcher').count()).toBe(0);
    const editorToken = await api.login('eddie@blue-harbor.test', 'eddie-editor-password');
    const seen = await api.call<{ items: { slug: string }[] }>('GET', '/organizations', editorToken);
    expect(seen.items.map((o) => o.slug)).toEqual(['blue-harbor-studio']);
    const acme = (
      await api.call<{ items: { id: string; slug: string }[] }>('GET', '/organizations', adminToken)
    ).items.find((o) => o.slug === 'acme-bakery-co');
    // The page asks for the organization and its sync at once; the alert may come before the second answer.
    const syncRefused = e.waitForResponse((r) => r.url().endsWith(`/organizations/${acme?.id}/sync`));
    await e.goto(`/organizations/${acme?.id}`);
    await e.getByRole('alert').waitFor();
    await syncRefused;
    expect(await e.getByRole('alert').textContent()).toContain(
      'This organization does not exist, or you cannot see it.',
    );
    expect(await e.content()).not.toContain('Acme Bakery');
    // Those refusals (404 for the organization and its sync) are the point of the check, not noise.
    const expected = editor.problems.filter(
      (p) => p.includes(`/organizations/${acme?.id}`) && p.includes('404'),
    );
    expect(expected.length).toBeGreaterThan(0);
    editor.problems.splice(
      0,
      editor.problems.length,
      ...editor.problems.filter((p) => !expected.includes(p)),
    );

    // The tour is shown once per user. The shell starts it as it mounts, before any answer from the
    // API reaches its page: once the rows show, a tour would already have marked the page.
    await e.goto('/organizations');
    await rows.first().waitFor();
    expect(await e.evaluate(() => document.body.classList.contains('driver-active'))).toBe(false);
    expect(await e.locator('.driver-popover').count()).toBe(0);
  });

  it('lets a client admin invite a colleague as editor, who accepts the mailed invitation and signs in', async () => {
    const api = rest(server);
    await api.register({
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Green Leaf Florist',
      email: 'owner@green-leaf.test',
      password: 'green-leaf-password',
    });
    const owner = await newPerson();
    const o = owner.page;
    await signIn(o, 'owner@green-leaf.test', 'green-leaf-password');
    await passWelcome(o);
    await o.getByRole('link', { name: 'Green Leaf Florist' }).click();
    await o.getByTestId('tab-users').click();
    await o.locator('tr[data-member="owner@green-leaf.test"]').waitFor();
    const role = o.getByLabel('Role', { exact: true });
    expect((await role.locator('option').allTextContents()).map((t) => t.trim())).toEqual([
      'Client admin',
      'Editor',
      'Viewer',
    ]);

    // Invited from the keyboard: Enter in the form sends it.
    await o.getByLabel('Email', { exact: true }).fill('colleague@green-leaf.test');
    await o.getByLabel('Name (optional)').fill('Cleo Colleague');
    await role.selectOption('editor');
    await o.getByLabel('Email', { exact: true }).press('Enter');
    const done = o.getByTestId('invite-done');
    await done.waitFor();
    expect(await done.textContent()).toContain('An invitation was mailed to colleague@green-leaf.test.');
    const row = o.locator('tr[data-member="colleague@green-leaf.test"]');
    await row.waitFor();
    expect(await row.getByLabel('Role of colleague@green-leaf.test').inputValue()).toBe('editor');
    expect(await row.getByTestId('member-status').textContent()).toBe('Invited');
    expect(await row.textContent()).toContain('Cleo Colleague');
    await screenshot(o, 'tenant-users');

    // The same address again: the server's 409 is said beside the email field.
    await o.getByLabel('Email', { exact: true }).fill('colleague@green-leaf.test');
    await o.getByTestId('invite-submit').click();
    const taken = o.locator('#invite-email-error');
    await taken.waitFor();
    expect(await taken.textContent()).toBe('This person is already a member of this organization.');
    expect(await o.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // That refusal is the point of the check, not noise.
    const refused = owner.problems.filter((p) => p.includes('409'));
    expect(refused).toHaveLength(1);
    owner.problems.splice(0, owner.problems.length, ...owner.problems.filter((p) => !refused.includes(p)));

    // The mail is delivered by a queue shortly after the invitation was answered.
    const invite = await lastMail(server, 'colleague@green-leaf.test', 'invitation');
    const colleague = await newPerson();
    const c = colleague.page;
    await c.goto(linkIn(invite.text, '/accept-invitation'));
    await c.getByLabel('Password').fill('cleo-colleague-password');
    await c.getByRole('button', { name: 'Accept invitation' }).click();
    await c.getByText('Your password is set.').waitFor();
    await signIn(c, 'colleague@green-leaf.test', 'cleo-colleague-password');
    await passWelcome(c);
    const rows = c.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-org')))).toEqual([
      'green-leaf-florist',
    ]);
    // An editor may not manage members: no Users tab on their organization.
    await c.getByRole('link', { name: 'Green Leaf Florist' }).click();
    await c.getByRole('heading', { name: 'Specification' }).waitFor();
    expect(await c.getByTestId('tab-users').count()).toBe(0);
  });

  it('lets a client admin white-label their tenant: saved as a commit, refused beside the field when wrong, then found under Mine with no decision left', async () => {
    await rest(server).register({
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Sunny Side Bakery',
      email: 'owner@sunny-side.test',
      password: 'sunny-side-password',
    });
    const owner = await newPerson();
    const o = owner.page;
    await signIn(o, 'owner@sunny-side.test', 'sunny-side-password');
    await passWelcome(o);
    await o.getByRole('link', { name: 'Sunny Side Bakery' }).click();
    await o.getByTestId('tab-branding').click();
    const save = o.getByTestId('branding-preview');
    await save.waitFor();
    expect(await save.isDisabled()).toBe(true);

    // A colour that is not hex is refused beside its field as the person leaves it; nothing is sent.
    await o.getByLabel('Accent color').fill('orange');
    await o.getByLabel('Accent color').press('Tab');
    const wrong = o.locator('#brand-accentColor-error');
    await wrong.waitFor();
    expect(await wrong.textContent()).toBe('Must be a hex color such as #1a2b3c.');
    expect(await o.getByLabel('Accent color').getAttribute('aria-invalid')).toBe('true');
    await save.click();
    expect(await o.getByTestId('branding-diff').count()).toBe(0);
    await o.getByLabel('Accent color').fill('');

    // App name and primary colour, previewed as a diff, then committed (from the keyboard: Enter).
    await o.getByLabel('App name').fill('Sunny Side');
    await o.getByLabel('Primary color').fill('#e11d48');
    expect(await o.getByTestId('look-name').textContent()).toBe('Sunny Side');
    await o.getByLabel('Primary color').press('Enter');
    const diff = o.getByTestId('branding-diff');
    await diff.waitFor();
    expect(await diff.locator('.line.add').count()).toBeGreaterThan(0);
    await o.getByTestId('branding-save').click();
    const result = o.getByTestId('branding-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('committed to main as');
    const sha = (await result.getByTestId('change-sha').textContent()) ?? '';
    expect(sha).toMatch(/^[0-9a-f]{7}$/);
    // The admin around it now wears the new branding: this is the person's own organization.
    await eventually(
      async () => ((await o.getByTestId('app-name').textContent()) ?? '').includes('Sunny Side'),
      10_000,
      'the shell to take the new app name',
    );
    await o.evaluate(() => window.scrollTo(0, 0));
    await screenshot(o, 'tenant-branding');

    await o.getByTestId('tab-history').click();
    const newest = o.getByTestId('history').locator('li.commit').first();
    await newest.waitFor();
    expect(await newest.textContent()).toContain('tenant(sunny-side-bakery): branding appName, primaryColor');
    expect(await newest.textContent()).toContain(sha);

    // Their change requests open on "Mine" in any state, so the committed branding is there; the
    // state filter narrows the tab, and a committed change offers no decision to take.
    await o.getByTestId('nav-change-requests').click();
    const branding = o.getByTestId('cr-table').locator('tr[data-cr]', { hasText: 'branding' });
    await branding.waitFor();
    expect(await o.getByTestId('cr-tab-mine').getAttribute('aria-selected')).toBe('true');
    expect(await o.locator('#cr-state').inputValue()).toBe('');
    await o.locator('#cr-state').selectOption('rejected');
    await o.getByText('You have no rejected change requests.').waitFor();
    await o.locator('#cr-state').selectOption('committed');
    await branding.waitFor();
    expect(new URL(o.url()).searchParams.get('state')).toBe('committed');
    await o.getByTestId('cr-tab-all').click();
    await o.getByTestId('cr-table').locator('tr[data-cr]', { hasText: 'provision' }).waitFor();
    await branding.getByRole('link').click();
    await o.getByTestId('merged').waitFor();
    expect(
      await o.locator('[data-testid=review-actions], [data-testid=approve], [data-testid=merge]').count(),
    ).toBe(0);
  });

  it('is usable at tablet width', async () => {
    const tablet = await newPerson(TABLET);
    const t = tablet.page;
    await signIn(t, ADMIN.email, ADMIN.password);
    await dismissTour(t); // a new browser: the tour is per user and browser
    await t.getByRole('heading', { name: 'Organizations' }).waitFor();
    await t.locator('tr[data-org="acme-bakery-co"]').waitFor();
    expect(await t.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(t, 'tablet-organizations');
    await t.getByRole('link', { name: 'Acme Bakery & Co' }).click();
    await t.getByRole('heading', { name: 'Specification' }).waitFor();
    expect(await t.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(t, 'tablet-tenant');
  });

  it('has no console errors on any page it visited', () => {
    const problems = people.flatMap((p) => p.problems);
    expect(problems).toEqual([]);
  });
});
