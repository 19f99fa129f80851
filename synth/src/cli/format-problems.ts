import type { SpecIssue } from '../errors/spec-error.js';
import type { Violation } from '../errors/validation-error.js';

/** `  domains.custom[1]: must be lowercase` — one line per spec problem. */
export function formatSpecIssues(issues: readonly SpecIssue[]): string {
  return issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}\n`).join('');
}

/** `  Deployment tenant-acme/theme spec.replicaz: unknown field 'replicaz' [schema.additionalProperties]`. */
export function formatViolations(violations: readonly Violation[], prefix = ''): string {
  return violations
    .map((v) => `  ${prefix}${v.object}${v.field ? ` ${v.field}` : ''}: ${v.message} [${v.rule}]\n`)
    .join('');
}
