import { randomBytes } from 'node:crypto';
import { tierPresets } from '@luster/synth';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/access.js';
import { authorize } from '../access/authorize.js';
import { authorizeLocked } from '../access/locked-gate.js';
import { loadVisibleOrganization, type VisibleOrganization } from '../access/visible-organization.js';
import { ConflictError, NotFoundError } from '../errors/index.js';
import { Tenant, type Tier } from '../tenants/tenants.entities.js';
import { certificateLines, forgetCertificate } from './certificate-line.js';
import type { DomainEvents } from './domain-events.js';
import { type CertificateLine, type DomainView, domainView } from './domain-view.js';
import { CustomDomain } from './domains.entities.js';
import { normalizeHostname, refuseUnderBaseDomain } from './hostname.js';
import { type ChangePort, lockTenantOf } from './ingress-changes.js';
import type { Verifier } from './verifier.js';

export interface DomainsServiceDeps {
  dataSource: DataSource;
  changes: ChangePort;
  verifier: Pick<Verifier, 'checkNow'>;
  /** Live views hear of every domain added, made primary or removed. */
  events: Pick<DomainEvents, 'publish'>;
  /** LUSTER_BASE_DOMAIN: hosts under it are the platform's. */
  baseDomain: string;
  ingressTarget: string;
  ingressAddresses: readonly string[];
  clock: () => Date;
}

type Target = { actor: Actor; organizationId: string };
type OnHost = Target & { hostname: string };

/**
 * An organization's custom domains: claimed here (pending, with the records to create), proven by
 * the verifier, and only then put into the tenant's Ingress by a change request. Every call loads
 * the organization through the golden rule (invisible → 404) and the permission table; a hostname
 * of another organization is 404 like a missing one.
 */
