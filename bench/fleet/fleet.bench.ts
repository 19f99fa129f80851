// bench/fleet: the fleet model over today's layout and the new one at 10,000 and 100,000 tenants.
// Writes the `## fleet` section of bench/RESULTS.md. Every number is a count the model derives
// from the repository's objects: none depends on the machine or its load.
import { type RenderOptions, tenantDir } from '@luster/synth';
// @ts-expect-error plain ESM helper shared by every benchmark
import { writeSection } from '../results.mjs';
import { ArgoModel, type ArgoStep } from './argo-model.js';
import { baseFiles, buildFleet } from './fleet-fixtures.js';
import { FluxModel, type FluxStep } from './flux-model.js';
import { fleetCommits } from './scenario.js';
import { hashShard, prefixShard, type ShardSkew, shardSkew } from './shards.js';
import { realisticSlugs } from './slugs.js';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [1000] : [10_000, 100_000];
/** Tenants rendered for real per fleet; the rest are their replicas (fleet-fixtures.ts). */
const TEMPLATES = 24;
const CLUSTER = 'production';
const TARGET = 'eu-2';

interface Layout {
  name: string;
  options: RenderOptions;
}

/** Today's layout (Flux before 2.7) next to the new one (docs/fleet-layout.md). */
const layouts: Layout[] = [
  { name: 'today', options: { fluxLayout: 'legacy', shardScheme: 'prefix' } },
  { name: 'new', options: { fluxLayout: 'artifacts', shardScheme: 'hash' } },
];

interface Row {
  label: string;
  tenantFolderOnly: boolean;
  flux: FluxStep;
  fluxTarget: FluxStep;
  argo: ArgoStep;
}

function log(message: string) {
  process.stdout.write(`${message}\n`);
}

function run(layout: Layout, size: number) {
  const slugs = realisticSlugs(size + 1, 1);
  const newSlug = slugs.pop() as string;
  const base = baseFiles([CLUSTER, TARGET], layout.options);
  const pick = (share: number) => Math.floor(size * share);
  const picked = {
    changed: pick(0.1),
    other: pick(0.3),
    broken: pick(0.5),
    removed: pick(0.7),
    moved: pick(0.9),
  };
  const fleet = buildFleet({
    slugs,
    cluster: CLUSTER,
    templates: TEMPLATES,
    tenantDir: (cluster, slug) => tenantDir(cluster, slug, layout.options.shardScheme),
    options: layout.options,
    base,
    real: Object.values(picked),
  });
  const flux = new FluxModel(fleet.repo, CLUSTER);
  const fluxTarget = new FluxModel(fleet.repo, TARGET);
  // One Argo CD serving both clusters: a moved tenant has an Application on each.
  const argo = new ArgoModel(fleet.repo, [`argocd/${CLUSTER}`, `argocd/${TARGET}`]);
  const commits = fleetCommits({ ...picked, newSlug, target: TARGET });
  const rows: Row[] = [];
  for (const commit of commits) {
    const changes = commit.apply(fleet);
    const owners = new Set(changes.map((c) => c.path.split('/').slice(0, 4).join('/')));
    rows.push({
      label: commit.label,
      tenantFolderOnly: changes.every((c) => c.path.startsWith('tenants/')) && owners.size === 1,
      flux: flux.commit(changes),
      fluxTarget: fluxTarget.commit(changes),
      argo: argo.commit(changes),
    });
    log(`${layout.name} @${size}: ${commit.label}: ${rows[rows.length - 1]?.flux.triggered} Kustomizations`);
  }
  return {
    rows,
    kustomizations: flux.kustomizations.size,
    applications: argo.applications.size,
    collisions: argo.collisions,
    annotated: argo.annotated(),
    bytes: fleet.repo.totalBytes(),
  };
}

const n = (value: number) => value.toLocaleString('en');
const mib = (bytes: number) =>
  bytes / 2 ** 20 >= 100 ? n(Math.round(bytes / 2 ** 20)) : (bytes / 2 ** 20).toFixed(2);

