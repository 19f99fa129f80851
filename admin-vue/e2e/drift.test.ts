import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { handEdit } from '../../control-plane/src/test-support/hand-edit';
import { person, screenshot } from './support/browser';
import { ADMIN, rest } from './support/control-plane';
import { dismissTour, passWelcome, signIn } from './support/flows';
import { browserSuite } from './support/suite';

const run = promisify(execFile);
const suite = browserSuite('drift');
const repo = () => path.join(suite.server.dataDir, 'gitops.git');

async function git(...args: string[]): Promise<string> {
  return (await run('git', ['--git-dir', repo(), ...args])).stdout.trim();
}

describe('drift and re-assert on the Sync tab, in Chromium', () => {
  it('shows the hand-edited files to the owner without a re-assert, and a superadmin overwrites them after confirming', async () => {
    const api = rest(suite.server);
    const owner = { email: 'owner@drift-cafe.test', password: 'a-long-enough-password' };
    const { organization } = await api.register({
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Drift Cafe',
      ...owner,
    });
    const dir = (await git('ls-tree', '-d', '-r', '--name-only', 'main', 'tenants'))
      .split('\n')
      .find((d) => d.endsWith(`/${organization.slug}`)) as string;
    const files = (await git('ls-tree', '-r', '--name-only', 'main', dir)).split('\n');
    const edited = files.find((f) => f.endsWith('kustomization.yaml')) as string;
    // Drift is a hand edit of the tenant's folder in git: Flux applies whatever main says and reports
    // nothing about who wrote it (and cannot run here), so this writes what an SRE's push leaves on
    // main, then runs the reconcile pass the server runs periodically.
    await handEdit(
      repo(),
      edited,
      (text) => `${text}# raised by hand for the launch\n`,
      'raise the quota by hand',
    );
    await suite.server.services.changes.reconcile();

    // The owner sees what was edited, not the control that overwrites it.
    const o = await person(suite.browser, suite.server.url);
    suite.people.push(o);
    await signIn(o.page, owner.email, owner.password);
    await passWelcome(o.page);
    await o.page.goto(`/organizations/${organization.id}/sync`);
    const ownerDrift = o.page.getByTestId('drift-files');
    await ownerDrift.waitFor();
    expect(await ownerDrift.locator('li').allTextContents()).toEqual([expect.stringContaining(edited)]);
    expect(await o.page.getByTestId('reassert').count()).toBe(0);

    const p = await person(suite.browser, suite.server.url);
    suite.people.push(p);
    const a = p.page;
    await signIn(a, ADMIN.email, ADMIN.password);
    await dismissTour(a);
    await a.goto(`/organizations/${organization.id}/sync`);
    const listed = a.getByTestId('drift-files').locator('li');
    await listed.first().waitFor();
    expect(await listed.getAttribute('data-status')).toBe('modified');
    expect(await listed.textContent()).toContain('edited by hand');
    await screenshot(a, 'sync-drift');

    const before = await git('rev-parse', 'main');
    await a.getByTestId('reassert').click();
    const confirm = a.getByTestId('reassert-confirm');
    await confirm.waitFor();
    // Asking commits nothing.
    expect(await git('rev-parse', 'main')).toBe(before);
    await confirm.getByLabel('Reason (optional)').fill('undo the launch edit');
    await confirm.getByTestId('confirm-reassert').click();
    await a.getByTestId('reassert-result').waitFor();
    await a.getByTestId('no-drift').waitFor();

    expect(await git('rev-parse', 'main^')).toBe(before);
    expect(await git('show', `main:${edited}`)).not.toContain('# raised by hand');
    expect(await git('log', '-1', '--format=%B', 'main')).toContain('Reason: undo the launch edit');
    const token = await api.login(ADMIN.email, ADMIN.password);
    expect(await api.call('GET', `/organizations/${organization.id}/drift`, token)).toEqual({ drift: null });
    expect([...o.problems, ...p.problems]).toEqual([]);
  });
});
