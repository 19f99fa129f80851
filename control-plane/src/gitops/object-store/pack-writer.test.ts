import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBareRepo, type TempRepo } from '../test-support/bare-repo.js';
import { git } from '../test-support/changes.js';
import { encodeCommit } from './commit-object.js';
import { encodeObject, encodeTree } from './object-codec.js';
import { type PackObject, writePack } from './pack-writer.js';
import { GitRepository } from './repository.js';

let temp: TempRepo;
beforeEach(async () => {
  temp = await createBareRepo();
});
afterEach(() => temp.cleanup());

function object(type: PackObject['type'], content: Uint8Array): PackObject {
  return { type, oid: encodeObject(type, content).oid, content };
}

describe('writePack', () => {
  it('writes a pack and index that git verifies and reads object by object', async () => {
    const sizes = [0, 1, 15, 16, 127, 128, 2047, 2048, 100_000, 3_000_000];
    const blobs = sizes.map((n) => object('blob', randomBytes(n)));
    const tree = object(
      'tree',
      encodeTree(blobs.map((b, i) => ({ mode: '100644', path: `f${i}`, oid: b.oid, type: 'blob' as const }))),
    );
    const head = (await git(temp.gitdir, 'rev-parse', 'main')).trim();
    const commit = object(
      'commit',
      encodeCommit({
        tree: tree.oid,
        parent: [head],
        author: { name: 'A', email: 'a@x.test', timestamp: 1_700_000_000, timezoneOffset: 0 },
        committer: { name: 'B', email: 'b@x.test', timestamp: 1_700_000_000, timezoneOffset: 0 },
        message: 'packed\n',
      }),
    );
    // Twice the same blob: stored once.
    const name = await writePack(temp.gitdir, [...blobs, blobs[0] as PackObject, tree, commit]);

    const pack = path.join(temp.gitdir, 'objects', 'pack', `${name}.pack`);
    const verified = await git(temp.gitdir, 'verify-pack', '-v', pack);
    expect(verified).toMatch(new RegExp(`non delta: ${blobs.length + 2} objects`));
    for (const b of blobs) {
      const size = await git(temp.gitdir, 'cat-file', '-s', b.oid);
      expect(Number(size)).toBe(b.content.byteLength);
    }
    await git(temp.gitdir, 'update-ref', 'refs/heads/main', commit.oid, head);
    await git(temp.gitdir, 'fsck', '--strict', '--no-dangling');
    expect(await readdir(path.join(temp.gitdir, 'objects', 'pack'))).not.toContainEqual(
      expect.stringMatching(/^tmp_/),
    );
  });

  it('is read by isomorphic-git through a fresh repository handle', async () => {
    const blob = object('blob', new TextEncoder().encode('kind: Namespace\n'));
    const tree = object(
      'tree',
      encodeTree([{ mode: '100644', path: 'ns.yaml', oid: blob.oid, type: 'blob' }]),
    );
    await writePack(temp.gitdir, [blob, tree]);
    const repo = new GitRepository({ gitdir: temp.gitdir });
    expect(new TextDecoder().decode(await repo.readBlob(blob.oid))).toBe('kind: Namespace\n');
    expect((await repo.readTree(tree.oid)).map((e) => e.path)).toEqual(['ns.yaml']);
  });

  it('writes nothing for no objects', async () => {
    const before = await readdir(path.join(temp.gitdir, 'objects', 'pack'));
    expect(await writePack(temp.gitdir, [])).toBeNull();
    expect(await readdir(path.join(temp.gitdir, 'objects', 'pack'))).toEqual(before);
  });
});
