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

  it('adds a theme under a new name as the default for websites, adds then withdraws a plugin, and deletes it once its key is typed (one in use is refused, naming who uses it)', async () => {
    const p = people[0] as Person;
    const a = p.page;
    const token = await rest(suite.server).login(ADMIN.email, ADMIN.password);
    const catalog = async <T>(what: 'themes' | 'plugins') =>
      (await rest(suite.server).call<{ items: T[] }>('GET', `/catalog/${what}`, token)).items;

    await a.getByTestId('new-theme').click();
    const form = a.getByTestId('theme-form');
    await form.getByLabel('Theme', { exact: true }).fill('aurora-site');
    await form.getByLabel('Version').fill('1.0.0');
    await form.getByLabel('Display name').fill('Aurora');
    await form.getByLabel('Image').fill('registry.luster.io/themes/aurora-site:1.0.0');
    await form.getByLabel('Website', { exact: true }).check();
    // A default only for a project type the version is made for: the others stay disabled.
    expect(await form.getByLabel('Default for E-commerce').isDisabled()).toBe(true);
    await form.getByLabel('Default for Website').check();
    await form.getByTestId('save-theme').click();
    await a.getByTestId('catalog-saved').waitFor();
    const aurora = a.locator('tr[data-theme="aurora-site@1.0.0"]');
    // First by name among the marked versions, so new websites get it now.
    await aurora.locator('[data-default-for="website"]').waitFor();
    expect(
      (await catalog<{ name: string; defaultFor: string[]; projectTypes: string[] }>('themes')).find(
        (t) => t.name === 'aurora-site',
      ),
    ).toMatchObject({ defaultFor: ['website'], projectTypes: ['website'] });

    await a.getByTestId('new-plugin').click();
    const plugin = a.getByTestId('plugin-form');
    await plugin.getByLabel('Key').fill('newsletter');
    await plugin.getByLabel('Name').fill('Newsletter');
    await plugin.getByLabel('Description').fill('Mails to subscribers');
    await plugin.getByTestId('save-plugin').click();
    const card = a.locator('li[data-plugin="newsletter"]');
    await card.waitFor();
    expect(await card.getByTestId('withdrawn').count()).toBe(0);

    await card.getByTestId('edit-plugin').click();
    expect(await plugin.getByLabel('Key').getAttribute('readonly')).not.toBeNull();
    await plugin.getByTestId('plugin-available').uncheck();
    await plugin.getByTestId('save-plugin').click();
    await card.getByTestId('withdrawn').waitFor();
    await screenshot(a, 'catalog-plugins');
    expect(
      (await catalog<{ key: string; name: string; available: boolean }>('plugins')).find(
        (x) => x.key === 'newsletter',
      ),
    ).toMatchObject({ name: 'Newsletter', available: false });

    // A plugin still in use is not deleted: the refusal names who uses it. An unused one goes once
    // its key is typed.
    const seo = a.locator('li[data-plugin="seo-assistant"]');
    await seo.getByTestId('delete-plugin').click();
    const confirm = a.getByTestId('catalog-delete');
    await confirm.getByLabel('Type seo-assistant to confirm').fill('seo-assistant');
    await confirm.getByTestId('confirm-typing-submit').click();
    await confirm.getByTestId('catalog-used-by').getByRole('link', { name: 'Revert Bakery' }).waitFor();
    expect(await seo.count()).toBe(1);
    // The browser reports the refused DELETE as a console error: that one is expected.
    const refused = p.problems.filter((m) => m.includes('409'));
    expect(refused).toHaveLength(1);
    p.problems.splice(0, p.problems.length, ...p.problems.filter((m) => !refused.includes(m)));
    await confirm.getByTestId('confirm-typing-cancel').click();

    await card.getByTestId('delete-plugin').click();
    const submit = confirm.getByTestId('confirm-typing-submit');
    await confirm.getByLabel('Type newsletter to confirm').fill('newsletters');
    expect(await submit.isDisabled()).toBe(true);
    await confirm.getByLabel('Type newsletter to confirm').fill('newsletter');
    await submit.click();
    await a.getByTestId('catalog-deleted').waitFor();
    await card.waitFor({ state: 'detached' });
    expect((await catalog<{ key: string }>('plugins')).map((x) => x.key)).not.toContain('newsletter');
  });

  it('has no console errors on any page it visited', () => {
    expect(people.flatMap((p) => p.problems)).toEqual([]);
  });
});
