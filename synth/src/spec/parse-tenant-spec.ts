import { SpecError } from '../errors/spec-error.js';
import { formatFieldPath } from './field-path.js';
import { type TenantSpec, tenantSpecSchema } from './tenant-spec.js';

/** Checks `input` against the TenantSpec schema and applies defaults; throws SpecError listing every problem. */
export function parseTenantSpec(input: unknown): TenantSpec {
  const result = tenantSpecSchema.safeParse(input);
  if (!result.success) {
    throw new SpecError(
      result.error.issues.map((i) => ({ path: formatFieldPath(i.path), message: i.message })),
    );
  }
  return result.data;
}
