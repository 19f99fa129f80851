// An ExternalArtifact's content as source-watcher assembles it from an ArtifactGenerator's copy
// rules (https://fluxoperator.dev/docs/crd/artifactgenerator: `from: "@<alias>/<glob>"` →
// `to: "@artifact/<path>"`; files keep their path below the glob's fixed prefix; later rules
// overwrite earlier ones), read through to the repository instead of copied, and its revision:
// "latest@sha256:<hash>", the hash of the artifact's final content — so a commit that leaves the
// copied files alone leaves the revision alone.
import { createHash } from 'node:crypto';
import { normalize } from './kustomize-build.js';
import { type FileObjects, join, type Listing, type Tree } from './tree.js';

export interface CopyRule {
  /** The generator's source the files come from (`@<alias>/…`). */
  alias: string;
  /** Folder of the source the glob starts in (the part of `from` before its first wildcard). */
  from: string;
  /** The rest of `from`: '**' for everything below, or a glob such as '*.yaml'. */
  glob: string;
  /** Globs of paths below `from` that are not copied. */
  exclude: string[];
  /** Folder of the artifact the files land in. */
  to: string;
}

/** `from: "@repo/tenants/p/ab/acme/**"`, `to: "@artifact/"` (and `exclude` globs) as a rule. */
export function copyRule(from: string, to: string, exclude: readonly string[] = []): CopyRule {
  const alias = /^@([^/]+)\//.exec(from)?.[1] ?? '';
  const path = from.replace(/^@[^/]+\//, '');
  const parts = path.split('/');
  const wild = parts.findIndex((p) => /[*?[]/.test(p));
  const fixed = wild < 0 ? parts : parts.slice(0, wild);
  return {
    alias,
    from: normalize(fixed.join('/')),
    glob: wild < 0 ? '**' : parts.slice(wild).join('/'),
    exclude: [...exclude],
    to: normalize(to.replace(/^@artifact\/?/, '')),
  };
}

const compiled = new Map<string, RegExp>();

function globRegex(glob: string): RegExp {
  const hit = compiled.get(glob);
  if (hit) return hit;
  const regex = compileGlob(glob);
  if (compiled.size > 10_000) compiled.clear();
  compiled.set(glob, regex);
  return regex;
}

function compileGlob(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** A rule's test of a path relative to its `from`: matched by the glob and by no exclude. */
function matcherOf(rule: CopyRule): (rest: string) => boolean {
  const glob = globRegex(rule.glob);
  const excludes = rule.exclude.map((e) => globRegex(e.includes('/') ? e : `**/${e}`));
  return (rest) => glob.test(rest) && !excludes.some((e) => e.test(rest));
}

export class ArtifactView implements Tree {
  private readonly matchers: ((rest: string) => boolean)[];
  private readonly trees: Tree[];

  /** `sources`: the generator's sources by alias (the repository or other artifacts), or the one tree. */
  constructor(
    sources: Tree | ReadonlyMap<string, Tree>,
    readonly rules: readonly CopyRule[],
  ) {
    this.matchers = rules.map(matcherOf);
    this.trees = rules.map((r) => {
      const tree = sources instanceof Map ? sources.get(r.alias) : (sources as Tree);
      if (!tree) throw new Error(`no source @${r.alias}`);
      return tree;
    });
  }

  /** The source tree and path an artifact path is copied from (the last rule that provides it wins). */
  private origin(path: string): [Tree, string] | undefined {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const rule = this.rules[i] as CopyRule;
      const rest =
        rule.to === '' ? path : path.startsWith(`${rule.to}/`) ? path.slice(rule.to.length + 1) : undefined;
      if (rest === undefined || !(this.matchers[i] as (r: string) => boolean)(rest)) continue;
      const source = join(rule.from, rest);
      const tree = this.trees[i] as Tree;
      if (tree.has(source)) return [tree, source];
    }
    return undefined;
  }

  /** The artifact path a file of source `alias` (any source when omitted) lands at, if a rule copies it. */
  destination(sourcePath: string, alias?: string): string | undefined {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const rule = this.rules[i] as CopyRule;
      if (alias !== undefined && rule.alias !== alias) continue;
      if (rule.from !== '' && !sourcePath.startsWith(`${rule.from}/`)) continue;
      const rest = rule.from === '' ? sourcePath : sourcePath.slice(rule.from.length + 1);
      if ((this.matchers[i] as (r: string) => boolean)(rest)) return join(rule.to, rest);
    }
    return undefined;
  }

  read(path: string): string | undefined {
    const found = this.origin(path);
    return found ? found[0].read(found[1]) : undefined;
  }

  has(path: string): boolean {
    return this.origin(path) !== undefined;
  }

  resources(path: string): string[] {
    const found = this.origin(path);
    return found ? found[0].resources(found[1]) : [];
  }

  list(dir: string): Listing {
    const files = new Set<string>();
    const dirs = new Set<string>();
    this.rules.forEach((rule, i) => {
      if (rule.to !== '' && dir !== rule.to && !dir.startsWith(`${rule.to}/`)) {
        // The rule's destination lies below `dir`: its first segment is a folder here.
        if (dir === '' || rule.to.startsWith(`${dir}/`))
          dirs.add(rule.to.slice(dir === '' ? 0 : dir.length + 1).split('/')[0] as string);
        return;
      }
      const rest = rule.to === '' ? dir : dir.slice(rule.to.length + 1);
      const listing = (this.trees[i] as Tree).list(join(rule.from, rest));
      const test = this.matchers[i] as (r: string) => boolean;
      for (const name of listing.files) if (test(join(rest, name))) files.add(name);
      const deeper =
        rule.glob.includes('**') ||
        rule.glob.split('/').length > (rest === '' ? 1 : rest.split('/').length + 1);
      if (deeper) for (const name of listing.dirs) dirs.add(name);
    });
    return { files: [...files], dirs: [...dirs] };
  }

  objects(path: string): FileObjects {
    const found = this.origin(path);
    return found ? found[0].objects(found[1]) : { count: 0, control: [], rejected: [], all: () => new Map() };
  }

  tenantOf(path: string): string | undefined {
    const found = this.origin(path);
    return found ? found[0].tenantOf(found[1]) : undefined;
  }

  /** Every file of the artifact: path → content. */
  files(): Map<string, string> {
    const out = new Map<string, string>();
    const walk = (dir: string) => {
      const { files, dirs } = this.list(dir);
      for (const name of files) out.set(join(dir, name), this.read(join(dir, name)) as string);
      for (const name of dirs) walk(join(dir, name));
    };
    walk('');
    return out;
  }

  /** `latest@sha256:<hash of the content>` and the bytes the consumer untars. */
  revision(): { revision: string; bytes: number; files: number } {
    const files = [...this.files()].sort(([a], [b]) => (a < b ? -1 : 1));
    const hash = createHash('sha256');
    let bytes = 0;
    for (const [path, content] of files) {
      hash.update(`${path}\0${content}\0`);
      bytes += content.length;
    }
    return { revision: `latest@sha256:${hash.digest('hex')}`, bytes, files: files.length };
  }
}
