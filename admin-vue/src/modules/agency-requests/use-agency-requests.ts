import { computed, reactive, ref } from 'vue';
import type { AgencyRequestState } from '../../api/models';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { errorMessage } from '../../messages';

export const surveyLabels: Record<string, string> = {
  clientCount: 'Clients managed',
  website: 'Website',
  services: 'Builds for clients',
  notes: 'Notes',
};

/** The superadmin's approval queue for agencies: read the survey, approve, or reject with a reason. */
export function useAgencyRequests() {
  const api = useApi();
  const list = useResource(() => api.agencyRequests.list());
  const show = ref<AgencyRequestState | 'all'>('pending_review');
  const busy = ref<string | null>(null);
  const errors = reactive<Record<string, string>>({});
  const rejecting = ref<string | null>(null);
  const reason = ref('');

  /** Requests decided here stay in view (with their outcome) until the list is loaded again. */
  const decided = ref(new Set<string>());
  const items = computed(() =>
    (list.data.value ?? []).filter(
      (r) => show.value === 'all' || r.state === show.value || decided.value.has(r.id),
    ),
  );

  function replace(updated: unknown, id: string, state: AgencyRequestState) {
    decided.value = new Set([...decided.value, id]);
    list.data.value = (list.data.value ?? []).map((r) =>
      r.id === id
        ? { ...r, state, reason: (updated as { reason?: string } | null)?.reason ?? r.reason ?? null }
        : r,
    );
  }

  async function decide(id: string, decision: 'approve' | 'reject'): Promise<void> {
    if (decision === 'reject' && reason.value.trim().length < 3) {
      errors[id] = 'Give the applicant a reason (at least 3 characters).';
      return;
    }
    busy.value = id;
    delete errors[id];
    try {
      if (decision === 'approve') replace(await api.agencyRequests.approve(id), id, 'approved');
      else {
        replace(await api.agencyRequests.reject(id, reason.value.trim()), id, 'rejected');
        rejecting.value = null;
        reason.value = '';
      }
    } catch (e) {
      errors[id] = errorMessage(e);
    } finally {
      busy.value = null;
    }
  }

  function startReject(id: string) {
    rejecting.value = id;
    reason.value = '';
    delete errors[id];
  }

  return { list, show, items, busy, errors, rejecting, reason, decide, startReject };
}
