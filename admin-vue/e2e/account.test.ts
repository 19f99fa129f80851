import { describe, expect, it } from 'vitest';
import { person, screenshot } from './support/browser';
import { lastMail, linkIn, rest } from './support/control-plane';
import { passWelcome, settled, signIn } from './support/flows';
import { browserSuite } from './support/suite';

const suite = browserSuite('account');
const people = suite.people;

describe('a person’s own account in the admin, in Chromium', () => {
  it('reminds of the unverified address, changes name and password, and resets a forgotten password from the mailed link', async () => {
    await rest(suite.server).register({
      accountType: 'organization',
      projectType: 'website',
      organizationName: 'Forgetful Bakery',
      email: 'owner@forgetful.test',
      password: 'the-first-password',
    });
    const owner = await person(suite.browser, suite.server.url);
    people.push(owner);
    const p = owner.page;
    await signIn(p, 'owner@forgetful.test', 'the-first-password');
    await passWelcome(p);

    // Unverified: the reminder shows, and sends the link again.
    const banner = p.getByTestId('verify-banner');
    await banner.getByRole('button', { name: 'Send the link again' }).click();
    await banner.getByText('A new link is on its way to owner@forgetful.test.').waitFor();

    // Account settings: the name, then the password (the session goes on with new tokens).
    await p.getByTestId('nav-account').click();
    await p.getByRole('heading', { name: 'Account settings' }).waitFor();
    await p.getByLabel('Name', { exact: true }).fill('Fran Forgetful');
    await p.getByRole('button', { name: 'Save name' }).click();
    await p.getByTestId('name-outcome').getByText('Your name is saved.').waitFor();
    // The shell's name comes from its own reload of the account, after the form's answer.
    await settled(() => p.getByTestId('account-link').textContent()).toContain('Fran Forgetful');
    await p.getByLabel('Current password').fill('the-first-password');
    await p.getByLabel('New password', { exact: true }).fill('the-second-password');
    await p.getByLabel('Repeat the new password').fill('the-second-password');
    await p.getByRole('button', { name: 'Change password' }).click();
    await p
      .getByTestId('password-outcome')
      .getByText('Your password is changed.', { exact: false })
      .waitFor();
    await screenshot(p, 'account-settings');
    await p.getByTestId('nav-organizations').click();
    await p.getByRole('heading', { name: 'Organizations' }).waitFor();
    await p.getByTestId('logout').click();

    // Forgotten: the link from the outbox mail sets a third password.
    await p.getByRole('link', { name: 'Forgot password?' }).click();
    // The sign-in page has an Email field too: fill the one on the forgot page once it is there.
    await p.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await p.getByLabel('Email').fill('owner@forgetful.test');
    await p.getByRole('button', { name: 'Send the link' }).click();
    await p.getByTestId('reset-sent').waitFor();
    const mail = await lastMail(suite.server, 'owner@forgetful.test', 'password_reset');
    await p.goto(linkIn(mail.text, '/reset-password'));
    await p.getByLabel('New password', { exact: true }).fill('the-third-password');
    await p.getByLabel('Repeat the new password').fill('the-third-password');
    await p.getByRole('button', { name: 'Set the new password' }).click();
    await p.getByText('Your new password is set').waitFor();
    await p.getByRole('link', { name: 'Sign in' }).click();

    await signIn(p, 'owner@forgetful.test', 'the-third-password');
    await p.getByRole('heading', { name: 'Organizations' }).waitFor();
    // The banner follows the loaded account: its name in the shell proves it arrived.
    await settled(() => p.getByTestId('account-link').textContent()).toContain('Fran Forgetful');
    // The link reached the mailbox: no reminder any more.
    expect(await p.getByTestId('verify-banner').count()).toBe(0);
    expect(owner.problems).toEqual([]);
  });
});
