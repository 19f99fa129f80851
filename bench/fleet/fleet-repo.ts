// The GitOps repository at fleet scale, held the way it can be at 100,000 tenants: the files outside
// tenants/ as they are, and each tenant folder as a replica of one of a few tenants rendered by
// synth for real, with the template's folder and slug replaced by the tenant's own (paths and
// contents). A replica is what synth renders for that slug except for values synth derives from
// the slug through a hash (a certificate file's suffix, the backup minute), which stay the
// template's: same sizes, same objects, same kinds. A tenant a commit changes gets real files.
import {
  type FileObjects,
  type Listing,
  MapTree,
  objectsOf,
  parentOf,
  resourcesOf,
  type Tree,
} from './tree.js';

/** One tenant rendered for real; `files` are relative to its folder `dir`. */
export interface TenantTemplate {
  readonly slug: string;
  readonly dir: string;
  readonly files: ReadonlyMap<string, string>;
}

interface TemplateFile {
  content: string;
  dirHits: number;
  slugHits: number;
}

interface Tenant {
  slug: string;
  dir: string;
  template: TenantTemplate;
  /** Files written by a commit (null: deleted), relative to `dir`. */
  own?: Map<string, string | null>;
}

/** One file a commit touched: its content before and after (undefined: absent). */
export interface Change {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

const count = (text: string, part: string) => text.split(part).length - 1;

export class FleetRepo implements Tree {
  private base: MapTree;
  private readonly tenants = new Map<string, Tenant>();
  /** Listings of tenants/…/<shard> levels: parent folder → child folder names. */
  private readonly levels = new Map<string, Set<string>>();
  private readonly templateFiles = new Map<TenantTemplate, Map<string, TemplateFile>>();
  private readonly templateTrees = new Map<TenantTemplate, MapTree>();
  private bytes: number | undefined;

  constructor(baseFiles: ReadonlyMap<string, string>) {
    this.base = new MapTree(new Map(baseFiles));
  }

  // ── reading ──────────────────────────────────────────────────────────────────────────────

  /** The tenant folder a path lies in, if it is one of this repository's tenants (tenants/<cluster>/<shard>/<slug>). */
  tenantOf(path: string): string | undefined {
    if (!path.startsWith('tenants/')) return undefined;
    let end = 7;
    for (let i = 0; i < 3 && end >= 0; i++) end = path.indexOf('/', end + 1);
    const dir = end < 0 ? path : path.slice(0, end);
    return this.tenants.has(dir) ? dir : undefined;
  }

  private within(path: string): [Tenant, string] | undefined {
    const dir = this.tenantOf(path);
    if (dir === undefined || dir === path) return undefined;
    return [this.tenants.get(dir) as Tenant, path.slice(dir.length + 1)];
  }

  private replicaOf(tenant: Tenant, rel: string): string | undefined {
    const file = this.filesOf(tenant.template).get(this.templateRel(tenant, rel));
    if (!file) return undefined;
    return file.content
      .replaceAll(tenant.template.dir, tenant.dir)
      .replaceAll(tenant.template.slug, tenant.slug);
  }

  /**
   * A replica's relative path → the template's. Only a few file names carry the slug; renaming
   * those forward (never a replica's name backward: a short slug such as "tifi" also occurs in
   * "certificate") finds the template's file.
   */
  private templateRel(tenant: Tenant, rel: string): string {
    if (tenant.slug === tenant.template.slug) return rel;
    const { slug } = tenant.template;
    if (
      !rel.includes(slug) &&
      (this.filesOf(tenant.template).has(rel) || this.dirsOf(tenant.template).has(rel))
    )
      return rel;
    for (const candidate of this.slugNamed(tenant.template)) {
      if (candidate.replaceAll(slug, tenant.slug) === rel) return candidate;
    }
    return rel;
  }

  read(path: string): string | undefined {
    const hit = this.within(path);
    if (!hit) return this.base.read(path);
    const [tenant, rel] = hit;
    const own = tenant.own?.get(rel);
    if (own !== undefined) return own ?? undefined;
    return this.replicaOf(tenant, rel);
  }

  has(path: string): boolean {
    const hit = this.within(path);
    if (!hit) return this.base.has(path);
    const [tenant, rel] = hit;
    const own = tenant.own?.get(rel);
    if (own !== undefined) return own !== null;
    return this.filesOf(tenant.template).has(this.templateRel(tenant, rel));
  }

