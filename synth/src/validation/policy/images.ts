import type { Violation } from '../../errors/validation-error.js';
import { isFromRegistries, isPinned, parseImageReference } from '../../spec/image-reference.js';
import { containersOf, podSpecOf } from './pod-specs.js';
import type { PolicyCheck } from './policy-context.js';

/** Images come only from the theme catalog's registries, at a pinned version. */
export const images: PolicyCheck = (object, name, options) => {
  const pod = podSpecOf(object);
  if (!pod) return [];
  const violations: Violation[] = [];
  for (const { field, container } of containersOf(pod)) {
    const image = container.image;
    const at = `${field}.image`;
    const ref = typeof image === 'string' ? parseImageReference(image) : null;
    if (!ref) {
      violations.push({
        object: name,
        field: at,
        rule: 'policy.image',
        message: `'${String(image)}' is not a full image reference`,
      });
    } else if (!isFromRegistries(ref, options.allowedImageRegistries)) {
      violations.push({
        object: name,
        field: at,
        rule: 'policy.image-registry',
        message: `'${String(image)}' is not from an allowed registry (${options.allowedImageRegistries.join(', ')})`,
      });
    } else if (!isPinned(ref)) {
      violations.push({
        object: name,
        field: at,
        rule: 'policy.image-pinned',
        message: `'${String(image)}' must be pinned to a tag other than latest or a digest`,
      });
    }
  }
  return violations;
};
