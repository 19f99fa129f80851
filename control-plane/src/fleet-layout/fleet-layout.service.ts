import { renderedTenantStates } from '@luster/contract';
import { tenantDir } from '@luster/synth';
import { type DataSource, In } from 'typeorm';
import { TenantCommit, TenantDrift } from '../changes/changes.entities.js';
import { withWriterLock } from '../changes/writer-lock.js';
import { platformCommitMessage } from '../clusters/entry-point.js';
import { CLUSTER_TENANTS_FILE, clusterLayouts, type EntryLayout } from '../gitops/fleet-layouts.js';
import type { FolderChange, GitopsWriter, Identity } from '../gitops/port.js';
import { renderTenantFiles, type TenantRenderOptions } from '../tenants/render.js';
import { loadTenantRows } from '../tenants/tenant-rows.js';
import { Tenant } from '../tenants/tenants.entities.js';
import { artifactsEntry, entryOptionsOf, pruneIsOff, withPruneOff } from './entry-files.js';
import { FleetLayoutError } from './fleet-layout-error.js';
import { legacyFolders } from './legacy-folders.js';

/*
 * `luster fleet-layout …`: moving a repository an earlier release wrote in the legacy layout to the
 * artifacts layout, as two platform commits an auditor reads in `git log` (docs/fleet-layout.md):
 *
 *   prepare — `prune: false` on each legacy cluster's Kustomization `tenants`, so that removing it
 *             later leaves everything it applied in place;
 *   upgrade — once Flux applied that: every tenant folder re-rendered from the database into its
 *             hash shard, the entry point's tenants.yaml (now ArtifactGenerator `tenants`),
 *             tenant-shards/ and shard markers, infrastructure.yaml in the artifacts layout; the old
 *             folders removed. One commit for the whole repository: Flux never sees half of it.
 *
 * Both run under the writer lock (the running control plane's writer waits), and both are
 * idempotent: run again they find nothing to do and commit nothing. A cluster whose tenants.yaml is
 * neither layout is refused, naming the file, before anything is written.
 */

export interface FleetLayoutOutcome {
  /** The commit made, or `null` when there was nothing to do. */
  sha: string | null;
  /** What happened, in sentences, for the operator. */
  summary: string;
}

export interface FleetLayoutDeps {
  dataSource: DataSource;
  writer: GitopsWriter;
  /** The same render options as the control plane's (tenants/render.ts `tenantRenderOptions`). */
  renderOptions: TenantRenderOptions;
  /** Author of both commits: the control plane's bot identity. */
  author: Identity;
  mainBranch?: string;
  /** When the upgrade is recorded as each tenant's last commit. @default the real clock */
  clock?: () => Date;
}

const REASON = 'an operator moved the repository from the legacy to the artifacts fleet layout';

