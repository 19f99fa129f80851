import { describe, expect, it } from 'vitest';
import { person } from './support/browser';
import { lastMail, linkIn, rest } from './support/control-plane';
import { eventually, passWelcome, signIn } from './support/flows';
import { browserSuite } from './support/suite';

const suite = browserSuite('members');
const people = suite.people;

type Member = { userId: string; email: string; role: string; status: string };

describe('the Members tab, in Chromium', () => {
  it('changes a role, resends and withdraws an invitation, and removes a member after the email is typed', async () => {
    const api = rest(suite.server);
    const { organization } = await api.register({
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Maple Members',
      email: 'owner@maple.test',
      password: 'maple-owner-password',
    });
    const ownerToken = await api.login('owner@maple.test', 'maple-owner-password');
    const members = async () =>
      (await api.call<{ items: Member[] }>('GET', `/organizations/${organization.id}/users`, ownerToken))
        .items;
    // Eddie accepts through the mailed link; Ivy has not yet.
    for (const [email, role] of [
      ['eddie@maple.test', 'editor'],
      ['ivy@maple.test', 'viewer'],
    ]) {
      await api.call('POST', `/organizations/${organization.id}/users`, ownerToken, { email, role });
    }
    const eddieMail = await lastMail(suite.server, 'eddie@maple.test', 'invitation');
    const eddieToken = /accept-invitation\?token=(\S+)/.exec(eddieMail.text)?.[1];
    await api.call('POST', '/auth/verify-email', null, { token: eddieToken, password: 'eddie-password' });
    const firstIvyLink = linkIn(
      (await lastMail(suite.server, 'ivy@maple.test', 'invitation')).text,
      '/accept-invitation',
    );

    const owner = await person(suite.browser, suite.server.url);
    people.push(owner);
    const o = owner.page;
    await signIn(o, 'owner@maple.test', 'maple-owner-password');
    await passWelcome(o);
    await o.getByRole('link', { name: 'Maple Members' }).click();
    await o.getByTestId('tab-users').click();
    const eddie = o.locator('tr[data-member="eddie@maple.test"]');
    const ivy = o.locator('tr[data-member="ivy@maple.test"]');
    await eddie.waitFor();
    expect(await eddie.getByTestId('member-status').textContent()).toBe('Active');
    expect(await ivy.getByTestId('member-status').textContent()).toBe('Invited');
    expect(await eddie.getByTestId('member-resend').count()).toBe(0);

    // Eddie becomes a viewer.
    await o.getByLabel('Role of eddie@maple.test').selectOption('viewer');
    await eventually(
      async () => (await members()).find((m) => m.email === 'eddie@maple.test')?.role === 'viewer',
      15_000,
      'role changed',
    );
    await eventually(
      async () => (await o.getByLabel('Role of eddie@maple.test').inputValue()) === 'viewer',
      15_000,
      'select shows viewer',
    );

    // Ivy's invitation is mailed again, with a new link.
    await ivy.getByTestId('member-resend').click();
    await o.getByTestId('member-notice').getByText('Invitation mailed again to ivy@maple.test.').waitFor();
    let secondIvyLink = firstIvyLink;
    await eventually(
      async () => {
        secondIvyLink = linkIn(
          (await lastMail(suite.server, 'ivy@maple.test', 'invitation')).text,
          '/accept-invitation',
        );
        return secondIvyLink !== firstIvyLink;
      },
      15_000,
      'a second invitation mail with a new link',
    );

    // Eddie is removed only once his email is typed.
    await eddie.getByTestId('member-remove').click();
    const confirm = o.getByTestId('confirm-typing');
    const removeButton = confirm.getByRole('button', { name: 'Remove member' });
    expect(await removeButton.isDisabled()).toBe(true);
    await confirm.getByLabel('Type eddie@maple.test to confirm').fill('eddie@maple');
    expect(await removeButton.isDisabled()).toBe(true);
    await confirm.getByLabel('Type eddie@maple.test to confirm').fill('eddie@maple.test');
    await removeButton.click();
    await eddie.waitFor({ state: 'detached' });
    expect((await members()).map((m) => m.email)).not.toContain('eddie@maple.test');

    // Ivy's invitation is withdrawn: the row goes and the mailed link says so.
    await ivy.getByTestId('member-cancel').click();
    await ivy.waitFor({ state: 'detached' });
    expect((await members()).map((m) => m.email)).toEqual(['owner@maple.test']);
    expect(owner.problems).toEqual([]);

    const invitee = await person(suite.browser, suite.server.url);
    people.push(invitee);
    const i = invitee.page;
    await i.goto(secondIvyLink);
    await i.getByLabel('Password').fill('ivy-wants-in-password');
    await i.getByRole('button', { name: 'Accept invitation' }).click();
    const refused = i.getByRole('alert');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('This link is invalid, has expired or was withdrawn.');
  });
});
