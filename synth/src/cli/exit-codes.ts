/** Exit statuses of luster-synth; CI pipelines and the control plane branch on them. */
export const EXIT_OK = 0;
/** `validate` found problems, or a rendered object failed validation. */
export const EXIT_INVALID_MANIFESTS = 1;
/** A tenant spec is invalid. */
export const EXIT_INVALID_SPEC = 2;
/** Wrong arguments or unreadable options (sysexits EX_USAGE). */
export const EXIT_USAGE = 64;
