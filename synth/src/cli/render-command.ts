import { parseArgs } from 'node:util';
import { SpecError } from '../errors/spec-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { tenantDir } from '../layout/tenant-dir.js';
import { renderTenant } from '../render/render-tenant.js';
import { parseTenantSpec } from '../spec/parse-tenant-spec.js';
import { type CliIo, UsageError } from './cli-io.js';
import { EXIT_INVALID_MANIFESTS, EXIT_INVALID_SPEC, EXIT_OK } from './exit-codes.js';
import { formatSpecIssues, formatViolations } from './format-problems.js';
import { loadOptions } from './load-options.js';
import { readDocument } from './read-document.js';
import { writeTenantFiles } from './write-tenant-files.js';

export const RENDER_USAGE =
  'luster-synth render --spec <file.json|yaml> --out <gitops repo dir> [--options <file>]';

/** `render`: one tenant's files into the GitOps repo checkout at `--out`. */
export function renderCommand(args: readonly string[], io: CliIo): number {
  const { values } = parseArgs({
    args: [...args],
    options: { spec: { type: 'string' }, out: { type: 'string' }, options: { type: 'string' } },
    strict: true,
  });
  if (!values.spec || !values.out) throw new UsageError('render needs --spec and --out');
  const options = loadOptions(values.options);
  try {
    const spec = parseTenantSpec(readDocument(values.spec));
    const files = renderTenant(spec, options);
    const dir = tenantDir(spec.cluster, spec.slug);
    const changes = writeTenantFiles(values.out, dir, files);
    io.out(`${dir}: ${files.length} files, ${changes} changed\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof SpecError) {
      io.err(`${values.spec} is not a valid tenant spec:\n${formatSpecIssues(error.issues)}`);
      return EXIT_INVALID_SPEC;
    }
    if (error instanceof ValidationError) {
      io.err(`${values.spec} renders invalid objects:\n${formatViolations(error.violations)}`);
      return EXIT_INVALID_MANIFESTS;
    }
    throw error;
  }
}
