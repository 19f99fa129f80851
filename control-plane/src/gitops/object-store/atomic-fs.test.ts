import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicFs } from './atomic-fs.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'luster-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the fs isomorphic-git writes objects through', () => {
  it('creates a fan-out folder that background packing removed, and leaves no temporary file', async () => {
    const path = join(dir, 'objects', 'f6', 'ff80d0851c29231226f598b5c08c083b5b58e6');
    await atomicFs.promises.writeFile(path, Buffer.from('object'));
    expect(await readFile(path, 'utf8')).toBe('object');
    expect(await readdir(join(dir, 'objects', 'f6'))).toEqual(['ff80d0851c29231226f598b5c08c083b5b58e6']);
    expect((await stat(path)).mode & 0o777).toBe(0o444);
  });

  it('writes other files in place, as node does', async () => {
    await atomicFs.promises.writeFile(join(dir, 'config'), 'x');
    expect(await readFile(join(dir, 'config'), 'utf8')).toBe('x');
    await expect(atomicFs.promises.writeFile(join(dir, 'missing', 'config'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