  resources(path: string): string[] {
    const hit = this.within(path);
    if (!hit) return this.base.resources(path);
    const [tenant, rel] = hit;
    if (tenant.own?.get(rel) !== undefined || tenant.slug === tenant.template.slug)
      return resourcesOf(this.read(path) ?? '');
    const template = this.filesOf(tenant.template).get(this.templateRel(tenant, rel));
    return resourcesOf(template?.content ?? '').map((r) => r.replaceAll(tenant.template.slug, tenant.slug));
  }

  list(dir: string): Listing {
    const owner = this.tenantOf(dir);
    if (owner !== undefined) {
      return this.tenantListing(
        this.tenants.get(owner) as Tenant,
        dir === owner ? '' : dir.slice(owner.length + 1),
      );
    }
    const listing = this.base.list(dir);
    const extra = this.levels.get(dir);
    if (!extra) return listing;
    return { files: listing.files, dirs: [...new Set([...listing.dirs, ...extra])] };
  }

  private tenantListing(tenant: Tenant, rel: string): Listing {
    const tree = this.treeOf(tenant.template);
    const templateDir = this.templateRel(tenant, rel);
    const { files, dirs } = tree.list(templateDir);
    const rename = (name: string) => name.replaceAll(tenant.template.slug, tenant.slug);
    const names = new Set(files.map(rename));
    const subdirs = new Set(dirs.map(rename));
    for (const [path, content] of tenant.own ?? []) {
      if (parentOf(path) !== rel) {
        if (content !== null && (rel === '' || path.startsWith(`${rel}/`)))
          subdirs.add(path.slice(rel === '' ? 0 : rel.length + 1).split('/')[0] as string);
        continue;
      }
      const name = path.slice(rel === '' ? 0 : rel.length + 1);
      if (content === null) names.delete(name);
      else names.add(name);
    }
    return { files: [...names], dirs: [...subdirs] };
  }

  objects(path: string): FileObjects {
    const hit = this.within(path);
    if (!hit) return this.base.objects(path);
    const [tenant, rel] = hit;
    const own = tenant.own?.get(rel);
    if (own !== undefined || tenant.slug === tenant.template.slug) return objectsOf(this.read(path) ?? '');
    const template = objectsOf(
      this.filesOf(tenant.template).get(this.templateRel(tenant, rel))?.content ?? '',
    );
    const rename = (text: string) =>
      text.replaceAll(tenant.template.dir, tenant.dir).replaceAll(tenant.template.slug, tenant.slug);
    return {
      count: template.count,
      control: template.control.map((o) => JSON.parse(rename(JSON.stringify(o)))),
      rejected: template.rejected,
      all: () => objectsOf(this.read(path) ?? '').all(),
    };
  }

  /** Bytes of every file: what a GitRepository artifact of this repository holds, untarred. */
  totalBytes(): number {
    if (this.bytes === undefined) {
      let sum = 0;
      for (const content of this.base.files.values()) sum += content.length;
      for (const tenant of this.tenants.values()) sum += this.tenantBytes(tenant);
      this.bytes = sum;
    }
    return this.bytes;
  }

  private tenantBytes(tenant: Tenant): number {
    const dirDelta = tenant.dir.length - tenant.template.dir.length;
    const slugDelta = tenant.slug.length - tenant.template.slug.length;
    let sum = 0;
    for (const [rel, file] of this.filesOf(tenant.template)) {
      const own = tenant.own?.get(rel.replaceAll(tenant.template.slug, tenant.slug));
      if (own === null) continue;
      sum +=
        own !== undefined
          ? own.length
          : file.content.length + file.dirHits * dirDelta + file.slugHits * slugDelta;
    }
    for (const [rel, content] of tenant.own ?? []) {
      if (content !== null && !this.filesOf(tenant.template).has(this.templateRel(tenant, rel)))
        sum += content.length;
    }
    return sum;
  }

  tenantCount(): number {
    return this.tenants.size;
  }

  tenantDirs(): IterableIterator<string> {
    return this.tenants.keys();
  }

  slugOf(dir: string): string | undefined {
    return this.tenants.get(dir)?.slug;
  }

  // ── writing (each returns the files it changed) ─────────────────────────────────────────

  /** Adds a tenant without reporting its files: how a fixture fills the repository. */
  seedTenant(dir: string, slug: string, template: TenantTemplate): void {
    if (!this.tenants.has(dir)) this.link(dir);
    this.tenants.set(dir, { slug, dir, template });
    this.bytes = undefined;
  }

