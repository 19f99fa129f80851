import type { DataSource } from 'typeorm';
import type { EventBus } from '../events/event-bus.js';

/**
 * After a commit, the lifecycle state of each of these tenants whose last change set it (suspend,
 * resume, deprovision, a purge's two commits, a bulk deletion, a revert to a suspended state) goes
 * out as `tenant.state`, so the list and the organization page change their badge without a reload,
 * as they do when a tenant goes live. Edits that leave the state alone announce nothing.
 */
export async function announceStates(
  dataSource: DataSource,
  bus: Pick<EventBus, 'publish'>,
  tenantIds: readonly string[],
): Promise<void> {
  if (tenantIds.length === 0) return;
  const rows: { organizationId: string; path: string; state: string }[] = await dataSource.query(
    `SELECT t."organizationId", o.path, t.state
       FROM tenant t JOIN organization o ON o.id = t."organizationId"
       JOIN change_request c ON c.id = t."lastChangeId"
      WHERE t.id = ANY($1) AND (c."tenantPatch" ? 'state' OR c.kind IN ('purge', 'bulk_delete'))`,
    [tenantIds],
  );
  for (const row of rows) {
    await bus.publish({
      type: 'tenant.state',
      organizationId: row.organizationId,
      organizationPath: row.path,
      data: { organizationId: row.organizationId, state: row.state },
    });
  }
}
