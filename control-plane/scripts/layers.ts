// The layer picture of control-plane/src (STYLE.md, issue 11): each file may import only files of
// its own layer or the layers before it. The rule is data; `npm run lint` checks it on every run.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const layers = ['base', 'edge kit', 'access', 'feature', 'composition'] as const;
export type Layer = (typeof layers)[number];

/** Path prefixes (relative to control-plane/src) and their layer; the longest match wins. */
export const layerOfPath: Readonly<Record<string, Layer>> = {
  'errors/': 'base',
  'config.ts': 'base',
  'config/': 'base',
  'config-doc.ts': 'base',
  'logger.ts': 'base',
  'background.ts': 'base',
  'gitops/': 'edge kit',
  'storage/': 'edge kit',
  'openapi/': 'edge kit',
  'http/': 'edge kit',
  'graphql/': 'edge kit',
  'access/': 'access',
  'users/': 'access',
  'main.ts': 'composition',
  'cli.ts': 'composition',
  'server.ts': 'composition',
  'services.ts': 'composition',
  'db/': 'composition',
  'http/app.ts': 'composition',
  'http/api-routes.ts': 'composition',
  'graphql/server.ts': 'composition',
  'graphql/schema.ts': 'composition',
};

export function layerOf(file: string): Layer {
  let best = '';
  for (const prefix of Object.keys(layerOfPath)) {
    if ((file === prefix || (prefix.endsWith('/') && file.startsWith(prefix))) && prefix.length > best.length)
      best = prefix;
  }
  return best ? (layerOfPath[best] as Layer) : 'feature';
}

export interface Import {
  from: string;
  to: string;
}

/** Relative imports between non-test source files, as paths relative to `srcDir`. */
export function readImports(srcDir: string): Import[] {
  const files = listSources(srcDir);
  return files.flatMap((from) => {
    const text = readFileSync(path.join(srcDir, from), 'utf8');
    // `import … from`, `export … from`, bare `import '…'` and `import('…')`.
    return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => ({
      from,
      to: path.posix.normalize(
        path.posix.join(path.posix.dirname(from), (m[1] as string).replace(/\.js$/, '.ts')),
      ),
    }));
  });
}

function listSources(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : listSources(dir, rel);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [rel] : [];
  });
}

/**
 * The upward imports that exist today, each a debt of the restructuring (issue 11). The check
 * fails on any upward import not listed here, and on a listed one that is gone, so the list only
 * shrinks.
 */
export const knownUpwardImports: readonly string[] = [];

export const describeImport = (i: Import) => `${i.from} -> ${i.to}`;

/** New upward imports, and listed ones that no longer exist. */
export function layerViolations(imports: readonly Import[], known: readonly string[] = knownUpwardImports) {
  const upward = upwardImports(imports).map(describeImport);
  return {
    added: upward.filter((i) => !known.includes(i)),
    gone: known.filter((i) => !upward.includes(i)),
  };
}

/** Imports from a file to a later layer than its own: what the rule forbids. */
export function upwardImports(imports: readonly Import[]): Import[] {
  return imports.filter((i) => layers.indexOf(layerOf(i.from)) < layers.indexOf(layerOf(i.to)));
}
