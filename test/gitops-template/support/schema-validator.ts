import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { groupOf, type K8sObject, objectId } from './objects.js';
import { crdDir, k8sDefinitionsFile } from './paths.js';

/**
 * A small local stand-in for @luster/synth's validateManifests (being written in synth/): every
 * object is checked against the Kubernetes v1.34 schemas or the CRDs in vendor/crds, with each
 * object schema closed (`additionalProperties: false`) unless it preserves unknown fields, so a
 * misspelled or unknown field is reported. CEL rules (x-kubernetes-validations) are not evaluated.
 */

// ajv-formats is CommonJS; under nodenext its default export is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export interface Problem {
  object: string;
  path: string;
  message: string;
}

type Schema = { [key: string]: unknown };
type CrdVersion = { name: string; served: boolean; schema: { openAPIV3Schema: Schema } };

const objectMeta = 'k8s#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/** Closes every object schema that lists properties, in place, as k8s-schemas/SOURCES.md says. */
export function closeObjectSchemas(schema: unknown): void {
  if (Array.isArray(schema)) {
    for (const item of schema) closeObjectSchemas(item);
    return;
  }
  if (schema === null || typeof schema !== 'object') return;
  const s = schema as Schema;
  if (
    s.properties !== undefined &&
    s.additionalProperties === undefined &&
    s['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    s.additionalProperties = false;
  }
  for (const value of Object.values(s)) closeObjectSchemas(value);
}

function key(apiVersion: string, kind: string): string {
  return `${apiVersion}|${kind}`;
}

export class SchemaValidator {
  private readonly compiled = new Map<string, ValidateFunction>();

  private constructor(
    private readonly ajv: Ajv,
    /** apiVersion|kind → a schema ajv can compile (CRDs added as they are first needed). */
    private readonly schemas: Map<string, Schema>,
    /** group|kind → the CRD file that defines it. */
    private readonly crdFiles: Map<string, string>,
  ) {}

  static async load(): Promise<SchemaValidator> {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const schemas = new Map<string, Schema>();

    const k8s = JSON.parse(await readFile(k8sDefinitionsFile, 'utf8')) as {
      definitions: Record<string, Schema>;
    };
    closeObjectSchemas(k8s);
    ajv.addSchema(k8s, 'k8s');
    for (const [name, definition] of Object.entries(k8s.definitions)) {
      const gvks = (definition['x-kubernetes-group-version-kind'] ?? []) as {
        group: string;
        version: string;
        kind: string;
      }[];
      for (const { group, version, kind } of gvks) {
        schemas.set(key(group ? `${group}/${version}` : version, kind), { $ref: `k8s#/definitions/${name}` });
      }
    }

    // CRD files are parsed only when an object of their kind is validated (the Argo CD ones alone
    // are 1.8 MB): indexed here by spec.group and spec.names.kind, read off their top lines.
    const crdFiles = new Map<string, string>();
    for (const file of (await readdir(crdDir)).filter((f) => f.endsWith('.yaml')).sort()) {
      const text = await readFile(path.join(crdDir, file), 'utf8');
      const group = /^ {2}group: (\S+)$/m.exec(text)?.[1];
      const kind = /^ {2}names:\n(?: {4}.*\n)*? {4}kind: (\S+)$/m.exec(text)?.[1];
      if (!group || !kind) throw new Error(`${file}: cannot read spec.group / spec.names.kind`);
      crdFiles.set(`${group}|${kind}`, path.join(crdDir, file));
    }
    return new SchemaValidator(ajv, schemas, crdFiles);
  }

  /** Whether a schema is known for this apiVersion and kind. */
  knows(apiVersion: string, kind: string): boolean {
    return this.schemaFor(apiVersion, kind) !== undefined;
  }

  private schemaFor(apiVersion: string, kind: string): Schema | undefined {
    const k = key(apiVersion, kind);
    const groupKind = `${groupOf(apiVersion)}|${kind}`;
    const crdFile = this.crdFiles.get(groupKind);
    if (!this.schemas.has(k) && crdFile) {
      this.crdFiles.delete(groupKind);
      const crd = parse(readFileSync(crdFile, 'utf8'));
      if (`${crd.spec.group}|${crd.spec.names.kind}` !== groupKind)
        throw new Error(`${crdFile} is not ${groupKind}`);
      for (const version of crd.spec.versions as CrdVersion[]) {
        if (!version.served) continue;
        const schema = structuredClone(version.schema.openAPIV3Schema);
        (schema.properties as Schema).metadata = { $ref: objectMeta };
        closeObjectSchemas(schema);
        this.schemas.set(key(`${crd.spec.group}/${version.name}`, crd.spec.names.kind), schema);
      }
    }
    return this.schemas.get(k);
  }

  /** The problems of one object; empty when it is valid. */
  validate(object: K8sObject): Problem[] {
    const id = objectId(object);
    if (typeof object?.apiVersion !== 'string' || typeof object?.kind !== 'string') {
      return [{ object: id || '(unnamed)', path: '', message: 'apiVersion and kind are required' }];
    }
    const k = key(object.apiVersion, object.kind);
    const schema = this.schemaFor(object.apiVersion, object.kind);
    if (!schema) {
      const group = groupOf(object.apiVersion);
      return [
        {
          object: id,
          path: '',
          message: `no schema for ${object.kind} in ${object.apiVersion} (group '${group}')`,
        },
      ];
    }
    let validate = this.compiled.get(k);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(k, validate);
    }
    if (validate(object)) return [];
    return (validate.errors ?? []).map((e) => ({
      object: id,
      path: e.instancePath || '/',
      message: describe(e),
    }));
  }

  /** The problems of many objects, one line each, for readable test failures. */
  validateAll(objects: K8sObject[]): string[] {
    return objects.flatMap((o) => this.validate(o)).map((p) => `${p.object} ${p.path}: ${p.message}`);
  }
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `unknown field '${(error.params as { additionalProperty: string }).additionalProperty}'`;
  }
  return error.message ?? error.keyword;
}
