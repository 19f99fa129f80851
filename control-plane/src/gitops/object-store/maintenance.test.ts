import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IsomorphicGitopsWriter } from '../history/isomorphic-writer.js';
import { createBareRepo, type TempRepo } from '../test-support/bare-repo.js';
import { bot, change, git, tenantDir } from '../test-support/changes.js';
import { atomicFs } from './atomic-fs.js';
import { RepoMaintenance } from './maintenance.js';
import { GitRepository } from './repository.js';

let temp: TempRepo;
let repo: GitRepository;

beforeEach(async () => {
  temp = await createBareRepo();
  repo = new GitRepository({ gitdir: temp.gitdir });
});
afterEach(() => temp.cleanup());

async function counts() {
  const out = await git(temp.gitdir, 'count-objects', '-v');
  const value = (key: string) => Number(new RegExp(`^${key}: (\\d+)$`, 'm').exec(out)?.[1]);
  return { loose: value('count'), packs: value('packs') };
}

const slugs = ['acme', 'globex', 'initech', 'umbrella', 'hooli'];

describe('RepoMaintenance', () => {
  it('packs loose objects every N commits and the repository stays readable and valid', async () => {
    expect((await counts()).loose).toBeGreaterThan(0);
    const maintenance = new RepoMaintenance({ repo, everyCommits: 10, maxPacks: 100 });
    const writer = new IsomorphicGitopsWriter({ repo, committer: bot, maintenance });
    for (let i = 0; i < 10; i++) {
      await writer.applyChange(change(slugs[i % 5] as string, { 'state.yaml': `revision: ${i}\n` }));
    }
    await maintenance.idle();
    const after = await counts();
    expect(after.packs).toBeGreaterThanOrEqual(1);
    expect(after.loose).toBe(0);

    // Every object now comes from a pack; reading and writing go on.
    for (const [i, slug] of slugs.entries()) {
      expect(await writer.readFile('main', `${tenantDir(slug)}/state.yaml`)).toBe(`revision: ${i + 5}\n`);
    }
    await writer.applyChange(change('acme', { 'state.yaml': 'revision: 99\n' }));
    expect(await writer.readFile('main', `${tenantDir('acme')}/state.yaml`)).toBe('revision: 99\n');
    await git(temp.gitdir, 'fsck', '--strict', '--no-dangling');
  });

  it('merges the packs of writer rounds once they pile up, and reads continue from the merged pack', async () => {
    const maintenance = new RepoMaintenance({ repo, everyCommits: 1000, maxPacks: 4 });
    const writer = new IsomorphicGitopsWriter({ repo, committer: bot, maintenance });
    // Each chain is stored as a pack of its own.
    for (let round = 0; round < 6; round++) {
      await writer.applyChanges(slugs.map((slug) => change(slug, { 'state.yaml': `round: ${round}\n` })));
    }
    // Load objects from the current packs into isomorphic-git's cache before they are replaced.
    expect(await writer.readFile('main', `${tenantDir('acme')}/state.yaml`)).toBe('round: 5\n');
    const report = await maintenance.run();

    expect(report.consolidated).toBe('geometric');
    expect(report.packsAfter).toBeLessThanOrEqual(4);
    for (const slug of slugs)
      expect(await writer.readFile('main', `${tenantDir(slug)}/state.yaml`)).toBe('round: 5\n');
    expect(await writer.applyChange(change('acme', { 'state.yaml': 'after repack\n' }))).not.toBeNull();
    await git(temp.gitdir, 'fsck', '--strict', '--no-dangling');
  });

  it('reads again when a pack it listed was merged away before it read the index', async () => {
    const writer = new IsomorphicGitopsWriter({ repo, committer: bot });
    // A chain: its objects go as one pack.
    await writer.applyChanges([
      change('acme', { 'state.yaml': 'packed\n' }),
      change('globex', { 'state.yaml': 'packed too\n' }),
    ]);
    const blob = (await git(temp.gitdir, 'rev-parse', `main:${tenantDir('acme')}/state.yaml`)).trim();
    // The moments a merge leaves behind, on a fresh handle: the listing still names packs whose
    // index is gone (the first three listings, as a merge deleting the packs it replaced would).
    // isomorphic-git sorts the listing: the names sort before any real pack's, so each read meets
    // the missing index before the pack that has the object.
    const reader = new GitRepository({ gitdir: temp.gitdir });
    let listings = 0;
    const listing = async (dir: string): Promise<string[]> => {
      const names = await atomicFs.promises.readdir(dir);
      return dir.endsWith(path.join('objects', 'pack')) && listings++ < 3
        ? [`pack-${'0'.repeat(39)}${listings}.idx`, ...names]
        : names;
    };
    Object.assign(reader, { fs: { ...atomicFs, promises: { ...atomicFs.promises, readdir: listing } } });
    expect(new TextDecoder().decode(await reader.readBlob(blob))).toBe('packed\n');
    expect(listings).toBeGreaterThan(3);
  });

  it('falls back to git gc when merging small packs leaves too many', async () => {
    const maintenance = new RepoMaintenance({ repo, everyCommits: 1000, maxPacks: 0 });
    const writer = new IsomorphicGitopsWriter({ repo, committer: bot, maintenance });
    for (const slug of slugs) await writer.applyChange(change(slug, { 'state.yaml': 'before gc\n' }));
    expect(await writer.readFile('main', `${tenantDir('acme')}/state.yaml`)).toBe('before gc\n');
    const report = await maintenance.run();

    expect(report).toMatchObject({ consolidated: 'gc', looseAfter: 0, packsAfter: 1 });
    for (const slug of slugs)
      expect(await writer.readFile('main', `${tenantDir(slug)}/state.yaml`)).toBe('before gc\n');
    expect(await writer.applyChange(change('acme', { 'state.yaml': 'after gc\n' }))).not.toBeNull();
    await git(temp.gitdir, 'fsck', '--strict', '--no-dangling');
  });

  it('lets writes go on while it runs, and runs one at a time', async () => {
    const maintenance = new RepoMaintenance({ repo, everyCommits: 1000 });
    const writer = new IsomorphicGitopsWriter({ repo, committer: bot, maintenance });
    for (const slug of slugs) await writer.applyChange(change(slug, { 'a.yaml': 'a\n' }));
    const first = maintenance.run();
    expect(maintenance.run()).toBe(first);
    const writes = Promise.all(
      slugs.map((slug, i) => writer.applyChange(change(slug, { 'a.yaml': `during ${i}\n` }))),
    );
    const [, results] = await Promise.all([first, writes]);
    expect(results.every((r) => r !== null)).toBe(true);
    expect((await git(temp.gitdir, 'rev-list', '--count', 'main')).trim()).toBe('11');
    await git(temp.gitdir, 'fsck', '--strict', '--no-dangling');
  });

  it('packs at start-up what an earlier process left loose', async () => {
    const writer = new IsomorphicGitopsWriter({ repo, committer: bot });
    for (const slug of slugs) await writer.applyChange(change(slug, { 'a.yaml': 'a\n' }));
    expect((await counts()).loose).toBeGreaterThan(20);
    const maintenance = new RepoMaintenance({ repo, looseObjectLimit: 20 });
    await maintenance.start();
    await maintenance.idle();
    expect((await counts()).loose).toBe(0);
  });

  it('recovers when a tip it packed up to was pruned by hand', async () => {
    const maintenance = new RepoMaintenance({ repo, everyCommits: 1000 });
    const writer = new IsomorphicGitopsWriter({ repo, committer: bot, maintenance });
    const base = (await writer.head()) as string;
    await writer.createBranch('review/gone', base);
    await writer.applyChange(change('acme', { 'a.yaml': 'only on the branch\n' }, { branch: 'review/gone' }));
    await maintenance.run();
    await writer.deleteBranch('review/gone');
    await git(temp.gitdir, 'gc', '--quiet', '--prune=now');
    await writer.applyChange(change('globex', { 'a.yaml': 'g\n' }));

    await expect(maintenance.run()).rejects.toMatchObject({ code: 'git_command_failed' });
    await maintenance.run();
    expect((await counts()).loose).toBe(0);
    await git(temp.gitdir, 'fsck', '--strict', '--no-dangling');
  });

  it('at start-up with little loose, packs only what is committed from then on', async () => {
    const loose = (await counts()).loose;
    expect(loose).toBeGreaterThan(0);
    const maintenance = new RepoMaintenance({ repo, everyCommits: 5, looseObjectLimit: 1000 });
    await maintenance.start();
    const writer = new IsomorphicGitopsWriter({ repo, committer: bot, maintenance });
    for (const slug of slugs) await writer.applyChange(change(slug, { 'a.yaml': 'a\n' }));
    await maintenance.idle();
    // The new commits' objects are packed; the template's loose objects wait for git gc.
    expect((await counts()).loose).toBe(loose);
    await git(temp.gitdir, 'fsck', '--strict', '--no-dangling');
  });
});
