import { SpecError } from '../errors/spec-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { tenantDir } from '../layout/tenant-dir.js';
import type { RenderOptions } from '../options/render-options.js';
import { renderTenant } from '../render/render-tenant.js';
import { parseTenantSpec } from '../spec/parse-tenant-spec.js';
import { UsageError } from './cli-io.js';
import { formatSpecIssues, formatViolations } from './format-problems.js';
import { readDocument } from './read-document.js';
import { writeTenantFiles } from './write-tenant-files.js';

/** What became of one spec file in `render-all`; plain data, so it can cross a worker boundary. */
export interface SpecFileOutcome {
  readonly file: string;
  readonly status: 'rendered' | 'invalid-spec' | 'invalid-manifests';
  /** Written or deleted files. */
  readonly changes: number;
  /** Human-readable problems, one per line; empty when rendered. */
  readonly problems: string;
}

/** Reads, renders and writes one tenant; problems are returned, never thrown. */
export function renderSpecFile(file: string, out: string, options: RenderOptions): SpecFileOutcome {
  try {
    const spec = parseTenantSpec(readDocument(file));
    const files = renderTenant(spec, options);
    const changes = writeTenantFiles(out, tenantDir(spec.cluster, spec.slug), files);
    return { file, status: 'rendered', changes, problems: '' };
  } catch (error) {
    if (error instanceof SpecError) {
      return { file, status: 'invalid-spec', changes: 0, problems: formatSpecIssues(error.issues) };
    }
    if (error instanceof UsageError)
      return { file, status: 'invalid-spec', changes: 0, problems: `  ${error.message}\n` };
    if (error instanceof ValidationError) {
      return { file, status: 'invalid-manifests', changes: 0, problems: formatViolations(error.violations) };
    }
    throw error;
  }
}
