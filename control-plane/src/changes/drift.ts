import { renderedTenantStates } from '@luster/contract';
import { tenantDir } from '@luster/synth';
import { type DataSource, In } from 'typeorm';
import { CommitNotFoundError } from '../gitops/errors.js';
import type { GitopsWriter } from '../gitops/port.js';
import type { Logger } from '../logger.js';
import { renderTenantFiles, type TenantRenderOptions } from '../tenants/render.js';
import { loadTenantRows } from '../tenants/tenant-rows.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { ChangeRequest, type DriftedFile, TenantDrift } from './changes.entities.js';
import { blobOid } from './commit-text.js';
import { folderState } from './hand-edits.js';

export interface ReconcileContext {
  dataSource: DataSource;
  writer: GitopsWriter;
  log: Logger;
  renderOptions: TenantRenderOptions;
  mainBranch: string;
}

/**
 * The periodic reconcile pass (run under the writer lock, after the queue is drained):
 *   - a tenant whose last committed change is not on main (history lost: a remote reset, a restore
 *     from backup) gets that change queued again: the DB is the intent and wins;
 *   - a tenant whose folder differs from what synth renders from the DB is reported as drift
 *     (`tenant_drift`) and left alone: hand edits are overwritten only by a `reassert` change.
 * Cheap at 10,000 tenants: a folder identical to the tenant's last commit needs no render.
 */
export function createReconciler(ctx: ReconcileContext) {
  const { dataSource, writer } = ctx;

  async function driftOf(tenant: Tenant, head: string): Promise<DriftedFile[]> {
    const dir = tenantDir(tenant.cluster, tenant.slug);
    // A folder as the control plane left it (no hand edit since, none kept) needs no render.
    const state = await folderState(writer, tenant, head);
    if (state && state.edited.size === 0) return [];
    const current = await writer.listFiles(head, dir);
    const rendered = renderTenantFiles(
      await loadTenantRows(dataSource.manager, tenant.id),
      ctx.renderOptions,
    );
    const wanted = new Map((rendered.files ?? []).map((f) => [`${dir}/${f.path}`, blobOid(f)]));
    const files: DriftedFile[] = [];
    for (const f of current) {
      const oid = wanted.get(f.path);
      if (oid === undefined) files.push({ path: f.path, status: 'added' });
      else if (oid !== f.oid) files.push({ path: f.path, status: 'modified' });
      wanted.delete(f.path);
    }
    for (const path of wanted.keys()) files.push({ path, status: 'deleted' });
    return files.sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Whether `sha` is on main; a commit the repository lacks is not, any other failure is thrown. */
  async function onMain(sha: string, head: string): Promise<boolean> {
    try {
      return await writer.isAncestor(sha, head);
    } catch (error) {
      if (error instanceof CommitNotFoundError) return false;
      throw error;
    }
  }

  return {
    /** Returns the tenants found drifted and the changes queued again. */
    async reconcile(): Promise<{ drifted: string[]; requeued: string[] }> {
      const head = await writer.head(ctx.mainBranch);
      if (!head) return { drifted: [], requeued: [] };
      const busy = new Set(
        (
          await dataSource.query(
            `SELECT DISTINCT unnest(CASE WHEN cardinality("tenantIds") > 0 THEN "tenantIds" ELSE ARRAY["tenantId"] END) AS id
             FROM change_request WHERE state = 'queued'`,
          )
        ).map((r: { id: string }) => r.id),
      );
      // A last change still held by one replica alone (takeover.ts) is on its way to the remote,
      // or taken over if that replica is gone: neither lost nor drifted.
      const tenants = await dataSource.manager
        .createQueryBuilder(Tenant, 't')
        .where('t.state IN (:...states)', { states: renderedTenantStates })
        .andWhere('t."lastChangeId" IS NOT NULL')
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM change_request u WHERE u.id = t."lastChangeId" AND u."unpushedBy" IS NOT NULL)`,
        )
        .getMany();
      const drifted: string[] = [];
      const requeued: string[] = [];
      for (const tenant of tenants) {
        if (busy.has(tenant.id)) continue;
        try {
          if (tenant.lastCommitSha && !(await onMain(tenant.lastCommitSha, head))) {
            await dataSource.manager.update(
              ChangeRequest,
              { id: tenant.lastChangeId as string, state: In(['committed', 'merged']) },
              { state: 'queued', target: 'main' },
            );
            requeued.push(tenant.id);
            continue;
          }
          const files = await driftOf(tenant, head);
          if (files.length > 0) {
            await dataSource
              .createQueryBuilder()
              .insert()
              .into(TenantDrift)
              .values({ tenantId: tenant.id, sha: head, files, detectedAt: new Date() })
              .orUpdate(['sha', 'files'], ['tenantId'])
              .execute();
            drifted.push(tenant.id);
          } else {
            await dataSource.manager.delete(TenantDrift, { tenantId: tenant.id });
          }
        } catch (error) {
          ctx.log.warn({ err: error, tenant: tenant.slug }, 'reconcile skipped a tenant');
        }
      }
      if (drifted.length)
        ctx.log.warn({ tenants: drifted.length }, 'hand edits found in tenant folders (drift)');
      return { drifted, requeued };
    },
  };
}
