import { computed, ref } from 'vue';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { errorMessage } from '../../messages';
import { useSessionStore } from '../../stores/session';

/**
 * The signed-in user's pending invitations (an existing account invited into another
 * organization is never added silently): accept — the session is reloaded so the new
 * organization appears — or decline.
 */
export function useInvitations() {
  const api = useApi();
  const session = useSessionStore();
  const list = useResource(() => api.invitations.list());
  const busy = ref<string | null>(null);
  const error = ref<string | null>(null);

  async function decide(organizationId: string, decision: 'accept' | 'decline'): Promise<void> {
    busy.value = organizationId;
    error.value = null;
    try {
      await api.invitations[decision](organizationId);
      list.data.value = (list.data.value ?? []).filter((i) => i.organizationId !== organizationId);
      if (decision === 'accept') await session.restore();
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      busy.value = null;
    }
  }

  void list.reload();
  return { items: computed(() => list.data.value ?? []), busy, error, decide };
}
