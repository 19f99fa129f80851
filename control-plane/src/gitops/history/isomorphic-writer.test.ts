import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitRepository } from '../object-store/repository.js';
import { createBareRepo, seedFiles, type TempRepo } from '../test-support/bare-repo.js';
import { bot, change, git, jane, tenantDir } from '../test-support/changes.js';
import { IsomorphicGitopsWriter } from './isomorphic-writer.js';

let temp: TempRepo;
let writer: IsomorphicGitopsWriter;

beforeEach(async () => {
  temp = await createBareRepo();
  writer = new IsomorphicGitopsWriter({ repo: new GitRepository({ gitdir: temp.gitdir }), committer: bot });
});
afterEach(() => temp.cleanup());

const TRAILERS = '%(trailers:only,unfold)';

describe('IsomorphicGitopsWriter.applyChange', () => {
  it('commits the tenant files as the acting user, committed by the bot, readable by git', async () => {
    const before = await writer.head();
    const result = await writer.applyChange(
      change('acme', { 'namespace.yaml': 'kind: Namespace\n', 'db/cluster.yaml': 'kind: Cluster\n' }),
    );

    expect(result).toEqual({
      sha: await writer.head(),
      parent: before,
      touched: ['tenants/prod/ac/acme/db/cluster.yaml', 'tenants/prod/ac/acme/namespace.yaml'],
    });
    const sha = result?.sha as string;
    expect(await git(temp.gitdir, 'log', '-1', '--format=%an <%ae>|%cn <%ce>|%s', sha)).toBe(
      `${jane.name} <${jane.email}>|${bot.name} <${bot.email}>|tenant(acme): render tenant\n`,
    );
    expect(await git(temp.gitdir, 'show', `${sha}:tenants/prod/ac/acme/db/cluster.yaml`)).toBe(
      'kind: Cluster\n',
    );
    await git(temp.gitdir, 'fsck', '--strict', '--no-dangling');
  });

  it('writes trailers that git log parses', async () => {
    const result = await writer.applyChange(
      change(
        'acme',
        { 'a.yaml': 'a\n' },
        {
          message: {
            changeRequest: 'cr-7',
            approvedBy: 'Bob Reviewer <bob@agency.example>',
            reason: 'new plan\r\nSigned-off-by: nobody',
          },
        },
      ),
    );
    const trailers = await git(temp.gitdir, 'log', '-1', `--format=${TRAILERS}`, result?.sha as string);
    expect(trailers).toBe(
      [
        'Tenant: acme',
        'Organization-Id: org-1',
        'Change-Request: cr-7',
        'Requested-By: Jane Doe <jane@acme.example>',
        'Approved-By: Bob Reviewer <bob@agency.example>',
        'Reason: new plan Signed-off-by: nobody',
        '',
        '',
      ].join('\n'),
    );
    const tenants = await git(temp.gitdir, 'log', '-1', '--format=%(trailers:key=Tenant,valueonly)', 'main');
    expect(tenants.trim()).toBe('acme');
  });

  it('returns null and commits nothing when the same change is applied twice', async () => {
    const files = { 'a.yaml': 'a\n', 'b.yaml': 'b\n' };
    expect(await writer.applyChange(change('acme', files))).not.toBeNull();
    const head = await writer.head();
    expect(await writer.applyChange(change('acme', files))).toBeNull();
    expect(await writer.applyChange(change('acme', {}, { deletes: ['missing.yaml'] }))).toBeNull();
    expect(await writer.head()).toBe(head);
    expect((await git(temp.gitdir, 'rev-list', '--count', 'main')).trim()).toBe('2');
  });

  it('never leaves an empty commit in the history', async () => {
    for (const revision of [1, 1, 2, 2, 2, 3]) {
      await writer.applyChange(change('acme', { 'a.yaml': `revision: ${revision}\n` }));
    }
    const log = await git(temp.gitdir, 'log', '--format=%H %P', 'main');
    for (const line of log.trim().split('\n').slice(0, -1)) {
      const [sha, parent] = line.split(' ');
      expect(await git(temp.gitdir, 'diff-tree', '--name-only', '-r', `${parent}`, `${sha}`)).not.toBe('');
    }
    expect(log.trim().split('\n')).toHaveLength(4);
  });

  it('deletes files, and drops folders left empty', async () => {
    await writer.applyChange(change('acme', { 'a.yaml': 'a\n', 'db/cluster.yaml': 'c\n' }));
    const result = await writer.applyChange(change('acme', {}, { deletes: ['db/cluster.yaml'] }));
    expect(result?.touched).toEqual(['tenants/prod/ac/acme/db/cluster.yaml']);
    expect(await git(temp.gitdir, 'ls-tree', '-r', '--name-only', 'main', tenantDir('acme'))).toBe(
      'tenants/prod/ac/acme/a.yaml\n',
    );
  });

  it("replaces the folder's content with deletes: 'all' (a full re-render)", async () => {
    await writer.applyChange(change('acme', { 'old.yaml': 'o\n', 'keep.yaml': 'k\n' }));
    const result = await writer.applyChange(
      change('acme', { 'keep.yaml': 'k\n', 'new.yaml': 'n\n' }, { deletes: 'all' }),
    );
    expect(result?.touched).toEqual(['tenants/prod/ac/acme/new.yaml', 'tenants/prod/ac/acme/old.yaml']);
    expect(await git(temp.gitdir, 'ls-tree', '-r', '--name-only', 'main', tenantDir('acme'))).toBe(
      'tenants/prod/ac/acme/keep.yaml\ntenants/prod/ac/acme/new.yaml\n',
    );
  });

  it('removes a whole tenant folder, shard included when it empties, and nothing else', async () => {
    await writer.applyChange(change('acme', { 'a.yaml': 'a\n' }));
    await writer.applyChange(change('globex', { 'a.yaml': 'g\n' }));
    const result = await writer.deleteTenantFolder({
      tenantDir: tenantDir('acme'),
      message: { tenant: 'acme', summary: 'deprovision', organizationId: 'org-1', requestedBy: 'j' },
      author: jane,
    });
    expect(result?.touched).toEqual(['tenants/prod/ac/acme/a.yaml']);
    const files = (await git(temp.gitdir, 'ls-tree', '-r', '--name-only', 'main')).trim().split('\n');
    expect(files.sort()).toEqual([...Object.keys(seedFiles), 'tenants/prod/gl/globex/a.yaml'].sort());
  });

  it('leaves every file outside the tenant folder byte for byte as it was', async () => {
    const before = await git(temp.gitdir, 'rev-parse', 'main^{tree}');
    const beforeOthers = await git(temp.gitdir, 'ls-tree', 'main', 'clusters', 'infrastructure');
    await writer.applyChange(change('acme', { 'a.yaml': 'a\n' }));
    expect(await git(temp.gitdir, 'ls-tree', 'main', 'clusters', 'infrastructure')).toBe(beforeOthers);
    const changed = await git(temp.gitdir, 'diff-tree', '-r', '--name-only', before.trim(), 'main^{tree}');
    expect(changed).toBe('tenants/prod/ac/acme/a.yaml\n');
  });

  it.each([
    ['../../../../clusters/prod/flux-system/gotk-sync.yaml', 'tenant_path_invalid'],
    ['/etc/passwd', 'tenant_path_invalid'],
    ['..\\..\\clusters\\x.yaml', 'tenant_path_invalid'],
    ['.git/config', 'tenant_path_invalid'],
    ['a\0.yaml', 'tenant_path_invalid'],
  ])('refuses to write %j and writes nothing', async (path, code) => {
    const head = await writer.head();
    const loose = await git(temp.gitdir, 'count-objects');
    await expect(
      writer.applyChange(change('acme', { 'ok.yaml': 'fine\n', [path]: 'kind: ClusterRoleBinding\n' })),
    ).rejects.toMatchObject({ code });
    expect(await writer.head()).toBe(head);
    expect(await git(temp.gitdir, 'count-objects')).toBe(loose);
  });

  it('refuses deletes that leave the tenant folder', async () => {
    await expect(
      writer.applyChange(change('acme', {}, { deletes: ['../../../../infrastructure'] })),
    ).rejects.toMatchObject({ code: 'tenant_path_invalid' });
  });

  it.each(['clusters/prod', 'infrastructure/controllers', 'tenants/prod', 'tenants/prod/gl/acme'])(
    'refuses %s as a tenant folder',
    async (dir) => {
      await expect(
        writer.applyChange({ ...change('acme', { 'a.yaml': 'a\n' }), tenantDir: dir, deletes: 'all' }),
      ).rejects.toMatchObject({ code: 'tenant_dir_invalid' });
    },
  );

  it("refuses a message for another tenant than the folder's", async () => {
    await expect(
      writer.applyChange({ ...change('acme', { 'a.yaml': 'a\n' }), tenantDir: tenantDir('globex') }),
    ).rejects.toMatchObject({ code: 'commit_message_invalid' });
  });

  it('refuses a path written and deleted in the same change', async () => {
    await expect(
      writer.applyChange(change('acme', { 'db/a.yaml': 'a\n' }, { deletes: ['db'] })),
    ).rejects.toMatchObject({ code: 'path_conflict' });
  });

  it('fails with head_moved when expectedHead is not the head any more', async () => {
    const stale = await writer.head();
    await writer.applyChange(change('globex', { 'a.yaml': 'g\n' }));
    await expect(
      writer.applyChange(change('acme', { 'a.yaml': 'a\n' }, { expectedHead: stale as string })),
    ).rejects.toMatchObject({ code: 'head_moved', data: { expected: stale } });
  });

  it('fails with branch_not_found for a branch that does not exist', async () => {
    await expect(
      writer.applyChange(change('acme', { 'a.yaml': 'a\n' }, { branch: 'review/x' })),
    ).rejects.toMatchObject({ code: 'branch_not_found' });
  });
});

