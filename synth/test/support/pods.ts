/** A bare Pod with one container: the smallest object the pod-spec policies look at. */
export function aPod(image: unknown, resources?: unknown): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', image, resources }] },
  };
}

/** Policy options allowing the theme folder of the Luster registry. */
export const themeRegistryOnly = { allowedImageRegistries: ['registry.luster.io/themes'] };