export function createDomainsService(deps: DomainsServiceDeps) {
  const { dataSource } = deps;

  async function target(input: Target, action: 'domains.read' | 'domains.manage') {
    const org = await loadVisibleOrganization(dataSource.manager, input.actor, input.organizationId);
    authorize(input.actor, action, org);
    return org;
  }

  async function tenantOf(manager: EntityManager, organizationId: string): Promise<Tenant | null> {
    return manager.findOneBy(Tenant, { organizationId });
  }

  async function views(manager: EntityManager, organizationId: string, rows: CustomDomain[]) {
    const tenant = await tenantOf(manager, organizationId);
    const lines = await certificateLines(manager, rows, tenant);
    return rows.map((row, i) =>
      domainView(row, {
        customDomains: tenant?.customDomains ?? [],
        primaryDomain: tenant?.primaryDomain ?? null,
        certificate: lines[i] as CertificateLine,
        ingressTarget: deps.ingressTarget,
        ingressAddresses: deps.ingressAddresses,
      }),
    );
  }

  async function viewOf(row: CustomDomain): Promise<DomainView> {
    return (await views(dataSource.manager, row.organizationId, [row]))[0] as DomainView;
  }

  async function rowOf(manager: EntityManager, organizationId: string, typed: string): Promise<CustomDomain> {
    let hostname: string;
    try {
      hostname = normalizeHostname(typed);
    } catch {
      throw notFound(typed);
    }
    const row = await manager.findOneBy(CustomDomain, { organizationId, hostname });
    if (!row) throw notFound(typed);
    return row;
  }

  /** Refuses a domain past the tier's limit, naming the limit. */
  async function checkLimit(tx: EntityManager, org: VisibleOrganization, tier: Tier): Promise<void> {
    const max = tierPresets[tier].customDomainLimit;
    const count = await tx.countBy(CustomDomain, { organizationId: org.id });
    if (count >= max)
      throw new ConflictError({
        code: 'domain_limit',
        message: `The ${tier} tier allows ${max} custom domain${max === 1 ? '' : 's'} and ${org.name} has ${count}: remove one first, or move to a larger tier`,
        data: { limit: 'customDomainLimit', tier, max, actual: count },
      });
  }

  /** A change request for the tenant's domain fields, committed before the call answers. */
  async function changeTenant(
    tx: EntityManager,
    tenant: Tenant,
    userId: string,
    summary: string,
    patch: { customDomains?: string[]; primaryDomain?: string | null },
  ) {
    return deps.changes.submit(
      { tenantId: tenant.id, kind: 'update', actor: { userId }, summary, tenantPatch: patch },
      tx,
    );
  }

  return {
    async list(input: Target): Promise<{ items: DomainView[] }> {
      const org = await target(input, 'domains.read');
      const rows = await dataSource.manager.find(CustomDomain, {
        where: { organizationId: org.id },
        order: { createdAt: 'ASC', hostname: 'ASC' },
      });
      return { items: await views(dataSource.manager, org.id, rows) };
    },

    async get(input: OnHost): Promise<DomainView> {
      const org = await target(input, 'domains.read');
      return viewOf(await rowOf(dataSource.manager, org.id, input.hostname));
    },

    /** Claims a hostname for the organization: pending, with a fresh token to publish. */
    async add(input: OnHost): Promise<DomainView> {
      const org = await target(input, 'domains.manage');
      const hostname = normalizeHostname(input.hostname);
      refuseUnderBaseDomain(hostname, deps.baseDomain);
      const row = await dataSource.transaction(async (tx) => {
        const tenant = await lockTenantOf(tx, org.id);
        await authorizeLocked(tx, input.actor, 'domains.manage', org);
        if (!tenant)
          throw new ConflictError({
            code: 'no_tenant',
            message: 'This organization has no tenant (the platform itself) to serve a domain',
            data: { organizationId: org.id },
          });
        await checkLimit(tx, org, tenant.tier);
        // The unique index decides races; ON CONFLICT keeps the transaction usable and tells nothing of the holder.
        const [inserted] = await tx.query(
          `INSERT INTO custom_domain ("organizationId", hostname, token, "addedById", "nextCheckAt")
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (hostname) DO NOTHING RETURNING id`,
          [org.id, hostname, `luster-${randomBytes(16).toString('hex')}`, input.actor.userId, deps.clock()],
        );
        if (!inserted)
          throw new ConflictError({
            code: 'domain_taken',
            message: `${hostname} is already in use on this platform`,
            data: { hostname },
          });
        return tx.findOneByOrFail(CustomDomain, { id: inserted.id });
      });
      await deps.events.publish(org.id, org.path, row.hostname);
      return viewOf(row);
    },

    /** One check now, through the verifier (its lease included); the domain as that check left it. */
    async check(input: OnHost): Promise<DomainView> {
      const org = await target(input, 'domains.manage');
      const row = await rowOf(dataSource.manager, org.id, input.hostname);
      await deps.verifier.checkNow(row.id);
      return viewOf(await dataSource.manager.findOneByOrFail(CustomDomain, { id: row.id }));
    },

    /** Makes a domain in the Ingress the canonical host; the others redirect to it (one commit). */
    async setPrimary(input: OnHost): Promise<DomainView> {
      const org = await target(input, 'domains.manage');
      const change = await dataSource.transaction(async (tx) => {
        const row = await rowOf(tx, org.id, input.hostname);
        const tenant = await lockTenantOf(tx, org.id);
        await authorizeLocked(tx, input.actor, 'domains.manage', org);
        if (!tenant?.customDomains.includes(row.hostname))
          throw new ConflictError({
            code: 'invalid_state',
            message: `${row.hostname} is not in the Ingress yet: only a verified domain can be primary`,
            data: { state: row.status, action: 'set_primary' },
          });
        if (tenant.primaryDomain === row.hostname) return null;
        return changeTenant(tx, tenant, input.actor.userId, `make ${row.hostname} the primary domain`, {
          primaryDomain: row.hostname,
        });
      });
      if (change) await deps.changes.settle(change.id);
      const row = await rowOf(dataSource.manager, org.id, input.hostname);
      if (change) await deps.events.publish(org.id, org.path, row.hostname);
      return viewOf(row);
    },

    /**
     * Removes a domain: a host in the Ingress leaves it through a change request (one commit),
     * and the claim is dropped only after that commit, so a failed commit keeps both.
     */
    async remove(input: OnHost): Promise<void> {
      const org = await target(input, 'domains.manage');
      const row = await rowOf(dataSource.manager, org.id, input.hostname);
      const { tenant, change } = await dataSource.transaction(async (tx) => {
        const tenant = await lockTenantOf(tx, org.id);
        await authorizeLocked(tx, input.actor, 'domains.manage', org);
        if (!tenant?.customDomains.includes(row.hostname)) return { tenant, change: null };
        const change = await changeTenant(
          tx,
          tenant,
          input.actor.userId,
          `remove custom domain ${row.hostname}`,
          {
            customDomains: tenant.customDomains.filter((h) => h !== row.hostname),
            ...(tenant.primaryDomain === row.hostname ? { primaryDomain: null } : {}),
          },
        );
        return { tenant, change };
      });
      if (change) await deps.changes.settle(change.id);
      await dataSource.transaction(async (tx) => {
        await tx.delete(CustomDomain, { id: row.id });
        if (tenant) await forgetCertificate(tx, tenant, row.hostname);
      });
      await deps.events.publish(org.id, org.path, row.hostname);
    },

    /**
     * Refuses a tier whose limit is below the organization's number of domains, listing them
     * (the tier change's check, handed to the tenant lifecycle by the composition).
     */
    async checkTier(input: { organizationId: string; tier: Tier }, manager: EntityManager): Promise<void> {
      const max = tierPresets[input.tier].customDomainLimit;
      const rows = await manager.find(CustomDomain, {
        where: { organizationId: input.organizationId },
        order: { createdAt: 'ASC' },
      });
      if (rows.length <= max) return;
      const names = rows.map((r) => r.hostname);
      throw new ConflictError({
        code: 'domain_limit',
        message: `The ${input.tier} tier allows ${max} custom domain${max === 1 ? '' : 's'}; remove ${rows.length - max} of these first: ${names.join(', ')}`,
        data: { limit: 'customDomainLimit', tier: input.tier, max, actual: rows.length, domains: names },
      });
    },
  };
}

function notFound(hostname: string): NotFoundError {
  return new NotFoundError({ code: 'domain_not_found', what: 'Domain', id: hostname });
}

export type DomainsService = ReturnType<typeof createDomainsService>;
