import type { Http } from './http';
import type { LoginResult, User } from './models';

/** Sign-in, sign-out, who am I, email verification. */
export function authApi(http: Http) {
  return {
    async login(email: string, password: string): Promise<LoginResult> {
      const result = await http.call('post', '/auth/login', { body: { email, password }, auth: false });
      http.signedIn({ accessToken: result.accessToken, refreshToken: result.refreshToken });
      return result;
    },
    async logout(): Promise<void> {
      const tokens = http.options.tokens.get();
      try {
        if (tokens) await http.call('post', '/auth/logout', { body: { refreshToken: tokens.refreshToken } });
      } finally {
        http.options.tokens.set(null);
      }
    },
    me: (): Promise<User> => http.call('get', '/me'),
    /** Confirms an email address; with a password it accepts an invitation. */
    verifyEmail: (token: string, password?: string) =>
      http.call('post', '/auth/verify-email', {
        body: password === undefined ? { token } : { token, password },
        auth: false,
      }),
    hasSession: () => http.options.tokens.get() !== null,
    /** Mails a one-time reset link; the answer is the same whether the address has an account. */
    requestPasswordReset: (email: string) =>
      http.call('post', '/auth/password-reset', { body: { email }, auth: false }),
    confirmPasswordReset: (token: string, password: string) =>
      http.call('post', '/auth/password-reset/confirm', { body: { token, password }, auth: false }),
    /** Other sessions end; this one continues on the new tokens the answer carries. */
    async changePassword(currentPassword: string, newPassword: string): Promise<User> {
      const result = await http.call('post', '/me/password', { body: { currentPassword, newPassword } });
      http.options.tokens.set({ accessToken: result.accessToken, refreshToken: result.refreshToken });
      return result.user;
    },
    updateMe: (name: string): Promise<User> => http.call('patch', '/me', { body: { name } }),
    resendVerification: () => http.call('post', '/me/verification-email', { body: {} }),
  };
}
