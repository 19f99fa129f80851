import { computed, ref } from 'vue';
import type { Member, Organization, Role } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { errorMessage } from '../../messages';

/**
 * What the Members tab does to one member or invitation: change the role, remove (after the
 * name is typed), mail the invitation again or withdraw it. Offered where the server allows the
 * action on the organization (its `allowedActions`: the role and the approval gate) and only on
 * members whose role the signed-in person may grant there (never above their own); each row says
 * its own outcome, and the list is reloaded after every change.
 */
export function useMemberActions(org: () => Organization, reload: () => Promise<void>) {
  const api = useApi();
  // The server's answer (each organization view's `grantableRoles`), never re-derived here.
  const roles = computed(() => org().grantableRoles);
  /** The row being acted on: one action at a time, its controls disabled meanwhile. */
  const busy = ref<string | null>(null);
  /** The row whose removal waits for the typed confirmation. */
  const removing = ref<string | null>(null);
  const errors = ref<Record<string, string>>({});
  const notices = ref<Record<string, string>>({});

  const allowed = (action: Organization['allowedActions'][number]) => org().allowedActions.includes(action);
  /** Role change and removal (`users.manage`). */
  const manageable = (m: Member) => allowed('users.manage') && roles.value.includes(m.role);
  /** Resend and withdraw (`users.invite`), for an invitation still open. */
  const invitable = (m: Member) =>
    m.status === 'invited' && allowed('users.invite') && roles.value.includes(m.role);

  async function run(m: Member, action: () => Promise<unknown>, notice?: string): Promise<boolean> {
    if (busy.value) return false;
    busy.value = m.userId;
    const { [m.userId]: _error, ...otherErrors } = errors.value;
    const { [m.userId]: _notice, ...otherNotices } = notices.value;
    errors.value = otherErrors;
    notices.value = otherNotices;
    try {
      await action();
      if (notice) notices.value = { ...notices.value, [m.userId]: notice };
      await reload();
      return true;
    } catch (e) {
      errors.value = { ...errors.value, [m.userId]: errorMessage(e) };
      return false;
    } finally {
      busy.value = null;
    }
  }

  return {
    roles,
    busy,
    removing,
    errors,
    notices,
    manageable,
    invitable,
    changeRole: (m: Member, role: Role) =>
      role === m.role
        ? Promise.resolve(false)
        : run(m, () => api.organizations.changeRole(org().id, m.userId, role)),
    /** Opens the typed confirmation of one row (closing any other). */
    askRemove: (m: Member) => {
      removing.value = m.userId;
    },
    closeRemove: () => {
      removing.value = null;
    },
    async remove(m: Member) {
      if (await run(m, () => api.organizations.removeMember(org().id, m.userId))) removing.value = null;
    },
    resend: (m: Member) =>
      run(
        m,
        () => api.organizations.resendInvitation(org().id, m.userId),
        `Invitation mailed again to ${m.email}.`,
      ),
    cancel: (m: Member) => run(m, () => api.organizations.cancelInvitation(org().id, m.userId)),
  };
}
