import { renderedTenantStates } from '@luster/contract';
import { tenantDir } from '@luster/synth';
import { type DataSource, In } from 'typeorm';
import { TenantCommit, TenantDrift } from '../changes/changes.entities.js';
import type { GitopsWriter } from '../gitops/port.js';
import { Tenant } from '../tenants/tenants.entities.js';

/*
 * The upgrade's second half: its commit recorded as the last commit of every tenant it moved, so
 * hand-edit checks and drift compare each folder with the render from there on. Git and
 * PostgreSQL share no transaction: a run that stops between the commit and the record leaves the
 * tenants' last commit on the legacy one, where their new folder did not exist — every file of it
 * then reads as a hand edit and the tenant's next change is refused (`409 drift`). The commit
 * carries a trailer naming each cluster it moved, by which the next `upgrade` finds and records it.
 */

/** The upgrade commit's trailer, one per cluster it moved. */
export const UPGRADE_TRAILER = 'Fleet-Layout-Upgrade';

export interface MovedTenant {
  id: string;
  cluster: string;
  slug: string;
}

export interface UpgradeCommit {
  sha: string;
  parent: string;
  subject: string;
  /** Repo-relative paths the commit changed. */
  touched: readonly string[];
  committedAt: Date;
}

/** How many of `touched` lie in each tenant's folder (one pass: an upgrade touches every tenant). */
function filesPerFolder(touched: readonly string[], dirs: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const path of touched) {
    const parts = path.split('/');
    // tenants/<cluster>/<slug> (flat), tenants/<cluster>/<shard>/<slug> (sharded).
    for (const depth of [3, 4]) {
      const dir = parts.slice(0, depth).join('/');
      if (parts.length > depth && dirs.has(dir)) counts.set(dir, (counts.get(dir) ?? 0) + 1);
    }
  }
  return counts;
}

/** Records `commit` as the last commit of `tenants`: a history row each, and no drift left. */
export async function recordUpgrade(
  dataSource: DataSource,
  branch: string,
  commit: UpgradeCommit,
  tenants: readonly MovedTenant[],
): Promise<void> {
  if (tenants.length === 0) return;
  const ids = tenants.map((t) => t.id);
  const dirs = new Map(tenants.map((t) => [t.id, tenantDir(t.cluster, t.slug)]));
  const touched = filesPerFolder(commit.touched, new Set(dirs.values()));
  await dataSource.transaction(async (tx) => {
    await tx.update(
      Tenant,
      { id: In(ids) },
      { lastCommitSha: commit.sha, lastCommittedAt: commit.committedAt },
    );
    await tx.delete(TenantDrift, { tenantId: In(ids) });
    await tx.insert(
      TenantCommit,
      tenants.map((t) => ({
        sha: commit.sha,
        tenantId: t.id,
        changeRequestId: null,
        parentSha: commit.parent,
        branch,
        subject: commit.subject,
        filesTouched: touched.get(dirs.get(t.id) as string) ?? 0,
        committedAt: commit.committedAt,
      })),
    );
  });
}

/**
 * The newest upgrade commit on `head`'s first-parent line (the writer never merges: it replays its
 * commits onto the remote) with the tenants it moved that still record an older last commit, or
 * `null` when there is none. The walk stops once it passed every tenant's last commit: an upgrade
 * further back cannot be any tenant's unrecorded one.
 */
export async function unrecordedUpgrade(
  dataSource: DataSource,
  writer: Pick<GitopsWriter, 'commitInfo' | 'touchedPaths'>,
  head: string,
): Promise<{ commit: UpgradeCommit; clusters: string[]; tenants: MovedTenant[] } | null> {
  const rows: { sha: string }[] = await dataSource.query(
    `SELECT DISTINCT "lastCommitSha" AS sha FROM tenant WHERE state = ANY($1) AND "lastCommitSha" IS NOT NULL`,
    [[...renderedTenantStates]],
  );
  const pending = new Set(rows.map((r) => r.sha));
  /** Commits after the upgrade: a tenant recording one of them changed since and is left alone. */
  const later = new Set<string>();
  let sha: string | undefined = head;
  while (sha && pending.size > 0) {
    const info = await writer.commitInfo(sha);
    const clusters = info.trailers.filter((t) => t.key === UPGRADE_TRAILER).map((t) => t.value);
    const parent = info.parents[0];
    if (clusters.length > 0 && parent) {
      const upgradeSha = sha;
      const tenants = await dataSource.manager.find(Tenant, {
        select: { id: true, cluster: true, slug: true, lastCommitSha: true },
        where: { cluster: In(clusters), state: In([...renderedTenantStates]) },
      });
      const touched = await writer.touchedPaths(parent, sha);
      const moved = filesPerFolder(touched, new Set(tenants.map((t) => tenantDir(t.cluster, t.slug))));
      const unrecorded = tenants.filter(
        (t) =>
          t.lastCommitSha !== upgradeSha &&
          !(t.lastCommitSha && later.has(t.lastCommitSha)) &&
          moved.has(tenantDir(t.cluster, t.slug)),
      );
      if (unrecorded.length === 0) return null;
      return {
        commit: { sha, parent, subject: info.subject, touched, committedAt: info.committer.time },
        clusters,
        tenants: unrecorded.map(({ id, cluster, slug }) => ({ id, cluster, slug })),
      };
    }
    pending.delete(sha);
    later.add(sha);
    sha = parent;
  }
  return null;
}
