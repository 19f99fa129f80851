import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { person, screenshot } from './support/browser';
import { ADMIN, rest } from './support/control-plane';
import { dismissTour, passWelcome, signIn } from './support/flows';
import { browserSuite } from './support/suite';

const suite = browserSuite('bulk-delete');

async function git(...args: string[]): Promise<string> {
  const gitDir = path.join(suite.server.dataDir, 'gitops.git');
  return (await promisify(execFile)('git', ['--git-dir', gitDir, ...args])).stdout.trim();
}

describe('a superadmin requests a bulk deletion, in Chromium', () => {
  it('chooses deprovisioned organizations from a filtered list, reads each purge, confirms by typing, and lands on the change request', async () => {
    const api = rest(suite.server);
    const token = await api.login(ADMIN.email, ADMIN.password);
    const orgs: Record<string, { id: string; slug: string }> = {};
    for (const name of ['Bulk Bakery', 'Bulk Bikes', 'Bulk Cafe', 'Kept Florist']) {
      const { organization } = await api.register({
        accountType: 'organization',
        projectType: 'website',
        organizationName: name,
        email: `owner@${name.toLowerCase().replace(' ', '-')}.test`,
        password: 'a-long-enough-password',
      });
      orgs[name] = { id: organization.id, slug: organization.slug };
      // The florist stays active: a bulk deletion takes only deprovisioned organizations.
      if (name !== 'Kept Florist')
        await api.call('POST', `/organizations/${organization.id}/deprovision`, token, { reason: 'left' });
    }
    const before = await git('rev-parse', 'main');

    const p = await person(suite.browser, suite.server.url);
    suite.people.push(p);
    const a = p.page;
    await signIn(a, ADMIN.email, ADMIN.password);
    await dismissTour(a);
    await a.getByTestId('bulk-delete').click();
    await a.getByRole('heading', { name: 'Bulk deletion' }).waitFor();
    const row = (name: string) => a.locator(`tr[data-org="${orgs[name]?.slug}"]`);
    await row('Bulk Bakery').waitFor();
    expect(await row('Kept Florist').count()).toBe(0);

    // The filter narrows the list; "choose all shown" takes what it shows.
    await a.getByLabel('Filter').fill('bulk b');
    await row('Bulk Cafe').waitFor({ state: 'detached' });
    await a.getByTestId('bulk-all').check();
    await a.getByLabel('Filter').fill('');
    await row('Bulk Cafe').waitFor();
    expect(await row('Bulk Cafe').getByTestId('bulk-choose').isChecked()).toBe(false);
    expect(await a.getByTestId('bulk-count').textContent()).toBe('2 chosen');

    expect(await a.getByTestId('bulk-preview').isDisabled()).toBe(true);
    await a.getByLabel('Reason').fill('contracts ended');
    await a.getByTestId('bulk-preview').click();
    const panel = a.getByTestId('bulk-preview-panel');
    await panel.waitFor();
    expect(await panel.locator('details.purge').count()).toBe(2);
    expect(await panel.locator('.diff-file').count()).toBeGreaterThan(0);
    await screenshot(a, 'bulk-delete-preview');
    // Reading commits nothing.
    expect(await git('rev-parse', 'main')).toBe(before);

    const submit = panel.getByTestId('confirm-typing-submit');
    await panel.getByTestId('confirm-typing-input').fill('delete 3 organizations');
    expect(await submit.isDisabled()).toBe(true);
    await panel.getByTestId('confirm-typing-input').fill('delete 2 organizations');
    await submit.click();
    await a.waitForURL(/\/change-requests\/[0-9a-f-]{36}$/);
    await a.getByRole('heading', { name: /purge 2 tenants/ }).waitFor();

    const changeId = new URL(a.url()).pathname.split('/').pop() as string;
    const change = await api.call<{ kind: string; state: string; organizationIds: string[]; reason: string }>(
      'GET',
      `/change-requests/${changeId}`,
      token,
    );
    expect(change).toMatchObject({ kind: 'bulk_delete', state: 'pending_review', reason: 'contracts ended' });
    expect([...change.organizationIds].sort()).toEqual(
      [orgs['Bulk Bakery']?.id, orgs['Bulk Bikes']?.id].sort(),
    );
    // Pending two other superadmins' approval: nothing is committed yet.
    expect(await git('rev-parse', 'main')).toBe(before);
    expect(p.problems).toEqual([]);
  });

  it('is not offered, nor any other platform page, to someone without the platform actions: their addresses answer Not found', async () => {
    const api = rest(suite.server);
    await api.register({
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Curious Owner',
      email: 'owner@curious.test',
      password: 'a-long-enough-password',
    });
    const p = await person(suite.browser, suite.server.url);
    suite.people.push(p);
    await signIn(p.page, 'owner@curious.test', 'a-long-enough-password');
    await passWelcome(p.page);
    // A client admin: the superadmins' pages are neither in the menu nor reachable by address.
    for (const path of [
      '/organizations/bulk-delete',
      '/catalog',
      '/agency-requests',
      '/partner-groups',
      '/clusters',
      '/sign-in-locks',
      '/organizations/new',
    ]) {
      await p.page.goto(path);
      await p.page.getByRole('heading', { name: 'Nothing here' }).waitFor();
    }
    await p.page.goto('/organizations');
    await p.page.getByTestId('nav-change-requests').waitFor();
    expect(await p.page.getByTestId('bulk-delete').count()).toBe(0);
    expect(await p.page.getByTestId('add-client').count()).toBe(0);
    const platformNav = [
      'nav-catalog',
      'nav-agency-requests',
      'nav-partner-groups',
      'nav-clusters',
      'nav-sign-in-locks',
      'nav-credit-prices',
    ];
    expect(await p.page.locator(platformNav.map((id) => `[data-testid=${id}]`).join(', ')).count()).toBe(0);
    expect(p.problems).toEqual([]);
  });
});
