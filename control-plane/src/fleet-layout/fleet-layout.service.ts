import type { DataSource } from 'typeorm';
import { withWriterLock } from '../changes/writer-lock.js';
import { platformCommitMessage } from '../clusters/entry-point.js';
import { CLUSTER_TENANTS_FILE, clusterLayouts, type EntryLayout } from '../gitops/fleet-layouts.js';
import type { FolderChange, GitopsWriter, Identity } from '../gitops/port.js';
import type { TenantRenderOptions } from '../tenants/render.js';
import { artifactsEntry, entryOptionsOf, pruneIsOff, withPruneOff } from './entry-files.js';
import { FleetLayoutError } from './fleet-layout-error.js';
import { legacyTenantFolders } from './legacy-folders.js';
import {
  entryClusters,
  type MissingEntries,
  missingEntries,
  missingEntriesMessage,
} from './missing-entries.js';
import { type MovedTenant, recordUpgrade, UPGRADE_TRAILER, unrecordedUpgrade } from './upgrade-record.js';

/*
 * `luster fleet-layout …`: moving a repository an earlier release wrote in the legacy layout to the
 * artifacts layout, as two platform commits an auditor reads in `git log` (docs/fleet-layout.md):
 *
 *   prepare — `prune: false` on each legacy cluster's Kustomization `tenants`, so that removing it
 *             later leaves everything it applied in place;
 *   upgrade — once Flux applied that: every tenant folder re-rendered from the database into its
 *             hash shard, the entry point's tenants.yaml (now ArtifactGenerator `tenants`),
 *             tenant-shards/ and shard markers, infrastructure.yaml in the artifacts layout; the old
 *             folders removed. One commit for the whole repository: Flux never sees half of it. Then
 *             the commit is recorded as each moved tenant's last one; a run that stopped before that
 *             is finished by the next `upgrade` (upgrade-record.ts);
 *   entries — the entry files a cluster of the artifacts layout lacks (missing-entries.ts: a cluster
 *             added before its release rendered `argocd/<cluster>/`), for every such cluster in one commit.
 *
 * All run under the writer lock (the running control plane's writer waits), and all are
 * idempotent: run again they find nothing to do and commit nothing. A cluster whose tenants.yaml is
 * neither layout is refused, naming the file, before anything is written.
 */

export interface FleetLayoutOutcome {
  /**
   * The commit to push: the one made, or an earlier upgrade this run recorded (its run may have
   * stopped before pushing); `null` when there was nothing to do.
   */
  sha: string | null;
  /** What happened, in sentences, for the operator. */
  summary: string;
}

export interface ClusterLayoutStatus {
  cluster: string;
  /** `null`: the cluster (in the database) has no `clusters/<name>/tenants.yaml`. */
  layout: EntryLayout | null;
  pruneOff: boolean;
  /** Entry files the artifacts layout has and the repository lacks, repo-relative (`entries` adds them). */
  missing: string[];
}

export interface FleetLayoutDeps {
  dataSource: DataSource;
  writer: GitopsWriter;
  /** The same render options as the control plane's (tenants/render.ts `tenantRenderOptions`). */
  renderOptions: TenantRenderOptions;
  /** Author of the commits: the control plane's bot identity. */
  author: Identity;
  mainBranch?: string;
  /** When the upgrade is recorded as each tenant's last commit. @default the real clock */
  clock?: () => Date;
}

