import { certificateName, tenantName } from '@luster/synth';
import type { EntityManager } from 'typeorm';
import type { Tenant } from '../tenants/tenants.entities.js';
import type { CertificateLine, CertificateState } from './domain-view.js';
import type { CustomDomain } from './domains.entities.js';

interface ObjectRow {
  name: string;
  health: string;
  message: string;
  source: 'flux' | 'argocd';
}

const fromHealth = (health: string): CertificateState =>
  health === 'healthy' ? 'issued' : health === 'failed' ? 'failed' : 'pending';

/**
 * The certificate line of each domain. First from the cluster's report on the host's own
 * Certificate (sync's per-object health: Flux's health-check messages naming it, its Kustomization
 * Ready with `wait: true`, or Argo CD's health of that resource). Where no report names it yet,
 * derived from the tenant as a whole: a failed reconcile whose message names the Certificate →
 * failed with that message; otherwise what the row holds (issued once sync announced
 * `tenant.ready` with the host, see markCertificatesIssued). `source` says which.
 */
export async function certificateLines(
  manager: EntityManager,
  rows: readonly CustomDomain[],
  tenant: Pick<Tenant, 'id' | 'slug'> | null,
): Promise<CertificateLine[]> {
  const [[sync], objects]: [{ phase: string; message: string | null }[], ObjectRow[]] = tenant
    ? await Promise.all([
        manager.query(`SELECT phase, message FROM tenant_sync WHERE "tenantId" = $1`, [tenant.id]),
        manager.query(
          `SELECT name, health, message, source FROM tenant_object_health
            WHERE "tenantId" = $1 AND kind = 'Certificate' AND namespace = $2`,
          [tenant.id, tenantName(tenant.slug)],
        ),
      ])
    : [[], []];
  const byName = new Map(objects.map((o) => [o.name, o]));
  return rows.map((row): CertificateLine => {
    if (!tenant)
      return { status: row.certificateStatus, detail: row.certificateDetail, source: 'tenant_status' };
    const object = `Certificate/${tenantName(tenant.slug)}/${certificateName(row.hostname)}`;
    const report = byName.get(certificateName(row.hostname));
    if (report) {
      const who = report.source === 'flux' ? 'Flux' : 'Argo CD';
      return {
        status: fromHealth(report.health),
        detail: `${object} (reported by ${who}): ${report.message}`,
        source: 'object_report',
      };
    }
    if (sync?.phase === 'Failed' && sync.message?.includes(object))
      return { status: 'failed', detail: `${object}: ${sync.message}`, source: 'tenant_status' };
    return { status: row.certificateStatus, detail: row.certificateDetail, source: 'tenant_status' };
  });
}

/**
 * Sync's `tenant.ready` for a tenant: every domain in its Ingress has a Ready certificate, since
 * the Kustomization is Ready only once all its health checks pass. The line shows this only where
 * no report names the Certificate itself. Answers the organization whose domains changed, if any.
 */
export async function markCertificatesIssued(
  manager: EntityManager,
  tenantId: string,
): Promise<string | null> {
  const [rows]: [{ organizationId: string }[]] = await manager.query(
    `UPDATE custom_domain d SET "certificateStatus" = 'issued',
            "certificateDetail" = 'Issued: the cluster reported the tenant Ready with this host'
       FROM tenant t
      WHERE t.id = $1 AND d."organizationId" = t."organizationId" AND d.hostname = ANY(t."customDomains")
        AND d."certificateStatus" <> 'issued'
      RETURNING d."organizationId"`,
    [tenantId],
  );
  return rows[0]?.organizationId ?? null;
}

/**
 * A removed domain's Certificate report goes with it: the host claimed again later must not show
 * the certificate an earlier claim had (Flux's `deleted` line may come late or not at all).
 */
export async function forgetCertificate(
  manager: EntityManager,
  tenant: Pick<Tenant, 'id' | 'slug'>,
  hostname: string,
) {
  await manager.query(
    `DELETE FROM tenant_object_health WHERE "tenantId" = $1 AND kind = 'Certificate' AND namespace = $2 AND name = $3`,
    [tenant.id, tenantName(tenant.slug), certificateName(hostname)],
  );
}