export function createFleetLayoutService(deps: FleetLayoutDeps) {
  const { dataSource, writer } = deps;
  const branch = deps.mainBranch ?? 'main';
  const now = deps.clock ?? (() => new Date());

  /** The head and every cluster's layout; refuses a repository with a cluster in neither layout. */
  async function layoutsAtHead(): Promise<{ head: string; layouts: Map<string, EntryLayout> }> {
    const head = await writer.head(branch);
    if (!head) throw new FleetLayoutError(`The GitOps repository has no ${branch} branch`);
    const layouts = await clusterLayouts(writer, head);
    const unknown = [...layouts].filter(([, l]) => l === 'unknown').map(([c]) => c);
    if (unknown.length > 0) {
      throw new FleetLayoutError(
        `${unknown.map((c) => `clusters/${c}/${CLUSTER_TENANTS_FILE}`).join(', ')} declares neither Kustomization tenants (legacy layout) nor ArtifactGenerator tenants (artifacts layout): nothing was changed. Restore the file the control plane wrote, then run this again`,
      );
    }
    return { head, layouts };
  }

  const legacyOf = (layouts: Map<string, EntryLayout>) =>
    [...layouts].filter(([, l]) => l === 'legacy').map(([c]) => c);

  async function tenantsFile(head: string, cluster: string): Promise<string> {
    return (await writer.readFile(head, `clusters/${cluster}/${CLUSTER_TENANTS_FILE}`)) as string;
  }

  /** Every tenant folder of a legacy cluster: re-rendered into its shard, the old one removed. */
  async function tenantFolders(head: string, cluster: string) {
    const tenants = await dataSource.manager.find(Tenant, {
      select: { id: true, slug: true },
      where: { cluster, state: In([...renderedTenantStates]) },
    });
    const paths = (await writer.listFiles(head, `tenants/${cluster}`)).map((f) => f.path);
    const { moves, strays } = legacyFolders(cluster, paths, tenants);
    if (strays.length > 0) {
      throw new FleetLayoutError(
        `tenants/${cluster}/ holds files of no tenant the database knows (${strays.slice(0, 5).join(', ')}${strays.length > 5 ? `, and ${strays.length - 5} more` : ''}): the artifacts layout would read them as tenants. Remove them with a commit of your own, then run this again`,
      );
    }
    const folders: FolderChange[] = [];
    for (const move of moves) {
      const rendered = renderTenantFiles(
        await loadTenantRows(dataSource.manager, move.tenantId),
        deps.renderOptions,
      );
      if (!rendered.files) continue;
      folders.push({ tenantDir: rendered.dir, files: rendered.files });
      if (move.from !== rendered.dir) folders.push({ tenantDir: move.from, files: null });
    }
    return { folders, tenantIds: moves.map((m) => m.tenantId) };
  }

  return {
    /** Each cluster's layout, for `luster fleet-layout status`. */
    async status(): Promise<{ cluster: string; layout: EntryLayout; pruneOff: boolean }[]> {
      const head = await writer.head(branch);
      if (!head) return [];
      const layouts = await clusterLayouts(writer, head);
      return Promise.all(
        [...layouts].map(async ([cluster, layout]) => ({
          cluster,
          layout,
          pruneOff: layout === 'legacy' && pruneIsOff(await tenantsFile(head, cluster)),
        })),
      );
    },

    /** The first commit: `prune: false` on every legacy cluster's Kustomization `tenants`. */
    prepare: (): Promise<FleetLayoutOutcome> =>
      withWriterLock(dataSource, async () => {
        const { head, layouts } = await layoutsAtHead();
        const legacy = legacyOf(layouts);
        if (legacy.length === 0)
          return { sha: null, summary: 'Every cluster is in the artifacts layout: nothing to prepare.' };
        const clusters = [];
        for (const cluster of legacy) {
          let edited: string | null;
          try {
            edited = withPruneOff(await tenantsFile(head, cluster));
          } catch (error) {
            throw new FleetLayoutError(
              `clusters/${cluster}/${CLUSTER_TENANTS_FILE}: ${(error as Error).message}`,
            );
          }
          if (edited)
            clusters.push({
              clusterDir: `clusters/${cluster}`,
              writes: [{ path: CLUSTER_TENANTS_FILE, content: edited }],
            });
        }
        const next = `Once Flux has applied it (\`flux get kustomizations tenants\` shows this commit), run \`luster fleet-layout upgrade --flux-applied\`.`;
        if (clusters.length === 0)
          return {
            sha: null,
            summary: `Kustomization tenants already has prune: false on ${legacy.join(', ')}. ${next}`,
          };
        const applied = await writer.commitPlatform({
          clusters,
          message: platformCommitMessage({
            subject: `prepare ${legacy.join(', ')} for the artifacts fleet layout: prune off on Kustomization tenants`,
            body: `The next commit moves every tenant folder into its hash shard and replaces Kustomization tenants with ArtifactGenerator tenants (docs/fleet-layout.md). With prune off, Flux deleting Kustomization tenants leaves the namespaces, quotas, policies and RBAC it applied in place, for each tenant's Kustomization platform-<slug> to take over, instead of garbage-collecting every tenant.`,
            actor: null,
            reason: REASON,
          }),
          author: deps.author,
        });
        return {
          sha: applied?.sha ?? null,
          summary: `Committed ${applied?.sha ?? '(nothing)'}: prune: false on Kustomization tenants of ${legacy.join(', ')}. ${next}`,
        };
      }),

    /** The second commit (see the header); refuses before `prepare`. */
    upgrade: (): Promise<FleetLayoutOutcome> =>
      withWriterLock(dataSource, async () => {
        const { head, layouts } = await layoutsAtHead();
        const legacy = legacyOf(layouts);
        if (legacy.length === 0)
          return { sha: null, summary: 'Every cluster is in the artifacts layout: nothing to upgrade.' };
        const clusters = [];
        const folders: FolderChange[] = [];
        const tenantIds: string[] = [];
        const kept: string[] = [];
        for (const cluster of legacy) {
          const tenants = await tenantsFile(head, cluster);
          if (!pruneIsOff(tenants)) {
            throw new FleetLayoutError(
              `Kustomization tenants of cluster ${cluster} still prunes: upgrading now would make Flux delete every tenant's namespace. Run \`luster fleet-layout prepare\` first and wait until Flux applied it. Nothing was changed`,
            );
          }
          const infrastructure = await writer.readFile(head, `clusters/${cluster}/infrastructure.yaml`);
          let entry: ReturnType<typeof artifactsEntry>;
          try {
            entry = artifactsEntry(entryOptionsOf(cluster, { infrastructure, tenants }), infrastructure);
          } catch (error) {
            throw new FleetLayoutError(
              `clusters/${cluster}/: ${(error as Error).message}. Nothing was changed`,
            );
          }
          if (entry.infrastructureKept) kept.push(`clusters/${cluster}/infrastructure.yaml`);
          clusters.push({
            clusterDir: `clusters/${cluster}`,
            writes: entry.writes,
            shardMarkers: entry.shardMarkers,
            argocd: entry.argocd,
          });
          const found = await tenantFolders(head, cluster);
          folders.push(...found.folders);
          tenantIds.push(...found.tenantIds);
        }
        const message = platformCommitMessage({
          subject: `move ${legacy.join(', ')} to the artifacts fleet layout`,
          body: [
            `Every tenant folder of ${legacy.join(', ')} (${tenantIds.length}) re-rendered from the database into its hash shard, tenants/<cluster>/<shard>/<slug>, its old folder removed; each cluster's tenants.yaml is now ArtifactGenerator tenants, with tenant-shards/ and a marker in every shard folder (docs/fleet-layout.md).`,
            "Kustomization tenants had prune: false (the previous platform commit), so Flux removing it leaves every tenant running; each Kustomization platform-<slug> takes over its tenant's platform objects, fleet-<shard> its two Kustomizations.",
            ...(kept.length
              ? [`Kept as they were (edited by hand; they still read the GitRepository): ${kept.join(', ')}.`]
              : []),
          ].join('\n\n'),
          actor: null,
          reason: REASON,
        });
        const applied = await writer.commitPlatform({
          clusters,
          tenantFolders: folders,
          message,
          author: deps.author,
        });
        if (!applied)
          return { sha: null, summary: 'The repository already had this content: nothing to upgrade.' };
        // The upgrade is each tenant's last commit: drift and hand-edit checks compare its folder
        // with the render from here on, and the tenant's history shows the move.
        const committedAt = now();
        const subject = message.split('\n')[0] as string;
        if (tenantIds.length > 0)
          await dataSource.transaction(async (tx) => {
            await tx.update(
              Tenant,
              { id: In(tenantIds) },
              { lastCommitSha: applied.sha, lastCommittedAt: committedAt },
            );
            await tx.delete(TenantDrift, { tenantId: In(tenantIds) });
            const rows = await tx.find(Tenant, {
              select: { id: true, cluster: true, slug: true },
              where: { id: In(tenantIds) },
            });
            await tx.insert(
              TenantCommit,
              rows.map((t) => {
                const dir = `${tenantDir(t.cluster, t.slug)}/`;
                return {
                  sha: applied.sha,
                  tenantId: t.id,
                  changeRequestId: null,
                  parentSha: applied.parent,
                  branch,
                  subject,
                  filesTouched: applied.touched.filter((p) => p.startsWith(dir)).length,
                  committedAt,
                };
              }),
            );
          });
        return {
          sha: applied.sha,
          summary: [
            `Committed ${applied.sha}: ${tenantIds.length} tenant folders of ${legacy.join(', ')} moved into their shards, in the artifacts layout.`,
            ...(kept.length ? [`Kept as they were (edited by hand): ${kept.join(', ')}.`] : []),
          ].join(' '),
        };
      }),
  };
}

export type FleetLayoutService = ReturnType<typeof createFleetLayoutService>;
