import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vendorDir, vendorSources } from '../support/vendor-sources.js';

/** What `git hash-object` prints: the id upstream's `git rev-parse <tag>:<path>` gives the same bytes. */
function gitBlobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

async function vendoredFiles(): Promise<string[]> {
  const dirs = ['crds', 'k8s-schemas'];
  const lists = await Promise.all(dirs.map((d) => readdir(path.join(vendorDir, d))));
  return dirs.flatMap((d, i) => (lists[i] ?? []).map((f) => `${d}/${f}`)).sort();
}

// Synth's schema bundle and the template tests read only vendor/: these keep it the byte-for-byte
// upstream copy vendor/SOURCES.md says it is, so a hand edit or a refresh without its row fails here.
describe('vendor/', () => {
  it('lists every vendored file in SOURCES.md, and nothing else', async () => {
    const rows = await vendorSources();
    expect(rows.map((r) => r.file).sort()).toEqual(await vendoredFiles());
  });

  it('holds each file unchanged from upstream: its git blob id and size are the recorded ones', async () => {
    for (const row of await vendorSources()) {
      const content = await readFile(path.join(vendorDir, row.file));
      expect({ file: row.file, blob: gitBlobId(content), bytes: String(content.length) }).toEqual({
        file: row.file,
        blob: row.blob,
        bytes: row.bytes,
      });
      expect(row.commit, row.file).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('carries the Flux sources the delivery design builds on, besides the kinds in use', async () => {
    const kinds = (await vendorSources()).map((r) => r.what);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'source.toolkit.fluxcd.io/v1 ExternalArtifact',
        'source.extensions.fluxcd.io/v1beta1 ArtifactGenerator',
        'source.toolkit.fluxcd.io/v1 HelmRepository',
        'source.toolkit.fluxcd.io/v1 Bucket',
      ]),
    );
  });
});
