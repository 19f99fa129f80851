import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiError } from '../api';
import type { User } from '../api/models';
import { useApi } from '../composables/use-api';
import { primaryRole } from '../lib/permissions';
import { errorMessage } from '../messages';

/** Who is signed in: shared by the router guard, the shell and every page. */
export const useSessionStore = defineStore('session', () => {
  const api = useApi();
  const user = ref<User | null>(null);
  const status = ref<'unknown' | 'anonymous' | 'authenticated'>('unknown');
  /** Why the person is on the sign-in page (e.g. the session expired). */
  const notice = ref<string | null>(null);
  const role = computed(() => primaryRole(user.value));

  /** On page load: a stored session is checked against `GET /me`. */
  async function restore(): Promise<void> {
    if (!api.auth.hasSession()) {
      status.value = 'anonymous';
      return;
    }
    try {
      user.value = await api.auth.me();
      status.value = 'authenticated';
    } catch (error) {
      user.value = null;
      status.value = 'anonymous';
      if (!(error instanceof ApiError && error.code === 'session_expired'))
        notice.value = errorMessage(error);
    }
  }

  async function login(email: string, password: string): Promise<User> {
    const result = await api.auth.login(email, password);
    user.value = result.user.memberships.length > 0 ? result.user : await api.auth.me();
    status.value = 'authenticated';
    notice.value = null;
    return user.value;
  }

  async function logout(): Promise<void> {
    await api.auth.logout().catch(() => undefined);
    user.value = null;
    status.value = 'anonymous';
    notice.value = 'You have signed out.';
  }

  /** The API could not refresh the token: back to the sign-in page, saying why. */
  function expire(): void {
    user.value = null;
    status.value = 'anonymous';
    notice.value = errorMessage(new ApiError(401, 'session_expired', ''));
  }

  return { user, status, notice, role, restore, login, logout, expire };
});
