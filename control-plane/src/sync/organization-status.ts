import type { DataSource } from 'typeorm';
import type { Actor } from '../access/access.js';
import { authorize } from '../access/authorize.js';
import { loadVisibleOrganization } from '../access/visible-organization.js';
import type { SyncService, TenantSyncView } from './sync.service.js';

/** What an organization without a tenant (the platform) shows: nothing will ever sync. */
const noTenant: TenantSyncView = {
  status: 'Pending',
  lastChange: null,
  appliedRevision: null,
  firstProgressingAt: null,
  readyAt: null,
  timeToLiveMs: null,
  message: 'This organization has no tenant',
  events: [],
};

/**
 * A visible organization's sync status: `Pending` until Flux or Argo CD report a revision that
 * contains its tenant's last change (sync.service.ts `statusOf`).
 */
export function createOrganizationSyncStatus(deps: {
  dataSource: DataSource;
  sync: Pick<SyncService, 'statusOf'>;
}) {
  return async (input: { actor: Actor; organizationId: string }): Promise<TenantSyncView> => {
    const row = await loadVisibleOrganization(deps.dataSource.manager, input.actor, input.organizationId);
    authorize(input.actor, 'organization.read', row);
    return row.tenantId ? deps.sync.statusOf(row.tenantId) : noTenant;
  };
}

export type OrganizationSyncStatus = ReturnType<typeof createOrganizationSyncStatus>;
