import type { OrganizationAction, TenantState } from '@luster/contract';
import { type SyncStatus } from '@luster/contract';
import type { SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../access/access.js';
import { allowedActions, grantableRoles } from '../access/allowed-actions.js';
import type { Standing } from '../access/authorize.js';
import type { Organization, OrganizationKind, Role } from '../access/organization.entities.js';
import { type SuspendedBy, suspendedBy } from '../access/suspended-by.js';
import type { VisibleOrganization } from '../access/visible-organization.js';
import type { MediaStatus } from '../media/media-status.js';
import { displayStatus, initialSyncState, type SyncState, stateForLastChange } from '../sync/sync-status.js';

/** An organization as the API shows it: the node of the tree plus its tenant's state. */
export interface OrganizationView {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
  /** Null for the platform (it has no tenant). */
  state: TenantState | null;
  tier: string | null;
  projectType: string | null;
  theme: { name: string; version: string } | null;
  plugins: string[];
  cluster: string | null;
  lastChange: { id: string | null; sha: string; committedAt: string } | null;
  /** Hosts the tenant is served on: its platform subdomain (`<slug>.<base domain>`). */
  domains: string[];
  /** White-label branding; `{}` when none (null for the platform). */
  branding: Record<string, string> | null;
  /** Who imposed the tenant's suspension, relative to the viewer; null unless suspended. */
  suspendedBy: SuspendedBy | null;
  /** What Flux or Argo CD last reported for the tenant's last change; null for the platform. */
  sync: {
    status: SyncStatus;
    appliedRevision: string | null;
    readyAt: string | null;
    message: string | null;
  } | null;
  /** The media bucket's state and quota use; null for an organization without a bucket (the platform). */
  media: MediaStatus | null;
  createdAt: string;
  /** What the viewer may do on this organization now (the permission table, the approval gate, the tenant's state). */
  allowedActions: OrganizationAction[];
  /** The roles the viewer may invite a member with or change a member to here, strongest first. */
  grantableRoles: Role[];
}

/**
 * The columns of a view, one row per organization `o` with its tenant `t` and the tenant's sync
 * row `s` joined (raw, for speed): what `selectView` selects and the list's page (org-list-query.ts).
 */
export const viewColumns = [
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
  't.branding AS branding',
  't."suspendedByOrganizationId" AS "suspendedByOrganizationId"',
  't.cluster AS cluster',
  't."lastChangeId" AS "lastChangeId"',
  't."lastCommitSha" AS "lastCommitSha"',
  't."lastCommittedAt" AS "lastCommittedAt"',
  's.phase AS "syncPhase"',
  's."lastChangeSha" AS "syncChangeSha"',
  's."readyAt" AS "syncReadyAt"',
  's."appliedRevision" AS "syncAppliedRevision"',
  's.message AS "syncMessage"',
].join(', ');

/** How `viewColumns` reaches the tenant `t` and its sync row `s` from the organization `o`. */
export const viewJoins =
  'LEFT JOIN tenant t ON t."organizationId" = o.id LEFT JOIN tenant_sync s ON s."tenantId" = t.id';

/** `viewColumns` on a query builder over organizations aliased `o`. */
export function selectView<T extends object>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return qb
    .select(viewColumns)
    .leftJoin('tenant', 't', 't."organizationId" = o.id')
    .leftJoin('tenant_sync', 's', 's."tenantId" = t.id');
}

/** A single organization loaded to act on: its view row and what the approval gate reads. */
export interface TargetRow extends ViewRow, VisibleOrganization {}

export interface ViewRow {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
  path: string;
  createdAt: Date;
  tenantId: string | null;
  state: TenantState | null;
  tier: string | null;
  projectType: string | null;
  themeName: string | null;
  themeVersion: string | null;
  plugins: string[] | null;
  branding: Record<string, string> | null;
  suspendedByOrganizationId: string | null;
  cluster: string | null;
  lastChangeId: string | null;
  lastCommitSha: string | null;
  lastCommittedAt: Date | null;
  syncPhase: SyncState['phase'] | null;
  syncChangeSha: string | null;
  syncReadyAt: Date | null;
  syncAppliedRevision: string | null;
  syncMessage: string | null;
  /** Every organization above, root first (`selectAncestors`): what the approval gate reads. */
  ancestors: Standing[];
}

/**
 * The tenant's sync summary from the joined row. Reports stored for an earlier change no longer
 * describe the tenant: its last change is then Pending (or Stale) until a report contains it.
 */
function syncOf(row: ViewRow, staleAfterMs: number, now: Date): OrganizationView['sync'] {
  if (!row.tenantId) return null;
  const stored: SyncState | null = row.syncPhase
    ? {
        ...initialSyncState,
        phase: row.syncPhase,
        lastChangeSha: row.syncChangeSha,
        committedAt: row.lastCommittedAt ? new Date(row.lastCommittedAt) : null,
        readyAt: row.syncReadyAt ? new Date(row.syncReadyAt) : null,
        appliedRevision: row.syncAppliedRevision,
        message: row.syncMessage,
      }
    : null;
  const committedAt = row.lastCommittedAt ? new Date(row.lastCommittedAt) : null;
  const state = stateForLastChange(stored, row.lastCommitSha, committedAt);
  return {
    status: displayStatus(state, now, staleAfterMs),
    appliedRevision: state.appliedRevision,
    readyAt: state.readyAt?.toISOString() ?? null,
    message: state.message,
  };
}

export function toView(
  row: ViewRow,
  options: { staleAfterMs: number; baseDomain: string; viewer: Actor; media: MediaStatus | null },
  now = new Date(),
): OrganizationView {
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
    domains: row.tenantId ? [`${row.slug}.${options.baseDomain}`] : [],
    branding: row.tenantId ? (row.branding ?? {}) : null,
    suspendedBy:
      row.state === 'suspended' ? suspendedBy(options.viewer, row, row.suspendedByOrganizationId) : null,
    cluster: row.cluster,
    lastChange:
      row.lastCommitSha && row.lastCommittedAt
        ? {
            id: row.lastChangeId,
            sha: row.lastCommitSha,
            committedAt: new Date(row.lastCommittedAt).toISOString(),
          }
        : null,
    sync: syncOf(row, options.staleAfterMs, now),
    media: options.media,
    createdAt: new Date(row.createdAt).toISOString(),
    allowedActions: allowedActions(options.viewer, row),
    grantableRoles: grantableRoles(options.viewer, row),
  };
}

export type { Organization };
