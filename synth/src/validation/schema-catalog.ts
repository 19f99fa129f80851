// Validators per apiVersion/kind, built from synth/generated (scripts/generate-schemas.mjs): the
// kinds synth renders come precompiled; any other kind is compiled on first use and cached.
// Both are loaded lazily, so importing the package costs nothing until something is validated.
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';

/** An ajv validation function: `errors` is set after a failed call. */
export interface KindValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

interface SchemaBundle {
  readonly kubernetesVersion: string;
  readonly kinds: Readonly<Record<string, object>>;
  readonly definitions: object;
}

interface AjvInstance {
  addSchema(schema: object): AjvInstance;
  compile(schema: object): KindValidator;
}

// The same relative path works from src/validation (tests, tsx) and dist/validation (built CLI).
const require = createRequire(import.meta.url);
const GENERATED = '../../generated';

let precompiled: Readonly<Record<string, KindValidator>> | undefined;
let bundle: SchemaBundle | undefined;
let ajv: AjvInstance | undefined;
/** Every kind looked up so far: its validator, or `null` for a kind no schema defines. */
const validators = new Map<string, KindValidator | null>();

/** `apps/v1` + `Deployment` → `apps/v1/Deployment`, the key of every schema lookup. */
export function kindKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

/** Name of a kind's export in validators.cjs (mirrors exportName in the generator). */
function exportName(key: string): string {
  return key.replace(/[^A-Za-z0-9]/g, '_');
}

function precompiledValidators(): Readonly<Record<string, KindValidator>> {
  precompiled ??= require(`${GENERATED}/validators.cjs`) as Record<string, KindValidator>;
  return precompiled;
}

function schemaBundle(): SchemaBundle {
  bundle ??= require(`${GENERATED}/schemas.json`) as SchemaBundle;
  return bundle;
}

function compiler(): AjvInstance {
  if (!ajv) {
    const Ajv = (require('ajv') as { default: new (options: object) => AjvInstance }).default;
    const addFormats = (require('ajv-formats') as { default: (ajv: AjvInstance) => void }).default;
    ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    addFormats(ajv);
    ajv.addSchema({ $id: 'luster:k8s', definitions: schemaBundle().definitions });
  }
  return ajv;
}

/** True when `key` is one of the kinds whose validator ships precompiled. */
export function isPrecompiled(key: string): boolean {
  return exportName(key) in precompiledValidators();
}

function lookUp(key: string): KindValidator | null {
  const ready = precompiledValidators()[exportName(key)];
  if (ready) return ready;
  const schema = schemaBundle().kinds[key];
  return schema ? compiler().compile(schema) : null;
}

/** The validator for a kind, or `undefined` when neither Kubernetes nor any known CRD defines it. */
export function validatorFor(key: string): KindValidator | undefined {
  let validator = validators.get(key);
  if (validator === undefined) {
    validator = lookUp(key);
    validators.set(key, validator);
  }
  return validator ?? undefined;
}
