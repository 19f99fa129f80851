import { computed, ref } from 'vue';
import { useApi } from '../../composables/use-api';
import { useResource } from '../../composables/use-resource';
import { can } from '../../lib/permissions';
import { errorMessage } from '../../messages';
import { useSessionStore } from '../../stores/session';

export type Review = 'approve' | 'reject' | 'merge';

/**
 * One change request under review. Approve, merge and reject are offered only when the viewer may
 * take them now (`*Blocked` is null); otherwise the page says why where it helps — the requester
 * learns someone else must approve, and how many approvals are missing and who can give them.
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

  /** The server refuses every decision on a change under review on the git host (`review_on_git_host`). */
  const onHost = (n: number) => `This change is reviewed in pull request #${n} on the git host.`;

  /** Why approving is not possible right now, or null when it is. */
  const approveBlocked = computed<string | null>(() => {
    const c = cr.data.value;
    if (!c) return 'Loading…';
    if (c.state !== 'pending_review') return `This change request is ${c.state.replace('_', ' ')}.`;
    if (c.pullRequest) return onHost(c.pullRequest.number);
    if (!isReviewer.value) return 'Only reviewers can approve changes.';
    if (isRequester.value) return 'You requested this change, so someone else must approve it.';
    return null;
  });
  const rejectBlocked = computed<string | null>(() => {
    const c = cr.data.value;
    if (!c || !['pending_review', 'approved'].includes(c.state))
      return c ? `This change request is ${c.state}.` : 'Loading…';
    if (c.pullRequest) return onHost(c.pullRequest.number);
    return isReviewer.value ? null : 'Only reviewers can reject changes.';
  });
  const mergeBlocked = computed<string | null>(() => {
    const c = cr.data.value;
    if (!c) return 'Loading…';
    if (c.state === 'merged' || c.state === 'committed') return 'Already on main.';
    if (c.state !== 'approved') return 'Approve the change before merging it.';
    if (c.pullRequest) return onHost(c.pullRequest.number);
    return isReviewer.value ? null : 'Only reviewers can merge changes.';
  });

  /** Who could give a missing approval, or null when none is missing (not under review, or approved). */
  const outlook = computed(() => {
    const approval = cr.data.value?.approval;
    return approval && approval.remaining > 0 ? approval : null;
  });

  /**
   * Who can approve, for a viewer the server names nobody to (only those who may approve see
   * names): "2 superadmins and 1 reviewer", or null when nobody can.
   */
  const approverSummary = computed(() => {
    const counts = outlook.value?.approverCounts;
    if (!counts) return null;
    const parts = [
      [counts.superadmins, 'superadmin'],
      [counts.reviewers, 'reviewer'],
    ] as const;
    const said = parts.filter(([n]) => n > 0).map(([n, role]) => `${n} ${role}${n === 1 ? '' : 's'}`);
    return said.length ? said.join(' and ') : null;
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
      // A decision answers the request as it is now, without its files or its outlook: the files
      // stay what was read; who approved is crossed off, and nothing is missing once it moved on.
      const was = cr.data.value;
      if (was)
        cr.data.value = {
          ...was,
          ...next,
          approval: {
            required: was.approval.required,
            remaining:
              next.state === 'pending_review'
                ? Math.max(was.approval.required - next.approvals.length, 0)
                : 0,
            approvers: was.approval.approvers.filter((p) => !next.approvals.some((a) => a.user?.id === p.id)),
            // Only a reviewer decides, and a reviewer is shown the names: the counts serve the others.
            approverCounts: was.approval.approverCounts,
          },
        };
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
    outlook,
    approverSummary,
    review,
  };
}
