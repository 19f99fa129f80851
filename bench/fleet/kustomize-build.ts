// Which files a build of a folder reads, by the rules of the tool that builds it.
//
// - A folder with a kustomization.yaml: its `resources`, files and folders, each folder built the
//   same way (kustomize; https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/resource/).
// - Flux, folder without one: kustomize-controller generates a kustomization.yaml "if needed"
//   (https://github.com/fluxcd/kustomize-controller README, "generates the kustomization.yaml file
//   if needed"): every YAML file in the tree, where a sub-folder that has its own
//   kustomization.yaml is added whole and not descended into.
// - Argo CD, folder without one: a "directory" application, the YAML files of that folder only
//   (https://argo-cd.readthedocs.io/en/stable/user-guide/directory/, recurse defaults to false).
import type { K8sObject } from './objects.js';
import { join, parentOf, type Tree } from './tree.js';

export type BuildTool = 'flux' | 'argocd';

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const isYaml = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml');

/** `a/./b/../c` → `a/c`; a leading `./` or `/` is the root. */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function kustomizationOf(tree: Tree, dir: string): string | undefined {
  const { files } = tree.list(dir);
  const name = KUSTOMIZATION_FILES.find((f) => files.includes(f));
  return name === undefined ? undefined : join(dir, name);
}

/** What a build yields: object count, refusals, the control objects, and how many files. */
export interface BuildSummary {
  files: number;
  objects: number;
  rejected: string[];
  control: K8sObject[];
}

const empty = (): BuildSummary => ({ files: 0, objects: 0, rejected: [], control: [] });

function add(into: BuildSummary, part: BuildSummary): void {
  into.files += part.files;
  into.objects += part.objects;
  if (part.rejected.length > 0) into.rejected.push(...part.rejected);
  if (part.control.length > 0) into.control.push(...part.control);
}

function fileSummary(tree: Tree, path: string): BuildSummary {
  const found = tree.objects(path);
  return { files: 1, objects: found.count, rejected: found.rejected, control: found.control };
}

/**
 * Summaries of folder builds, kept between commits for one tree: a folder's build changes only
 * when a file below it does (resources reaching above their folder are not cached).
 */
export class BuildCache {
  private readonly byDir = new Map<string, BuildSummary>();

  get(dir: string): BuildSummary | undefined {
    return this.byDir.get(dir);
  }

  set(dir: string, summary: BuildSummary): void {
    this.byDir.set(dir, summary);
  }

  /** Forgets every folder that holds one of `paths`. */
  invalidate(paths: Iterable<string>): void {
    for (const path of paths) {
      let dir = parentOf(path);
      for (;;) {
        this.byDir.delete(`flux:${dir}`);
        this.byDir.delete(`argocd:${dir}`);
        if (dir === '') break;
        dir = parentOf(dir);
      }
    }
  }
}

function build(
  tree: Tree,
  dir: string,
  tool: BuildTool,
  cache: BuildCache | undefined,
  kustomized: boolean,
): BuildSummary {
  const cacheKey = `${kustomized ? 'argocd' : tool}:${dir}`;
  const hit = cache?.get(cacheKey);
  if (hit) return hit;
  const out = empty();
  let local = true;
  const file = kustomizationOf(tree, dir);
  if (file) {
    for (const resource of tree.resources(file)) {
      const path = normalize(join(dir, resource));
      if (resource.startsWith('..')) local = false;
      if (tree.has(path)) add(out, fileSummary(tree, path));
      else if (kustomizationOf(tree, path)) add(out, build(tree, path, tool, cache, true));
      else throw new Error(`${file}: resource ${resource} is neither a file nor a kustomization`);
    }
  } else if (tool === 'flux' && !kustomized) {
    const { files, dirs } = tree.list(dir);
    for (const name of files) if (isYaml(name)) add(out, fileSummary(tree, join(dir, name)));
    for (const name of dirs) add(out, build(tree, join(dir, name), tool, cache, false));
  } else {
    for (const name of tree.list(dir).files) if (isYaml(name)) add(out, fileSummary(tree, join(dir, name)));
  }
  if (local) cache?.set(cacheKey, out);
  return out;
}

/** The objects a build of `dir` yields, summed; `cache` keeps folder results between commits. */
export function summarize(tree: Tree, dir: string, tool: BuildTool, cache?: BuildCache): BuildSummary {
  return build(tree, normalize(dir), tool, cache, false);
}

/** Paths of the files a build of `dir` reads. */
export function buildFiles(tree: Tree, dir: string, tool: BuildTool): string[] {
  const into: string[] = [];
  const walk = (at: string, kustomized: boolean) => {
    const file = kustomizationOf(tree, at);
    if (file) {
      for (const resource of tree.resources(file)) {
        const path = normalize(join(at, resource));
        if (tree.has(path)) into.push(path);
        else walk(path, true);
      }
    } else if (tool === 'flux' && !kustomized) {
      const { files, dirs } = tree.list(at);
      for (const name of files) if (isYaml(name)) into.push(join(at, name));
      for (const name of dirs) walk(join(at, name), false);
    } else {
      for (const name of tree.list(at).files) if (isYaml(name)) into.push(join(at, name));
    }
  };
  walk(normalize(dir), false);
  return into;
}

/** Whether a build of `dir` reads `file`, without building it. */
export function builds(tree: Tree, dir: string, file: string, tool: BuildTool, kustomized = false): boolean {
  const at = normalize(dir);
  // Only a kustomization's resources (`../x`) reach outside its folder.
  const own = kustomizationOf(tree, at);
  if (own) {
    for (const resource of tree.resources(own)) {
      const path = normalize(join(at, resource));
      if (path === file) return true;
      if (file.startsWith(`${path}/`) && !tree.has(path) && builds(tree, path, file, tool, true)) return true;
    }
    return false;
  }
  if (at !== '' && !file.startsWith(`${at}/`)) return false;
  if (parentOf(file) === at) return isYaml(file);
  if (tool !== 'flux' || kustomized) return false;
  const next = file.slice(at === '' ? 0 : at.length + 1).split('/')[0] as string;
  return builds(tree, join(at, next), file, tool, false);
}
