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
  'passes.ts': 'base',
  'relaxed-commit.ts': 'base',
  'entity-columns.ts': 'base',
  'gitops/': 'edge kit',
  'storage/': 'edge kit',
  'openapi/': 'edge kit',
  'http/': 'edge kit',
  'graphql/': 'edge kit',
  'access/': 'access',
  'users/': 'access',
  'main.ts': 'composition',
  'cli.ts': 'composition',
  'db/': 'composition',
  'app/': 'composition',
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

export const describeImport = (i: Import) => `${i.from} -> ${i.to}`;

/** Imports from a file to a later layer than its own: what the rule forbids. */
export function upwardImports(imports: readonly Import[]): Import[] {
  return imports.filter((i) => layers.indexOf(layerOf(i.from)) < layers.indexOf(layerOf(i.to)));
}

/** The module of a file: its top-level folder, or the file itself at the top of control-plane/src. */
export const moduleOf = (file: string) => file.split('/')[0] as string;

/**
 * Module-level edges that lie on a cycle (`a -> b` where b also reaches a), each with one file→file
 * import as an example. The module graph must be acyclic (issue 11): a feature that reaches back
 * into what depends on it cannot be understood, tested or moved on its own.
 */
export function cycleEdges(imports: readonly Import[]): { edge: string; example: string }[] {
  const graph = new Map<string, Map<string, Import>>();
  for (const i of imports) {
    const [a, b] = [moduleOf(i.from), moduleOf(i.to)];
    if (a === b) continue;
    const out = graph.get(a) ?? new Map<string, Import>();
    if (!out.has(b)) out.set(b, i);
    graph.set(a, out);
  }
  const reaches = (from: string, to: string) => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      for (const next of graph.get(stack.pop() as string)?.keys() ?? []) {
        if (next === to) return true;
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
      }
    }
    return false;
  };
  return [...graph]
    .flatMap(([a, out]) =>
      [...out]
        .filter(([b]) => reaches(b, a))
        .map(([b, example]) => ({ edge: `${a} -> ${b}`, example: describeImport(example) })),
    )
    .sort((x, y) => x.edge.localeCompare(y.edge));
}
