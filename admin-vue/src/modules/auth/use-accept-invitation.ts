import { computed, ref } from 'vue';
import { useApi } from '../../composables/use-api';
import { PASSWORD_MIN } from '../../lib/password';
import { errorMessage, fieldErrors } from '../../messages';

/** Accepting an invitation: the token from the mail plus the password the person chooses. */
export function useAcceptInvitation(token: () => string | null) {
  const api = useApi();
  const password = ref('');
  const touched = ref(false);
  const state = ref<'form' | 'saving' | 'done'>('form');
  const error = ref<string | null>(null);
  const serverProblem = ref<string | null>(null);
  const problem = computed(
    () =>
      serverProblem.value ??
      (password.value.length >= PASSWORD_MIN ? null : `Use at least ${PASSWORD_MIN} characters.`),
  );

  async function submit(): Promise<void> {
    touched.value = true;
    const t = token();
    if (!t) {
      error.value = 'This link is incomplete. Open the link from the email again.';
      return;
    }
    if (problem.value) return;
    state.value = 'saving';
    error.value = null;
    try {
      await api.auth.verifyEmail(t, password.value);
      state.value = 'done';
    } catch (e) {
      serverProblem.value = fieldErrors(e).password ?? null;
      error.value = errorMessage(e);
      state.value = 'form';
    }
  }

  function edited() {
    serverProblem.value = null;
  }

  return { password, touched, state, error, problem, submit, edited };
}
