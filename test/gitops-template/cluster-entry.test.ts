import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderClusterEntry } from '@luster/synth';
import { describe, expect, it } from 'vitest';
import { templateDir } from './support/paths.js';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)])),
  );
  return nested.flat();
}

// The clusters helper adds a cluster's entry point with renderClusterEntry; the template's own
// (with its shard folders' markers) must be the same thing, so the two can never drift (`npm run template -w synth` rewrites it).
describe('clusters/production, argocd/production and the shard markers of tenants/production', () => {
  it('is exactly what renderClusterEntry renders for production, file for file and byte for byte', async () => {
    const rendered = renderClusterEntry({ cluster: 'production' });
    const tenants = path.join(templateDir, 'tenants/production');
    // The template's tenants/production holds only shard folders (and its own README.md).
    const shardFolders = (await readdir(tenants, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => path.join(tenants, e.name));
    const committed = (
      await Promise.all(
        [
          path.join(templateDir, 'clusters/production'),
          path.join(templateDir, 'argocd'),
          ...shardFolders,
        ].map(filesUnder),
      )
    )
      .flat()
      .map((f) => path.relative(templateDir, f).split(path.sep).join('/'))
      .sort();
    expect(committed).toEqual(rendered.map((f) => f.path));
    for (const file of rendered) {
      expect(await readFile(path.join(templateDir, file.path), 'utf8'), file.path).toBe(file.content);
    }
  });
});
