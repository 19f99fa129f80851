import { ApiObject, App, type Chart } from 'cdk8s';
import { PlatformChart } from '../charts/platform-chart.js';
import { tenantContext } from '../charts/tenant-context.js';
import { WorkloadChart } from '../charts/workload-chart.js';
import { ValidationError } from '../errors/validation-error.js';
import { type RenderOptions, resolveRenderOptions } from '../options/render-options.js';
import { commentOf } from '../output/explain.js';
import { KUSTOMIZATION_FILE, kustomizationFile } from '../output/kustomization-file.js';
import { toYamlFile } from '../output/yaml-document.js';
import { parseTenantSpec } from '../spec/parse-tenant-spec.js';
import type { TenantSpec } from '../spec/tenant-spec.js';
import { type Manifest, metadataOf } from '../validation/object-identity.js';
import { validateManifests } from '../validation/validate-manifests.js';
import { manifestFileName } from './manifest-file-name.js';

/** One file of the GitOps repo: `path` is relative to the repo root. */
export interface RenderedFile {
  readonly path: string;
  readonly content: string;
}

interface RenderedObject {
  readonly manifest: Manifest;
  readonly comment: string | undefined;
}

function identity(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

function synthChart(chart: Chart): RenderedObject[] {
  const comments = new Map<string, string>();
  for (const construct of chart.node.findAll()) {
    if (!(construct instanceof ApiObject)) continue;
    const comment = commentOf(construct);
    if (comment)
      comments.set(identity(construct.kind, construct.metadata.namespace, construct.name), comment);
  }
  return chart.toJson().map((manifest: Manifest) => {
    const metadata = metadataOf(manifest);
    const key = identity(
      String(manifest.kind),
      metadata.namespace as string | undefined,
      String(metadata.name),
    );
    return { manifest, comment: comments.get(key) };
  });
}

function folderFiles(dir: string, objects: readonly RenderedObject[]): RenderedFile[] {
  const files = new Map<string, string>();
  for (const { manifest, comment } of objects) {
    const name = manifestFileName(manifest);
    if (files.has(name)) throw new Error(`two objects render to ${dir}/${name}`);
    files.set(name, toYamlFile(manifest, comment));
  }
  files.set(KUSTOMIZATION_FILE, kustomizationFile([...files.keys()]));
  return [...files].map(([name, content]) => ({ path: `${dir}/${name}`, content }));
}

/**
 * Renders every file of one tenant: the platform folder and its `app/` workload folder, YAML in a
 * fixed key order, sorted by path. Pure and deterministic: the same spec and options give the same
 * bytes in any process. Throws SpecError for an invalid spec and ValidationError, listing every
 * violation, when a rendered object breaks a schema or policy.
 */
export function renderTenant(spec: TenantSpec, options: RenderOptions = {}): RenderedFile[] {
  const tenant = tenantContext(parseTenantSpec(spec), resolveRenderOptions(options));
  // One App per tenant: cdk8s resolves and validates a whole App on every chart synthesis.
  const app = new App();
  const platform = synthChart(new PlatformChart(app, 'platform', tenant));
  const workload = synthChart(new WorkloadChart(app, 'workload', tenant));

  const violations = validateManifests(
    [...platform, ...workload].map((o) => o.manifest),
    { allowedImageRegistries: tenant.options.allowedImageRegistries },
  );
  if (violations.length > 0) throw new ValidationError(violations);

  return [...folderFiles(tenant.dir, platform), ...folderFiles(tenant.workloadDir, workload)].sort((a, b) =>
    a.path < b.path ? -1 : 1,
  );
}
