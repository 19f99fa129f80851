import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vendorDir } from '../../support/vendor-sources.js';

/** The repository root (this file is test/gitops-template/support/paths.ts). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const templateDir = path.join(repoRoot, 'gitops-repo-template');

/** The upstream CRDs and Kubernetes schemas, vendored with their sources (vendor/SOURCES.md). */
export const crdDir = path.join(vendorDir, 'crds');
export const k8sDefinitionsFile = path.join(vendorDir, 'k8s-schemas', 'k8s-v1.34.0.definitions.json');

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
