import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The file names kustomize accepts as a kustomization file. */
const kustomizationFiles = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

async function hasKustomization(dir: string): Promise<boolean> {
  for (const name of kustomizationFiles) {
    const found = await stat(path.join(dir, name)).catch(() => null);
    if (found?.isFile()) return true;
  }
  return false;
}

/**
 * The resources kustomize-controller's generator lists for a Kustomization path that has no
 * kustomization file (fluxcd/pkg kustomize/kustomize_generator.go): it walks the tree in lexical
 * order; a sub-folder holding a kustomization file is added as one resource and not descended
 * into; every other .yaml/.yml file is added; anything else is ignored.
 */
export async function fluxGeneratedResources(root: string): Promise<string[]> {
  if (await hasKustomization(root)) throw new Error(`${root} has its own kustomization file`);
  const resources: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (await hasKustomization(full)) resources.push(relative);
        else await walk(full);
      } else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
        resources.push(relative);
      }
    }
  }
  await walk(root);
  return resources;
}

/**
 * Writes the kustomization.yaml Flux would generate into `root` (use a scratch copy) and returns
 * its resources. An empty list is written as `resources: []`, which builds to nothing, as Flux
 * does for a path without manifests.
 */
export async function writeFluxGeneratedKustomization(root: string): Promise<string[]> {
  const resources = await fluxGeneratedResources(root);
  const list = resources.length === 0 ? ' []' : `\n${resources.map((r) => `  - ${r}`).join('\n')}`;
  await writeFile(
    path.join(root, 'kustomization.yaml'),
    `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:${list}\n`,
  );
  return resources;
}
