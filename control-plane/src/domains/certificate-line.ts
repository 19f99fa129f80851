import { certificateName, tenantName } from '@luster/synth';
import type { EntityManager } from 'typeorm';
import type { Tenant } from '../tenants/tenants.entities.js';
import type { CertificateState } from './domain-view.js';
import type { CustomDomain } from './domains.entities.js';

export interface CertificateLine {
  status: CertificateState;
  detail: string;
}

/**
 * The certificate line of each domain, from Flux's reports on the tenant's Kustomization. Its
 * `wait: true` health-checks every object it applies, the Certificates among them (kstatus reads
 * cert-manager's Ready condition), so: Ready after the host was added → issued (stored on the row
 * when sync announces `tenant.ready`); a failed health check naming this Certificate →
 * failed, with Flux's message (which carries cert-manager's state); otherwise what the row holds.
 */
export async function certificateLines(
  manager: EntityManager,
  rows: readonly CustomDomain[],
  tenant: Pick<Tenant, 'id' | 'slug'> | null,
): Promise<CertificateLine[]> {
  const [sync]: { phase: string; message: string | null }[] = tenant
    ? await manager.query(`SELECT phase, message FROM tenant_sync WHERE "tenantId" = $1`, [tenant.id])
    : [];
  return rows.map((row) => {
    const object = tenant ? `Certificate/${tenantName(tenant.slug)}/${certificateName(row.hostname)}` : null;
    if (object && sync?.phase === 'Failed' && sync.message?.includes(object))
      return { status: 'failed', detail: `${object}: ${sync.message}` };
    return { status: row.certificateStatus, detail: row.certificateDetail };
  });
}

/**
 * Sync's `tenant.ready` for a tenant: every domain in its Ingress has a Ready certificate, since
 * the Kustomization is Ready only once all its health checks pass.
 */
export async function markCertificatesIssued(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.query(
    `UPDATE custom_domain d SET "certificateStatus" = 'issued',
            "certificateDetail" = 'Issued: the cluster reported the tenant Ready with this host'
       FROM tenant t
      WHERE t.id = $1 AND d."organizationId" = t."organizationId" AND d.hostname = ANY(t."customDomains")
        AND d."certificateStatus" <> 'issued'`,
    [tenantId],
  );
}
