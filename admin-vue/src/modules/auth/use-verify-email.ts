import { ref } from 'vue';
import { useApi } from '../../composables/use-api';
import { errorMessage } from '../../messages';

/** Confirms the email address with the token from the link we mailed. */
export function useVerifyEmail() {
  const api = useApi();
  const state = ref<'verifying' | 'verified' | 'failed'>('verifying');
  const error = ref<string | null>(null);

  async function verify(token: string | null): Promise<void> {
    if (!token) {
      state.value = 'failed';
      error.value = 'This link is incomplete. Open the link from the email again.';
      return;
    }
    state.value = 'verifying';
    try {
      await api.auth.verifyEmail(token);
      state.value = 'verified';
    } catch (e) {
      state.value = 'failed';
      error.value = errorMessage(e);
    }
  }
  return { state, error, verify };
}
