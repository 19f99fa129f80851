import { computed, ref } from 'vue';
import { useApi } from '../../composables/use-api';
import { PASSWORD_MIN } from '../../lib/password';
import { errorMessage, fieldErrors } from '../../messages';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "Forgot password?": asks for the mailed link. The answer never says whether the address has an account. */
export function useForgotPassword() {
  const api = useApi();
  const email = ref('');
  const touched = ref(false);
  const state = ref<'form' | 'sending' | 'sent'>('form');
  const error = ref<string | null>(null);
  const problem = computed(() => (EMAIL.test(email.value.trim()) ? null : 'Enter your email address.'));

  async function submit(): Promise<void> {
    touched.value = true;
    if (problem.value) return;
    state.value = 'sending';
    error.value = null;
    try {
      await api.auth.requestPasswordReset(email.value.trim());
      state.value = 'sent';
    } catch (e) {
      error.value = errorMessage(e);
      state.value = 'form';
    }
  }
  return { email, touched, state, error, problem, submit };
}

/** The page the mailed link opens: a new password (typed twice), spent with the link's token. */
export function useResetPassword(token: () => string | null) {
  const api = useApi();
  const password = ref('');
  const repeat = ref('');
  const touched = ref(false);
  const state = ref<'form' | 'saving' | 'done'>('form');
  const error = ref<string | null>(null);
  const serverProblem = ref<string | null>(null);
  const problems = computed(() => ({
    password:
      serverProblem.value ??
      (password.value.length >= PASSWORD_MIN ? null : `Use at least ${PASSWORD_MIN} characters.`),
    repeat: repeat.value === password.value ? null : 'The two passwords differ.',
  }));

  async function submit(): Promise<void> {
    touched.value = true;
    const t = token();
    if (!t) {
      error.value = 'This link is incomplete. Open the link from the email again.';
      return;
    }
    if (problems.value.password || problems.value.repeat) return;
    state.value = 'saving';
    error.value = null;
    try {
      await api.auth.confirmPasswordReset(t, password.value);
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
  return { password, repeat, touched, state, error, problems, submit, edited };
}
