import { type SyncStatus, type TenantState, tenantStates } from '@luster/contract';

const phaseSql = `CASE
  WHEN t."lastCommitSha" IS NOT NULL AND t."lastCommittedAt" IS NOT NULL
       AND s."lastChangeSha" IS DISTINCT FROM t."lastCommitSha" THEN 'Pending'
  ELSE COALESCE(s.phase, 'Pending') END`;
/**
 * The sync status a tenant shows (org-view.ts `syncOf`: stateForLastChange, then displayStatus)
 * as SQL over the joined `t` (tenant) and `s` (tenant_sync) rows, so the list can be filtered
 * and counted by it in the database: a stored phase for an earlier commit than the tenant's last
 * is Pending again, and Pending or Reconciling long after the commit is Stale. Null without a
 * tenant. `:staleBefore` is now minus SYNC_STALE_AFTER_SECONDS.
 */
export const syncStatusSql = `CASE WHEN t.id IS NULL THEN NULL
  WHEN (${phaseSql}) IN ('Pending', 'Reconciling') AND t."lastCommittedAt" < :staleBefore THEN 'Stale'
  ELSE (${phaseSql}) END`;

export interface OrganizationCounts {
  /** Visible organizations with a tenant, by lifecycle state; states with none are left out. */
  states: { state: TenantState; count: number }[];
  /** The same by sync status, worst first. */
  sync: { status: SyncStatus; count: number }[];
}

/** Worst first, as the admin lists them: what needs attention before what is fine. */
const syncOrder: readonly SyncStatus[] = ['Failed', 'Stale', 'Reconciling', 'Pending', 'Ready'];

/** One group of the counts statement (org-list-query.ts `countList`): visible tenants in a state and status. */
export interface CountRow {
  state: TenantState;
  sync: SyncStatus;
  count: number;
}

/** The groups as the list shows them: every state and every status with its tenants, each summed over the other. */
export function toCounts(rows: readonly CountRow[]): OrganizationCounts {
  const total = <K extends string>(key: 'state' | 'sync', value: K) =>
    rows.filter((r) => r[key] === value).reduce((n, r) => n + r.count, 0);
  return {
    states: tenantStates.map((state) => ({ state, count: total('state', state) })).filter((c) => c.count > 0),
    sync: syncOrder.map((status) => ({ status, count: total('sync', status) })).filter((c) => c.count > 0),
  };
}
