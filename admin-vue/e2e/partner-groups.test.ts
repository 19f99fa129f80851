import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { person, screenshot } from './support/browser';
import { ADMIN, lastMail, linkIn, rest } from './support/control-plane';
import { dismissTour, eventually, settled, signIn } from './support/flows';
import { browserSuite } from './support/suite';

const suite = browserSuite('partner-groups');
const people = suite.people;

type Group = { id: string; slug: string; agencies: { slug: string }[] };

describe('partner groups, in Chromium', () => {
  it('a superadmin groups an agency and appoints a group admin, who sees that agency’s clients and nothing of another group; the group goes only once empty', async () => {
    // Two approved agencies, each with a client; Ridge is already in another group.
    const api = rest(suite.server);
    const adminToken = await api.login(ADMIN.email, ADMIN.password);
    const agencyIds: Record<string, string> = {};
    for (const [name, email] of [
      ['Harbor Studio', 'hello@harbor.test'],
      ['Ridge Agency', 'hello@ridge.test'],
    ] as const) {
      const reg = await api.register({
        accountType: 'agency',
        projectType: 'website',
        organizationName: name,
        email,
        password: `${name.split(' ')[0]?.toLowerCase()}-agency-password`,
        agencySurvey: { clientCount: '1–5' },
      });
      agencyIds[name] = reg.organization.id;
      const requests = await api.call<{ items: { id: string; organization: { id: string } }[] }>(
        'GET',
        '/agency-requests',
        adminToken,
      );
      const request = requests.items.find((r) => r.organization.id === reg.organization.id);
      await api.call('POST', `/agency-requests/${request?.id}/approve`, adminToken, {});
      await api.call('POST', '/organizations', adminToken, {
        organizationName: `${name.split(' ')[0]} Client`,
        projectType: 'website',
        parentId: reg.organization.id,
      });
    }
    const west = await api.call<Group>('POST', '/partner-groups', adminToken, { name: 'West Partners' });
    await api.call('PUT', `/partner-groups/${west.id}/agencies/${agencyIds['Ridge Agency']}`, adminToken, {});
    const groups = async () =>
      (await api.call<{ items: Group[] }>('GET', '/partner-groups', adminToken)).items;

    // The superadmin creates North Partners, moves Harbor in and invites Gina as its admin.
    const admin = await person(suite.browser, suite.server.url);
    people.push(admin);
    const a = admin.page;
    await signIn(a, ADMIN.email, ADMIN.password);
    await dismissTour(a);
    await a.getByTestId('nav-partner-groups').click();
    await a.getByRole('heading', { name: 'Partner groups' }).waitFor();
    await a.locator('li[data-group="west-partners"]').waitFor();
    await a.getByLabel('New group’s name').fill('North Partners');
    await a.getByRole('button', { name: 'Create group' }).click();
    const north = a.locator('li[data-group="north-partners"]');
    await north.waitFor();
    expect(await north.getByTestId('group-agency-count').textContent()).toBe('0 agencies');

    // West is renamed; its slug stays.
    const westCard = a.locator('li[data-group="west-partners"]');
    await westCard.getByTestId('group-rename').click();
    await westCard.getByLabel('New name for West Partners').fill('West Coast Partners');
    await westCard.getByRole('button', { name: 'Save name' }).click();
    await westCard.getByRole('heading', { name: 'West Coast Partners' }).waitFor();

    const moveIn = north.getByLabel('Move an agency into North Partners');
    const harborOption = moveIn.locator('option', { hasText: 'Harbor Studio' });
    await harborOption.waitFor({ state: 'attached' });
    expect(
      await moveIn.locator('option', { hasText: 'Ridge Agency (now in West Coast Partners)' }).count(),
    ).toBe(1);
    await moveIn.selectOption((await harborOption.getAttribute('value')) as string);
    await north.getByRole('button', { name: 'Move in' }).click();
    await north.locator('li[data-agency="harbor-studio"]').waitFor();
    await settled(() => north.getByTestId('group-agency-count').textContent()).toBe('1 agency');
    expect((await groups()).find((g) => g.slug === 'north-partners')?.agencies).toEqual([
      expect.objectContaining({ slug: 'harbor-studio' }),
    ]);

    await north.getByLabel('Invite a group admin to North Partners').fill('gina@north.test');
    await north.getByRole('button', { name: 'Invite' }).click();
    await north.getByTestId('group-notice').getByText('Invitation mailed to gina@north.test.').waitFor();
    await screenshot(a, 'partner-groups');

    // Gina accepts through the mailed link and signs in: she lands on her group, no loader.
    const link = linkIn(
      (await lastMail(suite.server, 'gina@north.test', 'invitation')).text,
      '/accept-invitation',
    );
    const gina = await person(suite.browser, suite.server.url);
    people.push(gina);
    const g = gina.page;
    await g.goto(link);
    await g.getByLabel('Password').fill('gina-group-password');
    await g.getByRole('button', { name: 'Accept invitation' }).click();
    await g.getByRole('heading', { name: 'You are in' }).waitFor();
    await signIn(g, 'gina@north.test', 'gina-group-password');
    await dismissTour(g);
    await g.waitForURL((url) => url.pathname === '/organizations');
    const switcher = g.getByTestId('context-switcher');
    const names = async () => (await switcher.locator('option').allTextContents()).map((t) => t.trim());
    await eventually(
      async () => (await names()).includes('Harbor Client'),
      10_000,
      'the client in the switcher',
    );
    expect(await names()).toEqual([
      'All my organizations',
      'North Partners',
      'Harbor Studio',
      'Harbor Client',
    ]);
    const northId = (await groups()).find((x) => x.slug === 'north-partners')?.id;
    await settled(() => switcher.inputValue()).toBe(northId);
    await g.locator('tr[data-org="harbor-client"]').waitFor();
    await settled(() => orgRows(g)).toEqual(['north-partners', 'harbor-studio', 'harbor-client']);
    // Her own group on the Partner groups page, to invite more admins, but nothing to move or delete.
    await g.getByTestId('nav-partner-groups').click();
    await g.locator('li[data-group="north-partners"]').waitFor();
    expect(await g.locator('li[data-group]').count()).toBe(1);
    // Who she may invite comes with its own request, after the group itself.
    await g.getByTestId('group-invite').waitFor();
    expect(await g.getByTestId('group-invite').count()).toBe(1);
    expect(
      await g
        .locator('[data-testid=group-create], [data-testid=agency-move-in], [data-testid=group-delete]')
        .count(),
    ).toBe(0);
    expect(await g.locator('[role=alert]').count()).toBe(0);
    expect(gina.problems).toEqual([]);

    // Deleting North is refused while Harbor is in it; once Harbor is out, it goes.
    await north.getByTestId('group-delete').click();
    const confirm = north.getByTestId('confirm-typing');
    await confirm.getByLabel('Type north-partners to confirm').fill('north-partners');
    await confirm.getByRole('button', { name: 'Delete group' }).click();
    await north.getByRole('alert').getByText('still holds').waitFor();
    expect((await groups()).map((x) => x.slug)).toContain('north-partners');
    await confirm.getByRole('button', { name: 'Cancel' }).click();

    await north.getByRole('button', { name: 'Move Harbor Studio out of North Partners' }).click();
    await north.locator('li[data-agency="harbor-studio"]').waitFor({ state: 'detached' });
    await settled(() => north.getByTestId('group-agency-count').textContent()).toBe('0 agencies');
    await north.getByTestId('group-delete').click();
    await confirm.getByLabel('Type north-partners to confirm').fill('north-partners');
    await confirm.getByRole('button', { name: 'Delete group' }).click();
    await north.waitFor({ state: 'detached' });
    expect((await groups()).map((x) => x.slug)).toEqual(['west-partners']);
    // Chromium logs every 4xx answer: the refused deletion's 409 is the one expected.
    expect(admin.problems.filter((p) => !p.includes('status of 409 (Conflict)'))).toEqual([]);
    expect(admin.problems).toHaveLength(1);
  });
});

/** The organization list's rows, by slug, in order. */
async function orgRows(page: Page): Promise<string[]> {
  return page
    .locator('tr[data-org]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-org') ?? ''));
}
