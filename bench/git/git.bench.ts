// bench/git: the git writer at 100 / 1,000 / 10,000 tenants, each number next to the git CLI doing
// the same work in the same run. Writes the `## git` section of bench/RESULTS.md.
//
// Options, from the environment so that they pass through `npm run bench -- git`:
//   BENCH_GIT_TENANTS=100000   the largest fleet instead of 10,000
//   BENCH_GIT_SLUGS=realistic  company-name-like slugs (bench/fleet/slugs.ts) instead of random
//                              letters, and shards by hash measured next to first-two-character shards
// With either, the run writes its own section (`## git at 100,000 tenants with realistic slugs`).
import { mkdir, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertTenantDir } from '../../control-plane/src/gitops/paths.js';
import { hashShard, prefixShard, type ShardSkew, shardSkew } from '../fleet/shards.js';
import { realisticSlugs } from '../fleet/slugs.js';
// @ts-expect-error plain ESM helper shared by every benchmark
import { writeSection } from '../results.mjs';
import { type Layout, makeSlugs, tenantDirOf } from './fixtures.js';
import {
  cliCommitLatency,
  commitLatency,
  type Fixture,
  type Fleet,
  fixture,
  fleet,
  history,
  packing,
  pushLatency,
  sustained,
} from './sections.js';
import { check, cpuSeconds, kib, mib, ms, ratio, type Summary } from './stats.js';

const quick = process.argv.includes('--quick');
const TENANTS = Number(process.env.BENCH_GIT_TENANTS ?? 10_000);
if (!Number.isInteger(TENANTS) || TENANTS < 1000)
  throw new Error(`BENCH_GIT_TENANTS (${process.env.BENCH_GIT_TENANTS}) must be a whole number ≥ 1000`);
const REALISTIC = process.env.BENCH_GIT_SLUGS === 'realistic';
/** Whether the writer takes hash-sharded folders (control-plane/src/gitops/paths.ts decides). */
const HASHED = REALISTIC && acceptsHashShards();
const slugsFor = (count: number) => (REALISTIC ? realisticSlugs(count, 1) : makeSlugs(count, 1));
const SECTION =
  TENANTS === 10_000 && !REALISTIC
    ? 'git'
    : `git at ${TENANTS.toLocaleString('en')} tenants${REALISTIC ? ' with realistic slugs' : ''}`;
const SIZES = quick ? [100, 1000] : [...new Set([100, 1000, TENANTS])];
const SAMPLES = quick ? 50 : 200;
const CLI_SAMPLES = quick ? 10 : 30;
/*
 * From 100,000 tenants on, the baselines that cost seconds per sample take fewer: a CLI commit
 * rewrites a 600,000-entry index, an isomorphic-git push lists every object. Each is there for its
 * median (how far off it is), which a few samples give; our own commits keep every sample, their p90
 * being a target's. The flat layout is not built at all: `git fast-import` looks a folder's entries
 * up one by one, so importing a 100,000-entry folder is quadratic (hours), and the rows below it
 * already show flat losing to shards by more each size.
 */
const LARGE = 100_000;
const CLI_LARGE = { warmup: 1, samples: 7 };
const SUSTAINED = quick ? 1000 : 10_000;
const MAINTAINED = quick ? 500 : 2000;
const work = process.env.BENCH_GIT_WORK ?? join(tmpdir(), 'luster-bench-git');

function acceptsHashShards(): boolean {
  try {
    assertTenantDir(tenantDirOf('hashed', 'acme'));
    return true;
  } catch {
    return false;
  }
}

function log(message: string) {
  process.stdout.write(`${message}\n`);
}

/** The start of a phase: wall clock and CPU (ours and git's). */
function mark() {
  return { wall: Date.now(), cpu: cpuSeconds() };
}

/** How long a phase took, on stdout only: where a run's time goes, not a result. */
function phase(name: string, since: ReturnType<typeof mark>) {
  const cpu = cpuSeconds();
  const cpuNote =
    cpu === undefined || since.cpu === undefined ? '' : `, ${(cpu - since.cpu).toFixed(1)} s CPU`;
  log(`  (${name}: ${((Date.now() - since.wall) / 1000).toFixed(1)} s${cpuNote})`);
}

async function timedFixture(tenantsFleet: Fleet, layout: Layout): Promise<Fixture> {
  const since = mark();
  const built = await fixture(work, tenantsFleet, layout);
  phase(`${layout} fixture of ${tenantsFleet.slugs.length} tenants`, since);
  return built;
}

