import { readFileSync } from 'node:fs';

/** runtime-paths.json: what the image copies and installs, and the production install does too. */
export const runtimePaths = JSON.parse(
  readFileSync(new URL('./runtime-paths.json', import.meta.url), 'utf8'),
) as {
  /** The install command: production dependencies of the control plane only (not the admin's). */
  install: string;
  manifests: string[];
  built: string[];
};