  /** Adds the tenant as a replica of `template` at `dir`, or re-renders it from another template. */
  putTenant(dir: string, slug: string, template: TenantTemplate): Change[] {
    const before = this.snapshotOf(dir);
    const old = this.tenants.get(dir);
    if (old) this.bytes = undefined;
    else this.link(dir);
    this.tenants.set(dir, { slug, dir, template });
    if (this.bytes !== undefined) this.bytes += this.tenantBytes(this.tenants.get(dir) as Tenant);
    return diff(before, this.snapshotOf(dir));
  }

  removeTenant(dir: string): Change[] {
    const before = this.snapshotOf(dir);
    const tenant = this.tenants.get(dir);
    if (!tenant) return [];
    if (this.bytes !== undefined) this.bytes -= this.tenantBytes(tenant);
    this.tenants.delete(dir);
    this.unlink(dir);
    return diff(before, new Map());
  }

  /** Writes (or, with null, deletes) one file, in a tenant folder or outside. */
  writeFile(path: string, content: string | null): Change[] {
    const before = this.read(path);
    const hit = this.within(path);
    this.bytes = undefined;
    if (hit) {
      const [tenant, rel] = hit;
      tenant.own ??= new Map();
      tenant.own.set(rel, content);
    } else {
      const files = new Map(this.base.files);
      if (content === null) files.delete(path);
      else files.set(path, content);
      this.base = new MapTree(files);
    }
    const after = content ?? undefined;
    return before === after ? [] : [{ path, before, after }];
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────

  private filesOf(template: TenantTemplate): Map<string, TemplateFile> {
    let files = this.templateFiles.get(template);
    if (!files) {
      files = new Map();
      for (const [rel, content] of template.files) {
        const dirHits = count(content, template.dir);
        const slugHits = count(content.replaceAll(template.dir, ''), template.slug);
        files.set(rel, { content, dirHits, slugHits });
      }
      this.templateFiles.set(template, files);
    }
    return files;
  }

  private readonly named = new Map<TenantTemplate, { slugNamed: string[]; dirs: Set<string> }>();

  private namesOf(template: TenantTemplate) {
    let names = this.named.get(template);
    if (!names) {
      const dirs = new Set<string>(['']);
      for (const rel of template.files.keys())
        for (let d = parentOf(rel); d !== ''; d = parentOf(d)) dirs.add(d);
      const slugNamed = [...template.files.keys(), ...dirs].filter((rel) => rel.includes(template.slug));
      names = { slugNamed, dirs };
      this.named.set(template, names);
    }
    return names;
  }

  private slugNamed(template: TenantTemplate): string[] {
    return this.namesOf(template).slugNamed;
  }

  private dirsOf(template: TenantTemplate): Set<string> {
    return this.namesOf(template).dirs;
  }

  private treeOf(template: TenantTemplate): MapTree {
    let tree = this.templateTrees.get(template);
    if (!tree) {
      tree = new MapTree(template.files);
      this.templateTrees.set(template, tree);
    }
    return tree;
  }

  /** Every file of one tenant folder, by path (empty when there is no such tenant). */
  private snapshotOf(dir: string): Map<string, string> {
    const out = new Map<string, string>();
    if (!this.tenants.has(dir)) return out;
    const walk = (path: string) => {
      const { files, dirs } = this.list(path);
      for (const name of files) out.set(`${path}/${name}`, this.read(`${path}/${name}`) as string);
      for (const name of dirs) walk(`${path}/${name}`);
    };
    walk(dir);
    return out;
  }

  private link(dir: string): void {
    let child = dir;
    while (child !== '') {
      const parent = parentOf(child);
      let names = this.levels.get(parent);
      if (!names) {
        names = new Set();
        this.levels.set(parent, names);
      }
      names.add(parent === '' ? child : child.slice(parent.length + 1));
      child = parent;
    }
  }

  private unlink(dir: string): void {
    let child = dir;
    while (child !== '') {
      const parent = parentOf(child);
      const names = this.levels.get(parent);
      const name = parent === '' ? child : child.slice(parent.length + 1);
      const stillUsed = [...this.tenants.keys()].some((d) => d.startsWith(`${child}/`));
      if (!names || stillUsed) return;
      names.delete(name);
      child = parent;
    }
  }
}

function diff(before: Map<string, string>, after: Map<string, string>): Change[] {
  const changes: Change[] = [];
  for (const [path, content] of before) {
    if (after.get(path) !== content) changes.push({ path, before: content, after: after.get(path) });
  }
  for (const [path, content] of after)
    if (!before.has(path)) changes.push({ path, before: undefined, after: content });
  return changes;
}
