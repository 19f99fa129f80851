import { ApiObject, App, type Chart } from 'cdk8s';
import { FleetChart } from '../charts/fleet-chart.js';
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
import type { Manifest } from '../validation/object-identity.js';
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

/**
 * The objects of a chart, each with its comment. synth adds no construct dependencies, so the
 * ordering `Chart.toJson()` computes (and its validation of the whole App, repeated per chart)
 * buys nothing here: files are sorted by path, and the App is validated once, in renderTenant.
 */
function synthChart(chart: Chart): RenderedObject[] {
  return chart.node
    .findAll()
    .filter((construct): construct is ApiObject => construct instanceof ApiObject)
    .map((apiObject) => ({ manifest: apiObject.toJson() as Manifest, comment: commentOf(apiObject) }));
}

/** Runs the validations constructs register (cdk8s-plus checks an HPA's target, an Ingress's rules …). */
function validateConstructs(app: App): void {
  const errors = app.node
    .findAll()
    .flatMap((construct) => construct.node.validate().map((error) => `[${construct.node.path}] ${error}`));
  if (errors.length > 0) throw new Error(`construct validation failed:\n  ${errors.join('\n  ')}`);
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
 * Renders every file of one tenant: its folder with the Flux objects that apply it, the platform
 * objects (in `platform/`, or with the Flux objects in the legacy layout) and the `app/` workload, YAML in a
 * fixed key order, sorted by path. Pure and deterministic: the same spec and options give the same
 * bytes in any process. Throws SpecError for an invalid spec and ValidationError, listing every
 * violation, when a rendered object breaks a schema or policy.
 */
export function renderTenant(spec: TenantSpec, options: RenderOptions = {}): RenderedFile[] {
  const tenant = tenantContext(parseTenantSpec(spec), resolveRenderOptions(options));
  // One App per tenant: cdk8s walks the whole App to validate it, so an App holding many tenants
  // would make every tenant's render cost grow with their number.
  const app = new App();
  const platformChart = new PlatformChart(app, 'platform', tenant);
  const fleetChart = new FleetChart(app, 'fleet', tenant);
  const workloadChart = new WorkloadChart(app, 'workload', tenant);
  validateConstructs(app);
  const platform = synthChart(platformChart);
  const fleet = synthChart(fleetChart);
  const workload = synthChart(workloadChart);

  const violations = validateManifests(
    [...platform, ...fleet, ...workload].map((o) => o.manifest),
    { allowedImageRegistries: tenant.options.allowedImageRegistries },
  );
  if (violations.length > 0) throw new ValidationError(violations);

  // Legacy: the fleet objects sit with the platform objects, in the tenant's folder itself.
  const folders =
    tenant.platformDir === tenant.dir
      ? [folderFiles(tenant.dir, [...platform, ...fleet])]
      : [folderFiles(tenant.dir, fleet), folderFiles(tenant.platformDir, platform)];
  return [...folders.flat(), ...folderFiles(tenant.workloadDir, workload)].sort((a, b) =>
    a.path < b.path ? -1 : 1,
  );
}
