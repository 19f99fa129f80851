import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/gitops-template/support/paths.ts). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const templateDir = path.join(repoRoot, 'gitops-repo-template');

/** CI clones the repository with the read-only `shared/` folder beside it. */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const crdDir = path.join(sharedDir, 'crds');
export const k8sDefinitionsFile = path.join(sharedDir, 'k8s-schemas', 'k8s-v1.34.0.definitions.json');

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The real kubectl (kustomize 5.x, works offline). */
export const kubectl = process.env.KUBECTL ?? '/usr/bin/kubectl';
