import type { DataSource } from 'typeorm';
import { Organization } from '../access/organization.entities.js';
import { CommitNotFoundError } from '../gitops/errors.js';
import type { FileDiff, GitopsWriter } from '../gitops/port.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { User } from '../users/users.entities.js';
import type { ChangeRequest } from './changes.entities.js';

export interface PersonRef {
  id: string;
  email: string;
  name: string;
}

/**
 * A change request as every answer shows it, REST and GraphQL, the review's pages and the answer
 * of the action that made it alike: people as objects, the organization, the one-line `title`; the
 * older flat fields (`summary`, `requestedById`, `approvedById`) stay for existing clients.
 */
export interface ChangeRequestView {
  id: string;
  kind: string;
  state: string;
  policy: 'direct' | 'review';
  title: string;
  summary: string;
  organizationId: string;
  organization: { id: string; slug: string; name: string } | null;
  /** Every organization of a bulk deletion. */
  organizationIds: string[];
  requestedById: string;
  requestedBy: PersonRef | null;
  approvedById: string | null;
  approvedBy: PersonRef | null;
  approvals: { user: PersonRef | null; at: string; reason: string | null }[];
  /** Who merged it on the git host (`login (GitHub)`), when reviewed there. */
  externalApprover: string | null;
  rejectedBy: PersonRef | null;
  rejectionReason: string | null;
  reason: string | null;
  error: string | null;
  branch: string | null;
  baseSha: string | null;
  branchSha: string | null;
  commitSha: string | null;
  pullRequest: { number: number; url: string } | null;
  revertOf: string | null;
  purgeStage: string | null;
  createdAt: string;
  committedAt: string | null;
  files?: FileDiff[];
}

/** The mapping for a set of changes, with the people and organizations they name loaded in three queries. */
async function viewer(
  dataSource: DataSource,
  changes: ChangeRequest[],
): Promise<(c: ChangeRequest) => ChangeRequestView> {
  const userIds = new Set<string>();
  const tenantIds = new Set<string>();
  for (const c of changes) {
    userIds.add(c.requestedById);
    for (const a of c.approvals) userIds.add(a.userId);
    if (c.approvedById) userIds.add(c.approvedById);
    if (c.rejectedById) userIds.add(c.rejectedById);
    tenantIds.add(c.tenantId);
    for (const t of c.tenantIds ?? []) tenantIds.add(t);
  }
  const [users, tenants] = await Promise.all([
    userIds.size
      ? dataSource.manager
          .createQueryBuilder(User, 'u')
          .where('u.id IN (:...ids)', { ids: [...userIds] })
          .getMany()
      : [],
    tenantIds.size
      ? dataSource.manager
          .createQueryBuilder(Tenant, 't')
          .where('t.id IN (:...ids)', { ids: [...tenantIds] })
          .getMany()
      : [],
  ]);
  const orgIds = tenants.map((t) => t.organizationId);
  const orgs = orgIds.length
    ? await dataSource.manager
        .createQueryBuilder(Organization, 'o')
        .where('o.id IN (:...ids)', { ids: orgIds })
        .getMany()
    : [];
  const orgByTenant = new Map(
    tenants.map((t) => {
      const o = orgs.find((org) => org.id === t.organizationId);
      return [t.id, { id: t.organizationId, slug: t.slug, name: o?.name ?? t.slug }];
    }),
  );
  return mapping(users, orgByTenant);
}

/** The view of each change from the people and the organizations (by tenant id) it names. */
function mapping(
  users: PersonRef[],
  orgByTenant: Map<string, { id: string; slug: string; name: string }>,
): (c: ChangeRequest) => ChangeRequestView {
  const userById = new Map(users.map((u) => [u.id, { id: u.id, email: u.email, name: u.name }]));
  const person = (id: string | null) => (id ? (userById.get(id) ?? null) : null);
  // `?? null`: a change just inserted (viewFromRows) has the nullable columns it left unset undefined.
  return (c) => {
    const organization = orgByTenant.get(c.tenantId) ?? null;
    return {
      id: c.id,
      kind: c.kind,
      state: c.state,
      policy: c.policy,
      title: c.summary,
      summary: c.summary,
      organizationId: organization?.id ?? '',
      organization,
      organizationIds: (c.tenantIds?.length ? c.tenantIds : [c.tenantId]).map(
        (t) => orgByTenant.get(t)?.id ?? '',
      ),
      requestedById: c.requestedById,
      requestedBy: person(c.requestedById),
      approvedById: c.approvedById,
      approvedBy: person(c.approvedById),
      approvals: c.approvals.map((a) => ({ user: person(a.userId), at: a.at, reason: a.reason ?? null })),
      externalApprover: c.externalApprover ?? null,
      rejectedBy: person(c.rejectedById),
      rejectionReason: c.rejectionReason ?? null,
      reason: c.reason,
      error: c.error,
      branch: c.policy === 'review' ? c.branch : 'main',
      baseSha: c.baseSha,
      branchSha: c.branchSha ?? null,
      commitSha: c.commitSha,
      pullRequest: c.pullRequest ?? null,
      revertOf: c.revertOf,
      purgeStage: c.purgeStage ?? null,
      createdAt: c.createdAt.toISOString(),
      committedAt: c.committedAt ? c.committedAt.toISOString() : null,
    };
  };
}

/** Views for a page of changes: three queries, whatever the page size. */
export async function toViews(
  dataSource: DataSource,
  changes: ChangeRequest[],
): Promise<ChangeRequestView[]> {
  return changes.map(await viewer(dataSource, changes));
}

/** The view of one change (the answer of create, update, lifecycle actions and registration). */
export async function toView(dataSource: DataSource, change: ChangeRequest): Promise<ChangeRequestView> {
  return (await viewer(dataSource, [change]))(change);
}

/**
 * The view of one change from rows the caller already holds, without a query: the answer of a
 * request whose transaction committed while the database is too busy to read them back.
 */
export function viewFromRows(
  change: ChangeRequest,
  rows: { requestedBy: PersonRef; organization: { id: string; slug: string; name: string } },
): ChangeRequestView {
  return mapping([rows.requestedBy], new Map([[change.tenantId, rows.organization]]))(change);
}

/**
 * The per-file unified diffs of a change: its review branch against the main it started from
 * while under review; its commit against that commit's parent once on main. Review branches are
 * deleted after a decision and their objects pruned, so an old rejected change may have nothing
 * left to show (`[]`); any other failure (a disk error, a corrupt object) is thrown, never shown
 * as a change without files.
 */
export async function filesOf(writer: GitopsWriter, change: ChangeRequest): Promise<FileDiff[]> {
  try {
    if (change.commitSha) {
      const info = await writer.commitInfo(change.commitSha);
      const parent = info.parents[0];
      return parent ? await writer.diff(parent, change.commitSha) : [];
    }
    if (change.baseSha && change.branchSha) return await writer.diff(change.baseSha, change.branchSha);
  } catch (error) {
    if (!(error instanceof CommitNotFoundError)) throw error;
  }
  return [];
}
