import { computed, ref } from 'vue';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { can } from '../../lib/permissions';
import { errorMessage } from '../../messages';
import { useSessionStore } from '../../stores/session';

export type Review = 'approve' | 'reject' | 'merge';

/**
 * One change request under review. The requester may not approve their own
 * change; the reason is shown next to the disabled button rather than hidden.
 */
export function useChangeRequest(id: () => string) {
  const api = useApi();
  const session = useSessionStore();
  const cr = useResource(() => api.changeRequests.get(id()));
  const busy = ref<Review | null>(null);
  const error = ref<string | null>(null);
  const reason = ref('');
  const rejecting = ref(false);

  const isRequester = computed(() => !!cr.data.value && cr.data.value.requestedBy?.id === session.user?.id);
  const isReviewer = computed(() => can(session.user, 'reviewChanges'));

  /** Why approving is not possible right now, or null when it is. */
  const approveBlocked = computed<string | null>(() => {
    const c = cr.data.value;
    if (!c) return 'Loading…';
    if (c.state !== 'pending_review') return `This change request is ${c.state.replace('_', ' ')}.`;
    if (!isReviewer.value) return 'Only reviewers can approve changes.';
    if (isRequester.value) return 'You requested this change, so someone else must approve it.';
    return null;
  });
  const rejectBlocked = computed<string | null>(() => {
    const c = cr.data.value;
    if (!c || !['pending_review', 'approved'].includes(c.state))
      return c ? `This change request is ${c.state}.` : 'Loading…';
    return isReviewer.value ? null : 'Only reviewers can reject changes.';
  });
  const mergeBlocked = computed<string | null>(() => {
    const c = cr.data.value;
    if (!c) return 'Loading…';
    if (c.state === 'merged' || c.state === 'committed') return 'Already on main.';
    if (c.state !== 'approved') return 'Approve the change before merging it.';
    return isReviewer.value ? null : 'Only reviewers can merge changes.';
  });

  async function review(kind: Review): Promise<void> {
    if (kind === 'reject' && reason.value.trim().length < 3) {
      error.value = 'Explain why you reject this change (at least 3 characters).';
      return;
    }
    busy.value = kind;
    error.value = null;
    try {
      const next =
        kind === 'approve'
          ? await api.changeRequests.approve(id())
          : kind === 'merge'
            ? await api.changeRequests.merge(id())
            : await api.changeRequests.reject(id(), reason.value.trim());
      // A decision answers the request as it is now, without its files: they stay what was read.
      if (cr.data.value) cr.data.value = { ...cr.data.value, ...next };
      else await cr.reload();
      rejecting.value = false;
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      busy.value = null;
    }
  }

  return {
    cr,
    busy,
    error,
    reason,
    rejecting,
    isRequester,
    approveBlocked,
    rejectBlocked,
    mergeBlocked,
    review,
  };
}
