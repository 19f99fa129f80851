import { promises as fsp } from 'node:fs';
import { dirname } from 'node:path';

/*
 * The file system isomorphic-git writes through. Identical to node's, except that object files are
 * written to a temporary name and renamed into place. isomorphic-git writes a loose object only
 * when no file of that name exists yet; with a plain write, a crash (or a concurrent reader such as
 * `git upload-pack`) could leave a half-written object that every later write of the same content
 * would then trust and skip — silent corruption. A rename is atomic, so an object file is either
 * absent or complete. (Git itself does the same: write to a temp file, then link/rename.)
 */

type WriteData = Parameters<typeof fsp.writeFile>[1];

/** Names this process's temporary files apart (the pid tells processes apart). */
let written = 0;
type WriteOptions = Parameters<typeof fsp.writeFile>[2];

async function writeFileAtomically(path: string, data: WriteData, options?: WriteOptions): Promise<void> {
  if (!path.includes('/objects/')) return fsp.writeFile(path, data, options);
  const temporary = `${path}.tmp-${process.pid}-${++written}`;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        // Loose objects are immutable; git makes them read-only too.
        await fsp.writeFile(temporary, data, { mode: 0o444 });
        break;
      } catch (error) {
        // `git prune-packed` (background packing) removes fan-out folders it empties, possibly
        // right after we created ours: create it again, as git does. Once our temporary file is
        // in it, the folder cannot be removed under the rename.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 5) throw error;
        await fsp.mkdir(dirname(path), { recursive: true });
      }
    }
    await fsp.rename(temporary, path);
  } catch (error) {
    await fsp.rm(temporary, { force: true });
    throw error;
  }
}

/** An `fs` for isomorphic-git (it detects the `promises` property and uses it). */
export const atomicFs = {
  promises: {
    readFile: fsp.readFile,
    writeFile: writeFileAtomically,
    mkdir: fsp.mkdir,
    rmdir: fsp.rmdir,
    rm: fsp.rm,
    unlink: fsp.unlink,
    stat: fsp.stat,
    lstat: fsp.lstat,
    readdir: fsp.readdir,
    readlink: fsp.readlink,
    symlink: fsp.symlink,
    chmod: fsp.chmod,
  },
};
