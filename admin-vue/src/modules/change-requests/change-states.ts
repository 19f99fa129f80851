import { changeStates } from '@luster/contract';
import type { ChangeRequestState } from '../../api/models';

/** Each state of a change request in words, in the contract's order (the filter lists them so). */
export const changeStateLabels: Record<ChangeRequestState, string> = {
  queued: 'Queued',
  pending_review: 'Awaiting review',
  approved: 'Approved',
  rejected: 'Rejected',
  committed: 'Committed',
  merged: 'Merged',
  failed: 'Failed',
};

export const changeStateOptions = changeStates.map((value) => ({ value, label: changeStateLabels[value] }));
