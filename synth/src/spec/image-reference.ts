// Container image references as the theme catalog writes them: an explicit registry, a repository,
// and a pinned version (a tag other than `latest`, and/or a sha256 digest).

export interface ImageReference {
  /** Host (and port) of the registry, e.g. `registry.luster.io`. */
  readonly registry: string;
  /** Path inside the registry, e.g. `themes/aurora`. */
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const IMAGE = new RegExp(
  `^(?<registry>${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})*(?::[0-9]+)?)` +
    `/(?<repository>${COMPONENT}(?:/${COMPONENT})*)` +
    '(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?' +
    '(?:@(?<digest>sha256:[a-f0-9]{64}))?$',
);

/** Parses `image`, or returns `null` when it has no explicit registry host or is malformed. */
export function parseImageReference(image: string): ImageReference | null {
  const groups = IMAGE.exec(image)?.groups;
  if (!groups?.registry || !groups.repository) return null;
  // Without a dot, a port or `localhost`, the first segment is a Docker Hub namespace, not a registry.
  const registry = groups.registry;
  if (!registry.includes('.') && !registry.includes(':') && registry !== 'localhost') return null;
  return { registry, repository: groups.repository, tag: groups.tag, digest: groups.digest };
}

/** True when the reference names an exact version: a digest, or a tag other than `latest`. */
export function isPinned(ref: ImageReference): boolean {
  return ref.digest !== undefined || (ref.tag !== undefined && ref.tag !== 'latest');
}

/**
 * True when the image lives under one of `allowed`, each a registry host optionally followed by a
 * path prefix (`registry.luster.io` or `registry.luster.io/themes`).
 */
export function isFromRegistries(ref: ImageReference, allowed: readonly string[]): boolean {
  const name = `${ref.registry}/${ref.repository}`;
  return allowed.some((prefix) => name === prefix || name.startsWith(`${prefix.replace(/\/+$/, '')}/`));
}
