import { randomBytes } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import git, { type TreeEntry } from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGit } from '../git-cli.js';
import { createBareRepo, type TempRepo } from '../test-support/bare-repo.js';
import { git as cli } from '../test-support/changes.js';
import { atomicFs } from './atomic-fs.js';
import { encodeCommit } from './commit-object.js';
import { encodeObject, encodeTree, zlibStored } from './object-codec.js';
import { GitRepository } from './repository.js';

let temp: TempRepo;
beforeEach(async () => {
  temp = await createBareRepo();
});
afterEach(() => temp.cleanup());

const blob = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391';

describe('object encoding', () => {
  it('stores data as zlib streams that zlib inflates back, checksum verified, across block boundaries', () => {
    for (const size of [0, 1, 3800, 65_535, 65_536, 200_000]) {
      const data = randomBytes(size);
      const stream = zlibStored(data);
      expect(inflateSync(stream).equals(data)).toBe(true);
      // A flipped byte of content fails zlib's checksum: the trailer is computed, not copied.
      if (size > 0) {
        const damaged = Buffer.from(stream);
        damaged[7] = (damaged[7] as number) ^ 0xff;
        expect(() => inflateSync(damaged)).toThrow(/incorrect data check/);
      }
    }
    // All bytes 0xff: the largest sums zlib's checksum reduces.
    const ones = Buffer.alloc(100_000, 0xff);
    expect(inflateSync(zlibStored(ones)).equals(ones)).toBe(true);
  });

  it('writes loose objects git reads and fsck accepts', async () => {
    const repo = new GitRepository({ gitdir: temp.gitdir });
    const content = new TextEncoder().encode('kind: Namespace\n'.repeat(5000));
    const oid = await repo.writeBlob(content);
    expect(await cli(temp.gitdir, 'cat-file', '-p', oid)).toBe('kind: Namespace\n'.repeat(5000));
    await cli(temp.gitdir, 'fsck', '--strict');
  });

  it('hashes blobs like isomorphic-git and git', async () => {
    const content = new TextEncoder().encode('kind: Namespace\n');
    const { oid } = encodeObject('blob', content);
    expect(oid).toBe(await git.writeBlob({ fs: atomicFs, gitdir: temp.gitdir, blob: content }));
    const fromGit = await runGit(['hash-object', '--stdin'], { input: Buffer.from(content) });
    expect(fromGit.stdout.trim()).toBe(oid);
  });

  it("orders tree entries the way git does (folders as 'name/') and writes folder modes unpadded", async () => {
    const entries: TreeEntry[] = [
      { mode: '100644', path: 'a.yaml', oid: blob, type: 'blob' },
      { mode: '040000', path: 'a', oid: '4b825dc642cb6eb9a060e54bf8d69288fbee4904', type: 'tree' },
      { mode: '100644', path: 'a-b', oid: blob, type: 'blob' },
      { mode: '100644', path: 'Z', oid: blob, type: 'blob' },
      { mode: '100755', path: 'run.sh', oid: blob, type: 'blob' },
    ];
    const { oid } = encodeObject('tree', encodeTree(entries));
    const fromIsomorphic = await git.writeTree({
      fs: atomicFs,
      gitdir: temp.gitdir,
      tree: entries.map((e) => ({ ...e })),
    });
    expect(oid).toBe(fromIsomorphic);

    const repo = new GitRepository({ gitdir: temp.gitdir });
    const stored = await repo.writeTree(entries.map((e) => ({ ...e })));
    expect(stored).toBe(oid);
    expect(await cli(temp.gitdir, 'cat-file', '-t', oid)).toBe('tree\n');
    expect(await cli(temp.gitdir, 'ls-tree', '--name-only', oid)).toBe('Z\na-b\na.yaml\na\nrun.sh\n');
  });

  it('encodes commits, signed or not, exactly as isomorphic-git does', async () => {
    const person = {
      name: 'Jane Doe',
      email: 'jane@acme.example',
      timestamp: 1_700_000_000,
      timezoneOffset: 0,
    };
    const base = {
      tree: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      parent: [blob],
      author: person,
      committer: { ...person, name: 'Luster Bot' },
      message: 'tenant(acme): x\n\nTenant: acme\n',
    };
    const signed = {
      ...base,
      gpgsig: '-----BEGIN PGP SIGNATURE-----\n\nabc\n=x\n-----END PGP SIGNATURE-----\n',
    };
    for (const commit of [base, signed]) {
      const { oid } = encodeObject('commit', encodeCommit(commit));
      expect(oid).toBe(await git.writeCommit({ fs: atomicFs, gitdir: temp.gitdir, commit }));
    }
  });
});
