import type { SelectQueryBuilder } from 'typeorm';
import type { Organization, OrganizationKind } from './orgs.entities.js';

/** An organization as the API shows it: the node of the tree plus its tenant's state. */
export interface OrganizationView {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
  /** Null for the platform (it has no tenant). */
  state: string | null;
  tier: string | null;
  projectType: string | null;
  theme: { name: string; version: string } | null;
  plugins: string[];
  cluster: string | null;
  lastChange: { id: string | null; sha: string; committedAt: string } | null;
  createdAt: string;
}

/** Columns selected for a view: one row per organization, its tenant joined (raw, for speed). */
export function selectView<T extends object>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return qb
    .select([
      'o.id AS id',
      'o.slug AS slug',
      'o.name AS name',
      'o.kind AS kind',
      'o."parentId" AS "parentId"',
      'o.path AS path',
      'o."createdAt" AS "createdAt"',
      't.id AS "tenantId"',
      't.state AS state',
      't.tier AS tier',
      't."projectType" AS "projectType"',
      't."themeName" AS "themeName"',
      't."themeVersion" AS "themeVersion"',
      't.plugins AS plugins',
      't.cluster AS cluster',
      't."lastChangeId" AS "lastChangeId"',
      't."lastCommitSha" AS "lastCommitSha"',
      't."lastCommittedAt" AS "lastCommittedAt"',
    ])
    .leftJoin('tenant', 't', 't."organizationId" = o.id');
}

export interface ViewRow {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
  path: string;
  createdAt: Date;
  tenantId: string | null;
  state: string | null;
  tier: string | null;
  projectType: string | null;
  themeName: string | null;
  themeVersion: string | null;
  plugins: string[] | null;
  cluster: string | null;
  lastChangeId: string | null;
  lastCommitSha: string | null;
  lastCommittedAt: Date | null;
}

export function toView(row: ViewRow): OrganizationView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    parentId: row.parentId,
    state: row.state,
    tier: row.tier,
    projectType: row.projectType,
    theme: row.themeName && row.themeVersion ? { name: row.themeName, version: row.themeVersion } : null,
    plugins: row.plugins ?? [],
    cluster: row.cluster,
    lastChange:
      row.lastCommitSha && row.lastCommittedAt
        ? {
            id: row.lastChangeId,
            sha: row.lastCommitSha,
            committedAt: new Date(row.lastCommittedAt).toISOString(),
          }
        : null,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export type { Organization };