const legacyOf = (layouts: Map<string, EntryLayout>) =>
  [...layouts].filter(([, l]) => l === 'legacy').map(([c]) => c);

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

  /**
   * The opening `prepare` and `upgrade` share: under the writer lock, the layouts at the head and
   * the clusters still legacy; with none, `whenNone` answers instead of the step.
   */
  const onLegacyClusters = (
    whenNone: (head: string) => Promise<FleetLayoutOutcome>,
    step: (head: string, legacy: string[]) => Promise<FleetLayoutOutcome>,
  ): Promise<FleetLayoutOutcome> =>
    withWriterLock(dataSource, async () => {
      const { head, layouts } = await layoutsAtHead();
      const legacy = legacyOf(layouts);
      return legacy.length === 0 ? whenNone(head) : step(head, legacy);
    });

  async function tenantsFile(head: string, cluster: string): Promise<string> {
    return (await writer.readFile(head, `clusters/${cluster}/${CLUSTER_TENANTS_FILE}`)) as string;
  }

  /** `upgrade` on a repository with no legacy cluster: an upgrade commit left unrecorded is recorded. */
  async function recordEarlierUpgrade(head: string): Promise<FleetLayoutOutcome> {
    const earlier = await unrecordedUpgrade(dataSource, writer, head);
    if (!earlier)
      return { sha: null, summary: 'Every cluster is in the artifacts layout: nothing to upgrade.' };
    await recordUpgrade(dataSource, branch, earlier.commit, earlier.tenants);
    return {
      sha: earlier.commit.sha,
      summary: `Recorded the earlier upgrade ${earlier.commit.sha} (${earlier.clusters.join(', ')}) as the last commit of its ${earlier.tenants.length} tenants: the run that committed it stopped before recording it. Every cluster is in the artifacts layout.`,
    };
  }

  return {
    /** Each cluster's layout and missing entry files, for `luster fleet-layout status`. */
    async status(): Promise<ClusterLayoutStatus[]> {
      const head = await writer.head(branch);
      if (!head) return [];
      const layouts = await clusterLayouts(writer, head);
      const clusters = [
        ...new Set([...(await entryClusters(dataSource, layouts)), ...layouts.keys()]),
      ].sort();
      return Promise.all(
        clusters.map(async (cluster) => {
          const layout = layouts.get(cluster) ?? null;
          const current = layout === null || layout === 'artifacts';
          return {
            cluster,
            layout,
            pruneOff: layout === 'legacy' && pruneIsOff(await tenantsFile(head, cluster)),
            missing: current ? (await missingEntries(writer, head, cluster)).paths : [],
          };
        }),
      );
    },

    /** The first commit: `prune: false` on every legacy cluster's Kustomization `tenants`. */
    prepare: (): Promise<FleetLayoutOutcome> =>
      onLegacyClusters(
        async () => ({ sha: null, summary: 'Every cluster is in the artifacts layout: nothing to prepare.' }),
        async (head, legacy) => {
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
        },
      ),

    /**
     * The second commit (see the header); refuses before `prepare`. With no legacy cluster left it
     * records an upgrade commit whose run stopped before recording it, or finds nothing to do.
     */
    upgrade: (): Promise<FleetLayoutOutcome> =>
      onLegacyClusters(recordEarlierUpgrade, async (head, legacy) => {
        const clusters = [];
        const folders: FolderChange[] = [];
        const moved: MovedTenant[] = [];
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
          const found = await legacyTenantFolders(deps, head, cluster);
          folders.push(...found.folders);
          moved.push(...found.moved);
        }
        const message = platformCommitMessage({
          subject: `move ${legacy.join(', ')} to the artifacts fleet layout`,
          body: [
            `Every tenant folder of ${legacy.join(', ')} (${moved.length}) re-rendered from the database into its hash shard, tenants/<cluster>/<shard>/<slug>, its old folder removed; each cluster's tenants.yaml is now ArtifactGenerator tenants, with tenant-shards/ and a marker in every shard folder (docs/fleet-layout.md).`,
            "Kustomization tenants had prune: false (the previous platform commit), so Flux removing it leaves every tenant running; each Kustomization platform-<slug> takes over its tenant's platform objects, fleet-<shard> its two Kustomizations.",
            ...(kept.length
              ? [`Kept as they were (edited by hand; they still read the GitRepository): ${kept.join(', ')}.`]
              : []),
          ].join('\n\n'),
          actor: null,
          reason: REASON,
          // By which a later run finds this commit if this one stops before recording it.
          marks: legacy.map((cluster) => ({ key: UPGRADE_TRAILER, value: cluster })),
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
        await recordUpgrade(
          dataSource,
          branch,
          { ...applied, subject: message.split('\n')[0] as string, committedAt: now() },
          moved,
        );
        return {
          sha: applied.sha,
          summary: [
            `Committed ${applied.sha}: ${moved.length} tenant folders of ${legacy.join(', ')} moved into their shards, in the artifacts layout.`,
            ...(kept.length ? [`Kept as they were (edited by hand): ${kept.join(', ')}.`] : []),
          ].join(' '),
        };
      }),

    /** The entry files clusters of the artifacts layout lack, in one commit (missing-entries.ts). */
    entries: (): Promise<FleetLayoutOutcome> =>
      withWriterLock(dataSource, async () => {
        const { head, layouts } = await layoutsAtHead();
        const legacy = legacyOf(layouts);
        const later = legacy.length
          ? ` ${legacy.join(', ')} ${legacy.length === 1 ? 'is' : 'are'} in the legacy layout: \`luster fleet-layout upgrade\` writes ${legacy.length === 1 ? 'its' : 'their'} entry files.`
          : '';
        const lacking: MissingEntries[] = [];
        for (const cluster of await entryClusters(dataSource, layouts)) {
          const missing = await missingEntries(writer, head, cluster);
          if (missing.paths.length > 0) lacking.push(missing);
        }
        if (lacking.length === 0)
          return { sha: null, summary: `Every cluster has its entry files: nothing to add.${later}` };
        const applied = await writer.commitPlatform({
          clusters: lacking.map((m) => m.change),
          message: missingEntriesMessage(lacking),
          author: deps.author,
        });
        return {
          sha: applied?.sha ?? null,
          summary: `Committed ${applied?.sha ?? '(nothing)'}: ${lacking.map((m) => `${m.paths.length} entry files of ${m.cluster}`).join(', ')}.${later}`,
        };
      }),
  };
}

export type FleetLayoutService = ReturnType<typeof createFleetLayoutService>;
