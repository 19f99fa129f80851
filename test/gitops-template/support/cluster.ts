import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findObject, parseObjects } from './objects.js';
import { templateDir } from './paths.js';

/** The Flux Kustomizations a cluster's plain YAML files declare (infrastructure.yaml, tenants.yaml). */
export async function clusterKustomizations(cluster = 'production', repo = templateDir) {
  const files = ['infrastructure.yaml', 'tenants.yaml'];
  const texts = await Promise.all(
    files.map((f) => readFile(path.join(repo, 'clusters', cluster, f), 'utf8')),
  );
  return texts.flatMap((text, i) => parseObjects(text, files[i]));
}

/** The post-build variables Kustomization infrastructure-configs gives this cluster. */
export async function clusterVariables(cluster = 'production'): Promise<Record<string, string>> {
  const configs = findObject(await clusterKustomizations(cluster), 'Kustomization', 'infrastructure-configs');
  return configs.spec.postBuild.substitute;
}
