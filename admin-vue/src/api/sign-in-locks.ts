import type { Http } from './http';
import type { SignInLock } from './models';

/** Client address + account pairs locked by failed sign-ins (superadmins). */
export function signInLocksApi(http: Http) {
  return {
    async list() {
      return (await http.call('get', '/auth/locks')).locks;
    },
    unlock: (lock: Pick<SignInLock, 'ip' | 'email'>) =>
      http.call('delete', '/auth/locks', { query: { ip: lock.ip, email: lock.email } }),
  };
}
