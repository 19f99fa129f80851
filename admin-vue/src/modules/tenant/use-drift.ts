import { computed, ref } from 'vue';
import type { ChangeRequest } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { can } from '../../lib/permissions';
import { errorMessage } from '../../messages';
import { useSessionStore } from '../../stores/session';

export type ReassertPhase = 'idle' | 'confirming' | 'reasserting' | 'done';

/** Worst first: a file someone removed by hand, then one they changed, then one they added. */
const order = { deleted: 0, modified: 1, added: 2 } as const;

/**
 * A tenant's drift: the files of its folder someone edited by hand in git, as the reconcile pass
 * last found them. Such a folder refuses any change that would overwrite an edited file (409
 * drift) until a superadmin re-asserts — a commit of exactly what synth renders from the database.
 * Re-asserting destroys the hand edits, so it asks first.
 */
export function useDrift(orgId: () => string) {
  const api = useApi();
  const session = useSessionStore();
  const resource = useResource(async () => (await api.organizations.drift(orgId())).drift);
  const files = computed(() =>
    [...(resource.data.value?.files ?? [])].sort(
      (a, b) => order[a.status] - order[b.status] || a.path.localeCompare(b.path),
    ),
  );
  const canReassert = computed(() => can(session.user, 'reassert'));
  const phase = ref<ReassertPhase>('idle');
  const reason = ref('');
  const result = ref<ChangeRequest | null>(null);
  const error = ref<string | null>(null);

  function ask(): void {
    phase.value = 'confirming';
    reason.value = '';
    error.value = null;
  }

  async function reassert(): Promise<void> {
    if (phase.value !== 'confirming') return;
    phase.value = 'reasserting';
    error.value = null;
    try {
      result.value = await api.organizations.reassert(orgId(), reason.value.trim() || undefined);
      phase.value = 'done';
      await resource.reload();
    } catch (e) {
      error.value = errorMessage(e);
      phase.value = 'confirming';
    }
  }

  function cancel(): void {
    phase.value = 'idle';
    error.value = null;
  }

  return { resource, files, canReassert, phase, reason, result, error, ask, reassert, cancel };
}
