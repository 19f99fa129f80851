// The git bench measures commits on top of fixtures it imports with `git fast-import`; its numbers
// mean something only if a fixture is the repository the writer itself would have produced.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitRepository, IsomorphicGitopsWriter } from '../../control-plane/src/gitops/index.js';
import { realisticSlugs } from '../fleet/slugs.js';
import { createFixtureRepo, importBlobs, type Layout, tenantDirOf, tenantFiles } from './fixtures.js';

const identity = { name: 'Bench', email: 'bench@luster.example' };
const git = (gitdir: string, ...args: string[]) =>
  execFileSync('git', ['--git-dir', gitdir, ...args], { encoding: 'utf8' }).trim();

describe('git bench fixtures', () => {
  // Realistic slugs put several tenants in one prefix shard (`the-…`), so both schemes' shard
  // folders hold more than one tenant here.
  const slugs = realisticSlugs(40, 5);
  let work: string;
  let blobs: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'bench-git-fixtures-'));
    blobs = await importBlobs(join(work, 'blobs.git'), slugs);
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it.each<Layout>(['sharded', 'hashed', 'flat'])(
    'imports the tree the writer commits (%s)',
    async (layout) => {
      const replayed = await createFixtureRepo({
        dir: join(work, `replayed-${layout}`),
        tenants: 0,
        layout,
        slugs: [],
      });
      const writer = new IsomorphicGitopsWriter({
        repo: new GitRepository({ gitdir: replayed.gitdir }),
        committer: identity,
      });
      for (const slug of slugs) {
        await writer.applyChange({
          tenantDir: tenantDirOf(layout, slug),
          writes: tenantFiles(slug),
          message: { tenant: slug, summary: 'create', organizationId: 'org-1', requestedBy: 'Bench' },
          author: identity,
        });
      }
      const inline = await createFixtureRepo({
        dir: join(work, `inline-${layout}`),
        tenants: 40,
        layout,
        slugs,
      });
      const shared = await createFixtureRepo({
        dir: join(work, `shared-${layout}`),
        tenants: 40,
        layout,
        slugs,
        blobs,
      });
      expect(git(inline.gitdir, 'rev-parse', 'main^{tree}')).toBe(
        git(replayed.gitdir, 'rev-parse', 'main^{tree}'),
      );
      expect(git(shared.gitdir, 'rev-parse', 'main^{tree}')).toBe(
        git(replayed.gitdir, 'rev-parse', 'main^{tree}'),
      );
      // The trees name blobs by id only: the linked pack must really hold every one of them.
      git(shared.gitdir, 'fsck', '--connectivity-only', '--no-dangling');
    },
  );

  it('puts sharded tenants where synth puts them', () => {
    expect(tenantDirOf('sharded', 'the-blue-harbor')).toBe('tenants/prod/th/the-blue-harbor');
    expect(tenantDirOf('hashed', 'the-blue-harbor')).toMatch(/^tenants\/prod\/[0-9a-f]{2}\/the-blue-harbor$/);
  });
});
