import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RenderedFile } from '../render/render-tenant.js';

function yamlFilesUnder(dir: string): string[] {
  let entries: { name: string; isDirectory(): boolean }[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Makes `<root>/<tenantDir>` hold exactly `files`: writes what changed and deletes YAML files the
 * render no longer produces (an HPA after a downgrade, the Ingress of a suspended tenant).
 * Returns how many files were written or deleted.
 */
export function writeTenantFiles(root: string, tenantDir: string, files: readonly RenderedFile[]): number {
  const wanted = new Map(files.map((file) => [join(root, file.path), file.content]));
  const existing = new Set(yamlFilesUnder(join(root, tenantDir)));
  let changes = 0;
  for (const path of existing) {
    if (!wanted.has(path)) {
      rmSync(path);
      changes++;
    }
  }
  // One mkdir per folder, and no read of a file the listing says is not there.
  for (const dir of new Set([...wanted.keys()].filter((path) => !existing.has(path)).map(dirname))) {
    mkdirSync(dir, { recursive: true });
  }
  for (const [path, content] of wanted) {
    if (existing.has(path) && readFileSync(path, 'utf8') === content) continue;
    writeFileSync(path, content);
    changes++;
  }
  return changes;
}
