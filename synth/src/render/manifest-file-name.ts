import type { Manifest } from '../validation/object-identity.js';
import { metadataOf } from '../validation/object-identity.js';

/** `HorizontalPodAutoscaler` → `horizontal-pod-autoscaler`. */
function kebab(kind: string): string {
  return kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** File of one object in its folder: `<kind>-<name>.yaml`, e.g. `network-policy-default-deny.yaml`. */
export function manifestFileName(object: Manifest): string {
  return `${kebab(String(object.kind))}-${String(metadataOf(object).name)}.yaml`;
}
