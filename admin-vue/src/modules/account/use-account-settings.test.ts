import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import { useSessionStore } from '../../stores/session';
import { fakeApi, harness, user, withSetup } from '../../test-support/harness';
import { useVerifyReminder } from '../shell/use-verify-reminder';
import { useAccountSettings } from './use-account-settings';

describe('account settings', () => {
  it('saves the name, and the session shows it at once', async () => {
    const updateMe = vi.fn(async (name: string) => user('editor', { name }));
    const h = harness(fakeApi({ auth: { updateMe } }), user('editor'));
    const a = withSetup(() => useAccountSettings(), h).result;
    expect(a.name.value).toBe('The editor');
    a.name.value = '  Jane Doe ';
    await a.saveName();
    expect(updateMe).toHaveBeenCalledWith('Jane Doe');
    expect(useSessionStore(h.pinia).user?.name).toBe('Jane Doe');
    expect(a.nameOutcome.value).toEqual({ kind: 'saved', message: 'Your name is saved.' });
  });

  it('does not send an empty name', async () => {
    const updateMe = vi.fn();
    const a = withSetup(
      () => useAccountSettings(),
      harness(fakeApi({ auth: { updateMe } }), user('editor')),
    ).result;
    a.name.value = '   ';
    await a.saveName();
    expect([a.nameProblem.value, updateMe.mock.calls.length]).toEqual([
      'Enter the name others should see.',
      0,
    ]);
  });

  it('changes the password and clears the form', async () => {
    const changePassword = vi.fn(async () => user('editor'));
    const a = withSetup(
      () => useAccountSettings(),
      harness(fakeApi({ auth: { changePassword } }), user('editor')),
    ).result;
    Object.assign(a.password, {
      current: 'old-password',
      next: 'a-new-long-password',
      repeat: 'a-new-long-password',
    });
    await a.changePassword();
    expect(changePassword).toHaveBeenCalledWith('old-password', 'a-new-long-password');
    expect(a.password).toEqual({ current: '', next: '', repeat: '' });
    expect(a.passwordOutcome.value?.kind).toBe('saved');
  });

  it('says beside the field when the current password is wrong, until it is edited', async () => {
    const changePassword = async () => {
      throw new ApiError(400, 'wrong_password', 'prose', 'req', {
        issues: [{ path: 'currentPassword', message: 'is wrong' }],
      });
    };
    const a = withSetup(
      () => useAccountSettings(),
      harness(fakeApi({ auth: { changePassword } }), user('editor')),
    ).result;
    Object.assign(a.password, {
      current: 'guess',
      next: 'a-new-long-password',
      repeat: 'a-new-long-password',
    });
    await a.changePassword();
    expect(a.passwordProblems.value.current).toBe('Your current password is not right.');
    a.editedCurrent();
    expect(a.passwordProblems.value.current).toBeNull();
  });

  it('refuses a short or mistyped new password before asking the server', async () => {
    const changePassword = vi.fn();
    const a = withSetup(
      () => useAccountSettings(),
      harness(fakeApi({ auth: { changePassword } }), user('editor')),
    ).result;
    Object.assign(a.password, { current: 'old', next: 'short', repeat: 'other' });
    await a.changePassword();
    expect(a.passwordProblems.value).toEqual({
      current: null,
      next: 'Use at least 12 characters.',
      repeat: 'The two passwords differ.',
    });
    expect(changePassword).not.toHaveBeenCalled();
  });
});

describe('the unverified-email reminder', () => {
  it('shows only for an unverified address, and resends the link', async () => {
    const resendVerification = vi.fn(async () => undefined);
    const api = fakeApi({ auth: { resendVerification } });
    const verified = withSetup(
      () => useVerifyReminder(),
      harness(api, user('editor', { emailVerified: true })),
    );
    expect(verified.result.show.value).toBe(false);
    const v = withSetup(
      () => useVerifyReminder(),
      harness(api, user('editor', { emailVerified: false })),
    ).result;
    expect(v.show.value).toBe(true);
    await v.resend();
    expect([resendVerification.mock.calls.length, v.state.value]).toEqual([1, 'sent']);
  });

  it('says when it was asked too often', async () => {
    const api = fakeApi({
      auth: {
        resendVerification: async () => {
          throw new ApiError(429, 'rate_limited', 'prose');
        },
      },
    });
    const v = withSetup(
      () => useVerifyReminder(),
      harness(api, user('editor', { emailVerified: false })),
    ).result;
    await v.resend();
    expect([v.state.value, v.error.value]).toEqual([
      'idle',
      'Too many attempts. Wait a minute and try again.',
    ]);
  });
});
