import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file and every folder under `root`, as POSIX paths relative to it (dotfiles included). */
export async function listTree(root: string): Promise<{ files: string[]; folders: string[] }> {
  const files: string[] = [];
  const folders: string[] = [];
  async function walk(relative: string): Promise<void> {
    for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        folders.push(child);
        await walk(child);
      } else files.push(child);
    }
  }
  await walk('');
  return { files: files.sort(), folders: folders.sort() };
}
