import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { validateManifests } from '../validation/validate-manifests.js';
import { type CliIo, UsageError } from './cli-io.js';
import { EXIT_INVALID_MANIFESTS, EXIT_OK } from './exit-codes.js';
import { formatViolations } from './format-problems.js';
import { loadOptions } from './load-options.js';

export const VALIDATE_USAGE =
  'luster-synth validate <file or folder>... [--options <file>] [--kind-without-schema <apiVersion/Kind>]...';

/** Every .yaml/.yml file at or below `path`, sorted, so the report reads the same on every run. */
function yamlFiles(path: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new UsageError(`${path} does not exist`);
  }
  if (!isDirectory) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const child = join(path, entry.name);
      if (entry.isDirectory()) return yamlFiles(child);
      return /\.ya?ml$/.test(entry.name) ? [child] : [];
    });
}

/** `validate`: the check the GitOps repo's pull requests run. Exit 1 lists every problem. */
export function validateCommand(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      options: { type: 'string' },
      // Kinds whose CRD is not among the known ones (e.g. Prometheus' ServiceMonitor): accepted unvalidated.
      'kind-without-schema': { type: 'string', multiple: true },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new UsageError('validate needs at least one file or folder');
  const { allowedImageRegistries } = loadOptions(values.options);
  const kindsWithoutSchema = values['kind-without-schema'] ?? [];
  const files = positionals.flatMap(yamlFiles);
  let problems = 0;
  for (const file of files) {
    const violations = validateManifests(readFileSync(file, 'utf8'), {
      allowedImageRegistries,
      kindsWithoutSchema,
    });
    if (violations.length === 0) continue;
    problems += violations.length;
    io.err(`${file}:\n${formatViolations(violations)}`);
  }
  if (kindsWithoutSchema.length > 0) io.out(`accepted without a schema: ${kindsWithoutSchema.join(', ')}\n`);
  io.out(`${files.length} files checked, ${problems} problems\n`);
  return problems === 0 ? EXIT_OK : EXIT_INVALID_MANIFESTS;
}
