import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import { fakeApi, harness, withSetup } from '../../test-support/harness';
import { useForgotPassword, useResetPassword } from './use-password-reset';

describe('forgot password', () => {
  it('checks the address before sending, then says a link is on its way', async () => {
    const requestPasswordReset = vi.fn(async () => undefined);
    const f = withSetup(
      () => useForgotPassword(),
      harness(fakeApi({ auth: { requestPasswordReset } })),
    ).result;
    f.email.value = 'not an address';
    await f.submit();
    expect([f.problem.value, requestPasswordReset.mock.calls.length]).toEqual([
      'Enter your email address.',
      0,
    ]);
    f.email.value = ' jane@example.test ';
    await f.submit();
    expect(requestPasswordReset).toHaveBeenCalledWith('jane@example.test');
    expect(f.state.value).toBe('sent');
  });

  it('shows the sentence for a refusal and stays on the form', async () => {
    const f = withSetup(
      () => useForgotPassword(),
      harness(
        fakeApi({
          auth: {
            requestPasswordReset: async () => {
              throw new ApiError(429, 'rate_limited', 'prose');
            },
          },
        }),
      ),
    ).result;
    f.email.value = 'jane@example.test';
    await f.submit();
    expect([f.state.value, f.error.value]).toEqual([
      'form',
      'Too many attempts. Wait a minute and try again.',
    ]);
  });
});

describe('reset password from the link', () => {
  function setup(
    confirm: (token: string, password: string) => Promise<undefined>,
    token: string | null = 'tok',
  ) {
    return withSetup(
      () => useResetPassword(() => token),
      harness(fakeApi({ auth: { confirmPasswordReset: confirm } })),
    ).result;
  }

  it('refuses a short or mistyped password before asking the server', async () => {
    const confirm = vi.fn(async () => undefined);
    const r = setup(confirm);
    r.password.value = 'short';
    r.repeat.value = 'short';
    await r.submit();
    expect(r.problems.value.password).toBe('Use at least 12 characters.');
    r.password.value = 'long-enough-password';
    r.repeat.value = 'long-enough-passwore';
    await r.submit();
    expect(r.problems.value.repeat).toBe('The two passwords differ.');
    expect(confirm).not.toHaveBeenCalled();
  });

  it('spends the token on the new password', async () => {
    const confirm = vi.fn(async () => undefined);
    const r = setup(confirm);
    r.password.value = 'long-enough-password';
    r.repeat.value = 'long-enough-password';
    await r.submit();
    expect(confirm).toHaveBeenCalledWith('tok', 'long-enough-password');
    expect(r.state.value).toBe('done');
  });

  it('says a spent or expired link is useless, and a missing token is an incomplete link', async () => {
    const r = setup(async () => {
      throw new ApiError(400, 'invalid_email_token', 'prose');
    });
    r.password.value = 'long-enough-password';
    r.repeat.value = 'long-enough-password';
    await r.submit();
    expect([r.state.value, r.error.value]).toEqual([
      'form',
      'This link is invalid, has expired or was withdrawn.',
    ]);
    const none = setup(async () => undefined, null);
    await none.submit();
    expect(none.error.value).toContain('incomplete');
  });
});
