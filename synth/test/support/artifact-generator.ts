import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One generated ExternalArtifact: its files (path → content) and the digest of them. */
export interface Artifact {
  readonly files: ReadonlyMap<string, string>;
  readonly digest: string;
}

type Generator = {
  spec: {
    sources: { alias: string; name: string }[];
    pathPattern?: string;
    artifacts: { name: string; copy: { from: string; to: string; exclude?: string[] }[] }[];
  };
};

/** A glob as source-watcher's exclude patterns read it: `*` one path segment, `**` anything. */
function globRegExp(glob: string): RegExp {
  const body = glob
    .split(/(\*\*|\*)/)
    .map((part) =>
      part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${body}$`);
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

const fill = (template: string, captures: Record<string, string>) =>
  template.replace(/\{([a-z]+)\}/g, (_, key: string) => {
    const value = captures[key];
    if (value === undefined) throw new Error(`no capture {${key}} for ${template}`);
    return value;
  });

function aliasPath(value: string): { alias: string; path: string } {
  const match = /^@([a-z0-9_-]+)\/(.*)$/.exec(value);
  if (!match) throw new Error(`not @alias/path: ${value}`);
  return { alias: match[1] as string, path: match[2] as string };
}

/**
 * An emulation of source-watcher's ArtifactGenerator for the shapes synth renders, and stricter
 * where it can be: `pathPattern` segments are literal or `{capture}` (one directory each); a copy
 * is `@alias/<folder>/**` → `@artifact/` (the folder's files, recursively), minus its excludes
 * (relative to the folder); a copy that matches no file fails, as source-watcher does.
 * `sources` maps each source's name to the directory its artifact unpacks to.
 */
export function generateArtifacts(
  generator: Generator,
  sources: Record<string, string>,
): Map<string, Artifact> {
  const roots = new Map(
    generator.spec.sources.map((s) => {
      const dir = sources[s.name];
      if (dir === undefined) throw new Error(`source ${s.name} has no directory`);
      return [s.alias, dir] as const;
    }),
  );
  const rootOf = (alias: string) => {
    const dir = roots.get(alias);
    if (dir === undefined) throw new Error(`unknown alias @${alias}`);
    return dir;
  };
  let matches: Record<string, string>[] = [{}];
  let prefixes = [''];
  // Without a pathPattern a generator yields its artifacts once, with nothing to fill in.
  const pattern = generator.spec.pathPattern ? aliasPath(generator.spec.pathPattern) : undefined;
  const patternRoot = pattern ? rootOf(pattern.alias) : '';
  for (const segment of pattern?.path.split('/') ?? []) {
    const capture = /^\{([a-z]+)\}$/.exec(segment)?.[1];
    const next: { captures: Record<string, string>; prefix: string }[] = [];
    prefixes.forEach((prefix, i) => {
      const dir = join(patternRoot, prefix);
      if (capture === undefined) {
        if (statSync(join(dir, segment), { throwIfNoEntry: false })?.isDirectory())
          next.push({ captures: matches[i] ?? {}, prefix: `${prefix}${segment}/` });
        return;
      }
      for (const entry of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()))
        next.push({ captures: { ...matches[i], [capture]: entry.name }, prefix: `${prefix}${entry.name}/` });
    });
    matches = next.map((n) => n.captures);
    prefixes = next.map((n) => n.prefix);
  }
  const artifacts = new Map<string, Artifact>();
  for (const captures of matches) {
    for (const template of generator.spec.artifacts) {
      const name = fill(template.name, captures);
      if (artifacts.has(name)) throw new Error(`two artifacts named ${name}`);
      const files = new Map<string, string>();
      for (const copy of template.copy) {
        if (copy.to !== '@artifact/') throw new Error(`unsupported destination ${copy.to}`);
        const from = aliasPath(fill(copy.from, captures));
        if (!from.path.endsWith('/**')) throw new Error(`unsupported copy source ${copy.from}`);
        const folder = join(rootOf(from.alias), from.path.slice(0, -3));
        const excludes = (copy.exclude ?? []).map(globRegExp);
        const selected = statSync(folder, { throwIfNoEntry: false })?.isDirectory()
          ? filesUnder(folder).filter((f) => !excludes.some((e) => e.test(f)))
          : [];
        if (selected.length === 0) throw new Error(`${name}: no files match ${copy.from}`);
        for (const file of selected) files.set(file, readFileSync(join(folder, file), 'utf8'));
      }
      const hash = createHash('sha256');
      for (const path of [...files.keys()].sort()) hash.update(`${path}\0${files.get(path)}\0`);
      artifacts.set(name, { files, digest: hash.digest('hex') });
    }
  }
  return artifacts;
}
