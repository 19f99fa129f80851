import type { ErrorObject } from 'ajv';
import type { Violation } from '../errors/validation-error.js';

/** `/spec/template/spec/containers/0/image` → `spec.template.spec.containers[0].image`. */
export function pointerToField(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (/^[0-9]+$/.test(segment)) out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

function child(field: string, name: string): string {
  return field === '' ? name : `${field}.${name}`;
}

/**
 * Turns ajv errors into violations. Under a failed oneOf/anyOf only the summary is kept: the
 * per-branch errors ("must be string", "must be integer") say the same thing less clearly.
 */
export function schemaViolations(object: string, errors: readonly ErrorObject[]): Violation[] {
  const unions = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const kept = errors.filter(
    (e) =>
      !unions.some(
        (u) => u !== e && u.instancePath === e.instancePath && e.schemaPath.startsWith(`${u.schemaPath}/`),
      ),
  );
  return kept.map((e) => {
    const field = pointerToField(e.instancePath);
    const rule = `schema.${e.keyword}`;
    if (e.keyword === 'additionalProperties') {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      return { object, field: child(field, name), rule, message: `unknown field '${name}'` };
    }
    if (e.keyword === 'required') {
      const name = String((e.params as { missingProperty: string }).missingProperty);
      return { object, field: child(field, name), rule, message: `required field '${name}' is missing` };
    }
    return { object, field, rule, message: e.message ?? e.keyword };
  });
}
