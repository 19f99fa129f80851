#!/usr/bin/env node
// Regenerates synth/generated/ from the schemas vendored in vendor/ at the repository root (see
// vendor/SOURCES.md), or from $LUSTER_SHARED_DIR when trying a refresh:
//   schemas.json    every Kubernetes kind (k8s-schemas, v1.34.0) and every CRD kind (crds/*.yaml),
//                   closed so that unknown fields are errors; used to compile validators on demand.
//   validators.cjs  the same schemas, precompiled with ajv for the kinds renderTenant emits, so a
//                   cold `luster-synth render` does not pay ~0.5 s of ajv compilation.
// `--check` compares instead of writing and exits 1 when the committed files are stale.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const synthDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The vendored copy: the default, and what the generated-files test compares against. */
export const vendorDir = resolve(synthDir, '../vendor');
const outDir = join(synthDir, 'generated');
const kubernetesVersion = 'v1.34.0';

/** The kinds renderTenant emits; keep in step with the `precompiled kinds` test. */
const precompiledKinds = [
  'v1/Namespace',
  'v1/ResourceQuota',
  'v1/LimitRange',
  'v1/ServiceAccount',
  'v1/ConfigMap',
  'v1/Service',
  'apps/v1/Deployment',
  'policy/v1/PodDisruptionBudget',
  'autoscaling/v2/HorizontalPodAutoscaler',
  'networking.k8s.io/v1/NetworkPolicy',
  'networking.k8s.io/v1/Ingress',
  'rbac.authorization.k8s.io/v1/RoleBinding',
  'cert-manager.io/v1/Certificate',
  'kustomize.toolkit.fluxcd.io/v1/Kustomization',
  'postgresql.cnpg.io/v1/Cluster',
  'postgresql.cnpg.io/v1/ScheduledBackup',
];

const KEEP_EXTENSIONS = new Set(['x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string']);

/**
 * Drops prose and the vendor extensions ajv ignores (they are most of the bytes), and closes every
 * object schema that lists its properties: that is what turns a misspelled field into an error.
 */
function closeSchema(node) {
  if (Array.isArray(node)) return node.map(closeSchema);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description') continue;
    if (key.startsWith('x-kubernetes-') && !KEEP_EXTENSIONS.has(key)) continue;
    // `properties` maps field names to schemas: its keys are data, not schema keywords.
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, closeSchema(v)]))
        : closeSchema(value);
  }
  if (
    out.properties &&
    out.additionalProperties === undefined &&
    !out['x-kubernetes-preserve-unknown-fields']
  ) {
    out.additionalProperties = false;
  }
  return out;
}

function apiVersionOf(group, version) {
  return group ? `${group}/${version}` : version;
}

function kubernetesKinds(definitions) {
  const kinds = {};
  for (const [name, definition] of Object.entries(definitions)) {
    for (const gvk of definition['x-kubernetes-group-version-kind'] ?? []) {
      kinds[`${apiVersionOf(gvk.group, gvk.version)}/${gvk.kind}`] = {
        $ref: `luster:k8s#/definitions/${name}`,
      };
    }
  }
  return kinds;
}

/** A manifest in git carries no status: without it in the schema, a committed status is an unknown field. */
function withoutStatus(definitions) {
  const out = {};
  for (const [name, definition] of Object.entries(definitions)) {
    if (definition['x-kubernetes-group-version-kind'] && definition.properties?.status) {
      const { status: _status, ...properties } = definition.properties;
      out[name] = { ...definition, properties };
    } else {
      out[name] = definition;
    }
  }
  return out;
}

/**
 * Moves every nested object schema of a CRD into `definitions`, referenced by name. With ajv's
 * `inlineRefs: false` each becomes a function of its own, compiled by V8 only when an object
 * actually has that field: a cold render then compiles a few functions, not the CNPG Cluster's
 * 450 KB schema in one piece.
 */
