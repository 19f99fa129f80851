// The measurements of bench/git, one function per question; git.bench.ts runs them and writes
// the report. Every measurement of ours runs next to the git CLI doing the same work.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import {
  GitRemote,
  GitRepository,
  IsomorphicGitopsWriter,
  RepoMaintenance,
  type TenantChange,
} from '../../control-plane/src/gitops/index.js';
import { atomicFs } from '../../control-plane/src/gitops/object-store/atomic-fs.js';
import { HttpGitRemote } from '../../control-plane/src/gitops/test-support/http-remote.js';
import {
  git as cli,
  createFixtureRepo,
  importBlobs,
  type Layout,
  prng,
  tenantDirOf,
  tenantFiles,
} from './fixtures.js';
import { diskUsage, type Summary, summarize, timed } from './stats.js';

const bot = { name: 'Luster Bot', email: 'bot@luster.example' };
const author = { name: 'Jane Doe', email: 'jane@acme.example' };

/** One tenant's change as the control plane makes it: re-render one file of the tenant. */
function changeFor(layout: Layout, slug: string, revision: number): TenantChange {
  const file = tenantFiles(slug, revision)[4] as { path: string; content: string };
  return {
    tenantDir: tenantDirOf(layout, slug),
    writes: [file],
    message: {
      tenant: slug,
      summary: `deploy revision ${revision}`,
      organizationId: 'org-1',
      requestedBy: 'Jane',
    },
    author,
  };
}

export interface Fixture {
  gitdir: string;
  slugs: string[];
  layout: Layout;
  writer: IsomorphicGitopsWriter;
  revision: number;
}

/** The fleet's slugs and its blob pack (`importBlobs`), shared by every layout's fixture of that size. */
export interface Fleet {
  slugs: string[];
  blobs: string;
}

export async function fleet(work: string, slugs: string[]): Promise<Fleet> {
  const dir = join(work, `blobs-${slugs.length}`);
  await rm(dir, { recursive: true, force: true });
  return { slugs, blobs: await importBlobs(dir, slugs) };
}

export async function fixture(work: string, fleet: Fleet, layout: Layout): Promise<Fixture> {
  const tenants = fleet.slugs.length;
  const dir = join(work, `${layout}-${tenants}`);
  await rm(dir, { recursive: true, force: true });
  const { gitdir, slugs } = await createFixtureRepo({ dir, tenants, layout, ...fleet });
  const writer = new IsomorphicGitopsWriter({ repo: new GitRepository({ gitdir }), committer: bot });
  return { gitdir, slugs, layout, writer, revision: 1 };
}

/** Latency of single-tenant commits by our writer, random tenants; and what each commit adds to the object store. */
export async function commitLatency(
  f: Fixture,
  warmup: number,
  samples: number,
): Promise<Summary & { bytesPerCommit: number }> {
  const random = prng(7);
  const times: number[] = [];
  let before = 0;
  for (let i = 0; i < warmup + samples; i++) {
    if (i === warmup) before = await diskUsage(join(f.gitdir, 'objects'));
    const slug = f.slugs[Math.floor(random() * f.slugs.length)] as string;
    const [t, result] = await timed(() => f.writer.applyChange(changeFor(f.layout, slug, f.revision++)));
    if (!result) throw new Error('benchmark change made no commit');
    if (i >= warmup) times.push(t);
  }
  const bytesPerCommit = ((await diskUsage(join(f.gitdir, 'objects'))) - before) / samples;
  return { ...summarize(times), bytesPerCommit };
}

/** The same change with `git add` + `git commit` in a working tree of the same repository. */
export async function cliCommitLatency(f: Fixture, work: string, warmup: number, samples: number) {
  const tree = join(work, `worktree-${f.layout}-${f.slugs.length}`);
  await rm(tree, { recursive: true, force: true });
  await cli(['clone', '-q', f.gitdir, tree]);
  await cli(['config', 'user.name', author.name], { cwd: tree });
  await cli(['config', 'user.email', author.email], { cwd: tree });
  const random = prng(11);
  const times: number[] = [];
  for (let i = 0; i < warmup + samples; i++) {
    const slug = f.slugs[Math.floor(random() * f.slugs.length)] as string;
    const change = changeFor(f.layout, slug, 1_000_000 + i);
    const file = change.writes?.[0] as { path: string; content: string };
    const path = `${change.tenantDir}/${file.path}`;
    const [t] = await timed(async () => {
      await writeFile(join(tree, path), file.content);
      await cli(['add', path], { cwd: tree });
      await cli(['commit', '-q', '-m', `tenant(${slug}): deploy`], { cwd: tree });
    });
    if (i >= warmup) times.push(t);
  }
  await rm(tree, { recursive: true, force: true });
  return summarize(times);
}

/** `count` commits back to back by one writer; commits per second and the repo size on the way. */
export async function sustained(f: Fixture, count: number, maintenance: boolean) {
  const repo = f.writer.repo;
  const keeper = maintenance ? new RepoMaintenance({ repo }) : undefined;
  await keeper?.start();
  const writer = new IsomorphicGitopsWriter({ repo, committer: bot, maintenance: keeper });
  const random = prng(13);
  const [t] = await timed(async () => {
    for (let i = 0; i < count; i++) {
      const slug = f.slugs[Math.floor(random() * f.slugs.length)] as string;
      await writer.applyChange(changeFor(f.layout, slug, f.revision++));
    }
  });
  await keeper?.idle();
  return {
    perSecond: (count * 1000) / t,
    seconds: t / 1000,
    bytes: await diskUsage(join(f.gitdir, 'objects')),
  };
}

