/** A manifest as parsed from YAML or JSON: a plain object we know nothing about yet. */
export type Manifest = Record<string, unknown>;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function metadataOf(object: Manifest): Record<string, unknown> {
  const metadata = object.metadata;
  return metadata !== null && typeof metadata === 'object' ? (metadata as Record<string, unknown>) : {};
}

/** How messages name an object: `Deployment tenant-acme/theme`, `Namespace tenant-acme`. */
export function describeObject(object: Manifest, fallback: string): string {
  const kind = text(object.kind) ?? 'object';
  const metadata = metadataOf(object);
  const name = text(metadata.name);
  if (!name) return `${kind} (${fallback}, unnamed)`;
  const namespace = text(metadata.namespace);
  return namespace ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
}