function hoist(schema, name, definitions) {
  const out = { ...schema };
  if (out.properties) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([field, child]) => [
        field,
        hoistChild(child, `${name}.${field}`, definitions),
      ]),
    );
  }
  if (out.items && !Array.isArray(out.items)) out.items = hoistChild(out.items, `${name}.items`, definitions);
  if (out.additionalProperties && typeof out.additionalProperties === 'object') {
    out.additionalProperties = hoistChild(out.additionalProperties, `${name}.values`, definitions);
  }
  return out;
}

function hoistChild(schema, name, definitions) {
  const inner = hoist(schema, name, definitions);
  if (!inner.properties) return inner;
  if (/[/~#%]/.test(name)) throw new Error(`cannot name a definition after ${name}`);
  definitions[name] = inner;
  return { $ref: `luster:k8s#/definitions/${name}` };
}

function crdKinds(sourceDir, definitions) {
  const kinds = {};
  const crdDir = join(sourceDir, 'crds');
  for (const file of readdirSync(crdDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const crd = parse(readFileSync(join(crdDir, file), 'utf8'));
    for (const version of crd.spec.versions.filter((v) => v.served)) {
      const key = `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`;
      const schema = closeSchema(version.schema.openAPIV3Schema);
      const { status: _status, metadata: _metadata, ...properties } = schema.properties;
      const root = hoist({ ...schema, properties }, `crd.${key.replaceAll('/', '.')}`, definitions);
      // CRDs declare metadata as a bare object; the Kubernetes ObjectMeta schema closes it too.
      root.properties.metadata = {
        $ref: 'luster:k8s#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
      };
      kinds[key] = root;
    }
  }
  return kinds;
}

/** `sourceDir` holds crds/*.yaml and k8s-schemas/, laid out like vendor/. */
export function buildSchemaBundle(sourceDir = vendorDir) {
  const source = JSON.parse(
    readFileSync(join(sourceDir, `k8s-schemas/k8s-${kubernetesVersion}.definitions.json`), 'utf8'),
  );
  const definitions = closeSchema(withoutStatus(source.definitions));
  const kinds = { ...kubernetesKinds(source.definitions), ...crdKinds(sourceDir, definitions) };
  return { kubernetesVersion, kinds, definitions };
}

/** Export names in validators.cjs: the runtime derives the same name from apiVersion/kind. */
export function exportName(kindKey) {
  return kindKey.replace(/[^A-Za-z0-9]/g, '_');
}

export function buildValidatorsModule(bundle) {
  // inlineRefs: false keeps every referenced schema a function of its own (see hoist()).
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    logger: false,
    inlineRefs: false,
    code: { source: true },
  });
  addFormats(ajv);
  ajv.addSchema({ $id: 'luster:k8s', definitions: bundle.definitions });
  const refs = {};
  for (const key of precompiledKinds) {
    const schema = bundle.kinds[key];
    if (!schema) throw new Error(`precompiled kind ${key} is not in the schema bundle`);
    ajv.addSchema(schema, `luster:kind:${key}`);
    refs[exportName(key)] = `luster:kind:${key}`;
  }
  return `// generated by synth/scripts/generate-schemas.mjs — do not edit\n${standaloneCode(ajv, refs)}\n`;
}

function main() {
  const check = process.argv.includes('--check');
  const bundle = buildSchemaBundle(resolve(process.env.LUSTER_SHARED_DIR ?? vendorDir));
  const outputs = {
    'schemas.json': `${JSON.stringify(bundle)}\n`,
    'validators.cjs': buildValidatorsModule(bundle),
  };
  let stale = false;
  for (const [file, content] of Object.entries(outputs)) {
    const path = join(outDir, file);
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        current = '';
      }
      if (current !== content) {
        stale = true;
        process.stderr.write(`${path} is stale: run npm run generate -w synth\n`);
      }
    } else {
      writeFileSync(path, content);
      process.stdout.write(`wrote ${path} (${content.length} bytes)\n`);
    }
  }
  if (stale) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
