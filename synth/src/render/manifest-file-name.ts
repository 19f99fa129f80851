import type { Manifest } from '../validation/object-identity.js';
import { metadataOf } from '../validation/object-identity.js';

/** Kinds seen so far, kebab-cased: a render names some 25 files from a dozen kinds. */
const kebabKinds = new Map<string, string>();

/** `HorizontalPodAutoscaler` → `horizontal-pod-autoscaler`. */
function kebab(kind: string): string {
  let name = kebabKinds.get(kind);
  if (name === undefined) {
    name = kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    kebabKinds.set(kind, name);
  }
  return name;
}

/** File of one object in its folder: `<kind>-<name>.yaml`, e.g. `network-policy-default-deny.yaml`. */
export function manifestFileName(object: Manifest): string {
  return `${kebab(String(object.kind))}-${String(metadataOf(object).name)}.yaml`;
}
