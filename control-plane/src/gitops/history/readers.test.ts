import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGit } from '../git-cli.js';
import { GitRepository } from '../object-store/repository.js';
import { createBareRepo, type TempRepo } from '../test-support/bare-repo.js';
import { bot, change, git, jane, tenantDir } from '../test-support/changes.js';
import { IsomorphicGitopsWriter } from './isomorphic-writer.js';

let temp: TempRepo;
let writer: IsomorphicGitopsWriter;

beforeEach(async () => {
  temp = await createBareRepo();
  writer = new IsomorphicGitopsWriter({ repo: new GitRepository({ gitdir: temp.gitdir }), committer: bot });
});
afterEach(() => temp.cleanup());

async function commit(slug: string, files: Record<string, string>, extra = {}) {
  const result = await writer.applyChange(change(slug, files, extra));
  if (!result) throw new Error('expected a commit');
  return result;
}

describe('reading files', () => {
  it('reads a file at a branch or a sha, and null when it is not there', async () => {
    const first = await commit('acme', { 'a.yaml': 'one\n' });
    await commit('acme', { 'a.yaml': 'two\n' });
    expect(await writer.readFile('main', 'tenants/prod/ac/acme/a.yaml')).toBe('two\n');
    expect(await writer.readFile(first.sha, 'tenants/prod/ac/acme/a.yaml')).toBe('one\n');
    expect(await writer.readFile('main', 'tenants/prod/ac/acme/missing.yaml')).toBeNull();
    expect(await writer.readFile('main', 'tenants/prod/ac/acme')).toBeNull();
  });

  it('fails with commit_not_found for an unknown ref', async () => {
    await expect(writer.readFile('nope', 'a')).rejects.toMatchObject({ code: 'commit_not_found' });
    await expect(writer.readFile('0'.repeat(40), 'a')).rejects.toMatchObject({ code: 'commit_not_found' });
  });

  it('lists a tenant folder recursively with the oids git has', async () => {
    await commit('acme', { 'a.yaml': 'a\n', 'db/cluster.yaml': 'c\n', 'db/backup.yaml': 'b\n' });
    await commit('acorn', { 'x.yaml': 'x\n' });
    const listed = await writer.listFiles('main', tenantDir('acme'));
    const fromGit = (await git(temp.gitdir, 'ls-tree', '-r', 'main', `${tenantDir('acme')}/`))
      .trim()
      .split('\n')
      .map((line) => {
        const [meta, path] = line.split('\t');
        return { path, oid: meta?.split(' ')[2] };
      });
    expect(listed).toEqual(fromGit);
    expect(listed.map((f) => f.path)).toEqual([
      'tenants/prod/ac/acme/a.yaml',
      'tenants/prod/ac/acme/db/backup.yaml',
      'tenants/prod/ac/acme/db/cluster.yaml',
    ]);
    expect(await writer.listFiles('main', tenantDir('nobody'))).toEqual([]);
  });
});

describe('diff', () => {
  it('gives per-file unified diffs that git apply accepts', async () => {
    const from = await commit('acme', { 'a.yaml': 'x: 1\ny: 2\n', 'gone.yaml': 'bye\n' });
    const to = await commit(
      'acme',
      { 'a.yaml': 'x: 1\ny: 3\n', 'new.yaml': 'hi\n' },
      { deletes: ['gone.yaml'] },
    );
    await commit('globex', { 'other.yaml': 'o\n' });

    const diffs = await writer.diff(from.sha, to.sha);
    expect(diffs.map((d) => [d.path, d.status])).toEqual([
      ['tenants/prod/ac/acme/a.yaml', 'modified'],
      ['tenants/prod/ac/acme/gone.yaml', 'deleted'],
      ['tenants/prod/ac/acme/new.yaml', 'added'],
    ]);
    expect(diffs[0]?.patch).toBe(
      [
        '--- a/tenants/prod/ac/acme/a.yaml',
        '+++ b/tenants/prod/ac/acme/a.yaml',
        '@@ -1,2 +1,2 @@',
        ' x: 1',
        '-y: 2',
        '+y: 3',
        '',
      ].join('\n'),
    );
    // The patches, applied by git to the old tree, give the new one.
    const patch = diffs.map((d) => d.patch).join('');
    await git(temp.gitdir, 'read-tree', from.sha);
    await runGit(['apply', '--cached', '-p1', '-'], { gitdir: temp.gitdir, input: patch });
    expect((await git(temp.gitdir, 'write-tree')).trim()).toBe(
      (await git(temp.gitdir, 'rev-parse', `${to.sha}^{tree}`)).trim(),
    );
  });

  it('limits the diff to a folder', async () => {
    const from = await commit('acme', { 'a.yaml': '1\n' });
    await commit('globex', { 'g.yaml': '1\n' });
    const to = await commit('acme', { 'a.yaml': '2\n' });
    expect((await writer.diff(from.sha, to.sha, tenantDir('globex'))).map((d) => d.path)).toEqual([
      'tenants/prod/gl/globex/g.yaml',
    ]);
    expect(await writer.diff(to.sha, to.sha)).toEqual([]);
  });
});

