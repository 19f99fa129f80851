import { parseAllDocuments } from 'yaml';
import type { Violation } from '../errors/validation-error.js';
import { TENANT_LABEL } from '../labels/tenant-labels.js';
import { TENANT_NAMESPACE_PREFIX } from '../naming/tenant-names.js';
import { defaultRenderOptions } from '../options/render-options.js';
import { describeObject, type Manifest, metadataOf } from './object-identity.js';
import { hosts } from './policy/hosts.js';
import { images } from './policy/images.js';
import { labels } from './policy/labels.js';
import { names } from './policy/names.js';
import { podSecurity } from './policy/pod-security.js';
import { asObject, type PolicyCheck, type PolicyOptions } from './policy/policy-context.js';
import { resources } from './policy/resources.js';
import { kindKey, validatorFor } from './schema-catalog.js';
import { schemaViolations } from './schema-violations.js';

export interface ValidateOptions {
  /**
   * Registries (host, optionally with a path prefix) images may come from.
   * @default RenderOptions' default, ['registry.luster.io']
   */
  readonly allowedImageRegistries?: readonly string[];
  /**
   * Kinds (`<apiVersion>/<kind>`, e.g. `monitoring.coreos.com/v1/ServiceMonitor`) accepted
   * without a schema: a repository may hold kinds whose CRD is not among the known ones. They are
   * still checked against the tenant policies. @default none
   */
  readonly kindsWithoutSchema?: readonly string[];
}

const POLICIES: readonly PolicyCheck[] = [names, labels, hosts, images, resources, podSecurity];

/**
 * Policies are the tenant contract: they apply to objects labelled with a tenant or living in a
 * tenant namespace, not to the platform's own components (Flux, operators) in the same repo.
 */
function isTenantObject(object: Manifest): boolean {
  const metadata = metadataOf(object);
  if (typeof asObject(metadata.labels)?.[TENANT_LABEL] === 'string') return true;
  const namespace = object.kind === 'Namespace' ? metadata.name : metadata.namespace;
  return typeof namespace === 'string' && namespace.startsWith(TENANT_NAMESPACE_PREFIX);
}

/** kustomize's own configuration (kustomization.yaml) is a build input, not an API object. */
const KUSTOMIZE_CONFIG = /^kustomize\.config\.k8s\.io\//;

function validateObject(
  value: unknown,
  fallback: string,
  options: PolicyOptions,
  kindsWithoutSchema: readonly string[],
): Violation[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ object: fallback, field: '', rule: 'schema.object', message: 'a manifest must be a mapping' }];
  }
  const object = value as Manifest;
  const name = describeObject(object, fallback);
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return [
      {
        object: name,
        field: 'apiVersion',
        rule: 'schema.kind',
        message: 'apiVersion and kind must be strings',
      },
    ];
  }
  if (KUSTOMIZE_CONFIG.test(apiVersion)) return [];
  const validator = validatorFor(kindKey(apiVersion, kind));
  if (!validator && kindsWithoutSchema.includes(`${apiVersion}/${kind}`)) {
    return isTenantObject(object) ? POLICIES.flatMap((policy) => policy(object, name, options)) : [];
  }
  if (!validator) {
    return [
      {
        object: name,
        field: 'kind',
        rule: 'schema.unknown-kind',
        message: `${apiVersion}/${kind} is neither a Kubernetes kind nor one of the known CRDs`,
      },
    ];
  }
  const violations = validator(object) ? [] : schemaViolations(name, validator.errors ?? []);
  if (isTenantObject(object)) {
    for (const policy of POLICIES) violations.push(...policy(object, name, options));
  }
  return violations;
}

function fromYaml(text: string): { objects: unknown[]; violations: Violation[] } {
  const objects: unknown[] = [];
  const violations: Violation[] = [];
  for (const [index, document] of parseAllDocuments(text).entries()) {
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        violations.push({
          object: `document ${index + 1}`,
          field: '',
          rule: 'yaml.syntax',
          message: error.message,
        });
      }
    } else {
      // An empty document (`---` at the end of a file) is nothing to validate.
      const value: unknown = document.toJS();
      if (value !== null && value !== undefined) objects.push(value);
    }
  }
  return { objects, violations };
}

/**
 * Validates manifests against the Kubernetes and CRD schemas (closed: unknown fields are errors)
 * and synth's policies. Takes YAML text (one or more documents) or parsed objects; returns every
 * violation, an empty list when all is well.
 */
export function validateManifests(
  input: string | readonly unknown[],
  options: ValidateOptions = {},
): Violation[] {
  const policyOptions: PolicyOptions = {
    allowedImageRegistries: options.allowedImageRegistries ?? defaultRenderOptions.allowedImageRegistries,
  };
  const { objects, violations } =
    typeof input === 'string' ? fromYaml(input) : { objects: input, violations: [] as Violation[] };
  for (const [index, object] of objects.entries()) {
    violations.push(
      ...validateObject(object, `document ${index + 1}`, policyOptions, options.kindsWithoutSchema ?? []),
    );
  }
  return violations;
}
