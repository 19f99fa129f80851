import type { SyncStatus, TenantState } from '@luster/contract';
import type { EntityManager } from 'typeorm';
import { syncStatusSql } from '../orgs/org-counts.js';
import { occupiesSlotSql } from '../placement/placement.js';

/** Tenants by the sync status they show (the organization list's rule), every status present. */
export type HealthCounts = Record<SyncStatus, number>;

export interface ClusterView {
  name: string;
  region: string;
  capacity: number;
  labels: Record<string, string>;
  acceptsTenants: boolean;
  /** Tenants taking a slot here (every state but purged and rejected). */
  tenants: number;
  /** Tenants over capacity, 0–100 (over 100 when the capacity was lowered below the tenants). */
  usedPercent: number;
  /** Of the tenants with a commit: a tenant whose agency waits for approval has no health yet. */
  health: HealthCounts;
  /** The organizations that prefer this cluster for their new tenants. */
  preferredBy: { id: string; slug: string; name: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface ClusterTenant {
  organizationId: string;
  slug: string;
  name: string;
  state: TenantState;
  sync: SyncStatus;
}

interface ViewRow {
  name: string;
  region: string;
  capacity: number;
  labels: Record<string, string>;
  acceptsTenants: boolean;
  createdAt: Date;
  updatedAt: Date;
  tenants: number;
  health: Partial<Record<SyncStatus, number>> | null;
  preferredBy: ClusterView['preferredBy'];
}

const statuses: readonly SyncStatus[] = ['Pending', 'Reconciling', 'Ready', 'Failed', 'Stale'];
/** The organization list's expression reads `:staleBefore`; here it is a positional parameter. */
const statusSql = syncStatusSql.replaceAll(':staleBefore', '$1');

/**
 * Every cluster (or the one named), with its tenant count and health in one query: per tenant the
 * sync status the organization list shows (orgs/org-counts.ts), grouped per cluster.
 */
export async function clusterViews(
  manager: EntityManager,
  staleBefore: Date,
  name?: string,
): Promise<ClusterView[]> {
  const rows: ViewRow[] = await manager.query(
    `SELECT c.name, c.region, c.capacity, c.labels, c."acceptsTenants", c."createdAt", c."updatedAt",
            coalesce(h.tenants, 0)::int AS tenants, h.health,
            (SELECT coalesce(json_agg(json_build_object('id', o.id, 'slug', o.slug, 'name', o.name) ORDER BY o.slug), '[]'::json)
               FROM organization o WHERE o."preferredCluster" = c.name) AS "preferredBy"
       FROM cluster c
       LEFT JOIN LATERAL (
         SELECT sum(n)::int AS tenants,
                json_object_agg(status, n) FILTER (WHERE status IS NOT NULL) AS health
           FROM (SELECT ${statusSql} AS status, count(*)::int AS n
                   FROM tenant t LEFT JOIN tenant_sync s ON s."tenantId" = t.id
                  WHERE t.cluster = c.name AND ${occupiesSlotSql} AND t."lastCommitSha" IS NOT NULL
                  GROUP BY 1
                 UNION ALL
                 SELECT NULL, count(*)::int FROM tenant t
                  WHERE t.cluster = c.name AND ${occupiesSlotSql} AND t."lastCommitSha" IS NULL) per
       ) h ON true
      WHERE ($2::text IS NULL OR c.name = $2)
      ORDER BY c.name`,
    [staleBefore, name ?? null],
  );
  return rows.map((row) => ({
    name: row.name,
    region: row.region,
    capacity: row.capacity,
    labels: row.labels,
    acceptsTenants: row.acceptsTenants,
    tenants: row.tenants,
    usedPercent: Math.round((row.tenants / row.capacity) * 1000) / 10,
    health: Object.fromEntries(statuses.map((s) => [s, row.health?.[s] ?? 0])) as HealthCounts,
    preferredBy: row.preferredBy,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  }));
}

/** One page of the cluster's tenants by slug, after `cursor` (the previous page's last slug). */
export async function clusterTenants(
  manager: EntityManager,
  input: { name: string; staleBefore: Date; limit: number; cursor?: string | undefined },
): Promise<{ items: ClusterTenant[]; nextCursor: string | null }> {
  const rows: ClusterTenant[] = await manager.query(
    `SELECT t."organizationId", t.slug, o.name, t.state, ${statusSql} AS sync
       FROM tenant t
       JOIN organization o ON o.id = t."organizationId"
       LEFT JOIN tenant_sync s ON s."tenantId" = t.id
      WHERE t.cluster = $2 AND ${occupiesSlotSql} AND ($3::text IS NULL OR t.slug > $3)
      ORDER BY t.slug
      LIMIT $4`,
    [input.staleBefore, input.name, input.cursor ?? null, input.limit + 1],
  );
  const page = rows.slice(0, input.limit);
  return { items: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.slug ?? null) : null };
}

/** A cluster as someone moving a tenant chooses it: no load, health or preferences of others. */
export interface ClusterChoice {
  name: string;
  region: string;
  labels: Record<string, string>;
  /** Tenants placement may still put there (capacity − tenants, never below 0). */
  roomLeft: number;
}

/** The clusters that accept tenants, by name, each with the room left below its capacity. */
export async function clusterChoices(manager: EntityManager): Promise<ClusterChoice[]> {
  return manager.query(
    `SELECT c.name, c.region, c.labels,
            greatest(c.capacity - (SELECT count(*) FROM tenant t WHERE t.cluster = c.name AND ${occupiesSlotSql}), 0)::int AS "roomLeft"
       FROM cluster c
      WHERE c."acceptsTenants"
      ORDER BY c.name`,
  );
}