describe('branches', () => {
  it('creates a review branch, commits to it without moving main, and diffs it against main', async () => {
    const base = await commit('acme', { 'a.yaml': '1\n' });
    await writer.createBranch('review/cr-1', base.sha);
    const onBranch = await writer.applyChange(change('acme', { 'a.yaml': '2\n' }, { branch: 'review/cr-1' }));
    expect(await writer.head()).toBe(base.sha);
    expect(await writer.head('review/cr-1')).toBe(onBranch?.sha);
    expect((await writer.diff('main', 'review/cr-1')).map((d) => d.path)).toEqual([
      'tenants/prod/ac/acme/a.yaml',
    ]);
    expect((await git(temp.gitdir, 'rev-parse', 'review/cr-1')).trim()).toBe(onBranch?.sha);
  });

  it('refuses to create a branch that exists, and deletes review branches but never main', async () => {
    const head = (await writer.head()) as string;
    await writer.createBranch('review/cr-2', head);
    await expect(writer.createBranch('review/cr-2', head)).rejects.toMatchObject({ code: 'branch_exists' });
    await expect(writer.deleteBranch('main')).rejects.toMatchObject({ code: 'branch_protected' });
    await expect(writer.deleteBranch('review/cr-2', '1'.repeat(40))).rejects.toMatchObject({
      code: 'head_moved',
    });
    await writer.deleteBranch('review/cr-2', head);
    expect(await writer.head('review/cr-2')).toBeNull();
    await expect(writer.deleteBranch('review/cr-2')).rejects.toMatchObject({ code: 'branch_not_found' });
  });

  it('deletes a branch that git gc moved into packed-refs', async () => {
    const head = (await writer.head()) as string;
    await writer.createBranch('review/packed', head);
    await git(temp.gitdir, 'pack-refs', '--all');
    expect(await writer.head('review/packed')).toBe(head);
    await writer.deleteBranch('review/packed');
    expect(await git(temp.gitdir, 'branch', '--list', 'review/packed')).toBe('');
    // main, packed too, still moves.
    const next = await commit('acme', { 'a.yaml': 'a\n' });
    expect((await git(temp.gitdir, 'rev-parse', 'main')).trim()).toBe(next.sha);
  });
});

describe('mass-deletion support', () => {
  it('counts the tenant folders a commit removes', async () => {
    const start = (await writer.head()) as string;
    for (const slug of ['acme', 'acorn', 'globex', 'initech']) await commit(slug, { 'a.yaml': `${slug}\n` });
    const full = (await writer.head()) as string;
    for (const slug of ['acme', 'globex', 'initech']) {
      await writer.deleteTenantFolder({
        tenantDir: tenantDir(slug),
        message: change(slug, {}).message,
        author: jane,
      });
    }
    await commit('acorn', { 'a.yaml': 'changed\n' });
    expect(await writer.removedTenantFolders(full, 'main')).toEqual([
      'tenants/prod/ac/acme',
      'tenants/prod/gl/globex',
      'tenants/prod/in/initech',
    ]);
    expect(await writer.removedTenantFolders(start, 'main')).toEqual([]);
    expect(await writer.removedTenantFolders('main', full)).toEqual([]);
  });
});

describe('commit metadata and ancestry', () => {
  it('reads author, committer, subject, body and trailers of a commit', async () => {
    const result = await commit(
      'acme',
      { 'a.yaml': 'a\n' },
      {
        message: {
          summary: 'switch plan',
          body: 'Upgrade.',
          changeRequest: 'cr-9',
          approvedBy: 'Bob <b@x.example>',
        },
      },
    );
    const info = await writer.commitInfo(result.sha);
    expect(info).toMatchObject({
      sha: result.sha,
      parents: [result.parent],
      author: { name: jane.name, email: jane.email, tz: '+0000' },
      committer: { name: bot.name, email: bot.email, tz: '+0000' },
      subject: 'tenant(acme): switch plan',
      body: 'Upgrade.',
      signed: false,
      trailers: [
        { key: 'Tenant', value: 'acme' },
        { key: 'Organization-Id', value: 'org-1' },
        { key: 'Change-Request', value: 'cr-9' },
        { key: 'Requested-By', value: 'Jane Doe <jane@acme.example>' },
        { key: 'Approved-By', value: 'Bob <b@x.example>' },
      ],
    });
    const committed = Number((await git(temp.gitdir, 'log', '-1', '--format=%ct', result.sha)).trim());
    expect(info.committer.time.getTime()).toBe(committed * 1000);
  });

  it('answers ancestry like git merge-base --is-ancestor', async () => {
    const a = await commit('acme', { 'a.yaml': '1\n' });
    const b = await commit('globex', { 'g.yaml': '1\n' });
    await writer.createBranch('side', a.sha);
    const side = await writer.applyChange(change('acme', { 'a.yaml': '2\n' }, { branch: 'side' }));
    expect(await writer.isAncestor(a.sha, b.sha)).toBe(true);
    expect(await writer.isAncestor(b.sha, a.sha)).toBe(false);
    expect(await writer.isAncestor(b.sha, b.sha)).toBe(true);
    expect(await writer.isAncestor(side?.sha as string, b.sha)).toBe(false);
    expect(await writer.isAncestor(b.sha, a.sha)).toBe(false); // cached answer, same result
    await expect(writer.isAncestor('f'.repeat(40), b.sha)).rejects.toMatchObject({
      code: 'commit_not_found',
    });
  });
});
