import { emitYaml, type KeyOrder } from './yaml-emitter.js';

/**
 * The fixed key order of every manifest: apiVersion, kind, metadata (name, namespace, labels,
 * annotations, then the rest), then the rest; every other map sorted by key.
 */
const MANIFEST_KEY_ORDER: KeyOrder = {
  top: ['apiVersion', 'kind', 'metadata'],
  metadata: ['name', 'namespace', 'labels', 'annotations'],
};

/** Serialises one object as the content of a YAML file, optionally headed by a comment. */
export function toYamlFile(object: Readonly<Record<string, unknown>>, comment?: string): string {
  // A blank comment line stays a bare `#`: no trailing whitespace in the file.
  const header = comment ? `${comment.replace(/^(?=.)/gm, '# ').replace(/^$/gm, '#')}\n` : '';
  return header + emitYaml(object, MANIFEST_KEY_ORDER);
}
