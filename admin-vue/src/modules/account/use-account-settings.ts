import { computed, reactive, ref } from 'vue';
import { useApi } from '../../composables/use-api';
import { PASSWORD_MIN } from '../../lib/password';
import { errorMessage, fieldErrors } from '../../messages';
import { useSessionStore } from '../../stores/session';

type Outcome = { kind: 'saved' | 'failed'; message: string } | null;

/** The signed-in person's own settings: the name others see, and the password. */
export function useAccountSettings() {
  const api = useApi();
  const session = useSessionStore();

  const name = ref(session.user?.name ?? '');
  const savingName = ref(false);
  const nameOutcome = ref<Outcome>(null);
  const nameProblem = computed(() => (name.value.trim() ? null : 'Enter the name others should see.'));

  async function saveName(): Promise<void> {
    if (nameProblem.value) return;
    savingName.value = true;
    nameOutcome.value = null;
    try {
      session.user = await api.auth.updateMe(name.value.trim());
      name.value = session.user.name;
      nameOutcome.value = { kind: 'saved', message: 'Your name is saved.' };
    } catch (e) {
      nameOutcome.value = { kind: 'failed', message: fieldErrors(e).name ?? errorMessage(e) };
    } finally {
      savingName.value = false;
    }
  }

  const password = reactive({ current: '', next: '', repeat: '' });
  const passwordTouched = ref(false);
  const savingPassword = ref(false);
  const passwordOutcome = ref<Outcome>(null);
  const currentRefused = ref<string | null>(null);
  const passwordProblems = computed(() => ({
    current: currentRefused.value ?? (password.current ? null : 'Enter your current password.'),
    next: password.next.length >= PASSWORD_MIN ? null : `Use at least ${PASSWORD_MIN} characters.`,
    repeat: password.repeat === password.next ? null : 'The two passwords differ.',
  }));

  async function changePassword(): Promise<void> {
    passwordTouched.value = true;
    const p = passwordProblems.value;
    if (p.current || p.next || p.repeat) return;
    savingPassword.value = true;
    passwordOutcome.value = null;
    try {
      session.user = await api.auth.changePassword(password.current, password.next);
      Object.assign(password, { current: '', next: '', repeat: '' });
      passwordTouched.value = false;
      passwordOutcome.value = {
        kind: 'saved',
        message: 'Your password is changed. Your other sessions were signed out.',
      };
    } catch (e) {
      currentRefused.value = fieldErrors(e).currentPassword ? errorMessage(e) : null;
      passwordOutcome.value = { kind: 'failed', message: errorMessage(e) };
    } finally {
      savingPassword.value = false;
    }
  }

  /** A refusal of the current password no longer applies once it is edited. */
  function editedCurrent() {
    currentRefused.value = null;
  }

  return {
    email: computed(() => session.user?.email ?? ''),
    name,
    nameProblem,
    savingName,
    nameOutcome,
    saveName,
    password,
    passwordTouched,
    passwordProblems,
    savingPassword,
    passwordOutcome,
    changePassword,
    editedCurrent,
  };
}