/** Sizes of the repo's objects: as they are, after RepoMaintenance packs the loose objects, after `git gc`. */
export async function packing(f: Fixture) {
  const objects = join(f.gitdir, 'objects');
  const loose = await diskUsage(objects);
  const maintenance = new RepoMaintenance({ repo: f.writer.repo, maxPacks: 1000 });
  const [repackMs] = await timed(() => maintenance.run());
  const repacked = await diskUsage(objects);
  const [gcMs] = await timed(() => cli(['--git-dir', f.gitdir, 'gc', '--quiet']));
  const gc = await diskUsage(objects);
  return { loose, repacked, gc, repackMs, gcMs };
}

/**
 * A tenant's history as the app shows it: the shas come from the DB index (tenant → shas, filled
 * from `touched`), each commit is read from git. Next to `git log -- <tenant folder>`.
 */
export async function history(f: Fixture, commits: number, queries: number) {
  const index = new Map<string, string[]>();
  const random = prng(17);
  for (let i = 0; i < commits; i++) {
    const slug = f.slugs[Math.floor(random() * f.slugs.length)] as string;
    const result = await f.writer.applyChange(changeFor(f.layout, slug, f.revision++));
    if (result) index.set(slug, [...(index.get(slug) ?? []), result.sha]);
  }
  const reader = new IsomorphicGitopsWriter({
    repo: new GitRepository({ gitdir: f.gitdir }),
    committer: bot,
  });
  const ours: number[] = [];
  const theirs: number[] = [];
  let perTenant = 0;
  for (let q = 0; q < queries; q++) {
    const slug = f.slugs[q % f.slugs.length] as string;
    const shas = [...(index.get(slug) ?? [])].reverse();
    perTenant += shas.length;
    const [t, infos] = await timed(() => Promise.all(shas.map((sha) => reader.commitInfo(sha))));
    if (infos.length !== shas.length) throw new Error('history lost commits');
    ours.push(t);
    const [c] = await timed(() =>
      cli([
        '--git-dir',
        f.gitdir,
        'log',
        '--format=%H%x1f%an%x1f%ae%x1f%at%x1f%s%x1f%b%x1e',
        'main',
        '--',
        tenantDirOf(f.layout, slug),
      ]),
    );
    theirs.push(c);
  }
  return { ours: summarize(ours), cli: summarize(theirs), perTenant: perTenant / queries };
}

/** Push latency of one new commit to a smart-HTTP remote: the CLI (what GitRemote does) vs isomorphic-git. */
export async function pushLatency(f: Fixture, work: string, cliSamples: number, isoSamples: number) {
  const token = 'bench-token';
  const root = join(work, 'remote');
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const remote = await HttpGitRemote.start({
    projectRoot: root,
    repoName: 'gitops.git',
    token,
    source: f.gitdir,
  });
  // A git host keeps its repositories packed (bitmaps, commit-graph); a fresh clone of the
  // fast-import fixture has neither, and its receive-pack connectivity check then walks every tree.
  await cli(['--git-dir', remote.gitdir, 'gc', '--quiet']);
  try {
    const pusher = new GitRemote({ writer: f.writer, url: remote.url, credentials: { token } });
    const random = prng(19);
    const commitOne = async () => {
      const slug = f.slugs[Math.floor(random() * f.slugs.length)] as string;
      await f.writer.applyChange(changeFor(f.layout, slug, f.revision++));
    };
    const viaCli: number[] = [];
    const serverSide: number[] = [];
    for (let i = 0; i < cliSamples + 2; i++) {
      await commitOne();
      const seen = remote.requests.length;
      const [t, result] = await timed(() => pusher.push('main'));
      if (!result.updated) throw new Error('push did not update the remote');
      if (i < 2) continue;
      viaCli.push(t);
      serverSide.push(remote.requests.slice(seen).reduce((sum, r) => sum + (r.ms ?? 0), 0));
    }
    const viaIso: number[] = [];
    const authorization = `Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
    for (let i = 0; i < isoSamples; i++) {
      await commitOne();
      const [t, result] = await timed(() =>
        git.push({
          fs: atomicFs,
          http,
          gitdir: f.gitdir,
          url: remote.url,
          ref: 'main',
          remoteRef: 'main',
          headers: { Authorization: authorization },
          cache: f.writer.repo.cache,
        }),
      );
      if (!result.ok) throw new Error(`isomorphic-git push failed: ${JSON.stringify(result)}`);
      viaIso.push(t);
    }
    const remoteHead = (await cli(['--git-dir', remote.gitdir, 'rev-parse', 'main'])).trim();
    if (remoteHead !== (await f.writer.head())) throw new Error('remote is not at our head after the pushes');
    return { cli: summarize(viaCli), server: summarize(serverSide), iso: summarize(viaIso) };
  } finally {
    await remote.stop();
  }
}
