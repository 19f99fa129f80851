// A repository snapshot as the model reads it: files by path, folders by listing. FleetRepo
// (fleet-repo.ts) is the large one; MapTree holds a handful of files (tests, artifacts).
import { parse } from 'yaml';
import { CONTROL_KINDS, type K8sObject, objectKey, parseObjects, rejection } from './objects.js';

export interface Listing {
  files: string[];
  dirs: string[];
}

/** What the model needs of a file: how many objects, the control objects themselves, refusals. */
export interface FileObjects {
  count: number;
  /** Objects the model follows (CONTROL_KINDS); other objects are only counted. */
  control: K8sObject[];
  /** Why the API server refuses some of its objects (empty when it takes them all). */
  rejected: string[];
  /** Every object, keyed: only read for the files a commit changed. */
  all: () => Map<string, string>;
}

export interface Tree {
  read(path: string): string | undefined;
  /** Whether a file exists, without producing its content. */
  has(path: string): boolean;
  /** The `resources` of a kustomization.yaml. */
  resources(path: string): string[];
  /** Names of the files and folders directly in `dir` ('' is the root). */
  list(dir: string): Listing;
  objects(path: string): FileObjects;
  /** The tenant folder `path` lies in, if any: the unit of blast radius. */
  tenantOf(path: string): string | undefined;
}

export function join(dir: string, name: string): string {
  if (name === '') return dir;
  return dir === '' ? name : `${dir}/${name}`;
}

export function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

const parsed = new Map<string, FileObjects>();

/** The objects of one file's content; the same content is parsed once. */
export function objectsOf(content: string): FileObjects {
  let hit = parsed.get(content);
  if (!hit) {
    const all = parseObjects(content);
    const keyed = new Map(all.map((o) => [objectKey(o), JSON.stringify(o)]));
    hit = {
      count: all.length,
      control: all.filter((o) => CONTROL_KINDS.has(o.kind)),
      rejected: all.map(rejection).filter((r): r is string => r !== undefined),
      all: () => keyed,
    };
    if (parsed.size > 20_000) parsed.clear();
    parsed.set(content, hit);
  }
  return hit;
}

const resourceLists = new Map<string, string[]>();

/** The `resources` list of a kustomization.yaml's content; the same content is parsed once. */
export function resourcesOf(content: string): string[] {
  let hit = resourceLists.get(content);
  if (!hit) {
    hit = ((parse(content) ?? {}) as { resources?: string[] }).resources ?? [];
    if (resourceLists.size > 20_000) resourceLists.clear();
    resourceLists.set(content, hit);
  }
  return hit;
}

/** A tree of files held in a map; folders are implied by the paths. */
export class MapTree implements Tree {
  private readonly dirs = new Map<string, Listing>();

  constructor(
    readonly files: ReadonlyMap<string, string>,
    private readonly tenantFolder: (path: string) => string | undefined = () => undefined,
  ) {
    for (const path of files.keys()) {
      let child = path;
      let isFile = true;
      while (child !== '') {
        const dir = parentOf(child);
        const name = child.slice(dir === '' ? 0 : dir.length + 1);
        let listing = this.dirs.get(dir);
        if (!listing) {
          listing = { files: [], dirs: [] };
          this.dirs.set(dir, listing);
        }
        const into = isFile ? listing.files : listing.dirs;
        if (!into.includes(name)) into.push(name);
        isFile = false;
        child = dir;
      }
    }
  }

  read(path: string): string | undefined {
    return this.files.get(path);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  resources(path: string): string[] {
    return resourcesOf(this.files.get(path) ?? '');
  }

  list(dir: string): Listing {
    return this.dirs.get(dir) ?? { files: [], dirs: [] };
  }

  objects(path: string): FileObjects {
    return objectsOf(this.files.get(path) ?? '');
  }

  tenantOf(path: string): string | undefined {
    return this.tenantFolder(path);
  }
}
