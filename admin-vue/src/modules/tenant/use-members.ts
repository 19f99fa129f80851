import { computed, reactive, ref, watch } from 'vue';
import type { InviteResult, Organization, Role } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { errorMessage, fieldErrors } from '../../messages';

const inviteFields = ['email', 'role', 'name'] as const;
export type InviteField = (typeof inviteFields)[number];
type FieldMessages = Partial<Record<InviteField, string>>;

/**
 * The Users tab: the organization's members, and an invitation form that offers only the roles
 * the signed-in person may grant there. The server checks every rule again; its refusals come
 * back as a sentence and, when it names one, as the field's own message.
 */
export function useMembers(org: () => Organization) {
  const api = useApi();
  const members = useResource(() => api.organizations.members(org().id));
  // The server's answer (each organization view's `grantableRoles`), never re-derived here.
  const roles = computed(() => org().grantableRoles);
  const form = reactive<{ email: string; role: Role | ''; name: string }>({ email: '', role: '', name: '' });
  const submitting = ref(false);
  const error = ref<string | null>(null);
  const fields = ref<FieldMessages>({});
  const done = ref<InviteResult | null>(null);

  // The least powerful role is the default, and a role no longer on offer is never kept.
  watch(
    roles,
    (offered) => {
      if (!form.role || !offered.includes(form.role)) form.role = offered.at(-1) ?? '';
    },
    { immediate: true },
  );

  function problems(): FieldMessages {
    const found: FieldMessages = {};
    if (!form.email.trim()) found.email = 'Enter the email address to invite.';
    if (!form.role) found.role = 'Choose a role.';
    return found;
  }

  async function invite(): Promise<void> {
    if (submitting.value) return;
    done.value = null;
    error.value = null;
    fields.value = problems();
    if (Object.keys(fields.value).length > 0 || !form.role) return;
    submitting.value = true;
    const name = form.name.trim();
    try {
      done.value = await api.organizations.invite(org().id, {
        email: form.email.trim(),
        role: form.role,
        ...(name ? { name } : {}),
      });
      form.email = '';
      form.name = '';
      await members.reload();
    } catch (e) {
      // A refusal about one field is said beside that field; anything else above the form.
      const named = fieldErrors(e);
      fields.value = Object.fromEntries(inviteFields.flatMap((f) => (named[f] ? [[f, named[f]]] : [])));
      error.value = Object.keys(fields.value).length > 0 ? null : errorMessage(e);
    } finally {
      submitting.value = false;
    }
  }

  /** A field's message goes once the person edits it. */
  function edited(field: InviteField): void {
    fields.value = Object.fromEntries(Object.entries(fields.value).filter(([f]) => f !== field));
  }

  return { members, roles, form, submitting, error, fields, done, invite, edited };
}
