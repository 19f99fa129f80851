import { computed, reactive, ref } from 'vue';
import type { User } from '../../api/models';
import { errorMessage } from '../../messages';
import { useSessionStore } from '../../stores/session';

/** The sign-in form: fields, inline checks, submission and the reason the person is here. */
export function useLogin(onSignedIn: (user: User) => void) {
  const session = useSessionStore();
  const form = reactive({ email: '', password: '' });
  const submitting = ref(false);
  const error = ref<string | null>(null);
  const touched = ref(false);

  const problems = computed(() => ({
    email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim()) ? null : 'Enter your email address.',
    password: form.password.length > 0 ? null : 'Enter your password.',
  }));
  const notice = computed(() => session.notice);

  async function submit(): Promise<void> {
    touched.value = true;
    if (problems.value.email || problems.value.password) return;
    submitting.value = true;
    error.value = null;
    try {
      const user = await session.login(form.email.trim(), form.password);
      onSignedIn(user);
    } catch (e) {
      error.value = errorMessage(e);
      form.password = '';
    } finally {
      submitting.value = false;
    }
  }

  return { form, submitting, error, touched, problems, notice, submit };
}
