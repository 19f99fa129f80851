import { computed, reactive, ref } from 'vue';
import type { SignInLock } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { errorMessage } from '../../messages';

/** A lock with more than an hour to run is the long back-off of a pair that kept guessing. */
const LONG_LOCK_MS = 3_600_000;

const keyOf = (lock: Pick<SignInLock, 'ip' | 'email'>) => `${lock.ip} ${lock.email}`;

/**
 * The superadmin's view of address + account pairs locked by failed sign-ins (many addresses on
 * one account is a distributed attack), and the lift for an owner locked out from their own address.
 */
export function useSignInLocks(now: () => number = Date.now) {
  const api = useApi();
  const list = useResource(() => api.signInLocks.list());
  const busy = ref<string | null>(null);
  const errors = reactive<Record<string, string>>({});
  const items = computed(() =>
    (list.data.value ?? []).map((lock) => ({
      ...lock,
      key: keyOf(lock),
      tone: Date.parse(lock.lockedUntil) - now() > LONG_LOCK_MS ? 'status-Failed' : 'status-Pending',
    })),
  );

  async function unlock(lock: SignInLock): Promise<void> {
    const key = keyOf(lock);
    busy.value = key;
    delete errors[key];
    try {
      await api.signInLocks.unlock(lock);
      list.data.value = (list.data.value ?? []).filter((l) => keyOf(l) !== key);
    } catch (e) {
      errors[key] = errorMessage(e);
    } finally {
      busy.value = null;
    }
  }

  return { list, items, busy, errors, unlock };
}
