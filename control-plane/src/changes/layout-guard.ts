import { UnavailableError } from '../errors/index.js';
import { clusterLayouts } from '../gitops/fleet-layouts.js';
import type { GitopsWriter } from '../gitops/port.js';
import type { Logger } from '../logger.js';

/*
 * Tenant changes wait while their cluster's entry point is in the legacy layout (gitops/fleet-layouts.ts,
 * docs/fleet-layout.md "Moving a repository from legacy to artifacts"). The control plane renders
 * only the artifacts layout; writing one tenant so into a legacy cluster would leave that tenant
 * unread by the cluster's `tenants` Kustomization and every other tenant in the old folders — a
 * mixed repository. Refusing (503, nothing recorded) until an operator runs the upgrade is the
 * choice docs/fleet-layout.md explains.
 *
 * Cheap on the hot path: once a check finds no legacy cluster the guard stops looking (the control
 * plane never writes a legacy entry point, so a repository does not go back); while one is legacy,
 * it checks again whenever main moved, so the upgrade — run by `luster`, another process — is
 * seen at the next request.
 */

export interface LayoutGuard {
  /** Clusters whose entry point on main is in the legacy layout; `[]` once the repository has none. */
  legacyClusters(): Promise<string[]>;
  /** Throws `gitops_layout_legacy` (503) when one of `clusters` (a function: asked only if needed) is legacy. */
  refuseLegacy(clusters: () => Promise<readonly string[]> | readonly string[]): Promise<void>;
}

export function createLayoutGuard(deps: {
  writer: GitopsWriter;
  mainBranch: string;
  log: Logger;
}): LayoutGuard {
  let settled = false;
  let checked: { head: string; legacy: string[] } | null = null;

  async function legacyClusters(): Promise<string[]> {
    if (settled) return [];
    const head = await deps.writer.head(deps.mainBranch);
    if (!head) return [];
    if (checked?.head === head) return checked.legacy;
    const layouts = await clusterLayouts(deps.writer, head);
    const legacy = [...layouts].filter(([, layout]) => layout === 'legacy').map(([name]) => name);
    if (legacy.length === 0) {
      if (checked)
        deps.log.info(
          { head },
          'no cluster in the legacy fleet layout any more: tenant changes are written again',
        );
      settled = true;
      checked = null;
      return [];
    }
    if (!checked) {
      deps.log.error(
        { clusters: legacy, head },
        'the GitOps repository is in the legacy fleet layout: tenant changes to these clusters are refused until an operator runs `luster fleet-layout prepare` then `luster fleet-layout upgrade` (docs/fleet-layout.md)',
      );
    }
    checked = { head, legacy };
    return legacy;
  }

  return {
    legacyClusters,
    async refuseLegacy(clusters) {
      const legacy = await legacyClusters();
      if (legacy.length === 0) return;
      const blocked = (await clusters()).filter((c) => legacy.includes(c));
      if (blocked.length === 0) return;
      throw new UnavailableError({
        code: 'gitops_layout_legacy',
        message: `Cluster ${blocked.join(', ')} is still in the legacy GitOps layout: tenant changes to it wait until an operator upgrades the repository (luster fleet-layout upgrade)`,
        data: { clusters: blocked },
      });
    },
  };
}
