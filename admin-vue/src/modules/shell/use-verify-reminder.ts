import { computed, ref } from 'vue';
import { useApi } from '../../composables/use-api';
import { errorMessage } from '../../messages';
import { useSessionStore } from '../../stores/session';

/** The reminder that the signed-in address is unverified, with "send the link again". */
export function useVerifyReminder() {
  const api = useApi();
  const session = useSessionStore();
  const state = ref<'idle' | 'sending' | 'sent'>('idle');
  const error = ref<string | null>(null);
  const show = computed(() => session.user?.emailVerified === false);

  async function resend(): Promise<void> {
    state.value = 'sending';
    error.value = null;
    try {
      await api.auth.resendVerification();
      state.value = 'sent';
    } catch (e) {
      error.value = errorMessage(e);
      state.value = 'idle';
    }
  }
  return { show, email: computed(() => session.user?.email ?? ''), state, error, resend };
}
