// Fleets for the model: the GitOps template's files plus N tenants, each a replica of one of a few
// tenants synth renders for real (fleet-repo.ts says what a replica keeps from its template).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type RenderOptions,
  renderArgoEntry,
  renderClusterEntry,
  renderTenant,
  type TenantSpecInput,
} from '@luster/synth';
// @ts-expect-error plain ESM helper shared with the synth benchmark
import { benchSpec } from '../synth/specs.mjs';
import { FleetRepo, type TenantTemplate } from './fleet-repo.js';

const templateRoot = fileURLToPath(new URL('../../gitops-repo-template/', import.meta.url));

/** The template's files that reach a cluster: clusters/, infrastructure/, argocd/, tenants/. */
export function templateFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(templateRoot, path), readFileSync(path, 'utf8'));
    }
  };
  for (const top of ['clusters', 'infrastructure', 'argocd', 'tenants']) walk(join(templateRoot, top));
  return files;
}

/** Tenant `i` of the synth benchmark's mix (tier, domains, plugins by `i`) under another slug; `revision` bumps the theme. */
export function specFor(i: number, slug: string, cluster: string, revision = 0): TenantSpecInput {
  const spec = benchSpec(i) as TenantSpecInput & { domains: { custom: string[] } };
  const version = `1.4.${revision}`;
  return {
    ...spec,
    slug,
    cluster,
    // Everything tenant-specific derives from the slug, so a replica renames it completely.
    organizationId: `org-${slug}`,
    displayName: `Tenant ${slug}`,
    branding: { appName: `Shop ${slug}`, primaryColor: '#0a7cff' },
    state: 'active',
    theme: { name: 'aurora', version, image: `registry.luster.io/themes/aurora:${version}` },
    domains: { custom: spec.domains.custom.length > 0 ? [`www.${slug}.example.com`] : [] },
    mediaBucket: `org-${slug}-media`,
  } as TenantSpecInput;
}

/** The folder every file of one rendered tenant lies in. */
function commonDir(paths: string[]): string {
  let prefix = (paths[0] as string).split('/');
  for (const path of paths) {
    const parts = path.split('/');
    let i = 0;
    while (i < prefix.length && i < parts.length - 1 && prefix[i] === parts[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.join('/');
}

/** Renders one tenant for real and keeps it as a template. */
export function renderTemplate(spec: TenantSpecInput, options: RenderOptions = {}): TenantTemplate {
  const files = renderTenant(spec as never, options);
  const dir = commonDir(files.map((f) => f.path));
  return {
    slug: spec.slug as string,
    dir,
    files: new Map(files.map((f) => [f.path.slice(dir.length + 1), f.content])),
  };
}

export interface Fleet {
  repo: FleetRepo;
  slugs: string[];
  /** Templates by index; tenant i is a replica of templates[i % templates.length]. */
  templates: TenantTemplate[];
  cluster: string;
  tenantDir: (cluster: string, slug: string) => string;
  options: RenderOptions;
}

/**
 * A fleet of `slugs.length` tenants on `cluster`: `templates` tenants are rendered for real (the
 * synth benchmark's mix of tiers) and every tenant is a replica of one of them, in turn.
 */
export function buildFleet(input: {
  slugs: string[];
  cluster: string;
  templates: number;
  tenantDir: (cluster: string, slug: string) => string;
  options?: RenderOptions;
  base?: Map<string, string>;
  /** Tenants (by index) rendered for real rather than replicated: those a scenario changes. */
  real?: readonly number[];
}): Fleet {
  const { slugs, cluster, tenantDir } = input;
  const options = input.options ?? {};
  // Templates render under slugs no tenant has and no YAML word contains, so that replacing them
  // by a tenant's slug touches nothing else.
  const templates = Array.from({ length: Math.min(input.templates, slugs.length) }, (_, i) =>
    renderTemplate(specFor(i, `zq-template-${i}`, cluster), options),
  );
  const repo = new FleetRepo(input.base ?? templateFiles());
  const real = new Set(input.real ?? []);
  slugs.forEach((slug, i) => {
    const template = real.has(i)
      ? renderTemplate(specFor(i, slug, cluster), options)
      : (templates[i % templates.length] as TenantTemplate);
    repo.seedTenant(tenantDir(cluster, slug), slug, template);
  });
  return { repo, slugs, templates, cluster, tenantDir, options };
}

/**
 * The repository outside tenant folders for `clusters` in one layout: the template's infrastructure/,
 * and each cluster's entry points (with its shard markers, and argocd/<cluster>/) as synth renders
 * them (what adding a cluster writes).
 */
export function baseFiles(clusters: readonly string[], options: RenderOptions): Map<string, string> {
  // The template's clusters/production and shard markers are production's in the default layout:
  // each cluster's come from synth, in the layout asked for.
  const rendered = (path: string) =>
    path.startsWith('clusters/') || path.startsWith('argocd/') || /^tenants\/[^/]+\/[^/]+\//.test(path);
  const files = new Map([...templateFiles()].filter(([path]) => !rendered(path)));
  for (const cluster of clusters) {
    const entry = renderClusterEntry({
      cluster,
      fluxLayout: options.fluxLayout,
      shardScheme: options.shardScheme,
    });
    for (const file of entry) files.set(file.path, file.content);
    // Argo CD's entry does not depend on Flux's layout; synth renders it with the artifacts one
    // only, whose tenant folders have platform/: a legacy fleet gets the same, as the template's was.
    const argo = renderArgoEntry(cluster, {
      repoUrl: 'https://luster.example.com/git/gitops.git',
      lusterUrl: 'https://luster.example.com',
    });
    for (const file of argo) files.set(file.path, file.content);
  }
  return files;
}
