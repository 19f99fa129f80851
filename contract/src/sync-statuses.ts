/**
 * What the admin shows for a tenant's sync (DESIGN §6): the server derives it from Flux's and
 * Argo CD's reports, the admin colours it. `Stale` is derived at read time from the last report's age.
 */
export const syncStatuses = ['Pending', 'Reconciling', 'Ready', 'Failed', 'Stale'] as const;
export type SyncStatus = (typeof syncStatuses)[number];
