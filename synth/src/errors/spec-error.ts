/** One problem in a TenantSpec: where (`domains.custom[1]`) and why. */
export interface SpecIssue {
  readonly path: string;
  readonly message: string;
}

/** The input is not a valid TenantSpec; `issues` lists every problem found, not just the first. */
export class SpecError extends Error {
  readonly code = 'SYNTH_SPEC_INVALID';
  readonly issues: readonly SpecIssue[];

  constructor(issues: readonly SpecIssue[]) {
    super(`invalid tenant spec: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'SpecError';
    this.issues = issues;
  }
}
