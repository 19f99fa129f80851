/** What a change request does to its tenant(s); the admin names each (and filters by them). */
export const changeKinds = [
  'provision',
  'update',
  'suspend',
  'resume',
  'deprovision',
  'purge',
  'bulk_delete',
  'revert',
  'reassert',
  // moves (control-plane/src/moves): a tenant moved to another cluster, its database restored to a
  // point in time, and the copy either left behind released.
  'move',
  'restore',
  'release',
] as const;
export type ChangeKind = (typeof changeKinds)[number];

/**
 * Direct changes: `queued` → (writer) → `committed`. Reviewed changes (control-plane/src/changes/
 * README.md): `queued` → (writer commits the review branch) → `pending_review` → `approved` →
 * (merge: `queued` again, now for main) → `merged`; or `rejected`. `failed` keeps `error` for the
 * operator.
 */
export const changeStates = [
  'queued',
  'pending_review',
  'approved',
  'rejected',
  'committed',
  'merged',
  'failed',
] as const;
export type ChangeState = (typeof changeStates)[number];
