import { isEditable } from '@luster/contract';
import type { EntityManager } from 'typeorm';
import type { SubmitChange } from '../changes/changes.service.js';
import type { Logger } from '../logger.js';
import { Tenant } from '../tenants/tenants.entities.js';

/** What the domains feature asks of change requests (the composition hands in the changes service). */
export interface ChangePort {
  /** Records a change request in the caller's transaction; the tenant row takes its patch. */
  submit(change: SubmitChange, tx: EntityManager): Promise<{ id: string }>;
  /** Waits for the writer's commit; throws when it failed (the writer put the row back). */
  settle(changeId: string): Promise<unknown>;
}

/** Locks the organization's tenant row: domain changes to one tenant queue behind each other. */
export async function lockTenantOf(tx: EntityManager, organizationId: string): Promise<Tenant | null> {
  return tx
    .createQueryBuilder(Tenant, 't')
    .setLock('pessimistic_write')
    .where('t."organizationId" = :organizationId', { organizationId })
    .getOne();
}

/**
 * Whether a change adding or removing custom domains of this tenant is still on its way (queued,
 * or waiting in review: a reviewed change's patch reaches the row only when merged), so the
 * verifier does not submit the same host twice.
 */
export async function domainChangeOpen(tx: EntityManager, tenantId: string): Promise<boolean> {
  const rows: unknown[] = await tx.query(
    `SELECT 1 FROM change_request
      WHERE "tenantId" = $1 AND state IN ('queued', 'pending_review', 'approved')
        AND ("tenantPatch" ? 'customDomains' OR "tenantPatch" ? 'primaryDomain') LIMIT 1`,
    [tenantId],
  );
  return rows.length > 0;
}

/**
 * Who a domain change is recorded for: the person who added the domain, or (if their account is
 * gone) an admin of the organization — a change request always names a person.
 */
export async function requesterOf(
  tx: EntityManager,
  domain: { addedById: string | null; organizationId: string },
): Promise<string | null> {
  if (domain.addedById) {
    const [user] = await tx.query(`SELECT id FROM "user" WHERE id = $1`, [domain.addedById]);
    if (user) return user.id;
  }
  const [admin] = await tx.query(
    `SELECT "userId" AS id FROM membership WHERE "organizationId" = $1
        AND role IN ('client_admin', 'agency_admin', 'group_admin') ORDER BY "createdAt" LIMIT 1`,
    [domain.organizationId],
  );
  return admin?.id ?? null;
}

/**
 * Puts a verified host into the tenant's Ingress and Certificates: one change request (one
 * commit with its trailers), submitted in `tx`. Nothing is submitted when the host is there
 * already, a domain change is still open, or the tenant's state takes no edits (suspended: the
 * next check after it resumes submits it).
 */
export async function submitAddition(
  tx: EntityManager,
  changes: ChangePort,
  domain: { hostname: string; organizationId: string; addedById: string | null },
): Promise<{ id: string } | null> {
  const tenant = await lockTenantOf(tx, domain.organizationId);
  if (!tenant || tenant.customDomains.includes(domain.hostname) || !isEditable(tenant.state)) return null;
  if (await domainChangeOpen(tx, tenant.id)) return null;
  const userId = await requesterOf(tx, domain);
  if (!userId) return null;
  return changes.submit(
    {
      tenantId: tenant.id,
      kind: 'update',
      actor: { userId },
      summary: `add custom domain ${domain.hostname} (ownership and DNS verified)`,
      tenantPatch: { customDomains: [...tenant.customDomains, domain.hostname] },
    },
    tx,
  );
}

/** Settles a change submitted by the verifier without failing the check: the next check retries. */
export async function settleQuietly(changes: ChangePort, id: string, log: Logger): Promise<void> {
  try {
    await changes.settle(id);
  } catch (error) {
    log.warn({ err: error, changeRequestId: id }, 'adding a custom domain to the Ingress did not commit');
  }
}
