import { slugify } from '@luster/contract';
import { computed, reactive, ref } from 'vue';
import type { AccountType, ProjectType, RegistrationInput, RegistrationResult } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { projectTypes } from '../../lib/catalog';
import { PASSWORD_MIN } from '../../lib/password';
import { slugMessage } from '../../lib/slug';
import { errorMessage, fieldErrors } from '../../messages';

export type RegistrationStep = 'account' | 'project' | 'organization' | 'details' | 'survey' | 'review';

export const stepLabels: Record<RegistrationStep, string> = {
  account: 'Account type',
  project: 'Project',
  organization: 'Organization',
  details: 'Your details',
  survey: 'About your agency',
  review: 'Review',
};

/** Which step shows a field, so a server error on it sends the person back there. */
const stepOfField: Record<string, RegistrationStep> = {
  accountType: 'account',
  projectType: 'project',
  organizationName: 'organization',
  slug: 'organization',
  email: 'details',
  password: 'details',
  agencySurvey: 'survey',
  seedDemoData: 'review',
};

/** The public registration wizard: one step at a time, checked inline, then one POST. */
export function useRegistration() {
  const api = useApi();
  const form = reactive({
    accountType: 'organization' as AccountType,
    projectType: 'website' as ProjectType,
    organizationName: '',
    customSlug: null as string | null,
    email: '',
    password: '',
    seedDemoData: true,
    survey: { clientCount: '', website: '', services: '', notes: '' },
  });
  const step = ref<RegistrationStep>('account');
  const attempted = ref(new Set<RegistrationStep>());
  const serverErrors = ref<Record<string, string>>({});
  const error = ref<string | null>(null);
  const submitting = ref(false);
  const result = ref<RegistrationResult | null>(null);

  const steps = computed<RegistrationStep[]>(() =>
    form.accountType === 'agency'
      ? ['account', 'project', 'organization', 'details', 'survey', 'review']
      : ['account', 'project', 'organization', 'details', 'review'],
  );
  const index = computed(() => steps.value.indexOf(step.value));
  const slug = computed(() => form.customSlug ?? slugify(form.organizationName));
  const project = computed(() => projectTypes.find((p) => p.id === form.projectType) ?? projectTypes[0]);

  /** Client-side checks per field; the server re-checks and its codes win. */
  const problems = computed<Record<string, string | null>>(() => ({
    organizationName: form.organizationName.trim().length >= 2 ? null : 'Enter the organization name.',
    slug: form.organizationName.trim() || form.customSlug !== null ? slugMessage(slug.value) : null,
    email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim()) ? null : 'Enter a valid email address.',
    password:
      form.password.length >= PASSWORD_MIN
        ? null
        : `Use at least ${PASSWORD_MIN} characters for your password.`,
    clientCount: form.survey.clientCount ? null : 'Tell us how many clients you manage.',
  }));

  const fieldsOf: Record<RegistrationStep, string[]> = {
    account: [],
    project: [],
    organization: ['organizationName', 'slug'],
    details: ['email', 'password'],
    survey: ['clientCount'],
    review: [],
  };

  /** The message to show under a field: the server's first, else ours once the step was attempted. */
  function fieldError(field: string): string | null {
    if (serverErrors.value[field]) return serverErrors.value[field] ?? null;
    const owner = (Object.entries(fieldsOf) as [RegistrationStep, string[]][]).find(([, f]) =>
      f.includes(field),
    )?.[0];
    return owner && attempted.value.has(owner) ? (problems.value[field] ?? null) : null;
  }

  function stepValid(s: RegistrationStep): boolean {
    return fieldsOf[s].every((f) => !problems.value[f]);
  }

  function next(): boolean {
    attempted.value = new Set([...attempted.value, step.value]);
    if (!stepValid(step.value)) return false;
    const following = steps.value[index.value + 1];
    if (following) step.value = following;
    return true;
  }

  function back(): void {
    const previous = steps.value[index.value - 1];
    if (previous) step.value = previous;
  }

  function goTo(s: RegistrationStep): void {
    if (steps.value.indexOf(s) <= index.value) step.value = s;
  }

  /** Editing a field clears the server's complaint about it. */
  function clearServerError(field: string): void {
    if (!serverErrors.value[field]) return;
    const { [field]: _dropped, ...rest } = serverErrors.value;
    serverErrors.value = rest;
  }

  function input(): RegistrationInput {
    return {
      accountType: form.accountType,
      projectType: form.projectType,
      organizationName: form.organizationName.trim(),
      slug: slug.value,
      email: form.email.trim(),
      password: form.password,
      seedDemoData: form.seedDemoData,
      ...(form.accountType === 'agency'
        ? {
            agencySurvey: {
              clientCount: form.survey.clientCount,
              website: form.survey.website.trim(),
              services: form.survey.services.trim(),
              notes: form.survey.notes.trim(),
            },
          }
        : {}),
    };
  }

  async function submit(): Promise<void> {
    const firstInvalid = steps.value.find((s) => !stepValid(s));
    if (firstInvalid) {
      attempted.value = new Set([...attempted.value, firstInvalid]);
      step.value = firstInvalid;
      return;
    }
    submitting.value = true;
    error.value = null;
    serverErrors.value = {};
    try {
      result.value = await api.registrations.create(input());
    } catch (e) {
      const fields = fieldErrors(e);
      serverErrors.value = fields;
      const owner = Object.keys(fields)
        .map((f) => stepOfField[f])
        .find((s): s is RegistrationStep => !!s && steps.value.includes(s));
      if (owner) step.value = owner;
      error.value = errorMessage(e);
    } finally {
      submitting.value = false;
    }
  }

  return {
    form,
    step,
    steps,
    index,
    slug,
    project,
    problems,
    serverErrors,
    error,
    submitting,
    result,
    fieldError,
    next,
    back,
    goTo,
    clearServerError,
    submit,
  };
}