function fluxTable(rows: Row[]): string {
  const lines = rows.map(
    (r) =>
      `| ${r.label} | ${n(r.flux.triggered)} | ${n(r.flux.artifactRevisions)} | ${n(r.flux.objectsBuilt)} | ${n(r.flux.objectsApplied)} | ${n(r.flux.tenantsApplied)} | ${mib(r.flux.bytesUntarred)} | ${mib(r.flux.generatorBytes)} | ${n(r.flux.blockedTenants)} | ${n(r.fluxTarget.triggered)} / ${n(r.fluxTarget.objectsApplied)} |`,
  );
  return [
    `| commit | Kustomizations reconciled | ExternalArtifact revisions | objects built | objects applied | tenants applied | MiB untarred (kustomize-controller) | MiB untarred (source-watcher) | tenants blocked | ${TARGET}: reconciled / applied |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...lines,
  ].join('\n');
}

function argoTable(rows: Row[]): string {
  const lines = rows.map(
    (r) =>
      `| ${r.label} | ${n(r.argo.refreshed)} | ${n(r.argo.objectsBuilt)} | ${n(r.argo.objectsSynced)} | ${n(r.argo.blockedTenants)} |`,
  );
  return [
    '| commit | Applications refreshed | objects built | objects synced | tenants blocked |',
    '|---|---:|---:|---:|---:|',
    ...lines,
  ].join('\n');
}

function targetRow(layout: string, size: number, rows: Row[]): string {
  const changed = rows[0] as Row;
  const broken = rows.find((r) => r.label.startsWith('tenant broken')) as Row;
  const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
  const only = rows.every((r) => r.tenantFolderOnly);
  return `| ${layout} | ${n(size)} | ${n(changed.flux.triggered)} ${mark(changed.flux.triggered <= 3)} | ${n(changed.flux.tenantsApplied)} ${mark(changed.flux.tenantsApplied <= 1)} | ${n(broken.flux.blockedTenants)} ${mark(broken.flux.blockedTenants <= 1)} | ${only ? 'yes' : '**no**'} |`;
}

function skewRow(size: number, name: string, skew: ShardSkew): string {
  return `| ${n(size)} | ${name} | ${n(skew.shards)} | ${n(skew.max)} (\`${skew.largest}\`) | ${skew.mean.toFixed(0)} | ${n(skew.p99)} | ${(skew.max / skew.mean).toFixed(1)}× |`;
}

async function main() {
  const started = Date.now();
  const skew: string[] = [];
  for (const size of SIZES) {
    const slugs = realisticSlugs(size, 1);
    skew.push(skewRow(size, 'first two characters', shardSkew(slugs, prefixShard)));
    skew.push(skewRow(size, 'sha256, two hex characters', shardSkew(slugs, hashShard)));
  }
  const sample = realisticSlugs(100_000, 1);
  const top = [
    ...sample.reduce(
      (m, s) => m.set(s.slice(0, 2), (m.get(s.slice(0, 2)) ?? 0) + 1),
      new Map<string, number>(),
    ),
  ]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([p, c]) => `\`${p}\` ${((100 * c) / sample.length).toFixed(1)} %`)
    .join(', ');

  const sections: string[] = [];
  const targets: string[] = [];
  for (const size of SIZES) {
    for (const layout of layouts) {
      const result = run(layout, size);
      targets.push(targetRow(layout.name, size, result.rows));
      sections.push(`**${layout.name}'s layout, ${n(size)} tenants** (${n(result.kustomizations)} Flux Kustomizations on ${CLUSTER}, ${n(result.applications)} Argo CD Applications${result.collisions.length ? `, ${result.collisions.length} name collisions` : ''}; repository ${mib(result.bytes)} MiB; commits write one tenant's folder only: ${result.rows.every((r) => r.tenantFolderOnly) ? 'yes' : 'no'}).

Flux:

${fluxTable(result.rows)}

Argo CD (one push webhook per commit; argocd/${CLUSTER}/ and argocd/${TARGET}/ in one Argo CD, ${result.annotated} of its Applications with \`manifest-generate-paths\`):

${argoTable(result.rows)}`);
    }
  }

  const body = `
Command: \`npm run bench -- fleet\`${quick ? ' (`--quick`: 1,000 tenants)' : ''}. Counts, not timings: the fleet model
(bench/fleet, docs/fleet-model.md) reads the repository's objects — synth's \`clusters/<cluster>/\`, \`argocd/<cluster>/\` and
synth's tenant folders — and applies Flux's and Argo CD's documented rules to each commit. ${TEMPLATES} tenants are
rendered by synth; the others are replicas with their own slug and folder (fleet-repo.ts). Slugs are realistic
company names (bench/fleet/slugs.ts); the fleet runs on \`${CLUSTER}\`, with \`${TARGET}\` as the move's target.

**Targets** (issue 17; the new layout at 100,000 tenants). "Reconciled" and "applied" are those of a
tenant's change; "blocked" is while one tenant's quota is refused. Our commit's cost is the git bench's
(\`BENCH_GIT_TENANTS=100000 BENCH_GIT_SLUGS=realistic npm run bench -- git\`); here: whether each commit writes
only the tenant's own folder.

| layout | tenants | Kustomizations reconciled (≤ 3) | tenants applied (≤ 1) | tenants blocked (≤ 1) | commit writes one tenant's folder only |
|---|---:|---:|---:|---:|---|
${targets.join('\n')}

**Shard sizes** with realistic slugs (most common first two characters at 100,000: ${top}):

| tenants | shard by | shards | largest | mean | p99 | largest ÷ mean |
|---:|---|---:|---:|---:|---:|---:|
${skew.join('\n')}

${sections.join('\n\n')}
`;
  await writeSection('fleet', body);
  log(body);
  log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