describe('IsomorphicGitopsWriter.applyChanges', () => {
  it('commits a chain, one commit per change in order, each with its own author and message', async () => {
    const before = await writer.head();
    const bob = { name: 'Bob Agency', email: 'bob@agency.example' };
    const results = await writer.applyChanges([
      change('acme', { 'a.yaml': 'a\n' }, { message: { changeRequest: 'cr-1' } }),
      change('globex', { 'g.yaml': 'g\n' }, { author: bob, message: { changeRequest: 'cr-2' } }),
      change('initech', { 'i.yaml': 'i\n' }, { message: { changeRequest: 'cr-3' } }),
    ]);

    const log = (await git(temp.gitdir, 'log', '--reverse', '--format=%H %P|%an|%s', `${before}..main`))
      .trim()
      .split('\n');
    expect(log).toEqual([
      `${results[0]?.sha} ${before}|Jane Doe|tenant(acme): render tenant`,
      `${results[1]?.sha} ${results[0]?.sha}|Bob Agency|tenant(globex): render tenant`,
      `${results[2]?.sha} ${results[1]?.sha}|Jane Doe|tenant(initech): render tenant`,
    ]);
    expect(results.map((r) => r?.touched)).toEqual([
      ['tenants/prod/ac/acme/a.yaml'],
      ['tenants/prod/gl/globex/g.yaml'],
      ['tenants/prod/in/initech/i.yaml'],
    ]);
    expect(await writer.head()).toBe(results[2]?.sha);
    const crs = await git(
      temp.gitdir,
      'log',
      '--format=%(trailers:key=Change-Request,valueonly)',
      `${before}..main`,
    );
    expect(crs.split('\n').filter(Boolean)).toEqual(['cr-3', 'cr-2', 'cr-1']);
    await git(temp.gitdir, 'fsck', '--strict', '--no-dangling');
  });

  it('stores a chain as one pack: no loose objects, read back by git and by a fresh handle', async () => {
    const loose = async () =>
      Number(/^count: (\d+)$/m.exec(await git(temp.gitdir, 'count-objects', '-v'))?.[1]);
    const packs = async () =>
      Number(/^packs: (\d+)$/m.exec(await git(temp.gitdir, 'count-objects', '-v'))?.[1]);
    const [looseBefore, packsBefore] = [await loose(), await packs()];
    const results = await writer.applyChanges(
      Array.from({ length: 5 }, (_, i) =>
        change(`tenant-${i}`, { 'a.yaml': `a: ${i}\n`, 'db/b.yaml': `b: ${i}\n` }),
      ),
    );

    expect(await loose()).toBe(looseBefore);
    expect(await packs()).toBe(packsBefore + 1);
    await git(temp.gitdir, 'fsck', '--strict', '--no-dangling');
    expect(await git(temp.gitdir, 'show', 'main:tenants/prod/te/tenant-3/db/b.yaml')).toBe('b: 3\n');
    const fresh = new IsomorphicGitopsWriter({
      repo: new GitRepository({ gitdir: temp.gitdir }),
      committer: bot,
    });
    expect(await fresh.readFile(results[4]?.sha as string, 'tenants/prod/te/tenant-4/a.yaml')).toBe('a: 4\n');
    expect((await fresh.commitInfo(results[2]?.sha as string)).parents).toEqual([results[1]?.sha]);
  });

  it('skips a change that changes nothing, without an empty commit, and chains the rest past it', async () => {
    await writer.applyChange(change('acme', { 'a.yaml': 'a\n' }));
    const before = await writer.head();
    const results = await writer.applyChanges([
      change('globex', { 'g.yaml': 'g\n' }),
      change('acme', { 'a.yaml': 'a\n' }),
      change('initech', { 'i.yaml': 'i\n' }),
    ]);

    expect(results[1]).toBeNull();
    expect(results[2]?.parent).toBe(results[0]?.sha);
    expect((await git(temp.gitdir, 'rev-list', '--count', `${before}..main`)).trim()).toBe('2');
    expect(await writer.applyChanges([change('acme', { 'a.yaml': 'a\n' })])).toEqual([null]);
    expect(await writer.head()).toBe(results[2]?.sha);
  });

  it('rebuilds the whole chain on the new head when another writer moved the branch meanwhile', async () => {
    // Another replica (its own handle: no shared in-process lock) commits just before our ref
    // move, so our compare-and-swap fails once and the chain is rebuilt on top of its commit.
    const other = new IsomorphicGitopsWriter({
      repo: new GitRepository({ gitdir: temp.gitdir }),
      committer: bot,
    });
    let theirs: string | undefined;
    class RacedRepository extends GitRepository {
      override async moveRef(ref: string, expected: string | null, next: string | null): Promise<boolean> {
        if (!theirs) theirs = (await other.applyChange(change('acme', { 'state.yaml': 'theirs\n' })))?.sha;
        return super.moveRef(ref, expected, next);
      }
    }
    const raced = new IsomorphicGitopsWriter({
      repo: new RacedRepository({ gitdir: temp.gitdir }),
      committer: bot,
    });
    const chain = await raced.applyChanges(
      Array.from({ length: 5 }, (_, i) => change(`tenant-${i}`, { 'state.yaml': `n: ${i}\n` })),
    );

    expect(chain[0]?.parent).toBe(theirs);
    for (let i = 1; i < chain.length; i++) expect(chain[i]?.parent).toBe(chain[i - 1]?.sha);
    expect(await raced.head()).toBe(chain[4]?.sha);
    expect(await git(temp.gitdir, 'show', 'main:tenants/prod/ac/acme/state.yaml')).toBe('theirs\n');
    expect(await git(temp.gitdir, 'rev-list', '--merges', 'main')).toBe('');
    await git(temp.gitdir, 'fsck', '--strict', '--no-dangling');
  });

  it('writes nothing when one change of the chain is invalid', async () => {
    const before = await writer.head();
    await expect(
      writer.applyChanges([
        change('acme', { 'a.yaml': 'a\n' }),
        change('globex', { 'g.yaml': 'g\n' }, { message: { tenant: 'acme' } }),
      ]),
    ).rejects.toMatchObject({ code: 'commit_message_invalid' });
    expect(await writer.head()).toBe(before);
  });
});
