import { type RenderOptions, resolveRenderOptions } from '../options/render-options.js';
import { UsageError } from './cli-io.js';
import { readDocument } from './read-document.js';

/** RenderOptions from an `--options` file (JSON or YAML), checked before any tenant is rendered. */
export function loadOptions(path: string | undefined): RenderOptions {
  if (path === undefined) return {};
  const options = readDocument(path);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new UsageError(`${path} must hold a mapping of RenderOptions`);
  }
  try {
    resolveRenderOptions(options as RenderOptions);
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
  return options as RenderOptions;
}
