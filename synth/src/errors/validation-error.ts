/**
 * One rendered object that breaks a rule: which object (`Deployment tenant-acme/theme`), which
 * field (`spec.template.spec.containers[0].resources`), which rule (`policy.resources`), and why.
 */
export interface Violation {
  readonly object: string;
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** Rendered objects failed schema or policy validation; nothing was returned. */
export class ValidationError extends Error {
  readonly code = 'SYNTH_MANIFEST_INVALID';
  readonly violations: readonly Violation[];

  constructor(violations: readonly Violation[]) {
    super(
      `rendered objects are invalid: ${violations.map((v) => `${v.object} ${v.field}: ${v.message} [${v.rule}]`).join('; ')}`,
    );
    this.name = 'ValidationError';
    this.violations = violations;
  }
}
