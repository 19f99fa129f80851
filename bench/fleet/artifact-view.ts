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
  /** Repository folder the glob starts in (the part of `from` before its first wildcard). */
  from: string;
  /** The rest of `from`: '**' for everything below, or a glob such as '*.yaml'. */
  glob: string;
  /** Folder of the artifact the files land in. */
  to: string;
}

/** `@repo/tenants/p/ab/acme/**` → `@artifact/` as a rule; `alias` must name the repository. */
export function copyRule(from: string, to: string): CopyRule {
  const path = from.replace(/^@[^/]+\//, '');
  const parts = path.split('/');
  const wild = parts.findIndex((p) => /[*?[]/.test(p));
  const fixed = wild < 0 ? parts : parts.slice(0, wild);
  return {
    from: normalize(fixed.join('/')),
    glob: wild < 0 ? '**' : parts.slice(wild).join('/'),
    to: normalize(to.replace(/^@artifact\/?/, '')),
  };
}

function globRegex(glob: string): RegExp {
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

export class ArtifactView implements Tree {
  private readonly matchers: RegExp[];

  constructor(
    private readonly repo: Tree,
    readonly rules: readonly CopyRule[],
  ) {
    this.matchers = rules.map((r) => globRegex(r.glob));
  }

  /** The repository path an artifact path is copied from (the last rule that provides it wins). */
  origin(path: string): string | undefined {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const rule = this.rules[i] as CopyRule;
      const rest =
        rule.to === '' ? path : path.startsWith(`${rule.to}/`) ? path.slice(rule.to.length + 1) : undefined;
      if (rest === undefined || !(this.matchers[i] as RegExp).test(rest)) continue;
      const source = join(rule.from, rest);
      if (this.repo.has(source)) return source;
    }
    return undefined;
  }

  /** The artifact path a repository file lands at, if any rule copies it. */
  destination(repoPath: string): string | undefined {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const rule = this.rules[i] as CopyRule;
      if (!repoPath.startsWith(`${rule.from}/`)) continue;
      const rest = repoPath.slice(rule.from.length + 1);
      if ((this.matchers[i] as RegExp).test(rest)) return join(rule.to, rest);
    }
    return undefined;
  }

  read(path: string): string | undefined {
    const source = this.origin(path);
    return source === undefined ? undefined : this.repo.read(source);
  }

  has(path: string): boolean {
    return this.origin(path) !== undefined;
  }

  resources(path: string): string[] {
    const source = this.origin(path);
    return source === undefined ? [] : this.repo.resources(source);
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
      const listing = this.repo.list(join(rule.from, rest));
      const matcher = this.matchers[i] as RegExp;
      for (const name of listing.files) if (matcher.test(join(rest, name))) files.add(name);
      if (rule.glob.includes('**') || rule.glob.split('/').length > rest.split('/').length)
        for (const name of listing.dirs) dirs.add(name);
    });
    return { files: [...files], dirs: [...dirs] };
  }

  objects(path: string): FileObjects {
    const source = this.origin(path);
    return this.repo.objects(source ?? path);
  }

  tenantOf(path: string): string | undefined {
    const source = this.origin(path);
    return source === undefined ? undefined : this.repo.tenantOf(source);
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