async function main() {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const started = Date.now();
  const cpuAtStart = cpuSeconds();
  const loadBefore = loadavg()[0] as number;

  // 1. Commit latency, flat vs sharded, next to git add + git commit.
  type Ours = Summary & { bytesPerCommit: number };
  const latency: { tenants: number; flat?: Ours; sharded: Ours; hashed?: Ours; cli: Summary }[] = [];
  const sharded = new Map<number, Fixture>();
  for (const tenants of SIZES) {
    const built = mark();
    const tenantsFleet = await fleet(work, slugsFor(tenants));
    phase(`blob pack of ${tenants} tenants`, built);
    let flat: Ours | undefined;
    if (tenants < LARGE) {
      flat = await commitLatency(await timedFixture(tenantsFleet, 'flat'), 20, SAMPLES);
      await rm(join(work, `flat-${tenants}`), { recursive: true, force: true });
    }
    let hashed: Ours | undefined;
    if (HASHED) {
      hashed = await commitLatency(await timedFixture(tenantsFleet, 'hashed'), 20, SAMPLES);
      await rm(join(work, `hashed-${tenants}`), { recursive: true, force: true });
    }
    const shardedFixture = await timedFixture(tenantsFleet, 'sharded');
    await rm(join(work, `blobs-${tenants}`), { recursive: true, force: true });
    const ours = await commitLatency(shardedFixture, 20, SAMPLES);
    const cli =
      tenants >= LARGE
        ? await cliCommitLatency(shardedFixture, work, CLI_LARGE.warmup, CLI_LARGE.samples)
        : await cliCommitLatency(shardedFixture, work, 3, CLI_SAMPLES);
    phase(`${tenants} tenants in all`, built);
    sharded.set(tenants, shardedFixture);
    latency.push({ tenants, flat, sharded: ours, hashed, cli });
    log(
      `commit latency @${tenants}: sharded ${ms(ours.median)} ms${hashed ? `, hashed ${ms(hashed.median)} ms` : ''}${flat ? `, flat ${ms(flat.median)} ms` : ''}, cli ${ms(cli.median)} ms`,
    );
  }

  // 2. Push latency at the largest size: system git (GitRemote) vs isomorphic-git.
  let since = mark();
  const largest = sharded.get(SIZES[SIZES.length - 1] as number) as Fixture;
  const push = await pushLatency(
    largest,
    work,
    quick ? 5 : 20,
    quick || largest.slugs.length >= LARGE ? 1 : 3,
  );
  log(
    `push @${largest.slugs.length}: cli ${ms(push.cli.median)} ms, isomorphic-git ${ms(push.iso.median)} ms`,
  );

  // 3. Tenant history at 1,000 commits (100 tenants): DB index + object reads vs git log.
  const small = sharded.get(100) as Fixture;
  const hist = await history(small, 1000, 50);
  log(`history: ours ${ms(hist.ours.median)} ms, git log ${ms(hist.cli.median)} ms`);
  phase('push and history', since);
  since = mark();

  // 4. Sustained commits by one writer at 1,000 tenants, then the repository size before and
  //    after packing; and again with background packing on.
  const mid = sharded.get(1000) as Fixture;
  const run = await sustained(mid, SUSTAINED, false);
  const sizes = await packing(mid);
  log(`sustained ${run.perSecond.toFixed(0)}/s; loose ${mib(sizes.loose)} MiB, gc ${mib(sizes.gc)} MiB`);
  const withMaintenance = await sustained(mid, MAINTAINED, true);
  const after = await packing(mid);
  log(
    `with maintenance ${withMaintenance.perSecond.toFixed(0)}/s, ${mib(withMaintenance.bytes)} MiB vs gc ${mib(after.gc)} MiB`,
  );
  phase('sustained and packing', since);

  const at = (n: number) => latency.find((l) => l.tenants === n) as (typeof latency)[number];
  const top = at(SIZES[SIZES.length - 1] as number);
  const withFlat = latency.filter((l) => l.flat).at(-1) as (typeof latency)[number];
  const cli1000 = at(1000).cli;
  const hashedCell = (l: (typeof latency)[number]) =>
    l.hashed ? ` ${ms(l.hashed.median)} / ${ms(l.hashed.p90)} |` : '';
  const rows = latency.map(
    (l) =>
      `| ${l.tenants.toLocaleString('en')} | ${ms(l.sharded.median)} / ${ms(l.sharded.p90)} |${hashedCell(l)} ${l.flat ? `${ms(l.flat.median)} / ${ms(l.flat.p90)}` : 'not built'} | ${ms(l.cli.median)} / ${ms(l.cli.p90)} | ${ratio(l.sharded.median, l.cli.median)} |`,
  );
  const slugNote = REALISTIC
    ? ` Slugs are realistic company names (bench/fleet/slugs.ts: many \`the-…\`, \`st…\`), so first-two-character shards are uneven; ${HASHED ? '"hashed" shards by two hex characters of sha256(slug).' : 'hash shards are not measured: the writer (control-plane/src/gitops/paths.ts) refuses them.'}`
    : '';
  // Issue 17's target is for the layout synth writes by default, the hash shards, where measured.
  const issueTarget = (l: (typeof latency)[number]) => {
    if (l.tenants < LARGE) return '';
    const [name, ours] = l.hashed ? ['hashed', l.hashed] : ['sharded', l.sharded];
    return `\n| issue 17: commit ≤ 10 ms median at ${l.tenants.toLocaleString('en')} tenants (${name}) | ${ms(ours.median)} ms | ${check(ours.median <= 10)} |`;
  };
  const shardNote = (tenants: number) => {
    if (!REALISTIC) return '';
    const slugs = slugsFor(tenants);
    const row = (name: string, skew: ShardSkew) =>
      `| ${name} | ${skew.shards.toLocaleString('en')} | ${skew.max.toLocaleString('en')} (\`${skew.largest}\`) | ${skew.mean.toFixed(0)} | ${(skew.max / skew.mean).toFixed(1)}× |`;
    return `

Shard balance at ${tenants.toLocaleString('en')} realistic slugs (tenants per shard folder, as bench/fleet reports it):

| shard by | shards | largest | mean | largest ÷ mean |
|---|---:|---:|---:|---:|
${row('first two characters', shardSkew(slugs, prefixShard))}
${row('sha256, two hex characters', shardSkew(slugs, hashShard))}`;
  };
  const cpuAtEnd = cpuSeconds();
  const cpuUsed = () =>
    cpuAtEnd === undefined || cpuAtStart === undefined
      ? ''
      : ` (${(cpuAtEnd - cpuAtStart).toFixed(0)} s of CPU, git's included)`;
  const load = `load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] as number).toFixed(1)} at the end (other work shares the machine)`;
  const body = `
Command: \`${SECTION === 'git' ? '' : `BENCH_GIT_TENANTS=${TENANTS}${REALISTIC ? ' BENCH_GIT_SLUGS=realistic' : ''} `}npm run bench -- git\`${quick ? ' (`--quick`: smaller sizes)' : ''} — ${((Date.now() - started) / 1000).toFixed(0)} s${cpuUsed()}, ${load}.${slugNote} Fixtures: one
\`git fast-import\` commit of N tenants × 6 YAML files (~400 B each) plus the template's files, at the
folders synth's \`tenantDir\` names (the layouts of one size link one pack of those files' blobs, imported
once, and each imports only its trees; bench/git/fixtures.test.ts checks an imported tree is the one the
writer commits); each measured change re-renders one file of a random tenant. Ours = \`IsomorphicGitopsWriter.applyChange\`
(isomorphic-git into the bare repo); CLI = \`git add\` + \`git commit\` in a working tree of the same repo.

**Commit latency** (ms, median / p90; ${SAMPLES} commits after 20 warm-up, CLI ${CLI_SAMPLES}${top.tenants >= LARGE ? `; at ${top.tenants.toLocaleString('en')} CLI ${CLI_LARGE.samples} after ${CLI_LARGE.warmup} — its median says how far off it is, its p90 is its slowest sample` : ''}):

| tenants | ours, sharded \`<cluster>/<xx>/<slug>\` |${HASHED ? ' ours, hashed `<cluster>/<sha256[0:2]>/<slug>` |' : ''} ours, flat \`<cluster>/<slug>\` | git CLI (sharded) | ours ÷ CLI |
|---:|---:|${HASHED ? '---:|' : ''}---:|---:|---:|
${rows.join('\n')}

Sharded vs flat at ${withFlat.tenants.toLocaleString('en')}: ${ratio(withFlat.flat?.median ?? 0, withFlat.sharded.median)} — a flat folder rewrites a
${withFlat.tenants.toLocaleString('en')}-entry tree on every commit; with two-character shards the trees on a tenant's path stay
small. Decided layout: sharded.

**Repository growth per commit** (KiB of loose objects on disk per measured commit, 4 KiB blocks):
${latency.map((l) => `${l.tenants.toLocaleString('en')}: sharded ${kib(l.sharded.bytesPerCommit)}${l.hashed ? `, hashed ${kib(l.hashed.bytesPerCommit)}` : ''}${l.flat ? `, flat ${kib(l.flat.bytesPerCommit)}` : ''}`).join('; ')}. Each commit writes its blob and every tree on the tenant's path, so the shard's tree, whose size grows with its tenants, sets the cost.${shardNote(top.tenants)}

**Sustained** (one writer, 1,000 tenants, ${SUSTAINED.toLocaleString('en')} commits back to back): ${run.perSecond.toFixed(0)} commits/s
without packing, ${withMaintenance.perSecond.toFixed(0)} commits/s with \`RepoMaintenance\` packing in the background
(${MAINTAINED.toLocaleString('en')} commits, a packing run every 100); the git CLI: ${(1000 / cli1000.median).toFixed(0)} commits/s (from its median at 1,000 tenants).

**Tenant history** (1,000 commits over 100 tenants, ~${hist.perTenant.toFixed(0)} per tenant, 50 queries): shas from a
DB-like index + \`commitInfo\` per sha ${ms(hist.ours.median)} / ${ms(hist.ours.p90)} ms; \`git log -- <tenant folder>\`
${ms(hist.cli.median)} / ${ms(hist.cli.p90)} ms (${ratio(hist.ours.median, hist.cli.median)}).

**Push** of one new commit at ${largest.slugs.length.toLocaleString('en')} tenants to a \`git http-backend\` remote on loopback:
system \`git push\` (what \`GitRemote\` uses; the remote gc'd, as a git host keeps it) ${ms(push.cli.median)} / ${ms(push.cli.p90)} ms,
of which the remote (\`git http-backend\` → \`receive-pack\`, on the same two cores) ${ms(push.server.median)} ms; isomorphic-git \`push\`
${ms(push.iso.median)} ms median of ${push.iso.n} (${ratio(push.iso.median, push.cli.median)}) — it lists every object of both commits' trees to
decide what to send. Picked: the CLI.

**Repository size** (objects, 1,000 tenants + ${SUSTAINED.toLocaleString('en')} commits): loose as isomorphic-git leaves
them ${mib(sizes.loose)} MiB; after RepoMaintenance packed the loose objects (${ms(sizes.repackMs)} ms) ${mib(sizes.repacked)} MiB;
after \`git gc\` ${mib(sizes.gc)} MiB (${ms(sizes.gcMs)} ms). Loose ÷ gc ${ratio(sizes.loose, sizes.gc)}, repacked ÷ gc
${ratio(sizes.repacked, sizes.gc)}. With background packing on, after ${MAINTAINED.toLocaleString('en')} more commits: ${mib(withMaintenance.bytes)} MiB
vs ${mib(after.gc)} MiB after \`git gc\` (${ratio(withMaintenance.bytes, after.gc)}).

| target | result | |
|---|---|---|
| commit ≤ 30 ms median at ${top.tenants.toLocaleString('en')} tenants | ${ms(top.sharded.median)} ms | ${check(top.sharded.median <= 30)} |${issueTarget(top)}
| ≤ 0.15× \`git add\`+\`git commit\` | ${ratio(top.sharded.median, top.cli.median)} | ${check(top.sharded.median <= 0.15 * top.cli.median)} |
| ≤ 1.5× its own cost at 100 tenants | ${ratio(top.sharded.median, at(100).sharded.median)} | ${check(top.sharded.median <= 1.5 * at(100).sharded.median)} |
| ≥ 100 commits/s sustained | ${run.perSecond.toFixed(0)}/s | ${check(run.perSecond >= 100)} |
| tenant history ≤ 20 ms at 1,000 commits | ${ms(hist.ours.median)} ms | ${check(hist.ours.median <= 20)} |
| push ≤ 150 ms at ${largest.slugs.length.toLocaleString('en')} tenants | ${ms(push.cli.median)} ms (${ms(push.cli.median - push.server.median)} ms of it on our side) | ${check(push.cli.median <= 150)} |
| repo ≤ 1.5× its \`git gc\` size (with background packing) | ${ratio(withMaintenance.bytes, after.gc)} | ${check(withMaintenance.bytes <= 1.5 * after.gc)} |
`;
  await writeSection(SECTION, body);
  log(body);
  await rm(work, { recursive: true, force: true });
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
