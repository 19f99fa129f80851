import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Person, person, screenshot } from './support/browser';
import { ADMIN, rest } from './support/control-plane';
import { dismissTour, signIn } from './support/flows';
import { browserSuite } from './support/suite';

const suite = browserSuite('platform');
const people = suite.people;

/** The GitOps repository as Flux reads it, through the git CLI. */
async function git(...args: string[]): Promise<string> {
  const gitDir = path.join(suite.server.dataDir, 'gitops.git');
  return (await promisify(execFile)('git', ['--git-dir', gitDir, ...args])).stdout.trim();
}

async function superadmin(): Promise<Page> {
  const p = await person(suite.browser, suite.server.url);
  people.push(p);
  await signIn(p.page, ADMIN.email, ADMIN.password);
  await dismissTour(p.page);
  return p.page;
}

describe('a superadmin’s platform tools, in Chromium', () => {
  it('reverts a tenant to an earlier history entry after reading the diff, as a new commit', async () => {
    const api = rest(suite.server);
    const reg = await api.register({
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Revert Bakery',
      email: 'owner@revert-bakery.test',
      password: 'revert-bakery-password',
    });
    const id = reg.organization.id;
    const token = await api.login(ADMIN.email, ADMIN.password);
    await api.call('PATCH', `/organizations/${id}`, token, { plugins: ['seo-assistant', 'forms'] });
    const before = await git('rev-parse', 'main');

    const a = await superadmin();
    await a.goto(`/organizations/${id}/history`);
    const entries = a.locator('[data-testid=history] > li');
    await entries.nth(1).waitFor();
    expect(await entries.first().getByTestId('revert').count()).toBe(0);
    const provision = entries.nth(1);
    expect(await provision.textContent()).toContain('provision');
    await provision.getByTestId('revert').click();
    const panel = provision.getByTestId('revert-panel');
    await panel.getByTestId('confirm-revert').waitFor();
    expect(await panel.locator('.diff-file').count()).toBeGreaterThan(0);
    expect(await panel.locator('.line.del').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('forms')]),
    );
    await screenshot(a, 'history-revert-preview');
    // Nothing is committed while the person reads.
    expect(await git('rev-parse', 'main')).toBe(before);

    await panel.getByLabel('Reason (optional)').fill('forms were a mistake');
    await panel.getByTestId('confirm-revert').click();
    await a.getByTestId('revert-result').waitFor();
    expect(await git('rev-parse', 'main^')).toBe(before);
    expect(await git('log', '-1', '--format=%B', 'main')).toContain('Reason: forms were a mistake');
    await entries
      .first()
      .getByText(/revert to/)
      .waitFor();
    const org = await api.call<{ plugins: string[] }>('GET', `/organizations/${id}`, token);
    expect(org.plugins).toEqual(['seo-assistant']);
  });

  it('edits the theme catalog: an unpinned image is refused beside the field, a pinned one is saved', async () => {
    const p = people[0] as Person;
    const a = p.page;
    await a.getByTestId('nav-catalog').click();
    await a.getByRole('heading', { name: 'Catalog' }).waitFor();
    const starter = a.locator('tr[data-theme^="luster-starter@"]').first();
    await starter.getByTestId('edit-theme').click();
    const form = a.getByTestId('theme-form');
    await form.getByLabel('Version').fill('9.1.0');
    await form.getByLabel('Display name').fill('Luster Starter Next');
    await form.getByLabel('Image').fill('registry.luster.io/themes/luster-starter:latest');
    await form.getByTestId('save-theme').click();
    await form.getByTestId('image-error').waitFor();
    expect(await form.getByTestId('image-error').textContent()).toContain('not pinned');
    const token = await rest(suite.server).login(ADMIN.email, ADMIN.password);
    const themes = () =>
      rest(suite.server).call<{ items: { name: string; version: string; image: string }[] }>(
        'GET',
        '/catalog/themes',
        token,
      );
    expect((await themes()).items.some((t) => t.version === '9.1.0')).toBe(false);
    // The browser reports the refused PUT as a console error: that one is expected.
    const refused = p.problems.filter((m) => m.includes('400'));
    expect(refused.length).toBe(1);
    p.problems.splice(0, p.problems.length, ...p.problems.filter((m) => !refused.includes(m)));

    await form.getByLabel('Image').fill('registry.luster.io/themes/luster-starter:9.1.0');
    await form.getByTestId('save-theme').click();
    await a.getByTestId('catalog-saved').waitFor();
    await a.locator('tr[data-theme="luster-starter@9.1.0"]').waitFor();
    await screenshot(a, 'catalog');
    expect((await themes()).items.find((t) => t.version === '9.1.0')?.image).toBe(
      'registry.luster.io/themes/luster-starter:9.1.0',
    );
  });

  it('has no console errors on any page it visited', () => {
    expect(people.flatMap((p) => p.problems)).toEqual([]);
  });
});
